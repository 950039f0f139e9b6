import { describe, expect, it } from "vitest";
import { firstRefusalHolds, listingSeason, seasonReleased } from "~/domain/frameworks/framework-rules";
import { startOfLaoDay } from "~/utils/dates";

const now = new Date("2027-02-01T03:00:00Z");
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 3600_000);
const framework = { status: "active", noticeLastDay: null, rightOfFirstRefusal: true, firstSeason: 2027, seasons: 2, renewal: "none" };

describe("the right of first refusal", () => {
  it("frees a season only once the FO's own offer of it is declined or left unanswered for 7 days", () => {
    const fo = (status: string, age: number) => ({ season: 2027, proposedByParty: "fo", status, createdAt: daysAgo(age) });
    expect(seasonReleased([], 2027, now)).toBe(false);
    expect(seasonReleased([fo("declined", 0)], 2027, now)).toBe(true);
    expect(seasonReleased([fo("proposed", 6.9)], 2027, now)).toBe(false);
    expect(seasonReleased([fo("proposed", 7)], 2027, now)).toBe(true);
    expect(seasonReleased([fo("accepted", 30)], 2027, now)).toBe(false);
    expect(seasonReleased([{ ...fo("declined", 0), proposedByParty: "trader" }], 2027, now)).toBe(false);
    expect(seasonReleased([fo("declined", 0)], 2028, now)).toBe(false);
  });

  it("holds only the seasons a framework in force covers, when the right was agreed", () => {
    expect(firstRefusalHolds(framework, [], 2027, now)).toBe(true);
    expect(firstRefusalHolds(framework, [], 2028, now)).toBe(true);
    expect(firstRefusalHolds(framework, [], 2029, now)).toBe(false);
    expect(firstRefusalHolds({ ...framework, renewal: "yearly" }, [], 2031, now)).toBe(true);
    expect(firstRefusalHolds(framework, [], 2026, now)).toBe(false);
    expect(firstRefusalHolds({ ...framework, rightOfFirstRefusal: false }, [], 2027, now)).toBe(false);
    expect(firstRefusalHolds({ ...framework, status: "proposed" }, [], 2027, now)).toBe(false);
    expect(firstRefusalHolds({ ...framework, noticeLastDay: startOfLaoDay("2027-01-20")! }, [], 2027, now)).toBe(false);
    expect(firstRefusalHolds({ ...framework, noticeLastDay: startOfLaoDay("2027-03-20")! }, [], 2027, now)).toBe(true);
  });

  it("reads a listing's season as the Vientiane year its availability starts", () => {
    expect(listingSeason(new Date("2026-12-31T17:30:00Z"))).toBe(2027);
    expect(listingSeason(new Date("2026-12-31T16:30:00Z"))).toBe(2026);
  });
});
