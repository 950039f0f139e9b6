// Finding listings: the open market as traders, facilitators and FO leaders
// browse it. Only live listings (open or under negotiation, deadline ahead)
// are shown; each filter maps to an indexed column.
import { z } from "zod";
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/utils/db.server";
import { laoMonthRange } from "~/utils/dates";
import { parseWholeNumber } from "~/utils/fields";

export const PAGE_SIZE = 20;
export const listingSorts = ["deadline", "quantity", "newest"] as const;

const optionalId = z.string().trim().max(64).optional().catch(undefined).transform((v) => v || undefined);

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

export function listingSearchWhere(filters: ListingSearch, now: Date): Prisma.ListingWhereInput {
  const where: Prisma.ListingWhereInput = { status: { in: ["open", "under_negotiation"] }, offerDeadline: { gt: now } };
  if (filters.crop) where.cropId = filters.crop;
  if (filters.district) where.districtId = filters.district;
  else if (filters.province) where.provinceId = filters.province;
  if (filters.minKg) where.totalKg = { gte: filters.minKg };
  const month = filters.month ? laoMonthRange(filters.month) : null;
  if (month) {
    where.availableFrom = { lte: month.end };
    where.availableUntil = { gte: month.start };
  }
  return where;
}

const orderBy: Record<(typeof listingSorts)[number], Prisma.ListingOrderByWithRelationInput[]> = {
  deadline: [{ offerDeadline: "asc" }, { id: "asc" }],
  quantity: [{ totalKg: "desc" }, { id: "asc" }],
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
};

export const listingCardSelect = {
  id: true,
  status: true,
  totalKg: true,
  offerMode: true,
  offerDeadline: true,
  askingPriceLakPerKg: true,
  availableFrom: true,
  availableUntil: true,
  crop: { select: { nameLo: true, nameEn: true } },
  grade: { select: { nameLo: true, nameEn: true } },
  organisation: { select: { nameLo: true, nameEn: true } },
  district: { select: { nameLo: true, nameEn: true } },
  _count: { select: { pledges: true } },
} as const satisfies Prisma.ListingSelect;

export async function searchListings(db: Db, filters: ListingSearch, now = new Date()) {
  const where = listingSearchWhere(filters, now);
  const [total, rows] = await Promise.all([
    db.listing.count({ where }),
    db.listing.findMany({
      where,
      orderBy: orderBy[filters.sort],
      skip: (filters.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: listingCardSelect,
    }),
  ]);
  return { rows, total, page: filters.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

/** Choices for the filter form, in the user's language. */
export async function listingFilterChoices(db: Db) {
  const [crops, provinces] = await Promise.all([
    db.crop.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }], select: { id: true, nameLo: true, nameEn: true } }),
    db.province.findMany({
      orderBy: { nameEn: "asc" },
      select: { id: true, nameLo: true, nameEn: true, districts: { orderBy: { nameEn: "asc" }, select: { id: true, nameLo: true, nameEn: true } } },
    }),
  ]);
  return { crops, provinces };
}

type CardRow = Prisma.ListingGetPayload<{ select: typeof listingCardSelect }>;

/** A listing as the browse page shows it, named in the reader's language. */
export function toListingCard(row: CardRow, locale: "lo" | "en", now = new Date()) {
  const name = (r: { nameLo: string; nameEn: string }) => (locale === "lo" ? r.nameLo : r.nameEn);
  const live = ["open", "under_negotiation"].includes(row.status) && row.offerDeadline.getTime() > now.getTime();
  return {
    id: row.id,
    status: live || !["open", "under_negotiation"].includes(row.status) ? row.status : "expired",
    crop: name(row.crop),
    grade: name(row.grade),
    organisation: name(row.organisation),
    district: name(row.district),
    totalKg: row.totalKg,
    households: row._count.pledges,
    offerMode: row.offerMode,
    offerDeadline: row.offerDeadline.toISOString(),
    askingPriceLakPerKg: row.askingPriceLakPerKg,
    availableFrom: row.availableFrom.toISOString(),
    availableUntil: row.availableUntil.toISOString(),
  };
}
export type ListingCard = ReturnType<typeof toListingCard>;
