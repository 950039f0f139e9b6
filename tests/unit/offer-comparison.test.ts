import { describe, expect, it } from "vitest";
import type { Line } from "~/domain/offers/effective-price";
import {
  evaluateOffer,
  expectedPremium,
  inputCreditDays,
  isFloorOffer,
  quantityRange,
  rankOffers,
  shortfall,
  type ComparableTerms,
  type ComparisonContext,
} from "~/domain/offers/offer-comparison";
import { resources } from "~/locales";

/** A lenient table, like the crop's own: 12 then 15 kg per tonne per point. */
const LENIENT = [
  { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 12 },
  { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 15 },
];
/** A harsh table: 30 kg per tonne for every point above 14 %. */
const HARSH = [{ fromPermille: 140, toPermille: 300, kgPerTonnePerPoint: 30 }];

/** 12 t of maize, 14 % basis, cash on delivery, the trader paying transport and bags, terms written on 1 September. */
function terms(override: Partial<ComparableTerms> = {}): ComparableTerms {
  return {
    templateCode: "spot_fixed",
    priceLakPerKg: 3_100,
    floorPriceLakPerKg: null,
    quantityKg: 12_000,
    tolerancePermille: 50,
    moistureBasisPermille: 140,
    deductionTable: LENIENT,
    transportPaidBy: "trader",
    transportCostLak: 0n,
    bagsPaidBy: "trader",
    bagsCostLak: 0n,
    advanceLak: 0n,
    paymentDays: 0,
    deliveryDate: new Date("2026-10-30T03:00:00Z"),
    termsDate: new Date("2026-09-01T03:00:00Z"),
    inputValueLak: null,
    inputInterestPermillePerMonth: null,
    ...override,
  };
}

const at = (expectedMoisturePermille: number): ComparisonContext => ({ expectedMoisturePermille, monthlyRatePermille: 20 });
type Offer = { id: string; terms: ComparableTerms; createdAt: Date };
const offer = (id: string, override: Partial<ComparableTerms> = {}, createdAt = new Date("2026-09-01T03:00:00Z")): Offer => ({
  id,
  terms: terms(override),
  createdAt,
});
const rank = (offers: Offer[], context: ComparisonContext, listingKg = 12_000) => rankOffers(offers, (o) => o, context, listingKg);
const ids = (ranked: { item: Offer }[]) => ranked.map((r) => r.item.id);
const line = (lines: Line[], key: string) => lines.find((l) => l.key === key)!;

describe("a harsh deduction table at realistic moisture", () => {
  // A pays more per kg but deducts 30 kg per tonne for every point; B pays less on a lenient table.
  const a = offer("A: higher price, harsh table", { priceLakPerKg: 3_200, deductionTable: HARSH });
  const b = offer("B: lower price, lenient table", { priceLakPerKg: 3_100, deductionTable: LENIENT });

  it("costs nothing at the crop's standard moisture: A ranks first on its price", () => {
    const ranked = rank([b, a], at(140));
    expect(ids(ranked)).toEqual([a.id, b.id]);
    expect(ranked.map((r) => r.evaluation.ranked.deductedKg)).toEqual([0, 0]);
    expect(ranked.map((r) => r.evaluation.ranked.effectiveLakPerKg)).toEqual([3_200, 3_100]);
    // 12,000 × (3,200 − 3,100)
    expect(ranked[1]!.shortfall!.differenceLak).toBe(1_200_000n);
  });

  it("loses A its rank at 22 %, the moisture of field maize at harvest: B ranks first", () => {
    const ranked = rank([a, b], at(220));
    expect(ids(ranked)).toEqual([b.id, a.id]);
    const [first, second] = ranked;
    // B: 4 points × 12 + 4 points × 15 = 108 kg/t → 1,296 kg off 12,000 → 10,704 kg × 3,100
    expect(first!.evaluation.ranked).toMatchObject({ deductedKg: 1_296, netKg: 10_704, netLak: 33_182_400n, effectiveLakPerKg: 2_765 });
    // A: 8 points × 30 = 240 kg/t → 2,880 kg off → 9,120 kg × 3,200
    expect(second!.evaluation.ranked).toMatchObject({ deductedKg: 2_880, netKg: 9_120, netLak: 29_184_000n, effectiveLakPerKg: 2_432 });
    expect(first!.shortfall).toBeNull();
    expect(second!.shortfall).toEqual({
      differenceLak: 3_998_400n,
      lines: [
        { key: "compare:lines.bestNet", params: { listingKg: 12_000 }, amountLak: 33_182_400n },
        { key: "compare:lines.thisNet", params: { listingKg: 12_000 }, amountLak: -29_184_000n },
        { key: "compare:lines.difference", params: {}, amountLak: 3_998_400n },
      ],
    });
  });

  it("shows the harsh table's cost line by line, at the expected moisture", () => {
    const { lines } = evaluateOffer(a.terms, at(220)).ranked;
    expect(line(lines, "prices:lines.deductionBand").params).toEqual({
      fromPermille: 140,
      toPermille: 220,
      pointsTenths: 80,
      kgPerTonnePerPoint: 30,
      kgPerTonneTenths: 2_400,
    });
    expect(line(lines, "prices:lines.deduction")).toEqual({
      key: "prices:lines.deduction",
      params: { expectedPermille: 220, basisPermille: 140, kgPerTonneTenths: 2_400, quantityKg: 12_000 },
      kg: -2_880,
    });
  });

  it("finds the moisture at which the ranks cross, and keeps the ranking exact there", () => {
    // Per tonne delivered: A pays 3,200 × (1,000 − 30 × points), B 3,100 × (1,000 − 12 × points).
    const order = (m: number) => ids(rank([a, b], at(m)))[0];
    expect(order(150)).toBe(a.id); // A: 970 × 3.2 = 3,104; B: 988 × 3.1 = 3,062.8
    expect(order(160)).toBe(b.id); // A: 940 × 3.2 = 3,008; B: 976 × 3.1 = 3,025.6
  });

  it("is fair to a lenient basis: the points up to it are free", () => {
    const lenientBasis = offer("C", { priceLakPerKg: 3_000, moistureBasisPermille: 220, deductionTable: HARSH });
    const ranked = rank([a, b, lenientBasis], at(220));
    expect(ids(ranked)).toEqual(["C", b.id, a.id]);
    expect(ranked[0]!.evaluation.ranked.deductedKg).toBe(0);
  });
});

