import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [reactRouter()],
  resolve: {
    alias: {
      "~": path.resolve("app"),
      // dkfds exports only "." in package.json; its CSS, fonts and icons live in dist/.
      "dkfds-dist": path.resolve("node_modules/dkfds/dist"),
    },
  },
  optimizeDeps: { exclude: ["@node-rs/argon2"] },
  ssr: { external: ["@node-rs/argon2", "@electric-sql/pglite", "pg", "@prisma/client"] },
  build: { sourcemap: false },
});
