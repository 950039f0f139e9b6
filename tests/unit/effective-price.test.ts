import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "~/utils/i18n-react";
import { describe, expect, it } from "vitest";
import { ArithmeticLines, formatLineParams } from "~/components/arithmetic-lines";
import {
  compareOffers,
  computeEffectivePrice,
  DEFAULT_MONTHLY_RATE_PERMILLE,
  serialiseLines,
  type EffectivePriceInput,
  type Line,
} from "~/domain/offers/effective-price";
import { resources } from "~/locales";
import { createI18n } from "~/utils/i18n";
import { MAIZE_BASIS_BEFORE_2026_12, MAIZE_TABLE_BEFORE_2026_12 } from "../fixtures/tables";

// The worked-example maize table on a 14 % standard (tests/fixtures/tables.ts).
const MAIZE = { standardMoisturePermille: MAIZE_BASIS_BEFORE_2026_12, bands: MAIZE_TABLE_BEFORE_2026_12 };

/**
 * 12 t of maize at 3,100 LAK/kg on the crop's own basis, the lot expected at the
 * crop's standard moisture; the trader pays everything, cash on delivery. (The
 * evaluation moisture used to be the crop standard, fixed; it is now the
 * listing's expected moisture, which these tests set to the standard unless
 * they say otherwise, so their figures are unchanged.)
 */
const base: EffectivePriceInput = {
  priceLakPerKg: 3_100,
  quantityKg: 12_000,
  expectedMoisturePermille: MAIZE.standardMoisturePermille,
  moistureBasisPermille: 140,
  deductionTable: MAIZE.bands,
  transportPaidBy: "trader",
  transportCostLak: 0n,
  bagsPaidBy: "trader",
  bagsCostLak: 0n,
  advanceLak: 0n,
  paymentDays: 0,
  monthlyRatePermille: DEFAULT_MONTHLY_RATE_PERMILLE,
};
const effective = (override: Partial<EffectivePriceInput> = {}) => computeEffectivePrice({ ...base, ...override });
const keys = (lines: Line[]) => lines.map((l) => l.key);
const line = (lines: Line[], key: string) => lines.find((l) => l.key === `prices:lines.${key}`)!;

/** The lines from "value" to "net" add up: costs are negative. */
function expectLinesAddUp(lines: Line[], netLak: bigint) {
  const from = lines.findIndex((l) => l.key === "prices:lines.value");
  const to = lines.findIndex((l) => l.key === "prices:lines.net");
  const sum = lines.slice(from, to).reduce((s, l) => s + (l.amountLak ?? 0n), 0n);
  expect(sum).toBe(netLak);
  expect(lines[to]!.amountLak).toBe(netLak);
}

