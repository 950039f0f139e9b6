// The price band: what recent prices for a crop look like (how many, the median,
// the lowest and the highest), so a farmers' organisation and a trader can see
// whether an asking price or an offer is in line with the market. Pure.
//
// ROUNDING (~/domain/prices/rounding):
// - the median of an even count is the mean of the two middle prices, rounded
//   half up to a whole LAK;
// - the distance from the median in per mille is rounded once, the magnitude
//   half up with the sign kept (half away from zero), so +x and −x mirror.
import { assertWholeNumber, divideRoundHalfAwayFromZero, divideRoundHalfUp } from "./rounding";

/** A band is built from the district when it holds at least this many prices, else wider. */
export const MIN_PRICES_FOR_BAND = 3;

/** Where the prices of a band come from: the listing's district, its province, or everywhere. */
export type PriceScope = "district" | "province" | "all";

export interface PriceBand {
  count: number;
  /** LAK per kg */
  median: number;
  min: number;
  max: number;
}

/** The band of a list of prices (whole LAK per kg); null when there are none. */
export function priceBand(prices: readonly number[]): PriceBand | null {
  if (prices.length === 0) return null;
  prices.forEach((p) => assertWholeNumber("price", p));
  const sorted = [...prices].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : Number(divideRoundHalfUp(BigInt(sorted[mid - 1]!) + BigInt(sorted[mid]!), 2n));
  return { count: sorted.length, median, min: sorted[0]!, max: sorted.at(-1)! };
}

export interface DistanceFromMedian {
  /** price − median, LAK per kg */
  diffLak: number;
  /** (price − median) / median in per mille (42 = 4.2 % above); null when the median is 0 */
  diffPermille: number | null;
}

export function distanceFromMedian(priceLakPerKg: number, band: Pick<PriceBand, "median">): DistanceFromMedian {
  assertWholeNumber("priceLakPerKg", priceLakPerKg);
  const diffLak = priceLakPerKg - band.median;
  const diffPermille = band.median > 0 ? Number(divideRoundHalfAwayFromZero(BigInt(diffLak) * 1000n, BigInt(band.median))) : null;
  return { diffLak, diffPermille };
}

type Place = { id: string; nameLo: string; nameEn: string };

/** What the price-band component needs: JSON-safe, the same shape getPriceBand returns (less dates). */
export interface PriceBandView {
  days: number;
  scope: PriceScope;
  district: Place;
  province: Place;
  /** reference prices in the scope and window; null when there are none */
  reference: PriceBand | null;
  /** prices agreed on the portal in the same scope and window; null when there are none */
  agreed: PriceBand | null;
}
