// The ISO week (Monday to Sunday) an instant falls in, in Vientiane time: the
// week a weekly message belongs to, so that it is sent once per week whatever
// the hour the job runs. Pure.
const OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** "2026-W49", and the instant that week began (Monday 00:00 in Vientiane). */
export function isoWeekOf(at: Date): { key: string; start: Date } {
  const local = new Date(at.getTime() + OFFSET_MS);
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const weekday = (local.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = midnight - weekday * DAY_MS;
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const firstThursday = Date.UTC(year, 0, 4) - ((new Date(Date.UTC(year, 0, 4)).getUTCDay() + 6) % 7) * DAY_MS + 3 * DAY_MS;
  const week = 1 + Math.round((thursday.getTime() - firstThursday) / (7 * DAY_MS));
  return { key: `${year}-W${String(week).padStart(2, "0")}`, start: new Date(monday - OFFSET_MS) };
}
