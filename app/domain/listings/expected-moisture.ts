// The moisture an FO expects its lot to have when the trader measures it. The
// offer comparison evaluates every offer's own deduction table and basis at
// this moisture: at the crop's standard moisture a harsh table costs nothing,
// but grain sold straight from the harvest is wetter than the standard, and
// that is where tables differ. Pure; no database.
//
// WHO SAYS WHAT. The FO's leaders state it (listing form, comparison page);
// until they do, a default for the crop and the season applies, and the page
// says which. The default is never below the crop's standard moisture (a lot
// dried below the standard earns nothing extra under any table).
//
// THE SEASON is the month, in Laos (UTC+7), in which the lot becomes available
// (availableFrom): grain offered in its harvest months is sold as it comes from
// the field; grain offered later has been dried and stored, and is expected at
// the crop's standard moisture.
//
// THE DEFAULTS below are working assumptions from trade practice in the
// programme area, to be replaced by the FO's own moisture-meter readings; each
// says where it comes from. They are deliberately in the middle of the range a
// leader would expect, not at its worst.
import { z } from "zod";
import { percentAsPermilleField } from "~/utils/fields";

/** The highest expected moisture a leader may state, in per mille (as the offer form's moisture basis). */
export const MAX_EXPECTED_MOISTURE_PERMILLE = 400;

export interface HarvestDefault {
  /** harvest months, 1 = January, in calendar order (a season never spans the new year here) */
  fromMonth: number;
  toMonth: number;
  /** expected moisture of a lot offered in those months, per mille */
  permille: number;
}

/**
 * Harvest-season defaults per crop code (crops not listed, and every crop out
 * of its harvest months, default to the crop's standard moisture).
 */
export const HARVEST_DEFAULTS: Readonly<Record<string, HarvestDefault>> = {
  // Field maize, Sayabouly and Oudomxay: harvested September to December
  // (DESIGN.md, "Lessons"). Farmers shell and sell within days of picking, with
  // no dryer and the rains ending in October; shelled grain at harvest reads
  // about 18–25 % on buyers' meters (and Thai buyers quote a separate price
  // for "wet" maize up to 30 %). 22 % is the middle of 18–25 %, rounded up by
  // half a point because grain is rarely dried before the trader's truck comes.
  MAIZE: { fromMonth: 9, toMonth: 12, permille: 220 },
  // Job's tears: upland crop harvested October to December; panicles are
  // sun-dried for a few days before threshing, so grain reaches about 14–16 %
  // against a 13 % standard: 15 %.
  JOBS_TEARS: { fromMonth: 10, toMonth: 12, permille: 150 },
  // Paddy rice (wet-season crop): cut October to December at 20–25 % grain
  // moisture; one or two days on mats in the field bring threshed paddy to
  // about 18 %, which is how it usually reaches a buyer.
  PADDY: { fromMonth: 10, toMonth: 12, permille: 180 },
  // Dried cassava chips made in the wet months (June to September) dry slowly
  // on the ground between rains: about 16 % against a 14 % standard. In the dry
  // season chips reach the standard in two or three days of sun.
  CASSAVA_CHIPS: { fromMonth: 6, toMonth: 9, permille: 160 },
  // Sesame: harvested September to November, dried in stooks before threshing;
  // seed at threshing is about 8–10 % against an 8 % standard: 9 %.
  SESAME: { fromMonth: 9, toMonth: 11, permille: 90 },
  // Cardamom: capsules picked August to October and dried over fire or in the
  // sun by the households; village-dried capsules are commonly 14–16 % against
  // a 13 % standard: 15 %.
  CARDAMOM: { fromMonth: 8, toMonth: 10, permille: 150 },
  // Soybean: harvested September to November; pods field-dried on the plant,
  // threshed grain about 14–16 % against a 13 % standard: 15 %.
  SOYBEAN: { fromMonth: 9, toMonth: 11, permille: 150 },
};

export type ExpectedMoistureSource = "stated" | "harvest" | "standard";

export interface ExpectedMoisture {
  permille: number;
  /** stated by the FO; the crop's harvest default; or the crop's standard */
  source: ExpectedMoistureSource;
  /** for "harvest": the months of that season, for the page to name */
  harvest?: HarvestDefault;
}

export interface CropMoisture {
  code: string;
  standardMoisturePermille: number;
}

const LAO_OFFSET_MS = 7 * 3600_000;

/** The month (1–12) of an instant in Laos. */
export function laoMonth(at: Date): number {
  return new Date(at.getTime() + LAO_OFFSET_MS).getUTCMonth() + 1;
}

/** The default for a crop and the month its lot becomes available (see the header). */
export function defaultExpectedMoisture(crop: CropMoisture, availableFrom: Date): ExpectedMoisture {
  const harvest = HARVEST_DEFAULTS[crop.code];
  const month = laoMonth(availableFrom);
  if (harvest && month >= harvest.fromMonth && month <= harvest.toMonth && harvest.permille > crop.standardMoisturePermille) {
    return { permille: harvest.permille, source: "harvest", harvest };
  }
  return { permille: crop.standardMoisturePermille, source: "standard" };
}

/** What the comparison evaluates a listing's offers at: the FO's statement, else the default. */
export function expectedMoistureOf(listing: { expectedMoisturePermille: number | null; availableFrom: Date }, crop: CropMoisture): ExpectedMoisture {
  if (listing.expectedMoisturePermille !== null) return { permille: listing.expectedMoisturePermille, source: "stated" };
  return defaultExpectedMoisture(crop, listing.availableFrom);
}

/** The field as the listing form and the comparison page send it: a percentage, blank for the default. */
export const expectedMoistureField = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v : undefined))
  .pipe(percentAsPermilleField(MAX_EXPECTED_MOISTURE_PERMILLE / 10).optional());

/** The comparison page's form: the moisture the FO expects, or blank to go back to the default. */
export const ExpectedMoistureSchema = z.object({ expectedMoisture: expectedMoistureField });
