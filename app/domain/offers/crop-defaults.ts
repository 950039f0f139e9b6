// The terms a new offer starts from, beyond the listing's own: the crop's
// standard moisture and deduction table, the price of each grade against the
// grade offered, the crop's foreign-matter schedule and the customary quantity
// tolerance. Every one is a proposal the trader (or the FO, countering) may
// change in the offer form. Pure; the crop's figures come from the catalogue
// (prisma/seed/reference-data.ts states where each comes from).
import type { ContentTerm } from "~/domain/contracts/content";
import { DEFAULT_TOLERANCE_PERMILLE, type DeductionBand, type GradeAdjustment } from "./offer-terms";

export type CropDefaultsSource = {
  standardMoisturePermille: number;
  bands: readonly DeductionBand[];
  grades: readonly { id: string; code: string; premiumLakPerKg: number }[];
  foreignMatterBasisPermille: number | null;
  foreignMatterBands: readonly DeductionBand[];
  /** the crop's content term (DRC, starch); absent or null: none */
  content?: ContentTerm | null;
};

export type CropOfferDefaults = {
  moistureBasisPermille: number;
  deductionTable: DeductionBand[];
  gradeAdjustments: GradeAdjustment[];
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: DeductionBand[];
  tolerancePermille: number;
  contentBasisPermille: number | null;
  contentStepLakPerKg: number | null;
};

/**
 * Each grade's step against the grade offered: premium(G) − premium(offered),
 * so the grade offered is paid the price, a better one more and a worse one
 * less. Every grade of the crop is listed, in catalogue order.
 */
export function defaultGradeAdjustments(grades: CropDefaultsSource["grades"], offeredGradeId: string): GradeAdjustment[] {
  const offered = grades.find((g) => g.id === offeredGradeId);
  const base = offered?.premiumLakPerKg ?? 0;
  return grades.map((g) => ({ gradeCode: g.code, lakPerKg: g.premiumLakPerKg - base || 0 }));
}

export function cropOfferDefaults(crop: CropDefaultsSource, offeredGradeId: string): CropOfferDefaults {
  const band = (b: DeductionBand) => ({ fromPermille: b.fromPermille, toPermille: b.toPermille, kgPerTonnePerPoint: b.kgPerTonnePerPoint });
  return {
    moistureBasisPermille: crop.standardMoisturePermille,
    deductionTable: crop.bands.map(band),
    gradeAdjustments: defaultGradeAdjustments(crop.grades, offeredGradeId),
    foreignMatterBasisPermille: crop.foreignMatterBasisPermille,
    foreignMatterTable: crop.foreignMatterBasisPermille === null ? [] : crop.foreignMatterBands.map(band),
    tolerancePermille: DEFAULT_TOLERANCE_PERMILLE,
    contentBasisPermille: crop.content?.basisPermille ?? null,
    contentStepLakPerKg: crop.content?.stepLakPerKgPerPoint ?? null,
  };
}
