import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formatErrorVars } from "./action.server";

describe("formatErrorVars", () => {
  it("formats øre and dates from services in the user's language, keeping the raw values", () => {
    const vars = { version: 1, adoptedOn: "2026-06-18", budgetOre: "600000000" };
    expect(formatErrorVars(vars, "da")).toEqual({ ...vars, adopted: "18.6.2026", budget: "6.000.000,00 kr." });
    expect(formatErrorVars(vars, "en")).toEqual({ ...vars, adopted: "18/06/2026", budget: "DKK 6,000,000.00" });
  });

  it("leaves values that are not øre or a date alone", () => {
    expect(formatErrorVars({ note: "Ore", decidedOn: "i går", name: "On" }, "da")).toEqual({ note: "Ore", decidedOn: "i går", name: "On" });
  });
});

describe("fieldErrorsOf", () => {
  it("translates every problem next to its field, once per message", () => {
    const errors = fieldErrorsOf(
      [
        { field: "adoptedOn", key: "guidelines.error.adoptedOnBeforeInForce", vars: { version: 1, adoptedOn: "2026-06-18" } },
        { field: "note", key: "validation.tooLong" },
        { field: "note", key: "validation.tooLong" },
      ],
      "da",
    );
    expect(errors).toEqual({
      adoptedOn: ["Datoen ligger før HMU's vedtagelse af den gældende version 1 (18.6.2026)."],
      note: ["validation.tooLong"],
    });
  });
});
