import { describe, expect, it } from "vitest";
import { kroner, oreToInput, parseKroner, percentOf, splitOre, sumOre } from "./money";

describe("parseKroner", () => {
  it.each([
    ["6.000.000", 600_000_000n],
    ["6000000", 600_000_000n],
    ["1.234,56", 123_456n],
    ["1234,5", 123_450n],
    ["0,01", 1n],
    ["-2.500 kr.", -250_000n],
    ["−2.500", -250_000n],
    ["1 234,00", 123_400n],
    ["kr. 75", 7_500n],
    ["+10", 1_000n],
  ])("reads %s", (text, expected) => {
    expect(parseKroner(text)).toBe(expected);
  });

  it.each(["", "abc", "1,234", "1.23", "12.34,5", "1,2,3", "1e6", "0x10", "12,", ",5", "1.000.000.000.000.000"])(
    "rejects %s",
    (text) => {
      expect(parseKroner(text)).toBeNull();
    },
  );

  it("keeps øre exact where floating point would not", () => {
    // 0.1 + 0.2 !== 0.3 in binary floating point; in øre it is exact.
    const total = sumOre([parseKroner("0,10")!, parseKroner("0,20")!]);
    expect(total).toBe(parseKroner("0,30"));
  });
});

describe("helpers", () => {
  it("kroner() multiplies whole kroner", () => {
    expect(kroner(6_000_000)).toBe(600_000_000n);
    expect(() => kroner(1.5)).toThrow();
  });
  it("splitOre and toInputValue", () => {
    expect(splitOre(-123_456n)).toEqual({ negative: true, kroner: 1234n, ore: 56n });
    expect(oreToInput(-123_405n)).toBe("-1.234,05");
    expect(oreToInput(0n)).toBe("0,00");
    expect(oreToInput(5n)).toBe("0,05");
    expect(oreToInput(600_000_000n)).toBe("6.000.000,00");
    expect(oreToInput(99_999_999_999_999n)).toBe("999.999.999.999,99");
    // What the form shows, parseKroner reads back.
    for (const ore of [0n, 5n, -12_345n, 600_000_000n, 99_999_999_999_999n]) expect(parseKroner(oreToInput(ore))).toBe(ore);
  });
  it("percentOf rounds half up in integers", () => {
    expect(percentOf(1n, 3n)).toBe("33,33");
    expect(percentOf(2n, 3n)).toBe("66,67");
    expect(percentOf(kroner(1_500_000), kroner(6_000_000))).toBe("25,00");
    expect(percentOf(5n, 0n)).toBe("0,00");
  });
});
