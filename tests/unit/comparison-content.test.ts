// The comparison of offers on rubber (paid on its DRC): each offer's price is
// adjusted from its own basis to the DRC the FO expects, at its own step.
import { describe, expect, it } from "vitest";
import { expectedContentOf } from "~/domain/listings/expected-content";
import { computeEffectivePrice, type ExpectedContent } from "~/domain/offers/effective-price";
import { rankOffers, type ComparableTerms, type ComparisonContext } from "~/domain/offers/offer-comparison";
import { resources } from "~/locales";

/** 10 t of cup lump, no moisture table, cash on delivery, the trader paying transport and bags. */
function terms(content: ComparableTerms["content"], priceLakPerKg: number): ComparableTerms {
  return {
    templateCode: "spot_fixed",
    priceLakPerKg,
    floorPriceLakPerKg: null,
    quantityKg: 10_000,
    tolerancePermille: 50,
    moistureBasisPermille: 0,
    deductionTable: [],
    transportPaidBy: "trader",
    transportCostLak: 0n,
    bagsPaidBy: "trader",
    bagsCostLak: 0n,
    advanceLak: 0n,
    paymentDays: 0,
    deliveryDate: new Date("2026-12-20T03:00:00Z"),
    termsDate: new Date("2026-12-01T03:00:00Z"),
    inputValueLak: null,
    inputInterestPermillePerMonth: null,
    content,
  };
}
const drc = (basisPermille: number, stepLakPerKgPerPoint: number) => ({ measure: "drc" as const, basisPermille, stepLakPerKgPerPoint });
/** A lot with no moisture table, paid on delivery, the trader paying transport and bags. */
const onWeightPaidAtOnce = (priceLakPerKg: number, quantityKg: number, content: ExpectedContent) =>
  computeEffectivePrice({
    priceLakPerKg,
    quantityKg,
    expectedMoisturePermille: 0,
    moistureBasisPermille: 0,
    deductionTable: [],
    transportPaidBy: "trader",
    transportCostLak: 0n,
    bagsPaidBy: "trader",
    bagsCostLak: 0n,
    advanceLak: 0n,
    paymentDays: 0,
    monthlyRatePermille: 20,
    content,
  });
const at = (expectedContentPermille: number | null): ComparisonContext => ({ expectedMoisturePermille: 0, expectedContentPermille, monthlyRatePermille: 20 });

describe("offers compared at the DRC the FO expects", () => {
  // A quotes 9,000 LAK/kg for lump at 65 % DRC; B quotes 8,600 for lump at 60 %. Both step 120 LAK a point.
  const a = { id: "A", terms: terms(drc(650, 120), 9_000), createdAt: new Date("2026-12-01T03:00:00Z") };
  const b = { id: "B", terms: terms(drc(600, 120), 8_600), createdAt: new Date("2026-12-01T04:00:00Z") };
  const ids = (context: ComparisonContext) => rankOffers([a, b], (o) => o, context, 10_000).map((r) => r.item.id);

  it("ranks the higher quote that assumes a richer lot below the lower quote at the FO's basis", () => {
    // At 65 %: A 9,000, B 8,600 + 5 × 120 = 9,200: B is better even at A's own basis.
    expect(ids(at(650))).toEqual(["B", "A"]);
    // At 58 %: A loses 7 × 120 = 840 (8,160), B loses 2 × 120 = 240 (8,360).
    expect(ids(at(580))).toEqual(["B", "A"]);
    // Without a stated content (a crop without the measure) the comparison is on price alone, A first.
    expect(ids(at(null))).toEqual(["A", "B"]);
  });

  it("adds one line with the adjustment, so the lines from value to net add up", () => {
    const result = onWeightPaidAtOnce(9_000, 10_000, { term: drc(650, 120), expectedPermille: 583 });
    const line = result.lines.find((l) => l.key === "prices:lines.content.drc")!;
    // (58.3 − 65.0) = −6.7 points × 120 LAK × 10,000 kg = −8,040,000 LAK.
    expect(line.amountLak).toBe(-8_040_000n);
    expect(line.params).toEqual({ expectedPermille: 583, basisPermille: 650, stepLak: 120, netKg: 10_000 });
    expect(result.valueLak).toBe(90_000_000n - 8_040_000n);
    expect(result.netLak).toBe(81_960_000n);
    expect(result.effectiveLakPerKg).toBe(8_196);
    for (const locale of ["lo", "en"] as const) expect(resources[locale].prices.lines.content.drc).toContain("{{basisPermille}}");
  });

  it("never makes a lot worth less than nothing", () => {
    const result = onWeightPaidAtOnce(100, 1_000, { term: drc(600, 120), expectedPermille: 300 });
    expect(result.valueLak).toBe(0n);
    expect(result.lines.find((l) => l.key === "prices:lines.content.drc")!.amountLak).toBe(-100_000n);
  });

  it("takes the FO's stated content, else the crop's basis, and none for a crop without the measure", () => {
    const rubber = { contentMeasure: "drc", contentBasisPermille: 600 };
    expect(expectedContentOf({ expectedContentPermille: 555 }, rubber)).toEqual({ measure: "drc", permille: 555, source: "listing" });
    expect(expectedContentOf({ expectedContentPermille: null }, rubber)).toEqual({ measure: "drc", permille: 600, source: "crop" });
    expect(expectedContentOf({ expectedContentPermille: 555 }, { contentMeasure: null, contentBasisPermille: null })).toBeNull();
  });
});
