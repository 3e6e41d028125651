import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatInteger, formatMoney } from "./format";

describe("formatMoney", () => {
  it.each([
    [600_000_000n, "6.000.000,00 kr."],
    [123_456_789n, "1.234.567,89 kr."],
    [5n, "0,05 kr."],
    [-250_000n, "-2.500,00 kr."],
    [0n, "0,00 kr."],
    [99_999_999_999_999n, "999.999.999.999,99 kr."],
  ])("%s øre → %s", (ore, text) => expect(formatMoney(ore)).toBe(text));

  it("writes English too", () => expect(formatMoney(123_456_789n, "en")).toBe("DKK 1,234,567.89"));
});

describe("dates", () => {
  it("formats a date the Danish way", () => {
    expect(formatDate(new Date("2026-11-26T00:00:00Z"), "da", { dateOnly: true })).toBe("26.11.2026");
    expect(formatDate(new Date("2027-03-01T00:00:00Z"), "da", { dateOnly: true })).toBe("1.3.2027");
    expect(formatDate(new Date("2027-03-01T00:00:00Z"), "en", { dateOnly: true })).toBe("01/03/2027");
  });
  it("shows times in Danish time (winter and summer)", () => {
    expect(formatDateTime(new Date("2027-03-01T11:00:00Z"))).toBe("1.3.2027 kl. 12.00");
    expect(formatDateTime(new Date("2027-06-01T10:30:00Z"))).toBe("1.6.2027 kl. 12.30");
    expect(formatDateTime(new Date("2026-11-26T13:05:00Z"))).toBe("26.11.2026 kl. 14.05");
  });
  it("groups integers", () => expect(formatInteger(1234567)).toBe("1.234.567"));
});
