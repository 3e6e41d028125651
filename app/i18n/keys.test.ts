// Message keys written as plain strings (Zod messages, FieldError keys in
// services) are not checked by the compiler; this test checks them instead.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { allKeys, isMessageKey, keysOf } from "./index";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated" || name === "messages") return [];
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

// Zod messages ({ error: "key" } / { message: "key" }), FieldError keys, and anything "validation.*".
const KEY_PATTERNS = [
  /\b(?:error|message):\s*["']([A-Za-z0-9_]+\.[A-Za-z0-9_.]+)["']/g,
  /FieldError\(\s*["'][^"']*["']\s*,\s*["']([A-Za-z0-9_.]+)["']/g,
  /["'](validation\.[A-Za-z0-9_.]+)["']/g,
];

describe("i18n", () => {
  it("has the same keys in Danish and English", () => {
    expect(keysOf("en").sort()).toEqual(keysOf("da").sort());
  });

  it("knows every message key written as a string in the app", () => {
    const unknown: string[] = [];
    for (const file of sourceFiles(path.resolve("app"))) {
      const text = readFileSync(file, "utf8");
      for (const match of KEY_PATTERNS.flatMap((pattern) => [...text.matchAll(pattern)])) {
        const key = match[1]!;
        if (key.endsWith(".") || key.includes("${")) continue;
        if (!isMessageKey(key)) unknown.push(`${path.relative(process.cwd(), file)}: ${key}`);
      }
    }
    expect(unknown).toEqual([]);
    expect(allKeys().length).toBeGreaterThan(50);
  });
});
