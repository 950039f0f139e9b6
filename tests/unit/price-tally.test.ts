import { describe, expect, it } from "vitest";
import { priceBand } from "~/domain/prices/price-band";
import { expandCounts, priceBandOfCounts } from "~/domain/prices/price-tally";

/** A small deterministic generator, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n;
}

describe("a price band from counted prices", () => {
  it("is none for no prices, and ignores amounts counted zero times", () => {
    expect(priceBandOfCounts([])).toBeNull();
    expect(priceBandOfCounts([{ priceLakPerKg: 3000, count: 0 }])).toBeNull();
    expect(
      priceBandOfCounts([
        { priceLakPerKg: 3000, count: 0 },
        { priceLakPerKg: 3100, count: 1 },
      ]),
    ).toEqual({ count: 1, median: 3100, min: 3100, max: 3100 });
  });

  it("takes the mean of the two middle prices of an even count, rounded half up, across two amounts", () => {
    expect(
      priceBandOfCounts([
        { priceLakPerKg: 3001, count: 2 },
        { priceLakPerKg: 3000, count: 2 },
      ]),
    ).toEqual({ count: 4, median: 3001, min: 3000, max: 3001 });
    expect(
      priceBandOfCounts([
        { priceLakPerKg: 3000, count: 3 },
        { priceLakPerKg: 3100, count: 1 },
      ]),
    ).toEqual({ count: 4, median: 3000, min: 3000, max: 3100 });
  });

  it("merges the same amount met in several rows (several districts or months)", () => {
    expect(
      priceBandOfCounts([
        { priceLakPerKg: 3100, count: 1 },
        { priceLakPerKg: 2900, count: 1 },
        { priceLakPerKg: 3100, count: 1 },
      ]),
    ).toEqual(priceBand([3100, 2900, 3100]));
  });

  it("equals the band of the same prices written out one by one, on 2,000 random tallies", () => {
    const next = lcg(20261202);
    for (let i = 0; i < 2000; i++) {
      const rows = Array.from({ length: 1 + next(12) }, () => ({ priceLakPerKg: 2500 + next(40) * 25, count: next(6) }));
      expect(priceBandOfCounts(rows)).toEqual(priceBand(expandCounts(rows)));
    }
  });
});
