// The grade sheet as a form: one row per lot (lot.N.member, lot.N.bags,
// lot.N.grossKg, lot.N.bagGrams, lot.N.moisture, lot.N.foreignMatter,
// lot.N.grade, and lot.N.content on a contract with a content term). On a
// crop paid on its content and not on moisture (rubber cup lump, fresh cassava
// roots: ./content), the row asks the content instead of the moisture, and the
// moisture is 0 (those crops' tables are empty). A row left without bags, weight and moisture is not a lot; the
// empty-bag weight and the grade may be left to the sheet's defaults, so a
// leader at the scale types four figures a household.
import { z } from "zod";
import { issuesToFieldErrors, type FieldErrors } from "~/utils/forms";
import { percentAsPermilleField, wholeNumberField } from "~/utils/fields";
import type { LotMeasure } from "./lots";
import type { ContentMeasure } from "../contracts/content";

/** Rows shown at first; the sheet grows by LOT_ROWS_STEP up to MAX_LOT_ROWS. */
export const LOT_ROWS = 20;
export const LOT_ROWS_STEP = 10;
export const MAX_LOT_ROWS = 80;
/** A member field's value for the FO's pooled bags. */
export const POOLED = "pooled";

const optionalPercent = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v : undefined))
  .pipe(percentAsPermilleField(100).optional());

const LotRowSchema = z.object({
  member: z.string().trim().max(64).optional(),
  bags: wholeNumberField(1, 10_000),
  grossKg: wholeNumberField(1, 1_000_000),
  bagGrams: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(wholeNumberField(0, 5_000).optional()),
  moisture: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? "0" : v))
    .pipe(percentAsPermilleField(100)),
  content: optionalPercent,
  foreignMatter: optionalPercent,
  grade: z.string().trim().max(20).optional(),
});

export interface LotSheetDefaults {
  bagTareGrams: number;
  gradeCode: string;
  /** members who may have a lot; empty when the recorder may not name members (the trader) */
  memberIds: ReadonlySet<string>;
  gradeCodes: ReadonlySet<string>;
  /** the contract's content measure: each row must give its content; absent or null: none */
  contentMeasure?: ContentMeasure | null;
  /** false: the row does not ask the moisture (the crop is not traded on it); absent: true */
  moisture?: boolean;
}

/** How many rows the sheet shows: what was sent, and more when asked (intent "more"). */
export function lotRowCount(raw: Record<string, string | string[]>, more: boolean): number {
  const sent = Number.parseInt(typeof raw.rows === "string" ? raw.rows : "", 10);
  const rows = Number.isFinite(sent) && sent >= LOT_ROWS ? Math.min(sent, MAX_LOT_ROWS) : LOT_ROWS;
  return more ? Math.min(rows + LOT_ROWS_STEP, MAX_LOT_ROWS) : rows;
}

function cell(raw: Record<string, string | string[]>, name: string): string {
  const v = raw[name];
  return typeof v === "string" ? v.trim() : "";
}

/** The lots of the sheet, or the errors of each row (keys lot.N.field); "lots" when there is none. */
export function parseLotRows(
  raw: Record<string, string | string[]>,
  defaults: LotSheetDefaults,
): { lots: (LotMeasure & { row: number })[]; errors: FieldErrors } {
  const rows = lotRowCount(raw, false);
  const lots: (LotMeasure & { row: number })[] = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < rows; i++) {
    const key = (f: string) => `lot.${i}.${f}`;
    const askMoisture = defaults.moisture !== false;
    const content = defaults.contentMeasure ?? null;
    if (!cell(raw, key("bags")) && !cell(raw, key("grossKg")) && !cell(raw, key("moisture")) && !cell(raw, key("content"))) continue;
    const parsed = LotRowSchema.safeParse({
      member: cell(raw, key("member")),
      bags: cell(raw, key("bags")),
      grossKg: cell(raw, key("grossKg")),
      bagGrams: cell(raw, key("bagGrams")),
      moisture: askMoisture ? cell(raw, key("moisture")) : undefined,
      content: content ? cell(raw, key("content")) : undefined,
      foreignMatter: cell(raw, key("foreignMatter")),
      grade: cell(raw, key("grade")),
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[key(field)] = message;
      continue;
    }
    const v = parsed.data;
    if (content && v.content === undefined) {
      errors[key("content")] = "validation:required";
      continue;
    }
    const member = v.member && v.member !== POOLED ? v.member : null;
    if (member !== null && !defaults.memberIds.has(member)) {
      errors[key("member")] = "deliveries:errors.unknownMember";
      continue;
    }
    const gradeCode = v.grade || defaults.gradeCode;
    if (!defaults.gradeCodes.has(gradeCode)) {
      errors[key("grade")] = "deliveries:errors.unknownGrade";
      continue;
    }
    lots.push({
      row: i,
      memberId: member,
      bags: v.bags,
      grossKg: v.grossKg,
      bagTareGrams: v.bagGrams ?? defaults.bagTareGrams,
      moisturePermille: v.moisture,
      foreignMatterPermille: v.foreignMatter ?? null,
      gradeCode,
      ...(content ? { contentPermille: v.content ?? null } : {}),
    });
  }
  if (lots.length === 0 && Object.keys(errors).length === 0) errors.lots = "deliveries:errors.noLots";
  return { lots, errors };
}
