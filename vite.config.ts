import path from "node:path";
import { reactRouter } from "@react-router/dev/vite";
import { defineConfig, type Plugin } from "vite";

/**
 * In the browser build, app/i18n/index.ts gets the one-language dictionary that
 * the page brings (app/i18n/dictionaries.client.ts) instead of every message
 * file in both languages (app/i18n/dictionaries.ts). The server keeps them all.
 */
function clientDictionaries(): Plugin {
  const server = path.resolve("app/i18n/dictionaries.ts");
  const client = path.resolve("app/i18n/dictionaries.client.ts");
  return {
    name: "kp-client-dictionaries",
    enforce: "pre",
    async resolveId(source, importer, options) {
      if (options?.ssr || !importer) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && resolved.id === server ? client : null;
    },
  };
}

export default defineConfig({
  plugins: [clientDictionaries(), reactRouter()],
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
