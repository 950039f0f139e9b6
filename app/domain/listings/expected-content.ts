// The content an FO expects its lot to have, for crops paid on it (rubber's
// DRC, fresh cassava's starch: ~/domain/contracts/content). The comparison
// evaluates every offer's own basis and step at it, so an offer whose price
// assumes a richer lot than the FO's shows what that costs. Until the leaders
// state it, the crop's catalogue basis applies (the content the trade quotes
// prices at), and the page says so. Pure; no database.
import { z } from "zod";
import { isContentMeasure, type ContentMeasure } from "~/domain/contracts/content";
import { percentAsPermilleField } from "~/utils/fields";

export interface ExpectedContent {
  measure: ContentMeasure;
  permille: number;
  /** "listing": the FO stated it; "crop": the crop's catalogue basis */
  source: "listing" | "crop";
}

export function expectedContentOf(
  listing: { expectedContentPermille: number | null },
  crop: { contentMeasure: string | null; contentBasisPermille: number | null },
): ExpectedContent | null {
  if (!isContentMeasure(crop.contentMeasure)) return null;
  if (listing.expectedContentPermille !== null) return { measure: crop.contentMeasure, permille: listing.expectedContentPermille, source: "listing" };
  if (crop.contentBasisPermille === null) return null;
  return { measure: crop.contentMeasure, permille: crop.contentBasisPermille, source: "crop" };
}

/** The comparison page's form: the content the FO expects, a percentage, or blank to go back to the crop's basis. */
export const ExpectedContentSchema = z.object({
  expectedContent: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(percentAsPermilleField(100).optional()),
});
