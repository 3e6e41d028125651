// Page weight: the JavaScript a browser loads for each main page (the module
// scripts and modulepreload links in the page's HTML), gzipped, beside the
// target of 120 KB gzip per page. Figures, not a test.
//
//   npm run bench:weight [-- --build]
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { startServer } from "../tests/e2e/server";
import { login } from "./lib/http";

const TARGET_KB = 120;

const PAGES: { name: string; path: string; as: string | null }[] = [
  { name: "login", path: "/login", as: null },
  { name: "home", path: "/", as: "sekretariat@demo.aarhus.dk" },
  { name: "applications list", path: "/applications", as: "sekretariat@demo.aarhus.dk" },
  { name: "new application", path: "/applications/new", as: "ansoeger@demo.aarhus.dk" },
  { name: "statistics", path: "/applications/statistics", as: "hmu@demo.aarhus.dk" },
  { name: "pool years", path: "/pool-years", as: "oekonomi@demo.aarhus.dk" },
  { name: "guidelines", path: "/guidelines", as: "sekretariat@demo.aarhus.dk" },
  { name: "audit log", path: "/audit", as: "admin@demo.aarhus.dk" },
];

/** Every script URL the page loads: module scripts, modulepreloads and the imports inside inline module scripts. */
function scriptUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/import\(?\s*["'](\/assets\/[^"']+\.js)["']/g)) urls.add(m[1]!);
  for (const m of html.matchAll(/from\s*["'](\/assets\/[^"']+\.js)["']/g)) urls.add(m[1]!);
  return [...urls].filter((u) => u.endsWith(".js"));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { build: { type: "boolean", default: false } } });
  if (values.build || !existsSync("build/server/index.js")) execFileSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  const server = await startServer();
  try {
    const cookies = new Map<string, string>();
    console.log(`Page weight: JavaScript per page, gzip (level 9), target ≤ ${TARGET_KB} KB\n`);
    console.log(`${"page".padEnd(22)}${"files".padEnd(7)}${"raw KB".padEnd(10)}${"gzip KB".padEnd(10)}verdict`);
    for (const page of PAGES) {
      let cookie = "";
      if (page.as) {
        cookie = cookies.get(page.as) ?? (await login(server.baseURL, page.as));
        cookies.set(page.as, cookie);
      }
      const html = await (await fetch(server.baseURL + page.path, { headers: cookie ? { Cookie: cookie } : {} })).text();
      const urls = scriptUrls(html);
      let raw = 0;
      let gz = 0;
      for (const url of urls) {
        const bytes = new Uint8Array(await (await fetch(server.baseURL + url)).arrayBuffer());
        raw += bytes.byteLength;
        gz += gzipSync(bytes, { level: 9 }).byteLength;
      }
      const kb = (n: number) => (n / 1024).toFixed(1);
      console.log(`${page.name.padEnd(22)}${String(urls.length).padEnd(7)}${kb(raw).padEnd(10)}${kb(gz).padEnd(10)}${gz / 1024 <= TARGET_KB ? "ok" : "MISS"}`);
    }
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
