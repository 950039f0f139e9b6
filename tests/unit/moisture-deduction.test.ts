import { describe, expect, it } from "vitest";
import { moistureDeductionKg, sortedDeductionTable, type Band } from "~/domain/offers/moisture-deduction";
import { MAIZE_TABLE_BEFORE_2026_12 } from "../fixtures/tables";

// The worked-example table (the maize default until December 2026, still frozen in
// the contracts written then): 14–18 % at 15, 18–25 % at 20, 25–30 % at 25 kg per tonne per point.
const MAIZE: Band[] = MAIZE_TABLE_BEFORE_2026_12;
const deduct = (grossKg: number, measuredPermille: number, basisPermille = 140, bands: readonly Band[] = MAIZE) =>
  moistureDeductionKg({ grossKg, measuredPermille, basisPermille, bands });

/** The rule read literally: each tenth of a point above the basis pays the rate of the first band ending at or above it. */
function bruteForceShareBp(measured: number, basis: number, bands: readonly Band[]): number {
  const sorted = [...bands].sort((a, b) => a.fromPermille - b.fromPermille);
  let share = 0;
  for (let p = basis + 1; p <= measured; p++) share += (sorted.find((b) => b.toPermille >= p) ?? sorted.at(-1)!).kgPerTonnePerPoint;
  return share;
}

