import path from "node:path";
import { defineConfig } from "vitest/config";

// Kept apart from vite.config.ts: no React Router plugin under Vitest.
const alias = { "~": path.resolve("app") };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["app/domain/**/*.test.ts", "app/i18n/**/*.test.ts", "server/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["app/**/*.test.{ts,tsx}", "tests/**/*.test.{ts,tsx}"],
          exclude: ["app/domain/**", "app/i18n/**", "tests/e2e/**", "**/node_modules/**"],
          environment: "node",
          globalSetup: ["tests/setup/global-setup.ts"],
          setupFiles: ["tests/setup/console.ts", "tests/setup/msw.ts", "tests/setup/setup-database.ts"],
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
