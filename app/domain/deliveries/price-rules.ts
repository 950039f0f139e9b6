// The price a delivery is paid at, from the contract's price mechanism. Pure;
// no database.
//
// - fixed (spot or forward at a fixed price) and input_supply: the contract
//   price, whatever the market does;
// - floor_premium: a forward contract that pays the HIGHER of the floor price
//   and the market reference price on the delivery day, so the farmers keep the
//   upside and are protected from the harvest-time drop. With no reference
//   price for the day, the floor applies (and a line says so). When the
//   reference equals the floor the basis is reported as "floor" (same price).
//   The contract price of such a contract plays no part on delivery.
//
// THE REFERENCE PRICE FOR A DAY (referencePriceForDay): the observations of the
// latest calendar day in Laos (UTC+7) on or before the delivery day, provided
// that day is at most `maxAgeDays` (default 7) calendar days before it; none →
// null (the floor applies). Several observations on that day (several markets)
// → their median; for an even count the mean of the middle two, ROUNDED HALF UP
// to a whole LAK per kg (the only rounding here). Observations after the
// delivery day are never used: the price must be knowable on the day.
import type { Line } from "~/domain/offers/effective-price";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { calendarDaysBetween } from "../payments/payments";
import type { PriceMechanism } from "../contracts/snapshot";

/** How often the reference price must have been observed: within a week of the delivery day. */
export const DEFAULT_REFERENCE_MAX_AGE_DAYS = 7;

export interface PriceTerms {
  priceMechanism: PriceMechanism;
  priceLakPerKg: number;
  floorPriceLakPerKg: number | null;
}

/** "parity": an export-parity contract paid its export parity (./export-parity-price) */
export type PriceBasis = "fixed" | "floor" | "reference" | "parity";

export interface DeliveryPrice {
  priceLakPerKg: number;
  basis: PriceBasis;
  lines: Line[];
}

export function deliveryPrice(terms: PriceTerms, referencePriceLakPerKg: number | null): DeliveryPrice {
  if (terms.priceMechanism === "fixed" || terms.priceMechanism === "input_supply") {
    assertWholeNumber("priceLakPerKg", terms.priceLakPerKg, 1);
    const priceLakPerKg = terms.priceLakPerKg;
    return { priceLakPerKg, basis: "fixed", lines: [{ key: "contractRules:lines.priceFixed", params: { priceLak: priceLakPerKg } }] };
  }
  if (terms.priceMechanism !== "floor_premium") throw new RangeError(`Unknown price mechanism ${String(terms.priceMechanism)}`);
  const floor = terms.floorPriceLakPerKg;
  if (floor === null) throw new RangeError("A floor-price contract needs a floor price");
  assertWholeNumber("floorPriceLakPerKg", floor, 1);
  if (referencePriceLakPerKg === null)
    return { priceLakPerKg: floor, basis: "floor", lines: [{ key: "contractRules:lines.priceNoReference", params: { floorLak: floor } }] };
  assertWholeNumber("referencePriceLakPerKg", referencePriceLakPerKg, 1);
  const params = { referenceLak: referencePriceLakPerKg, floorLak: floor };
  return referencePriceLakPerKg > floor
    ? { priceLakPerKg: referencePriceLakPerKg, basis: "reference", lines: [{ key: "contractRules:lines.priceReference", params }] }
    : { priceLakPerKg: floor, basis: "floor", lines: [{ key: "contractRules:lines.priceFloor", params }] };
}

export interface PriceObservation {
  observedOn: Date;
  priceLakPerKg: number;
}

/** The market reference price for a delivery day, or null when none is recent enough (see the header). */
export function referencePriceForDay(prices: readonly PriceObservation[], day: Date, maxAgeDays: number = DEFAULT_REFERENCE_MAX_AGE_DAYS): number | null {
  assertWholeNumber("maxAgeDays", maxAgeDays);
  let latestAge = Infinity;
  let sameDay: number[] = [];
  for (const p of prices) {
    assertWholeNumber("priceLakPerKg", p.priceLakPerKg, 1);
    const age = calendarDaysBetween(p.observedOn, day);
    if (age < 0 || age > maxAgeDays) continue;
    if (age < latestAge) {
      latestAge = age;
      sameDay = [p.priceLakPerKg];
    } else if (age === latestAge) sameDay.push(p.priceLakPerKg);
  }
  if (sameDay.length === 0) return null;
  const sorted = sameDay.sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : Number(divideRoundHalfUp(BigInt(sorted[mid - 1]!) + BigInt(sorted[mid]!), 2n));
}
