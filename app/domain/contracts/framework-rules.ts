// When a framework contract is in force, and what its notice of termination
// and its right of first refusal allow. A notice given on a day runs for the
// framework's notice period: the framework is in force to the end of the last
// day of it (Vientiane time) and ended from the next; nothing is called off
// for delivery after that day. Phases that follow from dates are derived here,
// never stored. Pure.
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";

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
