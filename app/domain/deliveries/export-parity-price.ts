// The price a delivery under an export-parity contract is paid at. Pure; no
// database.
//
// THE RULE: the higher of the floor and the export parity of the delivery
// day, where export parity = the export reference (the contract's crop at the
// named market, in the named currency) × the exchange rate of the kind the
// contract names − the contract's margin (~/domain/prices/export-parity, the
// only rounding: half up to a whole LAK at the gross price).
//
// WHICH DAY'S FIGURES (figureForDay): for the reference and for the rate
// separately, the latest published on or before the delivery day (calendar
// days in Laos), provided it is at most `maxAgeDays` days before it. Two
// published for the same day: the one entered last, as a correction is
// entered after the figure it corrects. Figures published after the delivery
// day are never used: the price must be knowable on the day. When either has
// none within the window, the floor applies and a line says which was
// missing.
import type { Line } from "~/domain/offers/effective-price";
import { exportParityLakPerKg } from "~/domain/prices/export-parity";
import { assertWholeNumber } from "~/domain/prices/rounding";
import { calendarDaysBetween } from "../payments/payments";
import type { SnapshotExportParity } from "../contracts/snapshot";

/** How old the figures may be on the delivery day: two weeks covers a border bulletin that is published weekly and late. */
export const EXPORT_PARITY_MAX_AGE_DAYS = 14;

export interface ExportReferenceFigure {
  priceHundredthsPerKg: number;
  observedOn: Date;
  sourceName: string;
}

export interface ExchangeRateFigure {
  lakPerHundred: number;
  observedOn: Date;
  sourceName: string;
}

export interface ExportParityPrice {
  priceLakPerKg: number;
  basis: "floor" | "parity";
  /** null when a figure was missing and the floor applied */
  grossLakPerKg: number | null;
  parityLakPerKg: number | null;
  lines: Line[];
}

/** The figure of a delivery day by the rule in the header; null when none is recent enough. */
export function figureForDay<T extends { observedOn: Date; createdAt?: Date }>(rows: readonly T[], day: Date, maxAgeDays: number): T | null {
  assertWholeNumber("maxAgeDays", maxAgeDays);
  let best: { row: T; age: number } | null = null;
  for (const row of rows) {
    const age = calendarDaysBetween(row.observedOn, day);
    if (age < 0 || age > maxAgeDays) continue;
    const laterEntered = best !== null && age === best.age && (row.createdAt?.getTime() ?? 0) >= (best.row.createdAt?.getTime() ?? 0);
    if (best === null || age < best.age || laterEntered) best = { row, age };
  }
  return best?.row ?? null;
}

function noFigureLine(terms: SnapshotExportParity, floorLak: number, reference: ExportReferenceFigure | null): Line {
  const params = { market: terms.market, currency: terms.currency, days: terms.maxAgeDays, floorLak };
  if (reference === null) return { key: "contractRules:lines.parityNoReference", params };
  return { key: terms.rateSourceKind === "bol_reference" ? "contractRules:lines.parityNoRateBol" : "contractRules:lines.parityNoRateBank", params };
}

export function exportParityPrice(
  terms: SnapshotExportParity & { floorLakPerKg: number },
  reference: ExportReferenceFigure | null,
  rate: ExchangeRateFigure | null,
): ExportParityPrice {
  const floorLak = terms.floorLakPerKg;
  assertWholeNumber("floorLakPerKg", floorLak, 1);
  if (reference === null || rate === null)
    return { priceLakPerKg: floorLak, basis: "floor", grossLakPerKg: null, parityLakPerKg: null, lines: [noFigureLine(terms, floorLak, reference)] };
  const { grossLakPerKg, netLakPerKg } = exportParityLakPerKg({
    priceHundredthsPerKg: reference.priceHundredthsPerKg,
    lakPerHundred: rate.lakPerHundred,
    marginLakPerKg: terms.marginLakPerKg,
  });
  const lines: Line[] = [
    {
      key: "contractRules:lines.parityReference",
      params: {
        priceHundredths: reference.priceHundredthsPerKg,
        currency: terms.currency,
        market: terms.market,
        source: reference.sourceName,
        observedDate: reference.observedOn.toISOString(),
      },
    },
    {
      key: "contractRules:lines.parityRate",
      params: { rateHundredths: rate.lakPerHundred, currency: terms.currency, source: rate.sourceName, observedDate: rate.observedOn.toISOString() },
    },
    { key: "contractRules:lines.parityGross", params: { grossLak: grossLakPerKg } },
    { key: "contractRules:lines.parityMargin", params: { marginLak: terms.marginLakPerKg, parityLak: netLakPerKg } },
  ];
  const parityWins = netLakPerKg > floorLak;
  lines.push({
    key: parityWins ? "contractRules:lines.parityAboveFloor" : "contractRules:lines.parityNotAboveFloor",
    params: { parityLak: netLakPerKg, floorLak },
  });
  return {
    priceLakPerKg: parityWins ? netLakPerKg : floorLak,
    basis: parityWins ? "parity" : "floor",
    grossLakPerKg,
    parityLakPerKg: netLakPerKg,
    lines,
  };
}