describe("floor-price offers", () => {
  const floor = offer("floor", { templateCode: "forward_floor", priceLakPerKg: 3_400, floorPriceLakPerKg: 2_800 });
  const fixed = offer("fixed", { templateCode: "forward_fixed", priceLakPerKg: 3_000 });

  it("rank on the guaranteed floor, not on the price they quote", () => {
    const ranked = rank([floor, fixed], at(140));
    expect(ids(ranked)).toEqual(["fixed", "floor"]);
    const f = ranked[1]!.evaluation;
    expect(f.floor).toBe(true);
    expect(f.ranked.netLak).toBe(33_600_000n); // 12,000 × 2,800
    expect(f.ranked.effectiveLakPerKg).toBe(2_800);
    expect(line(f.ranked.lines, "prices:lines.valueAtFloor")).toEqual({
      key: "prices:lines.valueAtFloor",
      params: { netKg: 12_000, priceLak: 2_800 },
      amountLak: 33_600_000n,
    });
    expect(ranked[1]!.shortfall!.differenceLak).toBe(2_400_000n); // 12,000 × (3,000 − 2,800)
  });

  it("show the expected premium beside, on the net kg at the expected moisture, and never rank on it", () => {
    const f = evaluateOffer(floor.terms, at(220));
    // 108 kg/t off 12,000 kg → 10,704 kg; premium (3,400 − 2,800) × 10,704
    expect(f.ranked.netKg).toBe(10_704);
    expect(f.expectedPremium).toEqual({
      premiumLak: 6_422_400n,
      lines: [{ key: "compare:lines.premium", params: { priceLak: 3_400, floorLak: 2_800, aboveLak: 600, netKg: 10_704 }, amountLak: 6_422_400n }],
    });
    expect(f.ranked.netLak).toBe(10_704n * 2_800n);
    // A huge premium on a low floor still ranks below a better guarantee.
    const dream = offer("dream", { templateCode: "forward_floor", priceLakPerKg: 9_000, floorPriceLakPerKg: 2_999 });
    expect(ids(rank([dream, fixed], at(220)))).toEqual(["fixed", "dream"]);
  });

  it("rank among themselves on their floors", () => {
    const highQuote = offer("high quote, low floor", { templateCode: "forward_floor", priceLakPerKg: 3_600, floorPriceLakPerKg: 2_700 });
    const highFloor = offer("low quote, high floor", { templateCode: "forward_floor", priceLakPerKg: 3_000, floorPriceLakPerKg: 2_900 });
    expect(ids(rank([highQuote, highFloor], at(180)))).toEqual(["low quote, high floor", "high quote, low floor"]);
  });

  it("expect no premium when the quote is not above the floor", () => {
    expect(expectedPremium(2_800, 2_800, 1_000)).toEqual({
      premiumLak: 0n,
      lines: [{ key: "compare:lines.noPremium", params: { priceLak: 2_800, floorLak: 2_800 }, amountLak: 0n }],
    });
    expect(expectedPremium(2_500, 2_800, 1_000).premiumLak).toBe(0n);
    expect(() => expectedPremium(3_000, 0, 1_000)).toThrow(RangeError);
  });

  it("are only offers written on the floor template with a floor", () => {
    expect(isFloorOffer({ templateCode: "forward_floor", floorPriceLakPerKg: 2_800 })).toBe(true);
    expect(isFloorOffer({ templateCode: "forward_floor", floorPriceLakPerKg: null })).toBe(false);
    expect(isFloorOffer({ templateCode: "spot_fixed", floorPriceLakPerKg: 2_800 })).toBe(false);
    // A floor typed on another template is ignored: the contract would pay the fixed price.
    const e = evaluateOffer(terms({ templateCode: "forward_fixed", floorPriceLakPerKg: 9_999 }), at(140));
    expect(e).toMatchObject({ floor: false, expectedPremium: null });
    expect(e.ranked.netLak).toBe(37_200_000n);
  });
});

