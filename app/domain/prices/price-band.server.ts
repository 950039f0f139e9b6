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
// Queries: the district (with its province), the reference prices of the
// province in the window (the district's are a subset, picked in memory), the
// reference prices of every place only if the province has too few, and the
// agreed prices of the chosen scope. All filter on indexed columns.
import type { Db, Tx } from "~/utils/db.server";
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
export async function getPriceBand(
  db: Db | Tx,
  options: { cropId: string; districtId: string; now: Date; days?: number },
): Promise<PriceBandReport | null> {
  const { cropId, districtId, now, days = DEFAULT_BAND_DAYS } = options;
  const from = new Date(now.getTime() - days * DAY_MS);
  const window = { gte: from, lte: now };

  const district = await db.district.findUnique({
    where: { id: districtId },
    select: {
      id: true,
      nameLo: true,
      nameEn: true,
      province: { select: { id: true, nameLo: true, nameEn: true, districts: { select: { id: true } } } },
    },
  });
  if (!district) return null;
  const { districts: provinceDistricts, ...province } = district.province;

  const provinceRows = await db.referencePrice.findMany({
    where: {
      cropId,
      observedOn: window,
      OR: [{ districtId: { in: provinceDistricts.map((d) => d.id) } }, { provinceId: province.id }],
    },
    select: { districtId: true, priceLakPerKg: true },
  });
  const districtPrices = provinceRows.filter((r) => r.districtId === districtId).map((r) => r.priceLakPerKg);

  let scope: PriceScope;
  let prices: number[];
  if (districtPrices.length >= MIN_PRICES_FOR_BAND) {
    scope = "district";
    prices = districtPrices;
  } else if (provinceRows.length >= MIN_PRICES_FOR_BAND) {
    scope = "province";
    prices = provinceRows.map((r) => r.priceLakPerKg);
  } else {
    scope = "all";
    const rows = await db.referencePrice.findMany({ where: { cropId, observedOn: window }, select: { priceLakPerKg: true } });
    prices = rows.map((r) => r.priceLakPerKg);
  }

  const listingScope = scope === "district" ? { districtId } : scope === "province" ? { provinceId: province.id } : {};
  const accepted = await db.offer.findMany({
    where: { status: "accepted", acceptedRevisionId: { not: null }, acceptedAt: window, listing: { cropId, ...listingScope } },
    select: { acceptedRevision: { select: { priceLakPerKg: true } } },
  });
  const agreedPrices = accepted.flatMap((o) => (o.acceptedRevision ? [o.acceptedRevision.priceLakPerKg] : []));

  return {
    cropId,
    days,
    from,
    to: now,
    scope,
    district: { id: district.id, nameLo: district.nameLo, nameEn: district.nameEn },
    province,
    reference: priceBand(prices),
    agreed: priceBand(agreedPrices),
  };
}
