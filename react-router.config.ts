import type { Config } from "@react-router/dev/config";

export default {
  ssr: true,
  appDirectory: "app",
  buildDirectory: "build",
  // Every React Router v8 flag is decided here, so the build does not warn on
  // each start (docs/decisions/017-newcomer-path.md). Off until we move to v8:
  // middleware would change the load context server.js passes; the others change
  // request handling and the build output, which nothing here needs yet.
  future: {
    v8_middleware: false,
    v8_splitRouteModules: false,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: false,
    v8_trailingSlashAwareDataRequests: false,
  },
} satisfies Config;
