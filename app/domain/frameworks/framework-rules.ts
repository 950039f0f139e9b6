// When a framework contract is in force, and what its notice of termination
// and its right of first refusal allow. A notice given on a day runs for the
// framework's notice period: the framework is in force to the end of the last
// day of it (Vientiane time) and ended from the next; nothing is called off
// for delivery after that day. Phases that follow from dates are derived here,
// never stored. Pure.
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { seasonCovered } from "./framework-text";

export type FrameworkPhase = "proposed" | "active" | "ending" | "ended" | "declined";

type Noticed = { status: string; noticeLastDay: Date | null };

/** The last day the framework is in force after a notice given at `givenAt`, as the instant that day starts in Vientiane. */
export function noticeLastDay(givenAt: Date, noticeDays: number): Date {
  return startOfLaoDay(toLaoDateInput(addDays(givenAt, noticeDays)))!;
}

const laoDay = (d: Date) => toLaoDateInput(d);

/** The framework's phase as of `now`: in force, in force under notice (ending), or ended once the notice has run out. */
export function frameworkPhase(f: Noticed, now: Date): FrameworkPhase {
  if (f.status !== "active") return f.status === "proposed" ? "proposed" : "declined";
  if (!f.noticeLastDay) return "active";
  return laoDay(now) > laoDay(f.noticeLastDay) ? "ended" : "ending";
}

/** Whether a call-off may be made for delivery on `deliveryDate`: not after the last day of a notice. */
export function deliveryWithinFramework(f: Pick<Noticed, "noticeLastDay">, deliveryDate: Date): boolean {
  return !f.noticeLastDay || laoDay(deliveryDate) <= laoDay(f.noticeLastDay);
}

/** Whether a call-off may still be proposed or accepted: the framework in force (under notice or not), for a delivery before its end. */
export function callOffAllowed(f: Noticed, deliveryDate: Date, now: Date): "ok" | "notActive" | "ended" | "afterEnd" {
  const phase = frameworkPhase(f, now);
  if (phase === "ended") return "ended";
  if (phase !== "active" && phase !== "ending") return "notActive";
  return deliveryWithinFramework(f, deliveryDate) ? "ok" : "afterEnd";
}

/** The days the trader has to answer the FO's offer of a season under a right of first refusal (the framework's text, point 7). */
export const FIRST_REFUSAL_DAYS = 7;

export type OfferedCallOff = { season: number; proposedByParty: string; status: string; createdAt: Date };

/**
 * Whether the FO's offer of a season to the trader has been refused: a call-off
 * the FO proposed for that season that the trader declined, or left unanswered
 * for FIRST_REFUSAL_DAYS. A call-off the trader proposed, or the FO declined,
 * does not free the FO: it is the FO that must offer first.
 */
export function seasonReleased(callOffs: readonly OfferedCallOff[], season: number, now: Date): boolean {
  const lapse = now.getTime() - FIRST_REFUSAL_DAYS * 24 * 3600_000;
  return callOffs.some(
    (c) => c.season === season && c.proposedByParty === "fo" && (c.status === "declined" || (c.status === "proposed" && c.createdAt.getTime() <= lapse)),
  );
}

/** Whether a framework's right of first refusal holds the FO's crop of `season` for the trader as of `now`. */
export function firstRefusalHolds(
  f: Noticed & { rightOfFirstRefusal: boolean; firstSeason: number; seasons: number; renewal: string },
  callOffs: readonly OfferedCallOff[],
  season: number,
  now: Date,
): boolean {
  if (!f.rightOfFirstRefusal) return false;
  const phase = frameworkPhase(f, now);
  if (phase !== "active" && phase !== "ending") return false;
  if (!seasonCovered({ ...f, renewal: f.renewal === "yearly" ? "yearly" : "none" }, season)) return false;
  return !seasonReleased(callOffs, season, now);
}

/** The season (harvest year) a listing belongs to: the Vientiane year its availability starts. */
export function listingSeason(availableFrom: Date): number {
  return Number(toLaoDateInput(availableFrom).slice(0, 4));
}
