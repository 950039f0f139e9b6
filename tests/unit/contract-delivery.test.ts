import { describe, expect, it } from "vitest";
import { formatLineParams } from "~/components/arithmetic-lines";
import { computeDelivery, inputDebtLak, type DeliveryInput } from "~/domain/deliveries/delivery-amount";
import type { Band } from "~/domain/offers/moisture-deduction";
import type { Line } from "~/domain/offers/effective-price";
import { startOfLaoDay } from "~/utils/dates";
import { createI18n } from "~/utils/i18n";
import { MAIZE_TABLE_BEFORE_2026_12 } from "../fixtures/tables";

// Maize as contracted before December 2026: 14–18 % at 15, 18–25 % at 20, 25–30 % at 25 kg per tonne per point.
const MAIZE: Band[] = MAIZE_TABLE_BEFORE_2026_12;
const day = (iso: string) => startOfLaoDay(iso)!;

const base: DeliveryInput = {
  grossKg: 10_000,
  moisturePermille: 140,
  basisPermille: 140,
  bands: MAIZE,
  price: { priceMechanism: "fixed", priceLakPerKg: 3_100, floorPriceLakPerKg: null },
  referencePriceLakPerKg: null,
  inputDebtLak: 0n,
};
const deliver = (override: Partial<DeliveryInput> = {}) => computeDelivery({ ...base, ...override });
const keys = (lines: Line[]) => lines.map((l) => l.key.replace("contractRules:lines.", ""));

/** gross + deductions = net (kg); amount due + input deduction = payable (LAK). */
function expectLinesAddUp(lines: Line[], result: { netKg: number; payableLak: bigint }) {
  const k = keys(lines);
  const kg = lines.slice(0, k.indexOf("netKg")).reduce((s, l) => s + (l.kg ?? 0), 0);
  expect(kg).toBe(result.netKg);
  expect(lines[k.indexOf("netKg")]!.kg).toBe(result.netKg);
  const lak = lines.slice(k.indexOf("amountDue"), k.indexOf("payable")).reduce((s, l) => s + (l.amountLak ?? 0n), 0n);
  expect(lak).toBe(result.payableLak);
  expect(lines.at(-1)!.amountLak).toBe(result.payableLak);
}

