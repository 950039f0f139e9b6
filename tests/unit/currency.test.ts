import { describe, expect, it } from "vitest";
import { contractCurrencyOf, minorUnitsPerUnit, toLak } from "~/domain/prices/currency";
import { formatMoney, formatMoneyPerKg } from "~/utils/format";

describe("contract currencies", () => {
  it("shows each currency's amount in its own unit and the user's separators, never as kip", () => {
    expect(formatMoney(3_100, "LAK", "en")).toBe("3,100 LAK");
    expect(formatMoney(3_100, "LAK", "lo")).toBe("3.100 ກີບ");
    expect(formatMoney(985, "THB", "en")).toBe("9.85 THB");
    expect(formatMoney(985, "THB", "lo")).toBe("9,85 ບາດ");
    expect(formatMoney(5, "CNY", "en")).toBe("0.05 CNY");
    expect(formatMoney(123_456_789n, "CNY", "lo")).toBe("1.234.567,89 ຢວນ");
    expect(formatMoney(-1_250n, "THB", "en")).toBe("-12.50 THB");
    expect(formatMoney(9_007_199_254_740_993n, "THB", "en")).toBe("90,071,992,547,409.93 THB");
    expect(formatMoneyPerKg(985, "THB", "en")).toBe("9.85 THB per kg");
    expect(formatMoneyPerKg(3_100, "LAK", "lo")).toBe("3.100 ກີບ ຕໍ່ ກິໂລ");
  });

  it("stores kip whole and baht and yuan in hundredths", () => {
    expect(minorUnitsPerUnit("LAK")).toBe(1);
    expect(minorUnitsPerUnit("THB")).toBe(100);
    expect(minorUnitsPerUnit("CNY")).toBe(100);
  });

  it("reads a stored currency strictly: an unknown one is an error, not kip", () => {
    expect(contractCurrencyOf("THB")).toBe("THB");
    expect(contractCurrencyOf(null)).toBe("LAK");
    expect(() => contractCurrencyOf("USD")).toThrow(RangeError);
    expect(() => contractCurrencyOf("thb")).toThrow(RangeError);
  });

  it("converts hundredths to whole kip at LAK per 100 units, rounding once half up", () => {
    // 9.85 THB at 683.50 LAK per THB = 6,732.475 LAK → 6,732
    expect(toLak(985, "THB", 68_350)).toBe(6_732n);
    // 1.00 THB at 683.50 = 683.5 → 684 (an exact half rounds up)
    expect(toLak(100, "THB", 68_350)).toBe(684n);
    // a negative balance rounds as its positive
    expect(toLak(-100, "THB", 68_350)).toBe(-684n);
    // 2,500,000.00 CNY at 3,010.25 LAK per CNY, past 2^53 in the product
    expect(toLak(250_000_000n, "CNY", 301_025)).toBe(7_525_625_000n);
    expect(toLak(0, "CNY", 301_025)).toBe(0n);
    // kip is kip, whatever the rate
    expect(toLak(3_100, "LAK", null)).toBe(3_100n);
  });

  it("refuses to convert without a whole positive rate or from a fraction", () => {
    expect(() => toLak(985, "THB", null)).toThrow(RangeError);
    expect(() => toLak(985, "THB", 0)).toThrow(RangeError);
    expect(() => toLak(985, "THB", 683.5)).toThrow(RangeError);
    expect(() => toLak(9.5, "THB", 68_350)).toThrow(RangeError);
  });
});
