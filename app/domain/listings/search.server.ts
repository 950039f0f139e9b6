// Finding listings: the open market as traders, facilitators and FO leaders
// browse it. Only live listings (open or under negotiation, deadline ahead)
// are shown; each filter maps to an indexed column. Read through prepared
// statements (~/utils/reads.server): this is the portal's busiest page.
import { z } from "zod";
import { laoMonthRange } from "~/utils/dates";
import { parseWholeNumber } from "~/utils/fields";
import { fromSqlDate, reads, sqlDate, type SqlValue } from "~/utils/reads.server";
import { leadsSql } from "~/utils/access.server";

export const PAGE_SIZE = 20;
export const listingSorts = ["deadline", "quantity", "newest"] as const;

const optionalId = z
  .string()
  .trim()
  .max(64)
  .optional()
  .catch(undefined)
  .transform((v) => v || undefined);

// Query strings are typed by hand: a wrong value is ignored rather than refused.
export const ListingSearchSchema = z.object({
  crop: optionalId,
  province: optionalId,
  district: optionalId,
  minKg: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v ? (parseWholeNumber(v) ?? undefined) : undefined)),
  month: z
    .string()
    .optional()
    .catch(undefined)
    .transform((v) => (v && laoMonthRange(v) ? v : undefined)),
  sort: z.enum(listingSorts).catch("deadline").default("deadline"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type ListingSearch = z.output<typeof ListingSearchSchema>;

export function parseListingSearch(url: URL): ListingSearch {
  return ListingSearchSchema.parse(Object.fromEntries(url.searchParams));
}

/** The live market: open or under negotiation, deadline still ahead. */
const LIVE = `l.status IN ('open', 'under_negotiation') AND l.offerDeadline > ?`;

// Indexes (prisma/schema.prisma, Listing "market" indexes): for the deadline
// order, one per filter (none, crop, district, province, crop and district)
// that starts with the filter's equality columns, then (offerDeadline, id),
// then every other column a search filters on. A page reads its entries in
// order with no sort and the capped count never leaves the index, whatever
// the size of the market or of its history. Quantity and newest have an index
// each (totalKg DESC, id …) and (publishedAt DESC, id …) for the unfiltered
// market; with a filter, SQLite sorts the filter's live entries inside the
// filter's index (bounded by the live market, not by history).
const ORDER: Record<(typeof listingSorts)[number], string> = {
  deadline: "l.offerDeadline ASC, l.id ASC",
  quantity: "l.totalKg DESC, l.id ASC",
  newest: "l.publishedAt DESC, l.id ASC",
};

/** The count stops here ("1,000+"): counting a market of 60,000 live listings on every page view would cost more than the page. */
export const COUNT_SHOWN_MAX = 1000;
/** Pages beyond this are not offered: narrow the search instead. */
export const MAX_PAGE = COUNT_SHOWN_MAX / PAGE_SIZE;

function whereOf(filters: ListingSearch, now: Date): { sql: string; params: SqlValue[] } {
  const conditions = [LIVE];
  const params: SqlValue[] = [sqlDate(now)];
  if (filters.crop) {
    conditions.push("l.cropId = ?");
    params.push(filters.crop);
  }
  if (filters.district) {
    conditions.push("l.districtId = ?");
    params.push(filters.district);
  } else if (filters.province) {
    conditions.push("l.provinceId = ?");
    params.push(filters.province);
  }
  if (filters.minKg) {
    conditions.push("l.totalKg >= ?");
    params.push(filters.minKg);
  }
  const month = filters.month ? laoMonthRange(filters.month) : null;
  if (month) {
    conditions.push("l.availableFrom <= ?", "l.availableUntil >= ?");
    params.push(sqlDate(month.end), sqlDate(month.start));
  }
  return { sql: conditions.join(" AND "), params };
}

type CardRow = {
  id: string;
  status: string;
  totalKg: number;
  householdCount: number;
  offerMode: string;
  offerDeadline: string;
  askingPriceLakPerKg: number | null;
  availableFrom: string;
  availableUntil: string;
  cropLo: string;
  cropEn: string;
  gradeLo: string;
  gradeEn: string;
  organisationLo: string;
  organisationEn: string;
  districtLo: string;
  districtEn: string;
};

const CARD_COLUMNS = `l.id, l.status, l.totalKg, l.householdCount, l.offerMode, l.offerDeadline, l.askingPriceLakPerKg, l.availableFrom, l.availableUntil,
  c.nameLo AS cropLo, c.nameEn AS cropEn, g.nameLo AS gradeLo, g.nameEn AS gradeEn,
  o.nameLo AS organisationLo, o.nameEn AS organisationEn, d.nameLo AS districtLo, d.nameEn AS districtEn`;
const CARD_JOINS = `JOIN Crop c ON c.id = l.cropId JOIN CropGrade g ON g.id = l.gradeId
  JOIN Organisation o ON o.id = l.organisationId JOIN District d ON d.id = l.districtId`;

/** The two statements behind a page of the market: the capped count of matches and the page itself. */
export function listingSearchStatements(filters: ListingSearch, now: Date) {
  const where = whereOf(filters, now);
  const page = Math.min(filters.page, MAX_PAGE);
  const order = ORDER[filters.sort];
  return {
    page,
    count: {
      sql: `SELECT count(*) AS n FROM (SELECT 1 FROM Listing l WHERE ${where.sql} LIMIT ${COUNT_SHOWN_MAX + 1}) AS matching`,
      params: where.params,
    },
    // The page's ids first, from the index alone; then only those rows are read
    // and named. An OFFSET skips index entries, never rows and their joins.
    rows: {
      sql: `SELECT ${CARD_COLUMNS} FROM (SELECT l.id FROM Listing l WHERE ${where.sql} ORDER BY ${order} LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}) AS shown
       JOIN Listing l ON l.id = shown.id ${CARD_JOINS} ORDER BY ${order}`,
      params: where.params,
    },
  };
}

/** One page of the live market, and how many listings match (up to COUNT_SHOWN_MAX + 1). */
export async function searchListings(filters: ListingSearch, now = new Date()) {
  const { page, count, rows: shown } = listingSearchStatements(filters, now);
  const [counted, rows] = await Promise.all([reads().get<{ n: number }>(count.sql, ...count.params), reads().all<CardRow>(shown.sql, ...shown.params)]);
  const total = counted?.n ?? 0;
  return { rows, total, capped: total > COUNT_SHOWN_MAX, page, pages: Math.max(1, Math.min(MAX_PAGE, Math.ceil(total / PAGE_SIZE))) };
}

/** A live-offer count stops here: enough to say "99+", never a walk through a listing's whole history. */
export const LIVE_OFFER_COUNT_CAP = 100;

/**
 * An FO leader's own listings, newest first (the 200 latest), each with how many
 * offers on it are live (submitted or countered): counted in Offer_listingId_status_idx
 * alone, with a limit, and only for listings past their draft.
 */
export const LISTINGS_LED_BY_SQL = `SELECT ${CARD_COLUMNS},
    CASE WHEN l.status = 'draft' THEN 0 ELSE (SELECT count(*) FROM (SELECT 1 FROM Offer x WHERE x.listingId = l.id AND x.status IN ('submitted', 'countered') LIMIT ${LIVE_OFFER_COUNT_CAP}) AS live) END AS liveOffers
  FROM Listing l ${CARD_JOINS}
  WHERE ${leadsSql("l.organisationId")}
  ORDER BY l.createdAt DESC, l.id ASC LIMIT 200`;

export async function listingsLedBy(userId: string) {
  return reads().all<CardRow & { liveOffers: number }>(LISTINGS_LED_BY_SQL, userId);
}

type Named = { id: string; nameLo: string; nameEn: string };

/** Choices for the filter form: active crops in catalogue order, provinces with their districts. */
export async function listingFilterChoices() {
  const [crops, districts] = await Promise.all([
    reads().all<Named>("SELECT id, nameLo, nameEn FROM Crop WHERE active = TRUE ORDER BY sortOrder ASC, nameEn ASC"),
    reads().all<Named & { provinceId: string; provinceLo: string; provinceEn: string }>(
      `SELECT d.id, d.nameLo, d.nameEn, p.id AS provinceId, p.nameLo AS provinceLo, p.nameEn AS provinceEn
       FROM District d JOIN Province p ON p.id = d.provinceId ORDER BY p.nameEn ASC, d.nameEn ASC`,
    ),
  ]);
  const provinces: (Named & { districts: Named[] })[] = [];
  for (const d of districts) {
    let province = provinces.at(-1);
    if (province?.id !== d.provinceId) provinces.push((province = { id: d.provinceId, nameLo: d.provinceLo, nameEn: d.provinceEn, districts: [] }));
    province.districts.push({ id: d.id, nameLo: d.nameLo, nameEn: d.nameEn });
  }
  return { crops, provinces };
}

/** A listing as the browse page shows it, named in the reader's language. */
export function toListingCard(row: CardRow, locale: "lo" | "en", now = new Date()) {
  const lo = locale === "lo";
  const deadline = fromSqlDate(row.offerDeadline);
  const live = ["open", "under_negotiation"].includes(row.status) && deadline.getTime() > now.getTime();
  return {
    id: row.id,
    status: live || !["open", "under_negotiation"].includes(row.status) ? row.status : "expired",
    crop: lo ? row.cropLo : row.cropEn,
    grade: lo ? row.gradeLo : row.gradeEn,
    organisation: lo ? row.organisationLo : row.organisationEn,
    district: lo ? row.districtLo : row.districtEn,
    totalKg: row.totalKg,
    households: row.householdCount,
    offerMode: row.offerMode,
    offerDeadline: deadline.toISOString(),
    askingPriceLakPerKg: row.askingPriceLakPerKg,
    availableFrom: fromSqlDate(row.availableFrom).toISOString(),
    availableUntil: fromSqlDate(row.availableUntil).toISOString(),
  };
}
export type ListingCard = ReturnType<typeof toListingCard>;
