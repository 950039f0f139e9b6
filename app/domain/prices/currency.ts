// The currencies a contract may be written in, and the one conversion to kip.
// Pure; no database.
//
// STORED AMOUNTS: integers in the contract's currency's smallest unit in use.
// Kip has no subunit in use, so a LAK contract stores whole kip (as it always
// has); a THB contract stores satang and a CNY contract fen (hundredths), so
// that a Thai buyer's 9.85 THB per kg is stored exactly as 985. Every column
// named …Lak… holds the contract's currency's unit (docs/decisions/0021).
//
// CONVERSION: an exchange rate is stored as LAK for 100 units of the currency
// (68350 = 683.50 LAK per THB). An amount of hundredths × that rate / 10 000 is
// kip, rounded once, half up, to a whole kip; BigInt throughout.
import { divideRoundHalfAwayFromZero } from "./rounding";

export const contractCurrencies = ["LAK", "THB", "CNY"] as const;
export type ContractCurrency = (typeof contractCurrencies)[number];
/** The currencies other than kip a contract may be written in: they need an exchange-rate clause. */
export type ForeignContractCurrency = Exclude<ContractCurrency, "LAK">;

export function isContractCurrency(value: unknown): value is ContractCurrency {
  return typeof value === "string" && (contractCurrencies as readonly string[]).includes(value);
}

/** The currency a stored value names; anything else is an error, never read as kip. */
export function contractCurrencyOf(value: string | null | undefined): ContractCurrency {
  if (value === null || value === undefined) return "LAK";
  if (!isContractCurrency(value)) throw new RangeError(`Not a contract currency: "${value}"`);
  return value;
}

/** How many stored units make one unit of the currency: 1 for kip, 100 for satang and fen. */
export function minorUnitsPerUnit(currency: ContractCurrency): 1 | 100 {
  return currency === "LAK" ? 1 : 100;
}

/**
 * An amount stored in a currency's units converted to whole kip at a rate of
 * LAK per 100 units of the currency (rounded half away from zero, so a
 * negative balance rounds as its positive). Kip converts to itself.
 */
export function toLak(amount: bigint | number, currency: ContractCurrency, lakPerHundred: number | null): bigint {
  const value = typeof amount === "bigint" ? amount : BigInt(amount);
  if (typeof amount === "number" && !Number.isSafeInteger(amount)) throw new RangeError(`Not a whole amount: ${amount}`);
  if (currency === "LAK") return value;
  if (lakPerHundred === null || !Number.isSafeInteger(lakPerHundred) || lakPerHundred <= 0)
    throw new RangeError(`A ${currency} amount needs a positive whole rate, got ${lakPerHundred}`);
  return divideRoundHalfAwayFromZero(value * BigInt(lakPerHundred), 100n * BigInt(minorUnitsPerUnit(currency)));
}
