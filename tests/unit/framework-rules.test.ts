import { describe, expect, it } from "vitest";
import { callOffAllowed, deliveryWithinFramework, frameworkPhase, noticeLastDay } from "~/domain/frameworks/framework-rules";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";

const day = (iso: string) => startOfLaoDay(iso)!;

describe("a framework's notice of termination", () => {
  it("runs for the notice period from the Vientiane day it is given", () => {
    expect(toLaoDateInput(noticeLastDay(new Date("2027-03-01T03:00:00Z"), 60))).toBe("2027-04-30");
    // Half past eleven at night in Vientiane is still 1 March; half past midnight is 2 March.
    expect(toLaoDateInput(noticeLastDay(new Date("2027-03-01T16:30:00Z"), 30))).toBe("2027-03-31");
    expect(toLaoDateInput(noticeLastDay(new Date("2027-03-01T17:30:00Z"), 30))).toBe("2027-04-01");
  });

  it("keeps the framework in force to the end of its last day, and ended from the next", () => {
    const f = { status: "active", noticeLastDay: day("2027-04-30") };
    expect(frameworkPhase({ status: "active", noticeLastDay: null }, new Date("2030-01-01"))).toBe("active");
    expect(frameworkPhase(f, new Date("2027-04-30T16:59:00Z"))).toBe("ending");
    expect(frameworkPhase(f, new Date("2027-04-30T17:00:00Z"))).toBe("ended");
    expect(frameworkPhase({ status: "proposed", noticeLastDay: null }, new Date())).toBe("proposed");
    expect(frameworkPhase({ status: "declined", noticeLastDay: null }, new Date())).toBe("declined");
  });

  it("refuses a call-off for delivery after the last day, or once the framework has ended", () => {
    const f = { status: "active", noticeLastDay: day("2027-04-30") };
    const before = new Date("2027-03-10T00:00:00Z");
    expect(deliveryWithinFramework(f, day("2027-04-30"))).toBe(true);
    expect(deliveryWithinFramework(f, day("2027-05-01"))).toBe(false);
    expect(deliveryWithinFramework({ noticeLastDay: null }, day("2099-01-01"))).toBe(true);
    expect(callOffAllowed(f, day("2027-04-30"), before)).toBe("ok");
    expect(callOffAllowed(f, day("2027-05-01"), before)).toBe("afterEnd");
    expect(callOffAllowed(f, day("2027-04-30"), new Date("2027-05-02T00:00:00Z"))).toBe("ended");
    expect(callOffAllowed({ status: "proposed", noticeLastDay: null }, day("2027-04-30"), before)).toBe("notActive");
  });
});
