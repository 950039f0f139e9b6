// The price board from its tally (PriceTally: how many prices of each amount,
// per crop, place, Vientiane month and kind). A median, a range and a count are
// exact from such counts, so the board reads a row per distinct price instead
// of a row per price ever recorded. Pure: the same bands priceBand gives for
// the prices written out one by one (tested).
import type { BoardMonth, DistrictSummaryRow } from "./price-board";
import { priceBand, type PriceBand } from "./price-band";
import { divideRoundHalfUp } from "./rounding";

export type TallyKind = "reference" | "contract";

export interface TallyRow {
  /** a district id, "province:<id>" or "all" */
  place: string;
  /** "2026-05" */
  month: string;
  kind: TallyKind;
  priceLakPerKg: number;
  count: number;
}

/** The band of prices given as amounts and how often each was seen; null when there are none. */
export function priceBandOfCounts(entries: readonly { priceLakPerKg: number; count: number }[]): PriceBand | null {
  const merged = new Map<number, number>();
  for (const e of entries) if (e.count > 0) merged.set(e.priceLakPerKg, (merged.get(e.priceLakPerKg) ?? 0) + e.count);
  if (merged.size === 0) return null;
  const sorted = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  const count = sorted.reduce((n, [, c]) => n + c, 0);
  // The k-th smallest price (0-based).
  const nth = (k: number) => {
    let seen = 0;
    for (const [price, c] of sorted) if ((seen += c) > k) return price;
    throw new RangeError("rank out of range");
  };
  const mid = count >> 1;
  const median = count % 2 === 1 ? nth(mid) : Number(divideRoundHalfUp(BigInt(nth(mid - 1)) + BigInt(nth(mid)), 2n));
  return { count, median, min: sorted[0]![0], max: sorted.at(-1)![0] };
}

type Counts = Map<number, number>;
type ByKind = Record<TallyKind, Counts>;
const byKind = (): ByKind => ({ reference: new Map(), contract: new Map() });

/** The band of prices counted in a map (price → how often); null when there are none. */
function bandOf(counts: Counts): PriceBand | null {
  return priceBandOfCounts([...counts].map(([priceLakPerKg, count]) => ({ priceLakPerKg, count })));
}

/**
 * The board's month-by-month series (of one district, or every place when
 * none is chosen) and its district summary over the window, from tally rows
 * of one crop, in one pass. Rows outside `months` are ignored.
 */
export function boardFromTally(rows: readonly TallyRow[], months: readonly string[], districtIds: readonly string[], districtId?: string | null) {
  const series = new Map(months.map((m) => [m, byKind()]));
  const places = new Map(districtIds.map((id) => [id, byKind()]));
  const total = byKind();
  const add = (into: ByKind | undefined, r: TallyRow) => {
    const counts = into?.[r.kind];
    if (counts) counts.set(r.priceLakPerKg, (counts.get(r.priceLakPerKg) ?? 0) + r.count);
  };
  for (const r of rows) {
    const month = series.get(r.month);
    if (!month || r.count <= 0 || (r.kind !== "reference" && r.kind !== "contract")) continue;
    add(total, r);
    if (!districtId || r.place === districtId) add(month, r);
    add(places.get(r.place), r);
  }
  const bands = (k: ByKind) => ({ reference: bandOf(k.reference), contract: bandOf(k.contract) });
  const seriesRows: BoardMonth[] = months.map((month) => ({ month, ...bands(series.get(month)!) }));
  const summary: DistrictSummaryRow[] = districtIds.map((id) => ({ districtId: id, ...bands(places.get(id)!) }));
  return { series: seriesRows, summary: { rows: summary, total: bands(total) } };
}

/** priceBand of the prices written out one by one: what the tally stands for (for tests and the rebuild check). */
export function expandCounts(entries: readonly { priceLakPerKg: number; count: number }[]): number[] {
  return entries.flatMap((e) => Array.from({ length: e.count }, () => e.priceLakPerKg));
}

export { priceBand };
