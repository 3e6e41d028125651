import path from "node:path";
import { defineConfig } from "vitest/config";

// Browser tests (`npm run test:e2e`): the built app in a real server process
// (tests/e2e/global-setup.ts) driven by headless Chromium through playwright-core.
// One file at a time: the machine has 2 cores and Chromium + server share them.
export default defineConfig({
  resolve: { alias: { "~": path.resolve("app") } },
  test: {
    name: "e2e",
    include: ["tests/e2e/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/e2e/global-setup.ts"],
    pool: "forks",
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
  },
});
