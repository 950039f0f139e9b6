// The moisture deduction: the kg a buyer takes off a lot that is wetter than the
// moisture basis agreed in the offer or contract, from the deduction table of
// that offer (by default the crop's standard table). Pure; no database.
//
// HOW A TABLE READS. Each band { fromPermille, toPermille, kgPerTonnePerPoint }
// is a range of ABSOLUTE moisture levels, in per mille (140 = 14.0 %), with
// fromPermille exclusive and toPermille inclusive, exactly as the crop seed
// defines them (maize: 14–18 % at 15, 18–25 % at 20, 25–30 % at 25 kg per
// tonne per point). The deduction is marginal, like a tax schedule: every tenth
// of a point of moisture between the basis and the measured moisture costs
// one tenth of the rate of the band that tenth lies in. A lot at 20.0 % on a
// 14.0 % basis loses 4.0 points × 15 + 2.0 points × 20 = 100 kg per tonne.
//
// WHEN THE BASIS DIFFERS FROM THE CROP STANDARD. The table keeps its absolute
// levels; only the starting point moves:
// - basis above the standard (a lenient buyer): the points between the
//   standard and the basis are free; points above the basis pay the rate of
//   the band they lie in;
// - basis below the standard (a strict buyer): the points between the basis
//   and the first band's fromPermille lie below the table and pay the first
//   band's rate. More generally a point that lies in no band pays the rate of
//   the nearest band above it (this also covers gaps between bands), and a
//   point above the last band pays the last band's rate and sets
//   `aboveTable` (buyers may refuse such a lot outright).
// An empty table means the crop is not traded on moisture: the deduction is 0.
//
// ROUNDING (once): the deducted share of the gross weight is exact, in
// kilograms per 10,000 kg ("shareBp", 1 bp = 0.1 kg per tonne = tenths of a
// point × kg per tonne per point). Deducted kg = grossKg × shareBp / 10,000,
// rounded half up to a whole kg (see ~/domain/prices/rounding), and never more
// than the gross weight.
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";

/** One band of a deduction table (same shape as a DeductionBand row and an offer's JSON table). */
export type Band = { fromPermille: number; toPermille: number; kgPerTonnePerPoint: number };

/** The part of the moisture excess lying in one band, for display. */
export interface DeductionBandLine {
  /** start of this part of the excess (exclusive), absolute moisture in per mille */
  fromPermille: number;
  /** end of this part of the excess (inclusive) */
  toPermille: number;
  /** toPermille − fromPermille: tenths of a percentage point */
  pointsTenths: number;
  kgPerTonnePerPoint: number;
  /** pointsTenths × kgPerTonnePerPoint: kg deducted per 10,000 kg gross (tenths of a kg per tonne) */
  shareBp: number;
  /** this part lies above the table's last band and is charged at its rate */
  aboveTable: boolean;
}

export interface MoistureDeduction {
  /** kg deducted, rounded half up, at most grossKg */
  deductedKg: number;
  /** grossKg − deductedKg */
  netKg: number;
  /** measured − basis when positive, else 0 */
  excessPermille: number;
  /** the exact deducted share of the gross weight in kg per 10,000 kg (sum of the lines) */
  shareBp: number;
  /** the measured moisture is above the table's last band: the lot may be refused */
  aboveTable: boolean;
  lines: DeductionBandLine[];
}

/** Checks a table and returns its bands sorted; throws RangeError on reversed or overlapping bands. */
export function sortedDeductionTable(bands: readonly Band[]): Band[] {
  const sorted = [...bands].sort((a, b) => a.fromPermille - b.fromPermille);
  sorted.forEach((b, i) => {
    assertWholeNumber("fromPermille", b.fromPermille);
    assertWholeNumber("toPermille", b.toPermille);
    assertWholeNumber("kgPerTonnePerPoint", b.kgPerTonnePerPoint);
    if (b.toPermille <= b.fromPermille) throw new RangeError(`Deduction band ${b.fromPermille}–${b.toPermille} is reversed or empty`);
    const previous = sorted[i - 1];
    if (previous && b.fromPermille < previous.toPermille)
      throw new RangeError(`Deduction bands ${previous.fromPermille}–${previous.toPermille} and ${b.fromPermille}–${b.toPermille} overlap`);
  });
  return sorted;
}

export function moistureDeductionKg(input: { grossKg: number; measuredPermille: number; basisPermille: number; bands: readonly Band[] }): MoistureDeduction {
  const { grossKg, measuredPermille, basisPermille } = input;
  assertWholeNumber("grossKg", grossKg);
  assertWholeNumber("measuredPermille", measuredPermille);
  assertWholeNumber("basisPermille", basisPermille);
  const bands = sortedDeductionTable(input.bands);
  const last = bands.at(-1);

  const none: MoistureDeduction = { deductedKg: 0, netKg: grossKg, excessPermille: 0, shareBp: 0, aboveTable: false, lines: [] };
  if (!last) return none;
  const aboveTable = measuredPermille > last.toPermille;
  if (measuredPermille <= basisPermille) return { ...none, aboveTable };

  // Band i charges the points in (end of band i−1, its toPermille]: its own range
  // plus any gap below it (the first band reaches down without limit); one
  // more segment charges everything above the table at the last band's rate.
  const segments = bands.map((b, i) => ({
    from: i === 0 ? -Infinity : bands[i - 1]!.toPermille,
    to: b.toPermille,
    rate: b.kgPerTonnePerPoint,
    aboveTable: false,
  }));
  segments.push({ from: last.toPermille, to: Infinity, rate: last.kgPerTonnePerPoint, aboveTable: true });

  const lines: DeductionBandLine[] = [];
  for (const s of segments) {
    const from = Math.max(s.from, basisPermille);
    const to = Math.min(s.to, measuredPermille);
    if (to <= from) continue;
    const pointsTenths = to - from;
    lines.push({ fromPermille: from, toPermille: to, pointsTenths, kgPerTonnePerPoint: s.rate, shareBp: pointsTenths * s.rate, aboveTable: s.aboveTable });
  }
  const shareBp = lines.reduce((sum, l) => sum + l.shareBp, 0);
  const rounded = Number(divideRoundHalfUp(BigInt(grossKg) * BigInt(shareBp), 10_000n));
  const deductedKg = Math.min(rounded, grossKg);
  return { deductedKg, netKg: grossKg - deductedKg, excessPermille: measuredPermille - basisPermille, shareBp, aboveTable, lines };
}
