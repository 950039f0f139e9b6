import { describe, expect, it } from "vitest";
import { exportParityLakPerKg, formatHundredths, parityLines, parseHundredths } from "~/domain/prices/export-parity";

describe("exportParityLakPerKg", () => {
  it("converts 9.85 THB/kg at 683.50 LAK/THB and takes off the margin", () => {
    // 985 × 68350 = 67,324,750 → 6,732.475 LAK/kg → 6,732
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: 68350, marginLakPerKg: 900 })).toEqual({ grossLakPerKg: 6732, netLakPerKg: 5832 });
  });

  it("rounds an exact half up and anything below it down", () => {
    // 1 × 5000 / 10000 = 0.5 → 1; 1 × 4999 / 10000 = 0.4999 → 0
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 1, lakPerHundred: 5000, marginLakPerKg: 0 }).grossLakPerKg).toBe(1);
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 1, lakPerHundred: 4999, marginLakPerKg: 0 }).grossLakPerKg).toBe(0);
    // 250 × 30002 = 7,500,500 → 750.05 → 750; 250 × 30020 = 7,505,000 → 750.5 → 751
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 250, lakPerHundred: 30002, marginLakPerKg: 0 }).grossLakPerKg).toBe(750);
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 250, lakPerHundred: 30020, marginLakPerKg: 0 }).grossLakPerKg).toBe(751);
  });

  it("rounds once, on the gross, and subtracts the margin exactly", () => {
    const { grossLakPerKg, netLakPerKg } = exportParityLakPerKg({ priceHundredthsPerKg: 1111, lakPerHundred: 305099, marginLakPerKg: 1234 });
    // 1111 × 305099 = 338,964,989 → 33,896.4989 → 33,896
    expect(grossLakPerKg).toBe(33896);
    expect(netLakPerKg).toBe(33896 - 1234);
  });

  it("stays exact for large products that would lose digits in floating point", () => {
    const { grossLakPerKg } = exportParityLakPerKg({ priceHundredthsPerKg: 999_999_999, lakPerHundred: 2_199_999, marginLakPerKg: 0 });
    // 999,999,999 × 2,199,999 = 2,199,998,997,800,001 → ÷ 10,000 = 219,999,899,780.0001 → 219,999,899,780
    expect(grossLakPerKg).toBe(219_999_899_780);
  });

  it("gives a net below zero when the margin exceeds the gross, without clamping", () => {
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 100, lakPerHundred: 68350, marginLakPerKg: 1000 })).toEqual({ grossLakPerKg: 684, netLakPerKg: -316 });
  });

  it("refuses a missing or broken rate, price or margin rather than computing with it", () => {
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: 0, marginLakPerKg: 900 })).toThrow(RangeError);
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: undefined as unknown as number, marginLakPerKg: 900 })).toThrow(RangeError);
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 9.85, lakPerHundred: 68350, marginLakPerKg: 900 })).toThrow(RangeError);
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: 68350, marginLakPerKg: -1 })).toThrow(RangeError);
  });
});

describe("parityLines", () => {
  const reference = {
    market: "Bangkok",
    currency: "THB",
    priceHundredthsPerKg: 985,
    moistureBasisPermille: 145,
    sourceName: "MOC",
    observedOn: new Date(),
    marginLakPerKg: 900,
  };
  it("works the reference through every named rate, and none when no rate is known", () => {
    const bol = { sourceKind: "bol_reference", sourceName: "BOL", lakPerHundred: 68350, observedOn: new Date() };
    const bank = { sourceKind: "commercial_bank", sourceName: "Bank", lakPerHundred: 69000, observedOn: new Date() };
    const lines = parityLines(reference, [bol, bank]);
    expect(lines.map((l) => [l.rate.sourceName, l.grossLakPerKg, l.netLakPerKg])).toEqual([
      ["BOL", 6732, 5832],
      ["Bank", 6797, 5897], // 985 × 69000 = 67,965,000 → 6,796.5 → 6,797
    ]);
    expect(parityLines(reference, [])).toEqual([]);
  });
});

describe("parseHundredths and formatHundredths", () => {
  it("reads decimals exactly, with either separator", () => {
    expect(parseHundredths("9.85")).toBe(985);
    expect(parseHundredths("9,85")).toBe(985);
    expect(parseHundredths("683.50")).toBe(68350);
    expect(parseHundredths("683.5")).toBe(68350);
    expect(parseHundredths(" 12 ")).toBe(1200);
    expect(parseHundredths("0.07")).toBe(7);
    // 0.29 × 100 is 28.999… in floating point; the parse never multiplies a fraction.
    expect(parseHundredths("4.29")).toBe(429);
  });

  it("refuses three decimals, thousands separators, signs and words", () => {
    for (const bad of ["9.855", "1,234.50", "-9.85", "9.", ".85", "abc", "", "9 85", "1e3"]) expect(parseHundredths(bad)).toBeNull();
  });

  it("writes hundredths back with the locale's decimal separator", () => {
    expect(formatHundredths(985, "en")).toBe("9.85");
    expect(formatHundredths(985, "lo")).toBe("9,85");
    expect(formatHundredths(68350, "en")).toBe("683.50");
    expect(formatHundredths(7, "en")).toBe("0.07");
    expect(formatHundredths(123456789, "en")).toBe("1,234,567.89");
    expect(formatHundredths(123456789, "lo")).toBe("1.234.567,89");
  });
});
