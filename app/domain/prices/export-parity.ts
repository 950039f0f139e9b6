// The export-parity farm-gate price: what a crop would fetch at the farm gate
// if it were sold at the border or export reference price (the Thai Ministry
// of Commerce feed-corn quotation, a Chinese border price), converted at a
// named exchange rate, less the logistics margin of getting it there (drying,
// bagging, transport, border fees). It gives farmers a price the same traders
// who buy from them did not set.
//
// ROUNDING. A reference is stored in hundredths of its currency per kg
// (985 = 9.85 THB/kg) and a rate as LAK per 100 units of the currency
// (68350 = 683.50 LAK/THB), so the gross price is
// hundredths × lakPerHundred / 10,000 LAK/kg, rounded once, half up, to whole
// kip; the margin (whole kip) is then subtracted exactly. No floating point.
// Pure: the contract rule "export parity with a floor" calls it too.
import type { Locale } from "~/utils/i18n";
import { formatNumber } from "~/utils/format";
import { assertWholeNumber, divideRoundHalfUp } from "./rounding";

// The currencies and rate sources are the contracts' own: a contract names them.
export { exportCurrencies, rateSourceKinds, type ExportCurrency, type RateSourceKind } from "~/domain/contracts/snapshot";

export interface ExportParityInput {
  /** hundredths of the currency per kg */
  priceHundredthsPerKg: number;
  /** LAK for 100 units of the currency */
  lakPerHundred: number;
  /** whole LAK per kg */
  marginLakPerKg: number;
}

/**
 * Reference × rate − margin, in whole LAK per kg. The gross is rounded half up;
 * the net may be zero or below when the margin exceeds the gross (exporting
 * would not pay), and is returned as it is for the caller to floor or show.
 */
export function exportParityLakPerKg({ priceHundredthsPerKg, lakPerHundred, marginLakPerKg }: ExportParityInput): {
  grossLakPerKg: number;
  netLakPerKg: number;
} {
  assertWholeNumber("priceHundredthsPerKg", priceHundredthsPerKg, 1);
  assertWholeNumber("lakPerHundred", lakPerHundred, 1);
  assertWholeNumber("marginLakPerKg", marginLakPerKg, 0);
  const gross = Number(divideRoundHalfUp(BigInt(priceHundredthsPerKg) * BigInt(lakPerHundred), 10_000n));
  return { grossLakPerKg: gross, netLakPerKg: gross - marginLakPerKg };
}

/** Hundredths with two decimals in the locale's separator: 985 → "9.85" (English), "9,85" (Lao); 68350 → "683.50" / "683,50". */
export function formatHundredths(hundredths: number, locale: Locale): string {
  assertWholeNumber("hundredths", hundredths, 0);
  const decimal = locale === "lo" ? "," : ".";
  return `${formatNumber(Math.trunc(hundredths / 100), locale)}${decimal}${String(hundredths % 100).padStart(2, "0")}`;
}

/**
 * A decimal as typed ("9.85", "9,85", "683.5", "12") in exact hundredths, or
 * null: at most two decimals and no thousands separators, so "1,234" is read
 * as nothing rather than guessed at.
 */
export function parseHundredths(input: string): number | null {
  const m = /^(\d{1,9})(?:[.,](\d{1,2}))?$/.exec(input.trim());
  if (!m) return null;
  const n = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(n) ? n : null;
}

export interface ParityReference {
  market: string;
  currency: string;
  priceHundredthsPerKg: number;
  moistureBasisPermille: number | null;
  sourceName: string;
  observedOn: Date;
  marginLakPerKg: number;
}

export interface ParityRate {
  sourceKind: string;
  sourceName: string;
  lakPerHundred: number;
  observedOn: Date;
}

/** One worked line of the board: the reference converted at one named rate, less the margin. */
export interface ParityLine {
  rate: ParityRate;
  grossLakPerKg: number;
  netLakPerKg: number;
}

/** The reference at every rate given (the central bank's and a commercial bank's differ, so both are shown). */
export function parityLines(reference: ParityReference, rates: readonly ParityRate[]): ParityLine[] {
  return rates.map((rate) => ({
    rate,
    ...exportParityLakPerKg({
      priceHundredthsPerKg: reference.priceHundredthsPerKg,
      lakPerHundred: rate.lakPerHundred,
      marginLakPerKg: reference.marginLakPerKg,
    }),
  }));
}
