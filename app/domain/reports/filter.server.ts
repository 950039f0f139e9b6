// The report's period as typed in the filter form (GET, so a report can be
// bookmarked and shared): two days, each optional; an empty one takes its
// value from the default period, the last 12 months.
import { z } from "zod";
import type { FieldErrors } from "~/utils/forms";
import { issuesToFieldErrors } from "~/utils/forms";
import { startOfLaoDay } from "~/utils/dates";
import { defaultReportRange, MAX_REPORT_MONTHS, monthCount, type ReportRange } from "./period";
import { reportTableIds } from "./tables";

const optionalDay = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || startOfLaoDay(v) !== null, { error: "validation:date" });

export const ReportFilterSchema = z.object({ from: optionalDay, to: optionalDay });

export const ExportTableSchema = z.enum(reportTableIds, { error: "validation:invalidChoice" });

export type ReportFilter = { ok: true; range: ReportRange } | { ok: false; fieldErrors: FieldErrors; values: { from: string; to: string } };

export function parseReportFilter(params: URLSearchParams, now: Date): ReportFilter {
  const raw = { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined };
  const values = { from: raw.from ?? "", to: raw.to ?? "" };
  const parsed = ReportFilterSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues), values };
  // An empty "to" is today; an empty "from" starts the 12 months that end on "to".
  const to = parsed.data.to ?? defaultReportRange(now).to;
  const range = { from: parsed.data.from ?? defaultReportRange(startOfLaoDay(to)!).from, to };
  if (range.from > range.to) return { ok: false, fieldErrors: { to: "reports:errors.toBeforeFrom" }, values };
  if (monthCount(range) > MAX_REPORT_MONTHS) return { ok: false, fieldErrors: { from: "reports:errors.tooLong" }, values };
  return { ok: true, range };
}
