// The price board: what a crop has been selling for, month by month, in the
// programme districts. Two kinds of price sit side by side: reference prices
// (market surveys and facilitators' entries) and the prices of signed
// contracts on the portal. For each calendar month in Vientiane time, and for
// each district over the whole window, the board shows the median, range and
// count of each kind (the same priceBand the listing pages use). Pure: the
// queries are in ./price-board.server.
import { priceBand, type PriceBand } from "./price-band";

export const boardMonthChoices = [3, 6, 12] as const;
export type BoardMonths = (typeof boardMonthChoices)[number];
export const DEFAULT_BOARD_MONTHS: BoardMonths = 6;

/** Asia/Vientiane: UTC+7, no daylight saving. */
const OFFSET_MS = 7 * 3600_000;

/** The Vientiane calendar month of an instant, "2026-01". */
export function laoMonthKey(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 7);
}

/** The first instant of a Vientiane month ("2026-01"). */
export function startOfLaoMonth(month: string): Date {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - OFFSET_MS);
}

/** The board's window: `count` calendar months ending with the month of `now`, oldest first; from its first instant to now. */
export function boardWindow(now: Date, count: number): { months: string[]; from: Date; to: Date } {
  const [y, m] = laoMonthKey(now).split("-").map(Number) as [number, number];
  const months: string[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const d = new Date(Date.UTC(y, m - 1 - back, 1));
    months.push(d.toISOString().slice(0, 7));
  }
  return { months, from: startOfLaoMonth(months[0]!), to: now };
}

/** One price: when it was observed (a reference price) or agreed (a contract's activation), where, how much. */
export interface PriceObservation {
  at: Date;
  districtId: string | null;
  priceLakPerKg: number;
}

export interface BoardMonth {
  month: string;
  reference: PriceBand | null;
  contract: PriceBand | null;
}

/** The band of each month's prices, in the order of `months`; prices outside them are left out. */
export function monthlyBands(observations: readonly PriceObservation[], months: readonly string[]): (PriceBand | null)[] {
  const byMonth = new Map<string, number[]>(months.map((m) => [m, []]));
  for (const o of observations) byMonth.get(laoMonthKey(o.at))?.push(o.priceLakPerKg);
  return months.map((m) => priceBand(byMonth.get(m)!));
}

/** The month-by-month rows of the board: reference and contract bands per month. */
export function boardSeries(reference: readonly PriceObservation[], contracts: readonly PriceObservation[], months: readonly string[]): BoardMonth[] {
  const ref = monthlyBands(reference, months);
  const con = monthlyBands(contracts, months);
  return months.map((month, i) => ({ month, reference: ref[i]!, contract: con[i]! }));
}

export interface DistrictSummaryRow {
  districtId: string;
  reference: PriceBand | null;
  contract: PriceBand | null;
}

/**
 * One row per district, in the order given, over the whole window; and the
 * total over every price (including any recorded for a province as a whole,
 * which belongs to no district row).
 */
export function districtSummary(
  districtIds: readonly string[],
  reference: readonly PriceObservation[],
  contracts: readonly PriceObservation[],
): { rows: DistrictSummaryRow[]; total: { reference: PriceBand | null; contract: PriceBand | null } } {
  const group = (list: readonly PriceObservation[]) => {
    const by = new Map<string, number[]>();
    for (const o of list) if (o.districtId) (by.get(o.districtId) ?? by.set(o.districtId, []).get(o.districtId)!).push(o.priceLakPerKg);
    return by;
  };
  const ref = group(reference);
  const con = group(contracts);
  return {
    rows: districtIds.map((districtId) => ({
      districtId,
      reference: priceBand(ref.get(districtId) ?? []),
      contract: priceBand(con.get(districtId) ?? []),
    })),
    total: { reference: priceBand(reference.map((o) => o.priceLakPerKg)), contract: priceBand(contracts.map((o) => o.priceLakPerKg)) },
  };
}

/** The contract price frozen in a contract's snapshot, or null when the snapshot carries no usable price. */
export function contractSnapshotPrice(snapshot: string): number | null {
  try {
    const price = (JSON.parse(snapshot) as { terms?: { priceLakPerKg?: unknown } }).terms?.priceLakPerKg;
    return typeof price === "number" && Number.isSafeInteger(price) && price > 0 ? price : null;
  } catch {
    return null;
  }
}
