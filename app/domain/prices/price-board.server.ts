// The price board's queries: for one crop over the last 3, 6 or 12 months in
// Vientiane time, the reference prices and the signed-contract prices of every
// programme district, with the month-by-month series narrowed to one district
// when the reader chooses one.
//
// WHICH PRICES.
// - Reference prices: market surveys and facilitators' entries. Rows derived
//   from signed contracts (source "signed_contract") are left out: the board
//   reads the contracts themselves, and counting both would count a contract
//   twice.
// - Contract prices: contracts in force or done (active, completed, disputed),
//   at the price frozen in their snapshot (terms.priceLakPerKg), dated by when
//   they became binding (activatedAt, i.e. the last signature). A contract
//   awaiting signatures is no price yet; a cancelled or superseded one is no
//   longer the deal (its amendment, a contract of its own, is).
//
// Queries (prepared statements): the crops and places of the filters, and the
// tally of the crop over the window's months (PriceTally, kept by the database
// with every price: a row per place, month, kind and distinct price), which
// gives every district's summary and the series at once; the chosen district's
// series is picked in memory. What they read is bounded by the window, not by
// the history before it. readBoardPrices reads the prices themselves, for the
// check that the tally equals them.
import { z } from "zod";
import type { Db, Tx } from "~/utils/db.server";
import { keptValues } from "~/utils/kept.server";
import { reads } from "~/utils/reads.server";
import { boardFromTally, type TallyRow } from "./price-tally";
import { boardMonthChoices, boardWindow, DEFAULT_BOARD_MONTHS, type BoardMonths, type PriceObservation } from "./price-board";

export const referenceSources = ["market_survey", "facilitator_entry"] as const;
export const contractPriceStatuses = ["active", "completed", "disputed"] as const;

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

// Query strings are typed by hand: a wrong value falls back to the default rather than failing.
export const PriceBoardSearchSchema = z.object({
  crop: optionalId,
  district: optionalId,
  months: z.coerce
    .number()
    .refine((n): n is BoardMonths => (boardMonthChoices as readonly number[]).includes(n))
    .catch(DEFAULT_BOARD_MONTHS)
    .default(DEFAULT_BOARD_MONTHS),
});
export type PriceBoardSearch = { crop?: string; district?: string; months: BoardMonths };

export function parsePriceBoardSearch(url: URL): PriceBoardSearch {
  const parsed = PriceBoardSearchSchema.parse(Object.fromEntries(url.searchParams));
  return { crop: parsed.crop, district: parsed.district, months: parsed.months as BoardMonths };
}

type Named = { id: string; nameLo: string; nameEn: string };

/** Crops (active, in catalogue order) and the programme's provinces with their districts (by English name). */
export async function priceBoardChoices(_db?: Db | Tx): Promise<{ crops: Named[]; provinces: (Named & { districts: Named[] })[] }> {
  const [crops, places] = await Promise.all([
    reads().all<Named>("SELECT id, nameLo, nameEn FROM Crop WHERE active = TRUE ORDER BY sortOrder ASC, nameEn ASC, id ASC"),
    reads().all<Named & { districtId: string | null; districtLo: string | null; districtEn: string | null }>(
      `SELECT p.id, p.nameLo, p.nameEn, d.id AS districtId, d.nameLo AS districtLo, d.nameEn AS districtEn
       FROM Province p LEFT JOIN District d ON d.provinceId = p.id ORDER BY p.nameEn ASC, p.id ASC, d.nameEn ASC, d.id ASC`,
    ),
  ]);
  const provinces: (Named & { districts: Named[] })[] = [];
  for (const r of places) {
    let province = provinces.at(-1);
    if (province?.id !== r.id) provinces.push((province = { id: r.id, nameLo: r.nameLo, nameEn: r.nameEn, districts: [] }));
    if (r.districtId) province.districts.push({ id: r.districtId, nameLo: r.districtLo!, nameEn: r.districtEn! });
  }
  return { crops, provinces };
}

/** The districts a facilitator works in. */
export async function facilitatorDistrictIds(userId: string): Promise<string[]> {
  return (await reads().all<{ districtId: string }>("SELECT districtId FROM FacilitatorDistrict WHERE userId = ?", userId)).map((r) => r.districtId);
}

/** Every reference price and contract price of the crop in the window, all districts. */
export async function readBoardPrices(db: Db | Tx, options: { cropId: string; from: Date; to: Date }) {
  const { cropId, from, to } = options;
  const [referenceRows, contractRows] = await Promise.all([
    db.referencePrice.findMany({
      where: { cropId, observedOn: { gte: from, lte: to }, source: { in: [...referenceSources] } },
      select: { districtId: true, observedOn: true, priceLakPerKg: true },
    }),
    db.contract.findMany({
      where: { status: { in: [...contractPriceStatuses] }, activatedAt: { gte: from, lte: to }, listing: { cropId }, currency: "LAK" },
      select: { districtId: true, activatedAt: true, priceLakPerKg: true },
    }),
  ]);
  const reference: PriceObservation[] = referenceRows.map((r) => ({ at: r.observedOn, districtId: r.districtId, priceLakPerKg: r.priceLakPerKg }));
  const contracts: PriceObservation[] = contractRows.flatMap((c) =>
    c.activatedAt ? [{ at: c.activatedAt, districtId: c.districtId, priceLakPerKg: c.priceLakPerKg }] : [],
  );
  return { reference, contracts };
}

/** The tally of one crop over the window's months: a row per place, month, kind and distinct price. */
export async function readBoardTally(cropId: string, months: readonly string[]): Promise<TallyRow[]> {
  return reads().all<TallyRow>(
    `SELECT place, month, kind, priceLakPerKg, count FROM PriceTally WHERE cropId = ? AND month >= ? AND month <= ? AND count > 0`,
    cropId,
    months[0]!,
    months.at(-1)!,
  );
}

/** Boards kept while DataVersion "priceBoard" stands: the database bumps it with every change to the tally (~/utils/kept.server). */
const keptBoards = keptValues<ReturnType<typeof boardFromTally>>("priceBoard", 64);

/**
 * The board for one crop: the month-by-month series (of one district, or of
 * every price when none is chosen) and the summary of each of `districtIds`,
 * from the price tally (PriceTally, kept by the database with every price);
 * the same board again from memory until a price changes.
 */
export async function getPriceBoard(
  _db: Db | Tx,
  options: { cropId: string; districtId?: string | null; districtIds: readonly string[]; months: number; now: Date },
) {
  const { cropId, districtId, districtIds, months: count, now } = options;
  const { months, from, to } = boardWindow(now, count);
  const key = JSON.stringify([cropId, months, districtId ?? null, districtIds]);
  const { series, summary } = await keptBoards.get(key, async () => boardFromTally(await readBoardTally(cropId, months), months, districtIds, districtId));
  return { months, from, to, series, summary };
}
export type PriceBoard = Awaited<ReturnType<typeof getPriceBoard>>;
