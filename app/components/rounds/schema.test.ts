import { describe, expect, it } from "vitest";
import { normaliseDateTimeInput, roundDefaults, RoundSchema } from "./schema";

describe("normaliseDateTimeInput", () => {
  it.each([
    ["2027-03-01T12:00", "2027-03-01T12:00"],
    ["2027-03-01T12:00:00", "2027-03-01T12:00"],
    ["2027-03-01 12:00", "2027-03-01T12:00"],
    ["1.3.2027 12.00", "2027-03-01T12:00"],
    ["1.3.2027 kl. 12.00", "2027-03-01T12:00"],
    ["01.03.2027, 9:05", "2027-03-01T09:05"],
    [" 1.3.2027 kl 12:00 ", "2027-03-01T12:00"],
  ])("reads %s", (input, expected) => expect(normaliseDateTimeInput(input)).toBe(expected));

  it.each(["", "i morgen", "2027-03-01", "1.3.27 12.00", "2027-03-01T12:00:30"])("refuses %s", (input) => {
    expect(normaliseDateTimeInput(input)).toBeNull();
  });
});

describe("RoundSchema", () => {
  it("reads Danish wall-clock times as instants, across daylight saving time", () => {
    const parsed = RoundSchema.parse({
      name: " Forår ",
      opensAt: "2027-03-01T12:00",
      closesAt: "2027-04-01T12:00",
      endorsementDeadline: "2027-10-31T12:00", // the day clocks go back: winter time again
      decisionDate: "2027-11-01",
      budgetShare: "1.500.000,50",
    });
    expect(parsed.name).toBe("Forår");
    expect(parsed.opensAt.toISOString()).toBe("2027-03-01T11:00:00.000Z");
    expect(parsed.closesAt.toISOString()).toBe("2027-04-01T10:00:00.000Z");
    expect(parsed.endorsementDeadline.toISOString()).toBe("2027-10-31T11:00:00.000Z");
    expect(parsed.budgetShare).toBe(150_000_050n);
  });

  it("gives a stored round back as the same form values", () => {
    const round = {
      name: "Forår",
      opensAt: new Date("2027-03-01T11:00:00Z"),
      closesAt: new Date("2027-04-01T10:00:00Z"),
      endorsementDeadline: new Date("2027-04-15T10:00:00Z"),
      decisionDate: new Date("2027-05-01T00:00:00Z"),
      budgetShareOre: 123_456_789n,
    };
    const values = roundDefaults(round);
    expect(values).toEqual({
      name: "Forår",
      opensAt: "2027-03-01T12:00",
      closesAt: "2027-04-01T12:00",
      endorsementDeadline: "2027-04-15T12:00",
      decisionDate: "2027-05-01",
      budgetShare: "1.234.567,89",
    });
    const again = RoundSchema.parse(values);
    expect([again.opensAt, again.closesAt, again.endorsementDeadline, again.decisionDate, again.budgetShare]).toEqual([
      round.opensAt,
      round.closesAt,
      round.endorsementDeadline,
      round.decisionDate,
      round.budgetShareOre,
    ]);
  });
});
