// Lots the buyer refused at the scale: brought, weighed, and taken back by the
// household (or by the FO, for its pooled bags), each with its reason. They are
// recorded with the delivery (rows refused.N.member, .bags, .grossKg, .reason,
// .note), on the grade sheet the other party confirms or contests, and they are
// no part of the delivery's figures: nothing is paid or deducted for them.
// Recording them is what lets a household's shortfall be told apart from
// side-selling, and what lets the FO dispute a refusal it does not accept
// (the grade sheet is contested with the reason). Pure; no database.
import { z } from "zod";
import { optionalText, wholeNumberField } from "~/utils/fields";
import { issuesToFieldErrors, type FieldErrors } from "~/utils/forms";
import { POOLED } from "./lot-form";

/** Why a buyer refuses a lot, as buyers at the area's scales state it. */
export const REFUSAL_REASONS = ["moisture", "grade", "foreign_matter", "mould", "pests", "other"] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** Rows of the sheet for refused lots: refusals are few, and each row is one household's bags. */
export const REFUSED_ROWS = 3;

export interface RefusedLotInput {
  /** null: the FO's pooled bags */
  memberId: string | null;
  bags: number;
  grossKg: number;
  reason: RefusalReason;
  /** required when the reason is "other" */
  note: string | null;
}

const RefusedRowSchema = z
  .object({
    member: z.string().trim().max(64).optional(),
    bags: wholeNumberField(1, 10_000),
    grossKg: wholeNumberField(1, 1_000_000),
    reason: z.enum(REFUSAL_REASONS, { error: "deliveries:errors.refusalReason" }),
    note: optionalText(300),
  })
  .refine((v) => v.reason !== "other" || v.note, { path: ["note"], error: "deliveries:errors.refusalNote" });

function cell(raw: Record<string, string | string[]>, name: string): string {
  const v = raw[name];
  return typeof v === "string" ? v.trim() : "";
}

/**
 * The refused lots of the sheet, or each row's errors (keys refused.N.field). A
 * row left without bags and weight is not a lot; every row may be empty.
 */
export function parseRefusedRows(
  raw: Record<string, string | string[]>,
  memberIds: ReadonlySet<string>,
): { refused: (RefusedLotInput & { row: number })[]; errors: FieldErrors } {
  const refused: (RefusedLotInput & { row: number })[] = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < REFUSED_ROWS; i++) {
    const key = (f: string) => `refused.${i}.${f}`;
    if (!cell(raw, key("bags")) && !cell(raw, key("grossKg"))) continue;
    const parsed = RefusedRowSchema.safeParse({
      member: cell(raw, key("member")),
      bags: cell(raw, key("bags")),
      grossKg: cell(raw, key("grossKg")),
      reason: cell(raw, key("reason")) || undefined,
      note: cell(raw, key("note")),
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesToFieldErrors(parsed.error.issues))) errors[key(field)] = message;
      continue;
    }
    const v = parsed.data;
    const member = v.member && v.member !== POOLED ? v.member : null;
    if (member !== null && !memberIds.has(member)) {
      errors[key("member")] = "deliveries:errors.unknownMember";
      continue;
    }
    refused.push({ row: i, memberId: member, bags: v.bags, grossKg: v.grossKg, reason: v.reason, note: v.note ?? null });
  }
  return { refused, errors };
}

/** Refused kg per household (null: pooled bags), for the shortfall view and the passbook. */
export function refusedKgByMember(lots: readonly { memberId: string | null; grossKg: number }[]): Map<string | null, number> {
  const kg = new Map<string | null, number>();
  for (const l of lots) kg.set(l.memberId, (kg.get(l.memberId) ?? 0) + l.grossKg);
  return kg;
}
