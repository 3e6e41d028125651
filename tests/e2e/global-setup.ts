// Builds the app once before the browser tests when build/ is missing or older
// than its sources. Each test file then starts its own server on the build
// (tests/e2e/server.ts, through the `server` fixture in fixtures.ts).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const BUILD_ENTRY = "build/server/index.js";
const BUILD_INPUTS = ["app", "public", "vite.config.ts", "react-router.config.ts", "package-lock.json"];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** Why the app must be built before the tests, or null if build/ is current. */
function buildReason(): string | null {
  if (process.env.E2E_REBUILD === "1") return "E2E_REBUILD=1";
  if (!existsSync(BUILD_ENTRY)) return `${BUILD_ENTRY} is missing`;
  const built = statSync(BUILD_ENTRY).mtimeMs;
  const changed = BUILD_INPUTS.find((input) => newestMtime(input) > built);
  return changed ? `${changed} changed since the last build` : null;
}

/** The tests run against build/ (like production): built once here if missing or out of date. */
function ensureBuild(): void {
  const reason = buildReason();
  if (!reason) return;
  console.log(`[e2e] building the app (${reason}): npx react-router build`);
  // NODE_ENV=production: Vitest sets "test", which would give React's development build.
  const result = spawnSync("npx", ["react-router", "build"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) {
    throw new Error(`react-router build failed (exit ${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

export default function setup() {
  ensureBuild();
}
