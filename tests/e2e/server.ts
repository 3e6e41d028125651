// Starts the built app for one browser-test file: a fresh embedded database in a
// temp DATA_DIR (demo mode: migrated and seeded on start), on a free port. Each
// file gets its own server, so files never see each other's data.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";

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

export interface TestServer {
  baseURL: string;
  /** Stops the server (SIGTERM: it closes its listener and PGlite) and deletes its data. */
  stop: () => Promise<void>;
}

export async function startServer(): Promise<TestServer> {
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

  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitForHealth(baseURL, child, () => log);
  } catch (error) {
    await kill();
    throw error;
  }
  if (process.env.E2E_SERVER_LOG === "1") child.stdout?.pipe(process.stdout);

  return {
    baseURL,
    stop: async () => {
      await kill();
      // Server errors during the run (500s, crashes) are worth seeing even when tests pass.
      if (/error/i.test(log) && process.env.E2E_QUIET !== "1") console.log(`[e2e] server output:\n${log}`);
    },
  };
}
