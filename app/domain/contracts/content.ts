// A content measure: what some crops are paid on beside their weight. Rubber
// cup lump is bought for the dry rubber in it (DRC, dry rubber content: the
// rest is water and serum), fresh cassava roots for their starch. The price per
// kg assumes a content (the basis); each percentage point above it earns the
// step in LAK per net kg, each point below costs it. Part points are pro-rated
// (contents are per mille, a tenth of a point). Pure; no database.
//
// THE RULE, one lot at a time:
//   adjustment (LAK) = (content − basis) × step × net kg / 10
// with content and basis in per mille and the step in LAK per kg per point,
// rounded ONCE, to a whole LAK, half away from zero (a lot 0.5 LAK above the
// basis gains 1 LAK, one 0.5 LAK below loses 1 LAK: the same rule either side).
// A lot's amount never goes below 0 by its content (see ./lots).
//
// Contracts written before content was priced have no content term: their
// lots are adjusted by nothing, and their snapshot, text and hash are unchanged.
import { assertWholeNumber, divideRoundHalfAwayFromZero } from "~/domain/prices/rounding";

export const contentMeasures = ["drc", "starch"] as const;
export type ContentMeasure = (typeof contentMeasures)[number];

export function isContentMeasure(value: unknown): value is ContentMeasure {
  return (contentMeasures as readonly unknown[]).includes(value);
}

/** The content term of an offer and of a contract's snapshot (terms.content). */
export type ContentTerm = {
  measure: ContentMeasure;
  /** the content the price assumes, per mille (600 = 60.0 %) */
  basisPermille: number;
  /** LAK per net kg for each percentage point above (+) or below (−) the basis */
  stepLakPerKgPerPoint: number;
};

/** A content above 100 % is not a measurement; a step above this is not a price step. */
export const MAX_CONTENT_STEP_LAK_PER_KG = 100_000;

/** The adjustment of one lot, in LAK (signed): see the rule above. */
export function contentAdjustmentLak(term: ContentTerm | undefined | null, contentPermille: number | null | undefined, netKg: number): bigint {
  assertWholeNumber("netKg", netKg);
  if (!term || contentPermille === null || contentPermille === undefined) return 0n;
  assertWholeNumber("contentPermille", contentPermille);
  assertWholeNumber("basisPermille", term.basisPermille);
  assertWholeNumber("stepLakPerKgPerPoint", term.stepLakPerKgPerPoint);
  if (contentPermille > 1000 || term.basisPermille > 1000) throw new RangeError("A content is at most 100 %");
  const tenths = BigInt(contentPermille - term.basisPermille) * BigInt(term.stepLakPerKgPerPoint) * BigInt(netKg);
  return divideRoundHalfAwayFromZero(tenths, 10n);
}

/** The adjustment per kg at a content, in tenths of a LAK (for the comparison, exact). */
export function contentAdjustmentTenthsPerKg(term: ContentTerm | undefined | null, contentPermille: number): number {
  if (!term) return 0;
  return (contentPermille - term.basisPermille) * term.stepLakPerKgPerPoint;
}

/** The crop's catalogue entry as the content term a new offer starts from; null when the crop has none. */
export function cropContentTerm(crop: {
  contentMeasure: string | null;
  contentBasisPermille: number | null;
  contentStepLakPerKg: number | null;
}): ContentTerm | null {
  if (!isContentMeasure(crop.contentMeasure) || crop.contentBasisPermille === null || crop.contentStepLakPerKg === null) return null;
  return { measure: crop.contentMeasure, basisPermille: crop.contentBasisPermille, stepLakPerKgPerPoint: crop.contentStepLakPerKg };
}

/** A stored revision's content term: its basis and step under its crop's measure; null when it has none. */
export function revisionContentTerm(
  measure: string | null,
  revision: { contentBasisPermille: number | null; contentStepLakPerKg: number | null },
): ContentTerm | null {
  if (!isContentMeasure(measure) || revision.contentBasisPermille === null || revision.contentStepLakPerKg === null) return null;
  return { measure, basisPermille: revision.contentBasisPermille, stepLakPerKgPerPoint: revision.contentStepLakPerKg };
}

/**
 * What the grade sheet asks of each lot on a contract: its content when the
 * contract has a content term, and its moisture unless the crop is paid on its
 * content and not on moisture (an empty moisture table: rubber cup lump, fresh
 * cassava roots), where a moisture figure would change nothing.
 */
export function lotSheetMeasures(terms: { content?: ContentTerm; deductionTable: readonly unknown[] }): {
  contentMeasure: ContentMeasure | null;
  moisture: boolean;
} {
  const contentMeasure = terms.content?.measure ?? null;
  return { contentMeasure, moisture: contentMeasure === null || terms.deductionTable.length > 0 };
}