describe("input credit", () => {
  // Terms of 1 September, delivery 30 October: 59 calendar days in Laos.
  const inputs = offer("inputs", { templateCode: "input_supply", priceLakPerKg: 3_150, inputValueLak: 6_000_000n, inputInterestPermillePerMonth: 30 });
  const cash = offer("cash", { priceLakPerKg: 3_130 });

  it("runs interest from the terms to the delivery date, in calendar days in Laos", () => {
    expect(inputCreditDays(inputs.terms)).toBe(59);
    // 23:30 on 31 August UTC is already 1 September in Laos.
    expect(inputCreditDays({ termsDate: new Date("2026-08-31T23:30:00Z"), deliveryDate: new Date("2026-09-02T00:00:00Z") })).toBe(1);
    // A delivery date before the terms bears no interest.
    expect(inputCreditDays({ termsDate: new Date("2026-09-10T03:00:00Z"), deliveryDate: new Date("2026-09-01T03:00:00Z") })).toBe(0);
  });

  it("enters the comparison as a cost line and can cost an offer its rank", () => {
    const ranked = rank([inputs, cash], at(140));
    expect(ids(ranked)).toEqual(["cash", "inputs"]);
    const e = ranked[1]!.evaluation.ranked;
    // 6,000,000 × 3 % × 59 / 30 = 354,000
    expect(e.inputInterestLak).toBe(354_000n);
    expect(e.netLak).toBe(37_800_000n - 354_000n);
    expect(line(e.lines, "prices:lines.inputInterest")).toEqual({
      key: "prices:lines.inputInterest",
      params: { inputValueLak: "6000000", ratePermille: 30, days: 59 },
      amountLak: -354_000n,
    });
    // 12,000 × 3,130 = 37,560,000 against 37,446,000
    expect(ranked[1]!.shortfall!.differenceLak).toBe(114_000n);
    // Without the interest the input offer would lead.
    expect(evaluateOffer({ ...inputs.terms, inputInterestPermillePerMonth: 0 }, at(140)).ranked.netLak).toBeGreaterThan(ranked[0]!.evaluation.ranked.netLak);
  });

  it("charges interest only on input-supply offers with inputs", () => {
    expect(evaluateOffer(terms({ inputValueLak: 6_000_000n, inputInterestPermillePerMonth: 30 }), at(140)).ranked.inputInterestLak).toBe(0n);
    const none = evaluateOffer(terms({ templateCode: "input_supply", inputValueLak: null }), at(140)).ranked;
    expect(none.lines.map((l) => l.key)).not.toContain("prices:lines.inputInterest");
    const free = evaluateOffer(terms({ templateCode: "input_supply", inputValueLak: 1_000_000n, inputInterestPermillePerMonth: null }), at(140)).ranked;
    expect(free.lines.map((l) => l.key)).toContain("prices:lines.inputNoInterest");
  });
});

