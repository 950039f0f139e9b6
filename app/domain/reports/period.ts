// The period a programme report covers: two calendar days in Laos, "from" and
// "to", both included. Contracts count in the month they came into force and
// deliveries in the month they were delivered, so the monthly table runs over
// every calendar month the period touches. Pure; no database.
import { endOfLaoDay, startOfLaoDay, toLaoDateInput } from "~/utils/dates";

/** Two days written as in an input[type=date]: "2026-05-31". */
export type ReportRange = { from: string; to: string };

/** At most this many months in one report, so the monthly table stays readable. */
export const MAX_REPORT_MONTHS = 120;

const pad = (n: number) => String(n).padStart(2, "0");

/** Months since year 0 of a "YYYY-MM…" string. */
function monthIndex(day: string): number {
  return Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;
}

const monthOfIndex = (i: number) => `${Math.floor(i / 12)}-${pad((i % 12) + 1)}`;

/**
 * The last 12 months: from the first day of the month eleven months before
 * this one up to today, so the monthly table shows twelve whole calendar months
 * (the current one so far).
 */
export function defaultReportRange(now: Date): ReportRange {
  const to = toLaoDateInput(now);
  return { from: `${monthOfIndex(monthIndex(to) - 11)}-01`, to };
}

/** The first and last instant of the period in Vientiane. */
export function rangeInstants(range: ReportRange): { start: Date; end: Date } {
  const start = startOfLaoDay(range.from);
  const end = endOfLaoDay(range.to);
  if (!start || !end) throw new RangeError(`Not a report period: ${range.from} to ${range.to}`);
  return { start, end };
}

/** The calendar month in Laos of an instant: "2026-05". */
export function laoMonthKey(date: Date): string {
  return toLaoDateInput(date).slice(0, 7);
}

/** Every month the period touches, oldest first: ["2025-06", …, "2026-05"]. */
export function monthsOfRange(range: ReportRange): string[] {
  const first = monthIndex(range.from);
  const last = monthIndex(range.to);
  const months: string[] = [];
  for (let i = first; i <= last; i++) months.push(monthOfIndex(i));
  return months;
}

/** How many calendar months the period touches. */
export function monthCount(range: ReportRange): number {
  return monthIndex(range.to) - monthIndex(range.from) + 1;
}

/** The query string of a period, for links that keep it. */
export function rangeQuery(range: ReportRange): string {
  return new URLSearchParams({ from: range.from, to: range.to }).toString();
}
