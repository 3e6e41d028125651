import { describe, expect, it } from "vitest";
import { isAreaCode } from "./areas";

describe("isAreaCode", () => {
  it("takes 2–6 uppercase letters, Danish letters included", () => {
    for (const code of ["BUU", "ØAD", "AB", "ABCDEF", "ÆØÅ"]) expect(isAreaCode(code), code).toBe(true);
  });
  it("refuses lower case, digits, spaces and the wrong length", () => {
    for (const code of ["buu", "B1U", "B U", "A", "ABCDEFG", ""]) expect(isAreaCode(code), code).toBe(false);
  });
});