describe("what the best offer brings over each other one", () => {
  it("is the difference of the nets over the listing's whole quantity, and the lines add up", () => {
    const s = shortfall({ netLak: 37_200_000n, quantityKg: 12_000 }, { netLak: 36_000_000n, quantityKg: 12_000 }, 12_000);
    expect(s.differenceLak).toBe(1_200_000n);
    expect(s.lines.reduce((sum, l) => sum + l.amountLak!, 0n)).toBe(2n * s.differenceLak);
  });

  it("scales an offer for part of the listing by its price per kg, rounded half up once per net", () => {
    // this offer: 15,000,001 for 5,000 kg → × 12,000 / 5,000 = 36,000,002.4 → 36,000,002
    const s = shortfall({ netLak: 37_200_000n, quantityKg: 12_000 }, { netLak: 15_000_001n, quantityKg: 5_000 }, 12_000);
    expect(s).toEqual({
      differenceLak: 1_199_998n,
      lines: [
        { key: "compare:lines.bestNet", params: { listingKg: 12_000 }, amountLak: 37_200_000n },
        { key: "compare:lines.thisNetScaled", params: { netLak: "15000001", quantityKg: 5_000, listingKg: 12_000 }, amountLak: -36_000_002n },
        { key: "compare:lines.difference", params: {}, amountLak: 1_199_998n },
      ],
    });
    // A best offer for part of the listing is scaled the same way: 5 LAK for 2 kg over 1 kg = 2.5 → 3 (half up).
    const half = shortfall({ netLak: 5n, quantityKg: 2 }, { netLak: 0n, quantityKg: 1 }, 1);
    expect(half.lines[0]).toEqual({ key: "compare:lines.bestNetScaled", params: { netLak: "5", quantityKg: 2, listingKg: 1 }, amountLak: 3n });
    expect(half.differenceLak).toBe(3n);
  });

  it("ranks ties by the earlier offer, with nothing between them", () => {
    const early = offer("early", {}, new Date("2026-09-01T01:00:00Z"));
    const late = offer("late", {}, new Date("2026-09-01T02:00:00Z"));
    const ranked = rank([late, early], at(200));
    expect(ids(ranked)).toEqual(["early", "late"]);
    expect(ranked[1]!.shortfall!.differenceLak).toBe(0n);
  });

  it("stays exact beyond 2^53 LAK", () => {
    const s = shortfall({ netLak: 2n ** 60n, quantityKg: 3 }, { netLak: 2n ** 60n - 7n, quantityKg: 3 }, 3);
    expect(s.differenceLak).toBe(7n);
  });

  it("refuses quantities it cannot scale", () => {
    expect(() => shortfall({ netLak: 1n, quantityKg: 0 }, { netLak: 1n, quantityKg: 1 }, 1)).toThrow(RangeError);
    expect(() => shortfall({ netLak: 1n, quantityKg: 1 }, { netLak: 1n, quantityKg: 1 }, 0)).toThrow(RangeError);
  });

  it("ranks an empty list as empty, and one offer as the best with no difference", () => {
    expect(rank([], at(140))).toEqual([]);
    const [only] = rank([offer("only")], at(140));
    expect(only!.shortfall).toBeNull();
  });
});

describe("the comparison's lines", () => {
  it("are translated in both languages", () => {
    const keys = new Set<string>();
    const add = (lines: Line[]) => lines.forEach((l) => keys.add(l.key));
    add(shortfall({ netLak: 10n, quantityKg: 2 }, { netLak: 3n, quantityKg: 1 }, 2).lines);
    add(shortfall({ netLak: 10n, quantityKg: 2 }, { netLak: 3n, quantityKg: 1 }, 1).lines);
    add(expectedPremium(3, 2, 1).lines);
    add(expectedPremium(2, 2, 1).lines);
    const compareKeys = [...keys].filter((k) => k.startsWith("compare:lines.")).map((k) => k.slice("compare:lines.".length));
    expect(compareKeys.sort()).toEqual(Object.keys(resources.en.compare.lines).sort());
    for (const key of compareKeys) expect(resources.lo.compare.lines).toHaveProperty(key);
  });
});

describe("each offer's quantity tolerance", () => {
  it("gives the net kg a delivery may come to either way, the upper end the contract's delivery limit", () => {
    expect(quantityRange(12_000, 50)).toEqual({ tolerancePermille: 50, minKg: 11_400, maxKg: 12_600 });
    expect(quantityRange(12_000, 0)).toEqual({ tolerancePermille: 0, minKg: 12_000, maxKg: 12_000 });
    // 333 kg at 2.5 %: 324.675 → 325 and 341.325 → 341, half up to whole kg
    expect(quantityRange(333, 25)).toEqual({ tolerancePermille: 25, minKg: 325, maxKg: 341 });
    // 10 kg at 5 %: 9.5 → 10 (half up) and 10.5 → 11
    expect(quantityRange(10, 50)).toEqual({ tolerancePermille: 50, minKg: 10, maxKg: 11 });
  });

  it("refuses what is not a tolerance", () => {
    expect(() => quantityRange(12_000, 2.5)).toThrow();
    expect(() => quantityRange(12_000, -1)).toThrow();
    expect(() => quantityRange(12_000, 1_001)).toThrow();
  });

  it("is shown with each offer and never changes its rank", () => {
    const tight = offer("tight", { tolerancePermille: 0 });
    const loose = offer("loose", { tolerancePermille: 200 }, new Date("2026-09-02T03:00:00Z"));
    const ranked = rank([loose, tight], at(220));
    expect(ids(ranked)).toEqual(["tight", "loose"]);
    expect(ranked.map((r) => r.evaluation.quantityRange)).toEqual([
      { tolerancePermille: 0, minKg: 12_000, maxKg: 12_000 },
      { tolerancePermille: 200, minKg: 9_600, maxKg: 14_400 },
    ]);
    expect(ranked[0]!.evaluation.ranked.netLak).toBe(ranked[1]!.evaluation.ranked.netLak);
  });
});
