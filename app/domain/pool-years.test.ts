import { describe, expect, it } from "vitest";
import { currentPoolYear } from "./pool-years";

describe("currentPoolYear", () => {
  it("is today's year when that pool year exists, even with later years", () => {
    expect(currentPoolYear([2028, 2027, 2026], 2027)).toBe(2027);
  });

  it("is the nearest earlier year when today's year has no pool year", () => {
    expect(currentPoolYear([2031, 2026, 2024], 2029)).toBe(2026);
  });

  it("is the earliest year when every pool year lies ahead", () => {
    expect(currentPoolYear([2030, 2028], 2026)).toBe(2028);
  });

  it("is null without pool years", () => {
    expect(currentPoolYear([], 2026)).toBeNull();
  });
});