describe("computeDelivery", () => {
  it("pays a dry lot in full and explains it in order", () => {
    const result = deliver();
    expect(result).toMatchObject({
      deductedKg: 0,
      netKg: 10_000,
      aboveTable: false,
      priceLakPerKg: 3_100,
      priceBasis: "fixed",
      amountDueLak: 31_000_000n,
      inputDeductionLak: 0n,
      payableLak: 31_000_000n,
      remainingInputDebtLak: 0n,
    });
    expect(keys(result.lines)).toEqual(["gross", "moistureWithin", "deductionNone", "netKg", "priceFixed", "amountDue", "inputNone", "payable"]);
    expect(result.lines[1]!.params).toEqual({ measuredPermille: 140, basisPermille: 140 });
    expectLinesAddUp(result.lines, result);
  });

  it("deducts nothing below the basis", () => {
    const result = deliver({ moisturePermille: 120 });
    expect(result.deductedKg).toBe(0);
    expect(keys(result.lines).slice(1, 3)).toEqual(["moistureWithin", "deductionNone"]);
  });

  it("recomputes a wet lot from the contract's table: 20 % on a 14 % basis loses 100 kg per tonne", () => {
    const result = deliver({ moisturePermille: 200 });
    expect(result).toMatchObject({ deductedKg: 1_000, netKg: 9_000, amountDueLak: 27_900_000n, payableLak: 27_900_000n, aboveTable: false });
    expect(keys(result.lines)).toEqual([
      "gross",
      "moistureAbove",
      "deductionBand",
      "deductionBand",
      "deduction",
      "netKg",
      "priceFixed",
      "amountDue",
      "inputNone",
      "payable",
    ]);
    expect(result.lines[1]!.params).toEqual({ measuredPermille: 200, basisPermille: 140, excessPermille: 60 });
    expect(result.lines[2]!.params).toEqual({ fromPermille: 140, toPermille: 180, pointsTenths: 40, kgPerTonnePerPoint: 15, kgPerTonneTenths: 600 });
    expect(result.lines[4]).toEqual({ key: "contractRules:lines.deduction", params: { kgPerTonneTenths: 1_000, grossKg: 10_000 }, kg: -1_000 });
    expect(result.lines[7]).toEqual({ key: "contractRules:lines.amountDue", params: { netKg: 9_000, priceLak: 3_100 }, amountLak: 27_900_000n });
    expectLinesAddUp(result.lines, result);
  });

  it("rounds the deducted kg half up, once", () => {
    // 1,000 kg at 14.1 %: 0.1 point × 15 = 1.5 kg → 2 kg.
    const result = deliver({ grossKg: 1_000, moisturePermille: 141 });
    expect(result.deductedKg).toBe(2);
    expect(result.amountDueLak).toBe(998n * 3_100n);
  });

  it("uses the contract's own basis: a lenient basis of 16 % costs less", () => {
    expect(deliver({ moisturePermille: 200, basisPermille: 160 }).deductedKg).toBe(700);
  });

  it("flags a lot above the table and charges the last band's rate", () => {
    const result = deliver({ moisturePermille: 320 });
    expect(result.aboveTable).toBe(true);
    // 4 × 15 + 7 × 20 + 5 × 25 + 2 × 25 = 375 kg per tonne
    expect(result.deductedKg).toBe(3_750);
    expect(keys(result.lines)).toContain("deductionAboveTable");
    expect(keys(result.lines)).not.toContain("aboveTable");
    expectLinesAddUp(result.lines, result);
  });

  it("warns about a lot above the table even when a lenient basis means no deduction", () => {
    const result = deliver({ moisturePermille: 305, basisPermille: 310 });
    expect(result.aboveTable).toBe(true);
    expect(result.deductedKg).toBe(0);
    expect(keys(result.lines).slice(0, 4)).toEqual(["gross", "moistureWithin", "aboveTable", "deductionNone"]);
    expect(result.lines[2]!.params).toEqual({ lastPermille: 300 });
  });

  it("says so when the contract has no deduction table", () => {
    const result = deliver({ moisturePermille: 200, bands: [] });
    expect(result.deductedKg).toBe(0);
    expect(keys(result.lines).slice(1, 3)).toEqual(["moistureAbove", "deductionNoTable"]);
  });

  it("pays a floor contract the reference price when it is higher, and explains it", () => {
    const price = { priceMechanism: "floor_premium" as const, priceLakPerKg: 3_000, floorPriceLakPerKg: 2_800 };
    const high = deliver({ price, referencePriceLakPerKg: 3_300 });
    expect(high).toMatchObject({ priceLakPerKg: 3_300, priceBasis: "reference", amountDueLak: 33_000_000n });
    expect(keys(high.lines)).toContain("priceReference");
    const low = deliver({ price, referencePriceLakPerKg: 2_500 });
    expect(low).toMatchObject({ priceLakPerKg: 2_800, priceBasis: "floor", amountDueLak: 28_000_000n });
    const none = deliver({ price, referencePriceLakPerKg: null });
    expect(none).toMatchObject({ priceLakPerKg: 2_800, priceBasis: "floor" });
    expect(keys(none.lines)).toContain("priceNoReference");
  });

  it("deducts a smaller input debt in full", () => {
    const result = deliver({ inputDebtLak: 4_500_000n });
    expect(result).toMatchObject({ amountDueLak: 31_000_000n, inputDeductionLak: 4_500_000n, payableLak: 26_500_000n, remainingInputDebtLak: 0n });
    const line = result.lines.find((l) => l.key === "contractRules:lines.inputDeduction")!;
    expect(line).toEqual({ key: "contractRules:lines.inputDeduction", params: { debtLak: "4500000" }, amountLak: -4_500_000n });
    expectLinesAddUp(result.lines, result);
  });

  it("deducts an input debt equal to the amount due, leaving nothing payable and nothing owed", () => {
    const result = deliver({ inputDebtLak: 31_000_000n });
    expect(result).toMatchObject({ inputDeductionLak: 31_000_000n, payableLak: 0n, remainingInputDebtLak: 0n });
    expect(keys(result.lines)).toContain("inputDeduction");
  });

  it("never pays out less than nothing: a larger input debt takes the whole amount and the rest stays owed", () => {
    const result = deliver({ inputDebtLak: 40_000_000n });
    expect(result).toMatchObject({ amountDueLak: 31_000_000n, inputDeductionLak: 31_000_000n, payableLak: 0n, remainingInputDebtLak: 9_000_000n });
    const line = result.lines.find((l) => l.key === "contractRules:lines.inputDeductionPartial")!;
    expect(line.params).toEqual({ debtLak: "40000000", deductionLak: "31000000", remainingLak: "9000000" });
    expect(line.amountLak).toBe(-31_000_000n);
    expectLinesAddUp(result.lines, result);
  });

  it("keeps LAK exact beyond 2^53", () => {
    const result = deliver({ grossKg: 4_000_000_000_000, price: { ...base.price, priceLakPerKg: 5_001 }, inputDebtLak: 3n });
    expect(result.amountDueLak).toBe(20_004_000_000_000_000n);
    expect(result.payableLak).toBe(20_003_999_999_999_997n);
  });

  it("refuses bad input", () => {
    expect(() => deliver({ grossKg: 0 })).toThrow(RangeError);
    expect(() => deliver({ grossKg: 10.5 })).toThrow(RangeError);
    expect(() => deliver({ moisturePermille: -1 })).toThrow(RangeError);
    expect(() => deliver({ inputDebtLak: -1n })).toThrow(RangeError);
    expect(() => deliver({ bands: [{ fromPermille: 180, toPermille: 140, kgPerTonnePerPoint: 15 }] })).toThrow(RangeError);
  });
});

