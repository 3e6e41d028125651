import { describe, expect, it } from "vitest";
import { AREA_CODE_PATTERN, isAreaCode, normaliseAreaCode } from "./organisation";

describe("area codes", () => {
  it.each(["BUU", "ØAD", "ÆLDRE", "AB"])("accepts %s", (code) => expect(AREA_CODE_PATTERN.test(code)).toBe(true));
  it.each(["B", "BUUBUUB", "buu", "B1U", "B U", ""])("refuses %s as stored", (code) => expect(AREA_CODE_PATTERN.test(code)).toBe(false));

  it("reads a typed code trimmed and upper-cased", () => {
    expect(normaliseAreaCode("  øad ")).toBe("ØAD");
    expect(isAreaCode(" buu")).toBe(true);
    expect(isAreaCode("b")).toBe(false);
  });
});
