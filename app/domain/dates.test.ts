import { describe, expect, it } from "vitest";
import { addMonths, dateOnlyUtc, utcToZonedInput, zonedTimeToUtc } from "./dates";

describe("addMonths", () => {
  it("adds months and clamps the day", () => {
    expect(addMonths(dateOnlyUtc(2027, 1, 31), 1)).toEqual(dateOnlyUtc(2027, 2, 28));
    expect(addMonths(dateOnlyUtc(2028, 1, 31), 1)).toEqual(dateOnlyUtc(2028, 2, 29));
    expect(addMonths(dateOnlyUtc(2027, 11, 15), 3)).toEqual(dateOnlyUtc(2028, 2, 15));
    expect(addMonths(dateOnlyUtc(2027, 6, 1), 0)).toEqual(dateOnlyUtc(2027, 6, 1));
  });
});

describe("Danish wall-clock time", () => {
  it("converts winter and summer time", () => {
    expect(zonedTimeToUtc("2027-03-01T12:00")?.toISOString()).toBe("2027-03-01T11:00:00.000Z");
    expect(zonedTimeToUtc("0000-03-01T12:00")).toBeNull();
    expect(zonedTimeToUtc("2101-01-01T12:00")).toBeNull();
    expect(zonedTimeToUtc("1900-01-01T12:00")?.getUTCFullYear()).toBe(1900);
    expect(zonedTimeToUtc("2027-06-01T12:00")?.toISOString()).toBe("2027-06-01T10:00:00.000Z");
  });
  it("handles the days of the change", () => {
    // 28.3.2027: clocks go from 02:00 to 03:00; 31.10.2027: from 03:00 back to 02:00.
    expect(zonedTimeToUtc("2027-03-28T01:30")?.toISOString()).toBe("2027-03-28T00:30:00.000Z");
    expect(zonedTimeToUtc("2027-03-28T03:30")?.toISOString()).toBe("2027-03-28T01:30:00.000Z");
    expect(zonedTimeToUtc("2027-03-28T02:30")).toBeNull(); // does not exist
    expect(zonedTimeToUtc("2027-10-31T12:00")?.toISOString()).toBe("2027-10-31T11:00:00.000Z");
  });
  it("rejects nonsense", () => {
    expect(zonedTimeToUtc("2027-02-30T12:00")).toBeNull();
    expect(zonedTimeToUtc("2027-03-01 12:00")).toBeNull();
    expect(zonedTimeToUtc("2027-03-01T24:00")).toBeNull();
  });
  it("round-trips to the input format", () => {
    expect(utcToZonedInput(new Date("2027-03-01T11:00:00Z"))).toBe("2027-03-01T12:00");
    expect(utcToZonedInput(new Date("2027-06-30T21:59:00Z"))).toBe("2027-06-30T23:59");
  });
});
