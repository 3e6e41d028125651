// Starts the built app once for the browser tests: a fresh embedded database in
// a temp DATA_DIR (demo mode: migrated and seeded on start), on a free port.
// The tests get its address through inject("baseURL").
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
  }
}

const HOST = "127.0.0.1";
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 15_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

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

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before it answered:\n${output()}`);
    }
    try {
      const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer GET /healthz with 200 within ${START_TIMEOUT_MS} ms:\n${output()}`);
}

export default async function setup(project: TestProject) {
  ensureBuild();
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "kp-e2e-"));
  const port = await freePort();
  const baseURL = `http://${HOST}:${port}`;

  // `node` directly (not npx), so child.pid is the server's own and SIGTERM reaches it.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST,
    DATA_DIR: dataDir,
    DEMO: "1",
    LOG_REQUESTS: "0",
  };
  delete env.DATABASE_URL; // always the embedded database, never a server from the environment
  const child = spawn(process.execPath, ["--require", "./scripts/unref-timers.cjs", "server.js"], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  const collect = (chunk: Buffer) => {
    log += chunk.toString();
    if (log.length > 50_000) log = log.slice(-50_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM"); // the server closes its listener and PGlite, then exits
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseURL, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  if (process.env.E2E_SERVER_LOG === "1") child.stdout?.pipe(process.stdout);
  project.provide("baseURL", baseURL);

  return async () => {
    await stop();
    // Server errors during the run (500s, crashes) are worth seeing even when tests pass.
    if (/error/i.test(log) && process.env.E2E_QUIET !== "1") {
      console.log(`[e2e] server output:\n${log}`);
    }
  };
}
