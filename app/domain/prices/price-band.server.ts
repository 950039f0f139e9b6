// The price band shown beside a listing or an offer: recent reference prices
// (market surveys, facilitator entries, prices derived from contracts) for the
// crop near the listing, and, separately, the prices actually agreed on the
// portal.
//
// SCOPE. The band is built from the listing's district when it holds at least
// MIN_PRICES_FOR_BAND prices in the window; otherwise from the district's
// province (prices recorded for any of its districts or for the province as a
// whole); otherwise from everywhere. `scope` says which was used. The agreed
// band uses the same scope as the reference band, so the two stay comparable.
//
// AGREED PRICES. Until contracts exist, the price of each ACCEPTED offer's
// accepted revision (Offer.acceptedRevisionId), accepted within the window, on a
// listing of the crop in the scope, stands for a signed-contract price. When
// contracts arrive this should read signed contracts instead.
//
// Queries (prepared statements): the district (with its province), the
// reference prices of the district in the window, those of its province only
// if the district has too few, those of every place only if the province has
// too few, and the agreed prices of the chosen scope from AgreedPrice (one row
// per accepted offer with its listing's crop and place, kept by the database).
// All seek on an index by crop and place, and the window bounds what they read.
import type { Db, Tx } from "~/utils/db.server";
import { reads, sqlDate } from "~/utils/reads.server";
import { MIN_PRICES_FOR_BAND, priceBand, type PriceBandView, type PriceScope } from "./price-band";

export { MIN_PRICES_FOR_BAND, type PriceScope } from "./price-band";
export const DEFAULT_BAND_DAYS = 90;
const DAY_MS = 86_400_000;

export interface PriceBandReport extends PriceBandView {
  cropId: string;
  /** window start and end (inclusive) */
  from: Date;
  to: Date;
}

/** The price band for a crop around a district; null when the district does not exist. */
export async function getPriceBand(_db: Db | Tx, options: { cropId: string; districtId: string; now: Date; days?: number }): Promise<PriceBandReport | null> {
  const { cropId, districtId, now, days = DEFAULT_BAND_DAYS } = options;
  const from = new Date(now.getTime() - days * DAY_MS);
  const window = [sqlDate(from), sqlDate(now)] as const;

  const district = await reads().get<{ id: string; nameLo: string; nameEn: string; provinceId: string; provinceLo: string; provinceEn: string }>(
    "SELECT d.id, d.nameLo, d.nameEn, p.id AS provinceId, p.nameLo AS provinceLo, p.nameEn AS provinceEn FROM District d JOIN Province p ON p.id = d.provinceId WHERE d.id = ?",
    districtId,
  );
  if (!district) return null;
  const province = { id: district.provinceId, nameLo: district.provinceLo, nameEn: district.provinceEn };

  // The district's reference prices first (ReferencePrice(cropId, districtId, observedOn)); its
  // province's (its districts' and the province's as a whole) only when they are too few; every
  // place's (ReferencePrice(cropId, observedOn)) only when those are too.
  const districtPrices = (
    await reads().all<{ priceLakPerKg: number }>(
      "SELECT priceLakPerKg FROM ReferencePrice WHERE cropId = ? AND districtId = ? AND observedOn >= ? AND observedOn <= ?",
      cropId,
      districtId,
      ...window,
    )
  ).map((r) => r.priceLakPerKg);

  let scope: PriceScope;
  let prices: number[] = districtPrices;
  if (districtPrices.length >= MIN_PRICES_FOR_BAND) scope = "district";
  else {
    const [ofDistricts, ofProvince] = await Promise.all([
      reads().all<{ priceLakPerKg: number }>(
        "SELECT r.priceLakPerKg FROM ReferencePrice r JOIN District d ON d.id = r.districtId WHERE d.provinceId = ? AND r.cropId = ? AND r.observedOn >= ? AND r.observedOn <= ?",
        province.id,
        cropId,
        ...window,
      ),
      reads().all<{ priceLakPerKg: number }>(
        "SELECT r.priceLakPerKg FROM ReferencePrice r WHERE r.provinceId = ? AND r.districtId IS NULL AND r.cropId = ? AND r.observedOn >= ? AND r.observedOn <= ?",
        province.id,
        cropId,
        ...window,
      ),
    ]);
    prices = [...ofDistricts, ...ofProvince].map((r) => r.priceLakPerKg);
    if (prices.length >= MIN_PRICES_FOR_BAND) scope = "province";
    else {
      scope = "all";
      const rows = await reads().all<{ priceLakPerKg: number }>(
        "SELECT priceLakPerKg FROM ReferencePrice WHERE cropId = ? AND observedOn >= ? AND observedOn <= ?",
        cropId,
        ...window,
      );
      prices = rows.map((r) => r.priceLakPerKg);
    }
  }

  // From AgreedPrice (the accepted offers, with their listing's crop and place), on an index per scope.
  const place = scope === "district" ? " AND districtId = ?" : scope === "province" ? " AND provinceId = ?" : "";
  const agreed = await reads().all<{ priceLakPerKg: number }>(
    `SELECT priceLakPerKg FROM AgreedPrice WHERE cropId = ?${place} AND acceptedAt >= ? AND acceptedAt <= ?`,
    cropId,
    ...(scope === "district" ? [districtId] : scope === "province" ? [province.id] : []),
    ...window,
  );

  return {
    cropId,
    days,
    from,
    to: now,
    scope,
    district: { id: district.id, nameLo: district.nameLo, nameEn: district.nameEn },
    province,
    reference: priceBand(prices),
    agreed: priceBand(agreed.map((r) => r.priceLakPerKg)),
  };
}

export type AgreedPriceRow = { offerId: string; cropId: string; districtId: string; provinceId: string; acceptedAt: Date | null; priceLakPerKg: number };

/** AgreedPrice as the records imply it: every accepted offer at its accepted revision's price, under its listing's crop and place. For tests. */
export async function recountAgreedPrices(db: Db): Promise<AgreedPriceRow[]> {
  const offers = await db.offer.findMany({
    where: { status: "accepted", acceptedRevisionId: { not: null }, acceptedRevision: { currency: "LAK" } },
    select: {
      id: true,
      acceptedAt: true,
      acceptedRevision: { select: { priceLakPerKg: true } },
      listing: { select: { cropId: true, districtId: true, provinceId: true } },
    },
  });
  return offers
    .map((o) => ({ offerId: o.id, ...o.listing, acceptedAt: o.acceptedAt, priceLakPerKg: o.acceptedRevision!.priceLakPerKg }))
    .sort((a, b) => (a.offerId < b.offerId ? -1 : 1));
}

/** AgreedPrice as the database keeps it, in the order of recountAgreedPrices. */
export async function storedAgreedPrices(db: Db): Promise<AgreedPriceRow[]> {
  return db.agreedPrice.findMany({ orderBy: { offerId: "asc" } });
}