describe("inputDebtLak", () => {
  it("adds simple interest per 30-day month, prorated by days", () => {
    // 10,000,000 LAK of fertiliser at 2 % a month for 45 days: 300,000 LAK interest.
    const result = inputDebtLak({ inputValueLak: 10_000_000n, interestPermillePerMonth: 20, advancedOn: day("2026-05-01"), deliveredOn: day("2026-06-15") });
    expect(result).toMatchObject({ days: 45, interestLak: 300_000n, debtLak: 10_300_000n });
    expect(result.lines).toEqual([
      { key: "contractRules:lines.inputValue", params: {}, amountLak: 10_000_000n },
      { key: "contractRules:lines.inputInterest", params: { valueLak: "10000000", ratePermille: 20, days: 45 }, amountLak: 300_000n },
      { key: "contractRules:lines.inputDebt", params: {}, amountLak: 10_300_000n },
    ]);
  });

  it("does not compound over several months", () => {
    // 5 months (150 days) at 3 %: 15 %, not 1.03^5 − 1.
    const result = inputDebtLak({ inputValueLak: 2_000_000n, interestPermillePerMonth: 30, advancedOn: day("2026-04-01"), deliveredOn: day("2026-08-29") });
    expect(result.days).toBe(150);
    expect(result.interestLak).toBe(300_000n);
  });

  it("rounds the interest half up to a whole LAK", () => {
    // 75 × 1 ‰ × 200 days / 30 / 1,000 = 0.5 → 1
    expect(inputDebtLak({ inputValueLak: 75n, interestPermillePerMonth: 1, advancedOn: day("2026-01-01"), deliveredOn: day("2026-07-20") }).interestLak).toBe(
      1n,
    );
    // 74 × … = 0.4933 → 0
    expect(inputDebtLak({ inputValueLak: 74n, interestPermillePerMonth: 1, advancedOn: day("2026-01-01"), deliveredOn: day("2026-07-20") }).interestLak).toBe(
      0n,
    );
  });

  it("charges no interest without a rate", () => {
    for (const rate of [null, 0]) {
      const result = inputDebtLak({ inputValueLak: 1_000_000n, interestPermillePerMonth: rate, advancedOn: day("2026-01-01"), deliveredOn: day("2026-12-01") });
      expect(result.debtLak).toBe(1_000_000n);
      expect(result.lines[1]).toEqual({ key: "contractRules:lines.inputNoInterest", params: {}, amountLak: 0n });
    }
  });

  it("counts calendar days in Laos, and no days when the advance is dated after the delivery", () => {
    const lateEvening = new Date(day("2026-06-01").getTime() + 23.5 * 3600_000);
    const earlyMorning = new Date(day("2026-06-02").getTime() + 0.25 * 3600_000);
    expect(inputDebtLak({ inputValueLak: 3_000_000n, interestPermillePerMonth: 10, advancedOn: lateEvening, deliveredOn: earlyMorning })).toMatchObject({
      days: 1,
      interestLak: 1_000n,
    });
    expect(
      inputDebtLak({ inputValueLak: 3_000_000n, interestPermillePerMonth: 10, advancedOn: day("2026-06-05"), deliveredOn: day("2026-06-01") }),
    ).toMatchObject({ days: 0, interestLak: 0n, debtLak: 3_000_000n });
  });

  it("feeds a delivery", () => {
    const debt = inputDebtLak({ inputValueLak: 10_000_000n, interestPermillePerMonth: 20, advancedOn: day("2026-05-01"), deliveredOn: day("2026-06-15") });
    const result = deliver({ price: { priceMechanism: "input_supply", priceLakPerKg: 3_000, floorPriceLakPerKg: null }, inputDebtLak: debt.debtLak });
    expect(result.payableLak).toBe(30_000_000n - 10_300_000n);
  });

  it("refuses bad input", () => {
    expect(() => inputDebtLak({ inputValueLak: -1n, interestPermillePerMonth: 0, advancedOn: day("2026-01-01"), deliveredOn: day("2026-01-02") })).toThrow(
      RangeError,
    );
    expect(() => inputDebtLak({ inputValueLak: 1n, interestPermillePerMonth: 1.5, advancedOn: day("2026-01-01"), deliveredOn: day("2026-01-02") })).toThrow(
      RangeError,
    );
  });
});