describe("computeEffectivePrice", () => {
  it("assumes 2 % a month as the default cost of waiting", () => {
    expect(DEFAULT_MONTHLY_RATE_PERMILLE).toBe(20);
  });

  it("is the price itself when nothing is deducted, the trader pays the costs and pays on delivery", () => {
    const r = effective();
    expect(r.effectiveLakPerKg).toBe(3_100);
    expect(r.netLak).toBe(37_200_000n);
    expect(keys(r.lines)).toEqual([
      "prices:lines.quantity",
      "prices:lines.noDeduction",
      "prices:lines.netKg",
      "prices:lines.value",
      "prices:lines.transportTrader",
      "prices:lines.bagsTrader",
      "prices:lines.waitingNone",
      "prices:lines.net",
      "prices:lines.effective",
    ]);
    expect(r.lines[0]).toEqual({ key: "prices:lines.quantity", params: { quantityKg: 12_000 }, kg: 12_000 });
    expect(line(r.lines, "noDeduction")).toEqual({ key: "prices:lines.noDeduction", params: { expectedPermille: 140, basisPermille: 140 }, kg: 0 });
    expect(line(r.lines, "value")).toEqual({ key: "prices:lines.value", params: { netKg: 12_000, priceLak: 3_100 }, amountLak: 37_200_000n });
    expect(line(r.lines, "effective").params).toEqual({ netLak: "37200000", quantityKg: 12_000, effectiveLak: 3_100 });
    expectLinesAddUp(r.lines, r.netLak);
  });

  describe("moisture deduction at the expected moisture", () => {
    it("deducts nothing when the offer's basis is above the standard (a lenient buyer)", () => {
      const r = effective({ moistureBasisPermille: 150 });
      expect(r.deductedKg).toBe(0);
      expect(r.effectiveLakPerKg).toBe(3_100);
      expect(line(r.lines, "noDeduction").params).toEqual({ expectedPermille: 140, basisPermille: 150 });
    });

    it("deducts for the points between a strict basis and the expected moisture", () => {
      // 13 % basis: 1.0 point × 15 kg/t = 15 kg/t × 12 t = 180 kg
      const r = effective({ moistureBasisPermille: 130 });
      expect(r.deductedKg).toBe(180);
      expect(r.netKg).toBe(11_820);
      expect(r.valueLak).toBe(36_642_000n);
      expect(r.netLak).toBe(36_642_000n);
      expect(r.effectiveLakPerKg).toBe(3_054); // 3,053.5 rounded half up
      expect(keys(r.lines).slice(1, 4)).toEqual(["prices:lines.deductionBand", "prices:lines.deduction", "prices:lines.netKg"]);
      expect(line(r.lines, "deductionBand").params).toEqual({
        fromPermille: 130,
        toPermille: 140,
        pointsTenths: 10,
        kgPerTonnePerPoint: 15,
        kgPerTonneTenths: 150,
      });
      expect(line(r.lines, "deduction")).toEqual({
        key: "prices:lines.deduction",
        params: { expectedPermille: 140, basisPermille: 130, kgPerTonneTenths: 150, quantityKg: 12_000 },
        kg: -180,
      });
      expect(line(r.lines, "netKg")).toEqual({ key: "prices:lines.netKg", params: { quantityKg: 12_000, deductedKg: 180 }, kg: 11_820 });
    });

    it("uses the offer's own table, not the crop's", () => {
      const harsh = [{ fromPermille: 100, toPermille: 200, kgPerTonnePerPoint: 30 }];
      const r = effective({ moistureBasisPermille: 120, deductionTable: harsh });
      expect(r.deductedKg).toBe(720); // 2 points × 30 kg/t × 12 t
    });

    it("shows a part of the table below a strict basis as one band line per band", () => {
      const table = [
        { fromPermille: 100, toPermille: 120, kgPerTonnePerPoint: 10 },
        { fromPermille: 120, toPermille: 160, kgPerTonnePerPoint: 20 },
      ];
      const r = effective({ moistureBasisPermille: 110, deductionTable: table });
      expect(r.lines.filter((l) => l.key === "prices:lines.deductionBand").map((l) => l.params.kgPerTonneTenths)).toEqual([100, 400]);
      expect(r.deductedKg).toBe(600); // 50 kg per tonne of 12 t
    });

    it("deducts a wet lot through the offer's own table, band by band", () => {
      // 22 % on a 14 % basis, crop table: 4 points × 15 + 4 points × 20 = 140 kg/t × 12 t = 1,680 kg
      const r = effective({
        expectedMoisturePermille: 220,
        deductionTable: [
          { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
          { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 20 },
        ],
      });
      expect(r.deductedKg).toBe(1_680);
      expect(r.netKg).toBe(10_320);
      expect(r.valueLak).toBe(31_992_000n);
      expect(r.lines.filter((l) => l.key === "prices:lines.deductionBand").map((l) => l.params)).toEqual([
        { fromPermille: 140, toPermille: 180, pointsTenths: 40, kgPerTonnePerPoint: 15, kgPerTonneTenths: 600 },
        { fromPermille: 180, toPermille: 220, pointsTenths: 40, kgPerTonnePerPoint: 20, kgPerTonneTenths: 800 },
      ]);
      expect(line(r.lines, "deduction").params).toEqual({ expectedPermille: 220, basisPermille: 140, kgPerTonneTenths: 1_400, quantityKg: 12_000 });
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("deducts nothing when a lenient basis is at or above the expected moisture", () => {
      for (const basis of [220, 240]) expect(effective({ expectedMoisturePermille: 220, moistureBasisPermille: basis }).deductedKg).toBe(0);
    });

    it("marks an expected moisture above the offer's table", () => {
      const r = effective({ moistureBasisPermille: 120, deductionTable: [{ fromPermille: 100, toPermille: 130, kgPerTonnePerPoint: 10 }] });
      expect(keys(r.lines)).toContain("prices:lines.deductionAboveTable");
      expect(r.deductedKg).toBe(240); // 2 points × 10 kg/t × 12 t
    });

    it("deducts nothing for a crop not traded on moisture", () => {
      const r = effective({ expectedMoisturePermille: 0, moistureBasisPermille: 0, deductionTable: [] });
      expect(r.deductedKg).toBe(0);
      expect(keys(r.lines)).toContain("prices:lines.noDeduction");
    });
  });

  describe("transport and bags", () => {
    it("takes off the costs the FO pays", () => {
      const r = effective({ transportPaidBy: "fo", transportCostLak: 1_200_000n, bagsPaidBy: "fo", bagsCostLak: 300_000n });
      expect(r.foCostsLak).toBe(1_500_000n);
      expect(r.netLak).toBe(35_700_000n);
      expect(r.effectiveLakPerKg).toBe(2_975);
      expect(line(r.lines, "transportFo")).toEqual({ key: "prices:lines.transportFo", params: { costLak: "1200000" }, amountLak: -1_200_000n });
      expect(line(r.lines, "bagsFo")).toEqual({ key: "prices:lines.bagsFo", params: { costLak: "300000" }, amountLak: -300_000n });
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("ignores a cost figure the trader pays", () => {
      const r = effective({ transportCostLak: 1_200_000n, bagsCostLak: 300_000n });
      expect(r.netLak).toBe(37_200_000n);
      expect(line(r.lines, "transportTrader").amountLak).toBe(0n);
      expect(line(r.lines, "bagsTrader").amountLak).toBe(0n);
    });

    it("mixes: FO pays transport, trader pays bags", () => {
      const r = effective({ transportPaidBy: "fo", transportCostLak: 600_000n, bagsCostLak: 999n });
      expect(r.netLak).toBe(36_600_000n);
      expect(r.effectiveLakPerKg).toBe(3_050);
      expect(keys(r.lines)).toEqual(expect.arrayContaining(["prices:lines.transportFo", "prices:lines.bagsTrader"]));
    });
  });

  describe("the cost of waiting for payment", () => {
    it("charges the monthly rate on the amount due for the payment days", () => {
      // 37,200,000 × 2 % × 30/30 = 744,000
      const r = effective({ paymentDays: 30 });
      expect(r.waitingCostLak).toBe(744_000n);
      expect(r.netLak).toBe(36_456_000n);
      expect(r.effectiveLakPerKg).toBe(3_038);
      expect(line(r.lines, "waiting")).toEqual({
        key: "prices:lines.waiting",
        params: { amountDueLak: "37200000", advanceLak: "0", balanceLak: "37200000", monthlyRatePermille: 20, paymentDays: 30 },
        amountLak: -744_000n,
      });
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("charges only the part the advance does not cover", () => {
      // (37,200,000 − 10,000,000) × 2 % × 15/30 = 272,000
      const r = effective({ paymentDays: 15, advanceLak: 10_000_000n });
      expect(r.waitingCostLak).toBe(272_000n);
      expect(r.netLak).toBe(36_928_000n);
      expect(r.effectiveLakPerKg).toBe(3_077); // 3,077.33
      expect(line(r.lines, "waiting").params.balanceLak).toBe("27200000");
    });

    it("charges nothing when the advance covers the amount due, and gives no credit for the surplus", () => {
      for (const advanceLak of [37_200_000n, 50_000_000n]) {
        const r = effective({ paymentDays: 60, advanceLak });
        expect(r.waitingCostLak).toBe(0n);
        expect(r.netLak).toBe(37_200_000n);
        expect(line(r.lines, "waitingAdvanceCovers")).toEqual({
          key: "prices:lines.waitingAdvanceCovers",
          params: { advanceLak: advanceLak.toString(), amountDueLak: "37200000" },
          amountLak: 0n,
        });
      }
    });

    it("charges nothing for payment on delivery, whatever the advance", () => {
      const r = effective({ paymentDays: 0, advanceLak: 5_000_000n });
      expect(r.waitingCostLak).toBe(0n);
      expect(keys(r.lines)).toContain("prices:lines.waitingNone");
    });

    it("charges nothing at a zero rate but still shows the line", () => {
      const r = effective({ paymentDays: 45, monthlyRatePermille: 0 });
      expect(r.waitingCostLak).toBe(0n);
      expect(line(r.lines, "waiting").amountLak).toBe(0n);
    });

    it("is computed on the value after the moisture deduction, not on the FO's costs", () => {
      const r = effective({ moistureBasisPermille: 130, transportPaidBy: "fo", transportCostLak: 1_000_000n, paymentDays: 30 });
      expect(r.waitingCostLak).toBe(732_840n); // 36,642,000 × 2 %
      expect(r.netLak).toBe(36_642_000n - 1_000_000n - 732_840n);
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("scales with longer delays and higher rates", () => {
      expect(effective({ paymentDays: 90, monthlyRatePermille: 30 }).waitingCostLak).toBe(3_348_000n); // 9 %
    });
  });

  describe("a floor price", () => {
    it("values the lot at the price given and says it is the guaranteed floor", () => {
      const r = effective({ priceLakPerKg: 2_900, priceIsFloor: true });
      expect(r.netLak).toBe(34_800_000n);
      expect(keys(r.lines)).toContain("prices:lines.valueAtFloor");
      expect(keys(r.lines)).not.toContain("prices:lines.value");
      expect(line(r.lines, "valueAtFloor")).toEqual({ key: "prices:lines.valueAtFloor", params: { netKg: 12_000, priceLak: 2_900 }, amountLak: 34_800_000n });
    });
  });

  describe("interest on inputs advanced on credit", () => {
    it("charges simple interest on the input value for the days given, as a cost line before the net", () => {
      // 5,000,000 × 3 % a month × 45 days ÷ 30 = 225,000
      const r = effective({ inputCredit: { inputValueLak: 5_000_000n, interestPermillePerMonth: 30, days: 45 } });
      expect(r.inputInterestLak).toBe(225_000n);
      expect(r.netLak).toBe(37_200_000n - 225_000n);
      expect(r.effectiveLakPerKg).toBe(3_081); // 3,081.25
      expect(line(r.lines, "inputInterest")).toEqual({
        key: "prices:lines.inputInterest",
        params: { inputValueLak: "5000000", ratePermille: 30, days: 45 },
        amountLak: -225_000n,
      });
      expect(keys(r.lines).slice(-3)).toEqual(["prices:lines.inputInterest", "prices:lines.net", "prices:lines.effective"]);
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("adds to the cost of waiting, which stays on the value alone", () => {
      const r = effective({ paymentDays: 30, inputCredit: { inputValueLak: 5_000_000n, interestPermillePerMonth: 30, days: 45 } });
      expect(r.waitingCostLak).toBe(744_000n);
      expect(r.netLak).toBe(37_200_000n - 744_000n - 225_000n);
      expectLinesAddUp(r.lines, r.netLak);
    });

    it("costs nothing without interest or without days, and the value of the inputs is never a cost", () => {
      const free = effective({ inputCredit: { inputValueLak: 5_000_000n, interestPermillePerMonth: null, days: 45 } });
      expect(free.netLak).toBe(37_200_000n);
      expect(line(free.lines, "inputNoInterest")).toEqual({ key: "prices:lines.inputNoInterest", params: { inputValueLak: "5000000" }, amountLak: 0n });
      expect(effective({ inputCredit: { inputValueLak: 5_000_000n, interestPermillePerMonth: 0, days: 45 } }).inputInterestLak).toBe(0n);
      const sameDay = effective({ inputCredit: { inputValueLak: 5_000_000n, interestPermillePerMonth: 30, days: 0 } });
      expect(sameDay.inputInterestLak).toBe(0n);
      expect(line(sameDay.lines, "inputInterest").amountLak).toBe(0n);
    });

    it("rounds the interest half up to a whole LAK", () => {
      // 1,000 × 1 ‰ × 15 / 30 = 0.5 → 1; 999 → 0.4995 → 0
      expect(effective({ inputCredit: { inputValueLak: 1_000n, interestPermillePerMonth: 1, days: 15 } }).inputInterestLak).toBe(1n);
      expect(effective({ inputCredit: { inputValueLak: 999n, interestPermillePerMonth: 1, days: 15 } }).inputInterestLak).toBe(0n);
    });

    it("refuses negative or fractional credit terms", () => {
      for (const inputCredit of [
        { inputValueLak: -1n, interestPermillePerMonth: 30, days: 1 },
        { inputValueLak: 1n, interestPermillePerMonth: -1, days: 1 },
        { inputValueLak: 1n, interestPermillePerMonth: 30, days: -1 },
        { inputValueLak: 1n, interestPermillePerMonth: 1.5, days: 1 },
      ])
        expect(() => effective({ inputCredit })).toThrow(RangeError);
    });
  });

  describe("rounding, half up, at four documented steps", () => {
    it("rounds the waiting cost to a whole LAK: exactly half goes up", () => {
      // 750 × 2 % × 1/30 = 0.5 LAK → 1
      const r = effective({ priceLakPerKg: 1, quantityKg: 750, paymentDays: 1 });
      expect(r.waitingCostLak).toBe(1n);
      expect(effective({ priceLakPerKg: 1, quantityKg: 749, paymentDays: 1 }).waitingCostLak).toBe(0n); // 0.4993
    });

    it("rounds the effective price to a whole LAK per kg: exactly half goes up", () => {
      const r = effective({ priceLakPerKg: 3, quantityKg: 2, transportPaidBy: "fo", transportCostLak: 1n });
      expect(r.netLak).toBe(5n);
      expect(r.effectiveLakPerKg).toBe(3); // 2.5
      expect(effective({ priceLakPerKg: 3, quantityKg: 3, transportPaidBy: "fo", transportCostLak: 2n }).effectiveLakPerKg).toBe(2); // 2.33
    });

    it("rounds the deducted kg once", () => {
      // 1,111 kg × 150 bp = 16.665 kg → 17
      expect(effective({ quantityKg: 1_111, moistureBasisPermille: 130 }).deductedKg).toBe(17);
    });

    it("keeps a net below zero as it is when the costs exceed the value", () => {
      const r = effective({ priceLakPerKg: 100, quantityKg: 10, transportPaidBy: "fo", transportCostLak: 2_000n });
      expect(r.netLak).toBe(-1_000n);
      expect(r.effectiveLakPerKg).toBe(-100);
      // −2.5 rounds half up, towards +∞
      expect(effective({ priceLakPerKg: 0, quantityKg: 2, bagsPaidBy: "fo", bagsCostLak: 5n }).effectiveLakPerKg).toBe(-2);
    });
  });

  it("stays exact with BigInt for huge volumes, far beyond 2^31 LAK", () => {
    const r = effective({
      priceLakPerKg: 120_000,
      quantityKg: 100_000_000,
      transportPaidBy: "fo",
      transportCostLak: 123_456_789_012n,
      bagsPaidBy: "fo",
      bagsCostLak: 3_000_000_001n,
      advanceLak: 1_000_000_000_000n,
      paymentDays: 7,
    });
    expect(r.valueLak).toBe(12_000_000_000_000n);
    // (12e12 − 1e12) × 20 × 7 / 30,000 = 51,333,333,333.33 → 51,333,333,333
    expect(r.waitingCostLak).toBe(51_333_333_333n);
    expect(r.netLak).toBe(12_000_000_000_000n - 123_456_789_012n - 3_000_000_001n - 51_333_333_333n);
    expect(r.effectiveLakPerKg).toBe(118_222); // 118,222.09...
    expectLinesAddUp(r.lines, r.netLak);
  });

  it("stays exact beyond 2^53 LAK, where a float would lose units", () => {
    const r = effective({ priceLakPerKg: 5_001, quantityKg: 9_000_000_000_001, paymentDays: 30, monthlyRatePermille: 1 });
    expect(r.valueLak).toBe(45_009_000_000_005_001n);
    expect(r.waitingCostLak).toBe(45_009_000_000_005n); // 0.1 % of it, 5.001 rounded down
    expect(r.netLak).toBe(45_009_000_000_005_001n - 45_009_000_000_005n);
    expect(r.effectiveLakPerKg).toBe(4_996); // 4,995.999
  });

  describe("refuses input it cannot price", () => {
    it.each([
      ["no quantity", { quantityKg: 0 }],
      ["a fractional quantity", { quantityKg: 1.5 }],
      ["a fractional price", { priceLakPerKg: 3_100.5 }],
      ["a negative price", { priceLakPerKg: -1 }],
      ["negative days", { paymentDays: -1 }],
      ["a negative rate", { monthlyRatePermille: -1 }],
      ["a negative cost", { transportCostLak: -1n }],
      ["a negative advance", { advanceLak: -1n }],
    ])("%s", (_label, override) => {
      expect(() => effective(override as Partial<EffectivePriceInput>)).toThrow(RangeError);
    });
  });
});

describe("serialiseLines", () => {
  it("turns BigInt amounts into decimal strings that survive JSON", () => {
    const r = effective({ transportPaidBy: "fo", transportCostLak: 1_200_000n, moistureBasisPermille: 130 });
    const lines = serialiseLines(r.lines);
    expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
    expect(lines.find((l) => l.key === "prices:lines.transportFo")).toEqual({
      key: "prices:lines.transportFo",
      params: { costLak: "1200000" },
      amountLak: "-1200000",
    });
    expect(lines.find((l) => l.key === "prices:lines.deduction")).toEqual({
      key: "prices:lines.deduction",
      params: { expectedPermille: 140, basisPermille: 130, kgPerTonneTenths: 150, quantityKg: 12_000 },
      kg: -180,
    });
    expect(lines.find((l) => l.key === "prices:lines.deductionBand")).not.toHaveProperty("amountLak");
  });

  it("translates every line key in both languages", () => {
    const r = [
      effective({
        moistureBasisPermille: 120,
        deductionTable: [{ fromPermille: 100, toPermille: 130, kgPerTonnePerPoint: 10 }],
        transportPaidBy: "fo",
        bagsPaidBy: "fo",
        paymentDays: 30,
      }),
      effective({ paymentDays: 30, advanceLak: 99_999_999n }),
      effective(),
      effective({ priceIsFloor: true, inputCredit: { inputValueLak: 1_000n, interestPermillePerMonth: 20, days: 10 } }),
      effective({ inputCredit: { inputValueLak: 1_000n, interestPermillePerMonth: 0, days: 10 } }),
      effective({ content: { term: { measure: "drc", basisPermille: 600, stepLakPerKgPerPoint: 120 }, expectedPermille: 550 } }),
    ].flatMap((x) => x.lines);
    // A content line's key names its measure (content.drc, content.starch): one key of the table, with a text per measure.
    const lineKeys = new Set(r.map((l) => l.key.replace("prices:lines.", "").replace(/^content\..*/, "content")));
    expect(lineKeys.size).toBe(Object.keys(resources.en.prices.lines).length);
    for (const key of lineKeys) {
      expect(resources.en.prices.lines).toHaveProperty(key);
      expect(resources.lo.prices.lines).toHaveProperty(key);
    }
  });
});

describe("compareOffers", () => {
  const at = (iso: string) => new Date(iso);
  it("ranks the higher effective price first", () => {
    const a = { netLak: 36_000_000n, quantityKg: 12_000, createdAt: at("2025-01-02") };
    const b = { netLak: 37_000_000n, quantityKg: 12_000, createdAt: at("2025-01-01") };
    expect(compareOffers(a, b)).toBe(1);
    expect(compareOffers(b, a)).toBe(-1);
  });

  it("compares exactly, not the rounded prices", () => {
    const a = { netLak: 3_001n, quantityKg: 2, createdAt: at("2025-01-01") }; // 1,500.5: shown as 1,501
    const b = { netLak: 1_501n, quantityKg: 1, createdAt: at("2025-01-02") }; // 1,501
    expect(compareOffers(a, b)).toBe(1);
  });

  it("compares different quantities per kg", () => {
    const small = { netLak: 31_000n, quantityKg: 10, createdAt: at("2025-01-01") }; // 3,100 per kg
    const large = { netLak: 30_990_000n, quantityKg: 10_000, createdAt: at("2025-01-01") }; // 3,099 per kg
    expect(compareOffers(small, large)).toBe(-1);
  });

  it("breaks a tie by the earlier offer, and gives 0 for a full tie", () => {
    const a = { netLak: 3_000n, quantityKg: 2, createdAt: at("2025-01-01T08:00:00Z") };
    const b = { netLak: 1_500n, quantityKg: 1, createdAt: at("2025-01-01T09:00:00Z") };
    expect(compareOffers(a, b)).toBe(-1);
    expect(compareOffers(b, a)).toBe(1);
    expect(compareOffers(a, { ...a })).toBe(0);
    expect(compareOffers(a, { ...a, createdAt: "2025-01-01T08:00:00.000Z" })).toBe(0);
  });

  it("sorts offers best first, ties by time, beyond 2^53", () => {
    const offers = [
      { id: "late-tie", netLak: 2n ** 60n, quantityKg: 3, createdAt: at("2025-03-01") },
      { id: "worst", netLak: -5n, quantityKg: 1, createdAt: at("2025-01-01") },
      { id: "best", netLak: 2n ** 60n + 1n, quantityKg: 3, createdAt: at("2025-04-01") },
      { id: "early-tie", netLak: 2n ** 60n * 2n, quantityKg: 6, createdAt: at("2025-02-01") },
    ];
    expect([...offers].sort(compareOffers).map((o) => o.id)).toEqual(["best", "early-tie", "late-tie", "worst"]);
  });

  it("ranks computed offers", () => {
    const cash = effective();
    const credit = effective({ priceLakPerKg: 3_150, paymentDays: 30 }); // 3,150 − 63 = 3,087
    expect(compareOffers({ ...cash, quantityKg: 12_000, createdAt: 2 }, { ...credit, quantityKg: 12_000, createdAt: 1 })).toBe(-1);
  });
});

describe("ArithmeticLines", () => {
  const render = (locale: "en" | "lo", summary?: string) =>
    renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: createI18n(locale) },
        createElement(ArithmeticLines, {
          lines: serialiseLines(effective({ moistureBasisPermille: 130, transportPaidBy: "fo", transportCostLak: 1_200_000n, paymentDays: 30 }).lines),
          summary,
          currency: "LAK",
        }),
      ),
    );

  it("shows each step with its figure in English, costs as negative amounts", () => {
    const html = render("en");
    expect(html).toContain("<table");
    expect(html).toContain("<caption");
    expect(html).toContain("Moisture 13.0 % to 14.0 %: 1.0 points × 15 kg per tonne = 15.0 kg per tonne");
    expect(html).toContain("Net weight paid for: 12,000 kg − 180 kg");
    expect(html).toContain("Value: 11,820 kg × 3,100 LAK/kg");
    expect(html).toContain("− 1,200,000 LAK");
    expect(html).toContain("− 180 kg");
    expect(html).toContain("Cost of waiting for payment: (36,642,000 LAK − advance 0 LAK) = 36,642,000 LAK × 2.0 % a month × 30 days ÷ 30");
    expect(html).toContain("Effective price: 34,709,160 LAK ÷ 12,000 kg = 2,892 LAK/kg");
    expect(html).not.toContain("<details");
  });

  it("shows it in Lao, and inside details/summary when given a summary", () => {
    const html = render("lo", "2,892");
    expect(html).toMatch(/<details[^>]*><summary[^>]*>2,892<\/summary>/);
    expect(html).toContain("ລາຄາຕົວຈິງ");
    expect(html).toContain("ກີບ");
    expect(html).not.toContain("prices:lines");
  });

  it("formats params by the suffix of their names", () => {
    expect(
      formatLineParams(
        { costLak: "12345678901234567890", netKg: 1_500, basisPermille: 135, kgPerTonneTenths: 45, paymentDays: 1_000, label: "x" },
        "en",
        "LAK",
      ),
    ).toEqual({
      costLak: "12,345,678,901,234,567,890 LAK",
      netKg: "1,500 kg",
      basisPermille: "13.5 %",
      kgPerTonneTenths: "4.5",
      paymentDays: "1,000",
      label: "x",
    });
  });
});
