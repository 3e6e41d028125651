import { describe, expect, it } from "vitest";
import { allKeys, createTranslator, translatePlural } from "./index";

describe("plural messages", () => {
  const da = createTranslator("da");
  const en = createTranslator("en");

  it("chooses the form by Intl.PluralRules and formats the count", () => {
    expect(da.plural("applications.versions.warnings", 1)).toBe("1 advarsel");
    expect(da.plural("applications.versions.warnings", 2)).toBe("2 advarsler");
    expect(da.plural("applications.versions.warnings", 0)).toBe("0 advarsler");
    expect(en.plural("applications.detail.versionCount", 1)).toBe("1 version");
    expect(en.plural("applications.detail.versionCount", 3)).toBe("3 versions");
    expect(translatePlural("da", "guidelines.diff.skipped", 1200)).toBe("… 1.200 uændrede linjer …");
  });

  it("keeps other variables", () => {
    expect(da.plural("priorities.yearSection.summary", 1, { revision: 2, date: "1.3.2027" })).toBe(
      "Revision 2 fra ledelsesmødet 1.3.2027: 1 prioriteret fokusområde.",
    );
  });

  it("has both forms for every counted message, and no '(er)', '(r)' or '(s)' left in any text", () => {
    const keys = allKeys();
    for (const key of keys.filter((k) => k.endsWith(".one"))) expect(keys, key).toContain(key.replace(/\.one$/, ".other"));
    const texts = keys.flatMap((key) => [da(key as never), en(key as never)]);
    expect(texts.filter((text) => /\p{L}\((?:er|r|e|s|es)\)/u.test(text))).toEqual([]);
    expect(texts.filter((text) => /\bN (?:måneder|forvaltningsområder|months|areas)\b/.test(text))).toEqual([]);
  });
});

// A base without both forms is not a PluralKey: this must stay a compile error.
// @ts-expect-error "applications.edit.title" has no .one/.other forms
createTranslator("da").plural("applications.edit.title", 1);

describe("wording for people, not developers", () => {
  it("never says that the organisation 'is data'", () => {
    expect(createTranslator("da")("org.intro")).not.toMatch(/er data/);
    expect(createTranslator("en")("org.intro")).not.toMatch(/is data/);
  });
});
