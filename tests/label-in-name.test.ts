// WCAG 2.5.3 (label in name): a link or button is named by the words it shows.
// Extra words for screen readers go in visually hidden text after the visible
// ones ("Rediger<span class="sr-only"> Ledelseskraft</span>"), never in an
// aria-label that replaces them ("Rediger" shown, "Ret Ledelseskraft" read).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === "generated") return [];
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return name.endsWith(".tsx") && !name.includes(".test.") ? [full] : [];
  });
}

describe("label in name", () => {
  it("no link or button in the app replaces its visible text with an aria-label", () => {
    const offenders: string[] = [];
    for (const file of tsxFiles(path.resolve("app"))) {
      const text = readFileSync(file, "utf8");
      // An opening tag of a link or button, up to its end, that has an aria-label.
      for (const match of text.matchAll(/<(Link|NavLink|a|button)\b[^>]*?\baria-label=/gs)) {
        const line = text.slice(0, match.index).split("\n").length;
        offenders.push(`${path.relative(process.cwd(), file)}:${line} <${match[1]}>`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