describe("contract rule lines", () => {
  it("read in Lao and English with every placeholder filled", () => {
    const debt = inputDebtLak({ inputValueLak: 10_000_000n, interestPermillePerMonth: 20, advancedOn: day("2026-05-01"), deliveredOn: day("2026-06-15") });
    const floorPrice = { priceMechanism: "floor_premium" as const, priceLakPerKg: 3_000, floorPriceLakPerKg: 2_800 };
    const all = [
      ...deliver({ moisturePermille: 320, inputDebtLak: 1n }).lines,
      ...deliver({ moisturePermille: 305, basisPermille: 310, inputDebtLak: 99_000_000n }).lines,
      ...deliver({ moisturePermille: 200, bands: [], price: floorPrice, referencePriceLakPerKg: 3_500 }).lines,
      ...deliver({ price: floorPrice, referencePriceLakPerKg: 2_000 }).lines,
      ...deliver({ price: floorPrice }).lines,
      ...debt.lines,
    ];
    for (const locale of ["lo", "en"] as const) {
      const i18n = createI18n(locale);
      for (const line of all) {
        const params = formatLineParams(line.params as Record<string, string | number>, locale, "LAK");
        const text = i18n.t(line.key, params);
        expect(text, line.key).not.toBe(line.key.split(":")[1]);
        expect(text, line.key).not.toMatch(/{{|}}|undefined/);
      }
    }
  });
});
