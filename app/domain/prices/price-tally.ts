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

/**
 * The board's month-by-month series (of one district, or every place when
 * none is chosen) and its district summary over the window, from tally rows
 * of one crop. Rows outside `months` are ignored.
 */
export function boardFromTally(rows: readonly TallyRow[], months: readonly string[], districtIds: readonly string[], districtId?: string | null) {
  const inWindow = new Set(months);
  const rowsIn = rows.filter((r) => inWindow.has(r.month));
  const band = (kind: TallyKind, keep: (r: TallyRow) => boolean) => priceBandOfCounts(rowsIn.filter((r) => r.kind === kind && keep(r)));
  const series: BoardMonth[] = months.map((month) => {
    const keep = (r: TallyRow) => r.month === month && (!districtId || r.place === districtId);
    return { month, reference: band("reference", keep), contract: band("contract", keep) };
  });
  const summary: DistrictSummaryRow[] = districtIds.map((id) => ({ districtId: id, reference: band("reference", (r) => r.place === id), contract: band("contract", (r) => r.place === id) }));
  return { series, summary: { rows: summary, total: { reference: band("reference", () => true), contract: band("contract", () => true) } } };
}

/** priceBand of the prices written out one by one: what the tally stands for (for tests and the rebuild check). */
export function expandCounts(entries: readonly { priceLakPerKg: number; count: number }[]): number[] {
  return entries.flatMap((e) => Array.from({ length: e.count }, () => e.priceLakPerKg));
}

export { priceBand };
