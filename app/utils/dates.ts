// Calendar days in the portal's time zone, Asia/Vientiane (UTC+7, no daylight
// saving). A date typed in a form means that day in Laos, whatever the server's
// own zone.
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** "2026-12-05" → the instant that day starts in Vientiane; null when not a real date. */
export function startOfLaoDay(isoDate: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const utc = Date.UTC(y, mo - 1, d);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return new Date(utc - OFFSET_MS);
}

/**
 * A day as typed: "2026-12-05" (what a date field sends) or day/month/year,
 * "05/12/2026", "5.12.2026", "5-12-2026" (what a person writes where the
 * browser has no date picker) → "2026-12-05"; null for anything else.
 */
export function isoDayOf(typed: string): string | null {
  const text = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  return m ? `${m[3]}-${m[2]!.padStart(2, "0")}-${m[1]!.padStart(2, "0")}` : null;
}

/** The last millisecond of that day in Vientiane: a deadline "on 5 December" runs to its end. */
export function endOfLaoDay(isoDate: string): Date | null {
  const start = startOfLaoDay(isoDate);
  return start ? new Date(start.getTime() + DAY_MS - 1) : null;
}

/** The Vientiane calendar day of an instant, as an input[type=date] value. */
export function toLaoDateInput(date: Date | string): string {
  const d = new Date(new Date(date).getTime() + OFFSET_MS);
  return d.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/** First and last instant of a month ("2026-12") in Vientiane. */
export function laoMonthRange(month: string): { start: Date; end: Date } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12) return null;
  return { start: new Date(Date.UTC(y, mo - 1, 1) - OFFSET_MS), end: new Date(Date.UTC(y, mo, 1) - OFFSET_MS - 1) };
}
