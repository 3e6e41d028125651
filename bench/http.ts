// HTTP benchmark: the built app on a fresh embedded demo database, logged in,
// with autocannon at 20 concurrent clients against 127.0.0.1 only. Prints each
// main page's throughput and p95 beside two floors measured in the same run:
// /healthz (no session, no page) and a logged-in static page (/accessibility).
// Figures, not a test: it always exits 0 once it has measured.
//
//   npm run bench:http [-- --seconds 8] [--connections 20] [--build]
//
// Targets: every page ≥ a third of the static page's throughput, and p95 ≤ 150 ms.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { startServer } from "../tests/e2e/server";
import { login } from "./lib/http";

const P95_TARGET_MS = 150;
const SHARE_OF_STATIC = 1 / 3;

interface PageCase {
  name: string;
  path: string | ((ids: DemoIds) => string);
  as: string | null; // demo e-mail, null = anonymous
}

interface DemoIds {
  applicationId: string;
  year: number;
}

const CASES: PageCase[] = [
  { name: "health check (floor)", path: "/healthz", as: null },
  { name: "static page, logged in (floor)", path: "/accessibility", as: "sekretariat@demo.aarhus.dk" },
  { name: "home (secretariat)", path: "/", as: "sekretariat@demo.aarhus.dk" },
  { name: "home (applicant)", path: "/", as: "ansoeger@demo.aarhus.dk" },
  { name: "applications list (secretariat)", path: "/applications", as: "sekretariat@demo.aarhus.dk" },
  { name: "applications list (area lead)", path: "/applications", as: "chef.buu@demo.aarhus.dk" },
  { name: "statistics (HMU)", path: "/applications/statistics", as: "hmu@demo.aarhus.dk" },
  { name: "application page (secretariat)", path: (ids) => `/applications/${ids.applicationId}`, as: "sekretariat@demo.aarhus.dk" },
  { name: "new application form (applicant)", path: "/applications/new", as: "ansoeger@demo.aarhus.dk" },
  { name: "pool year (finance)", path: (ids) => `/pool-years/${ids.year}`, as: "oekonomi@demo.aarhus.dk" },
  { name: "audit log (admin)", path: "/audit", as: "admin@demo.aarhus.dk" },
];

/** The id of a submitted application the secretariat can open (from the demo list). */
async function demoIds(baseURL: string, cookie: string): Promise<DemoIds> {
  const html = await (await fetch(`${baseURL}/applications?status=ENDORSED`, { headers: { Cookie: cookie } })).text();
  const match = /href="\/applications\/([a-z0-9]{20,})"/.exec(html);
  if (!match) throw new Error("No application found in the demo list");
  return { applicationId: match[1]!, year: new Date().getFullYear() };
}

interface Measured {
  name: string;
  path: string;
  perSecond: number;
  p95: number;
  non2xx: number;
  errors: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function measure(url: string, cookie: string | null, seconds: number, connections: number): Promise<{ perSecond: number; p95: number; non2xx: number; errors: number }> {
  const times: number[] = [];
  const instance = autocannon({
    url,
    connections,
    duration: seconds,
    // As a browser asks: compressed (the server gzips pages; the client then reads less).
    headers: { "accept-encoding": "gzip, deflate", ...(cookie ? { cookie } : {}) },
  });
  instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return { perSecond: result.requests.average, p95: percentile(times, 95), non2xx: result.non2xx, errors: result.errors };
}

const pad = (text: string, width: number) => text.padEnd(width);
const num = (value: number, digits = 0) => value.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { seconds: { type: "string", default: "8" }, connections: { type: "string", default: "20" }, build: { type: "boolean", default: false } },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (values.build || !existsSync("build/server/index.js")) {
    console.log("Building the app…");
    execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  }
  const server = await startServer();
  try {
    const cookies = new Map<string, string>();
    for (const c of CASES) if (c.as && !cookies.has(c.as)) cookies.set(c.as, await login(server.baseURL, c.as));
    const ids = await demoIds(server.baseURL, cookies.get("sekretariat@demo.aarhus.dk")!);
    console.log(`HTTP benchmark: ${connections} connections, ${seconds} s per page, against ${server.baseURL} (demo data)\n`);
    const results: Measured[] = [];
    for (const c of CASES) {
      const path = typeof c.path === "function" ? c.path(ids) : c.path;
      // Warm up (first render, caches), then measure.
      await measure(server.baseURL + path, c.as ? cookies.get(c.as)! : null, 1, connections);
      const m = await measure(server.baseURL + path, c.as ? cookies.get(c.as)! : null, seconds, connections);
      results.push({ name: c.name, path, ...m });
      console.log(`  measured ${c.name}: ${num(m.perSecond)} req/s`);
    }
    const staticPage = results[1]!;
    const floor = staticPage.perSecond * SHARE_OF_STATIC;
    console.log(
      `\nTargets: throughput ≥ ${num(floor)} req/s (a third of the static page's ${num(staticPage.perSecond)}), p95 ≤ ${P95_TARGET_MS} ms\n`,
    );
    console.log(`${pad("page", 36)}${pad("req/s", 10)}${pad("p95 ms", 10)}${pad("non-2xx", 9)}verdict`);
    for (const r of results) {
      const isFloor = r.name.includes("(floor)");
      const ok = r.perSecond >= floor && r.p95 <= P95_TARGET_MS && r.non2xx === 0 && r.errors === 0;
      console.log(`${pad(r.name, 36)}${pad(num(r.perSecond), 10)}${pad(num(r.p95, 1), 10)}${pad(String(r.non2xx + r.errors), 9)}${isFloor ? "floor" : ok ? "ok" : "MISS"}`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