describe("moistureDeductionKg", () => {
  it("reads the worked-example maize table as absolute moisture levels", () => {
    expect(MAIZE).toEqual([
      { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
      { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 20 },
      { fromPermille: 250, toPermille: 300, kgPerTonnePerPoint: 25 },
    ]);
  });

  it.each([
    ["at the basis", 140],
    ["below the basis", 120],
    ["bone dry", 0],
  ])("deducts nothing %s", (_label, measured) => {
    expect(deduct(12_000, measured)).toEqual({ deductedKg: 0, netKg: 12_000, excessPermille: 0, shareBp: 0, aboveTable: false, lines: [] });
  });

  it("charges one point in the first band: 15 kg per tonne", () => {
    expect(deduct(1_000, 150)).toEqual({
      deductedKg: 15,
      netKg: 985,
      excessPermille: 10,
      shareBp: 150,
      aboveTable: false,
      lines: [{ fromPermille: 140, toPermille: 150, pointsTenths: 10, kgPerTonnePerPoint: 15, shareBp: 150, aboveTable: false }],
    });
  });

  it("prorates a tenth of a point", () => {
    expect(deduct(1_000, 141).shareBp).toBe(15); // 1.5 kg per tonne
    expect(deduct(10_000, 141).deductedKg).toBe(15);
    expect(deduct(1_000, 143).deductedKg).toBe(5); // 4.5 kg → 5
  });

  it("charges each band for the part of the excess lying in it when crossing bands", () => {
    const d = deduct(12_000, 200);
    expect(d.lines).toEqual([
      { fromPermille: 140, toPermille: 180, pointsTenths: 40, kgPerTonnePerPoint: 15, shareBp: 600, aboveTable: false },
      { fromPermille: 180, toPermille: 200, pointsTenths: 20, kgPerTonnePerPoint: 20, shareBp: 400, aboveTable: false },
    ]);
    expect(d.shareBp).toBe(1_000); // 100 kg per tonne
    expect(d.deductedKg).toBe(1_200);
    expect(d.netKg).toBe(10_800);
  });

  it("crosses all three bands", () => {
    const d = deduct(1_000, 280);
    expect(d.lines.map((l) => [l.fromPermille, l.toPermille, l.shareBp])).toEqual([
      [140, 180, 600],
      [180, 250, 1_400],
      [250, 280, 750],
    ]);
    expect(d.deductedKg).toBe(275);
    expect(d.aboveTable).toBe(false);
  });

  it("treats a band's upper end as inclusive: exactly at the last band's end is still in the table", () => {
    const d = deduct(1_000, 300);
    expect(d.aboveTable).toBe(false);
    expect(d.shareBp).toBe(600 + 1_400 + 1_250);
    expect(d.lines.every((l) => !l.aboveTable)).toBe(true);
  });

  it("flags a lot above the table and charges the excess at the last band's rate", () => {
    const d = deduct(1_000, 320);
    expect(d.aboveTable).toBe(true);
    expect(d.lines.at(-1)).toEqual({ fromPermille: 300, toPermille: 320, pointsTenths: 20, kgPerTonnePerPoint: 25, shareBp: 500, aboveTable: true });
    expect(d.shareBp).toBe(600 + 1_400 + 1_250 + 500);
    expect(d.deductedKg).toBe(375);
  });

  it("flags above-table even when the basis is above the table", () => {
    const d = deduct(1_000, 330, 310);
    expect(d.lines).toEqual([{ fromPermille: 310, toPermille: 330, pointsTenths: 20, kgPerTonnePerPoint: 25, shareBp: 500, aboveTable: true }]);
    expect(d.aboveTable).toBe(true);
  });

  it("reports above-table with no deduction when the lot is above the table but not above the basis", () => {
    const d = deduct(1_000, 310, 320);
    expect(d).toMatchObject({ deductedKg: 0, aboveTable: true, lines: [] });
  });

  describe("a basis that differs from the crop standard", () => {
    it("above the standard: the points up to the basis are free, the rest pay the band they lie in", () => {
      const d = deduct(1_000, 200, 160);
      expect(d.lines.map((l) => [l.fromPermille, l.toPermille, l.kgPerTonnePerPoint, l.shareBp])).toEqual([
        [160, 180, 15, 300],
        [180, 200, 20, 400],
      ]);
      expect(d.deductedKg).toBe(70);
    });

    it("above the standard and above the first band: only the higher rates apply", () => {
      expect(deduct(1_000, 200, 190).lines).toEqual([
        { fromPermille: 190, toPermille: 200, pointsTenths: 10, kgPerTonnePerPoint: 20, shareBp: 200, aboveTable: false },
      ]);
    });

    it("below the standard: the points below the table pay the first band's rate", () => {
      const d = deduct(1_000, 160, 120);
      expect(d.lines).toEqual([{ fromPermille: 120, toPermille: 160, pointsTenths: 40, kgPerTonnePerPoint: 15, shareBp: 600, aboveTable: false }]);
      expect(d.deductedKg).toBe(60);
    });

    it("below the standard and crossing into the second band", () => {
      const d = deduct(1_000, 200, 120);
      expect(d.lines.map((l) => [l.fromPermille, l.toPermille, l.shareBp])).toEqual([
        [120, 180, 900],
        [180, 200, 400],
      ]);
      expect(d.deductedKg).toBe(130);
    });

    it("below the standard with the measured moisture still below the table", () => {
      const d = deduct(1_000, 135, 120);
      expect(d.lines).toEqual([{ fromPermille: 120, toPermille: 135, pointsTenths: 15, kgPerTonnePerPoint: 15, shareBp: 225, aboveTable: false }]);
      expect(d.deductedKg).toBe(23); // 22.5 → 23
    });
  });

  it("charges a gap between bands at the rate of the band above it", () => {
    const gappy: Band[] = [
      { fromPermille: 140, toPermille: 160, kgPerTonnePerPoint: 10 },
      { fromPermille: 180, toPermille: 200, kgPerTonnePerPoint: 30 },
    ];
    const d = deduct(1_000, 190, 140, gappy);
    expect(d.lines.map((l) => [l.fromPermille, l.toPermille, l.kgPerTonnePerPoint, l.shareBp])).toEqual([
      [140, 160, 10, 200],
      [160, 190, 30, 900],
    ]);
    expect(d.deductedKg).toBe(110);
  });

  it("reads an unsorted table the same as a sorted one", () => {
    expect(deduct(12_345, 262, 133, [...MAIZE].reverse())).toEqual(deduct(12_345, 262, 133));
  });

  it("deducts nothing for a crop not traded on moisture (empty table)", () => {
    expect(deduct(5_000, 400, 0, [])).toEqual({ deductedKg: 0, netKg: 5_000, excessPermille: 0, shareBp: 0, aboveTable: false, lines: [] });
  });

  describe("rounding: once, half up, to a whole kg", () => {
    const flat: Band[] = [{ fromPermille: 0, toPermille: 1_000, kgPerTonnePerPoint: 1 }];
    it.each([
      [1_000, 5, 1], // 0.5 → 1
      [1_000, 4, 0], // 0.4 → 0
      [1_000, 6, 1],
      [3_000, 5, 2], // 1.5 → 2
      [2_999, 5, 1], // 1.4995 → 1
      [1_000, 15, 2], // 1.5 → 2
      [10_000, 1, 1], // exactly 1
    ])("%i kg with %i tenths at 1 kg/t/point → %i kg", (gross, tenths, kg) => {
      expect(deduct(gross, tenths, 0, flat).deductedKg).toBe(kg);
    });

    it("rounds the total, not each band", () => {
      // two bands each worth 0.5 kg: rounded separately they would give 2, the total is exactly 1
      const two: Band[] = [
        { fromPermille: 0, toPermille: 5, kgPerTonnePerPoint: 1 },
        { fromPermille: 5, toPermille: 10, kgPerTonnePerPoint: 1 },
      ];
      const d = deduct(1_000, 10, 0, two);
      expect(d.lines).toHaveLength(2);
      expect(d.deductedKg).toBe(1);
    });
  });

  it("never deducts more than the gross weight", () => {
    const harsh: Band[] = [{ fromPermille: 0, toPermille: 1_000, kgPerTonnePerPoint: 1_000 }];
    expect(deduct(700, 500, 0, harsh)).toMatchObject({ deductedKg: 700, netKg: 0 });
  });

  it("deducts nothing from nothing", () => {
    expect(deduct(0, 250).deductedKg).toBe(0);
  });

  it("stays exact for huge volumes", () => {
    const gross = 9_000_000_000_003; // far beyond any lot, still a safe integer
    const d = deduct(gross, 200); // 1,000 bp = 10 %
    expect(d.deductedKg).toBe(900_000_000_000); // 900,000,000,000.3 → down
    expect(d.netKg).toBe(gross - 900_000_000_000);
  });

  it("matches the rule read literally, tenth by tenth, for every basis and moisture", () => {
    for (let basis = 100; basis <= 320; basis += 5)
      for (let measured = 90; measured <= 360; measured += 3) {
        const d = deduct(10_000, measured, basis);
        expect(d.shareBp, `${measured} on ${basis}`).toBe(Math.max(0, bruteForceShareBp(measured, basis, MAIZE)));
        expect(d.lines.reduce((s, l) => s + l.shareBp, 0)).toBe(d.shareBp);
        expect(d.lines.reduce((s, l) => s + l.pointsTenths, 0)).toBe(d.excessPermille);
        expect(d.deductedKg).toBe(d.shareBp); // 10,000 kg: 1 bp = 1 kg, no rounding
        expect(d.aboveTable).toBe(measured > 300);
      }
  });

  it("never deducts less for a wetter lot", () => {
    let previous = 0;
    for (let measured = 100; measured <= 400; measured++) {
      const kg = deduct(7_777, measured).deductedKg;
      expect(kg).toBeGreaterThanOrEqual(previous);
      previous = kg;
    }
  });

  describe("refuses what it cannot read", () => {
    it.each([
      ["a fractional weight", { grossKg: 10.5 }],
      ["a negative weight", { grossKg: -1 }],
      ["a fractional moisture", { measuredPermille: 150.5 }],
      ["a negative basis", { basisPermille: -10 }],
    ])("%s", (_label, override) => {
      expect(() => moistureDeductionKg({ grossKg: 1_000, measuredPermille: 150, basisPermille: 140, bands: MAIZE, ...override })).toThrow(RangeError);
    });

    it.each([
      ["a reversed band", [{ fromPermille: 180, toPermille: 140, kgPerTonnePerPoint: 15 }]],
      ["an empty band", [{ fromPermille: 140, toPermille: 140, kgPerTonnePerPoint: 15 }]],
      [
        "overlapping bands",
        [
          { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
          { fromPermille: 170, toPermille: 200, kgPerTonnePerPoint: 20 },
        ],
      ],
      ["a negative rate", [{ fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: -5 }]],
      ["a fractional rate", [{ fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 1.5 }]],
    ])("%s", (_label, bands) => {
      expect(() => sortedDeductionTable(bands)).toThrow(RangeError);
      expect(() => deduct(1_000, 150, 140, bands)).toThrow(RangeError);
    });
  });
});
