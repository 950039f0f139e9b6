// Moments and calendar days for the generator, in milliseconds, with the
// portal's own Vientiane-day rules (~/utils/dates): a date typed in a form is
// the start of that day in Laos, a deadline its last millisecond.
import { endOfLaoDay, startOfLaoDay, toLaoDateInput } from "~/utils/dates";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const YEAR = 365 * DAY;

/** The start of the Lao calendar day of `at`, as a form's date field stores it. */
export function laoDay(at: number): number {
  return startOfLaoDay(toLaoDateInput(new Date(at)))!.getTime();
}

/** The last millisecond of the Lao calendar day of `at`: a deadline or validity date. */
export function laoDeadline(at: number): number {
  return endOfLaoDay(toLaoDateInput(new Date(at)))!.getTime();
}

/** Midnight UTC of the day of `at`, as the seeded market surveys are dated. */
export function utcMidnight(at: number): number {
  const d = new Date(at);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
}

export const minMs = (...values: number[]) => Math.min(...values);
export const maxMs = (...values: number[]) => Math.max(...values);
