import { describe, expect, it } from "vitest";
import { householdShortfalls } from "~/domain/deliveries/household-shortfall";

describe("households that delivered less than they pledged", () => {
  it("sets each household's own lots against its pledge, the largest shortfall first", () => {
    const s = householdShortfalls(
      [
        { memberId: "a", kg: 1000 },
        { memberId: "b", kg: 1500 },
        { memberId: "c", kg: 500 },
        { memberId: "d", kg: 800 },
      ],
      [
        { memberId: "a", netKg: 600 },
        { memberId: "a", netKg: 300 },
        { memberId: "b", netKg: 1600 },
        { memberId: "c", netKg: 500 },
      ],
    );
    expect(s.rows).toEqual([
      { memberId: "d", pledgedKg: 800, deliveredKg: 0, shortKg: 800, refusedKg: 0 },
      { memberId: "a", pledgedKg: 1000, deliveredKg: 900, shortKg: 100, refusedKg: 0 },
    ]);
    expect(s).toMatchObject({ pledgingHouseholds: 4, shortKg: 900, pooledKg: 0 });
  });

  it("gives the pooled bags beside, counted for no household, and leaves out zero pledges", () => {
    const s = householdShortfalls(
      [
        { memberId: "a", kg: 1000 },
        { memberId: "z", kg: 0 },
      ],
      [
        { memberId: null, netKg: 700 },
        { memberId: "a", netKg: 200 },
        { memberId: "x", netKg: 50 },
      ],
    );
    expect(s).toEqual({
      rows: [{ memberId: "a", pledgedKg: 1000, deliveredKg: 200, shortKg: 800, refusedKg: 0 }],
      pledgingHouseholds: 1,
      shortKg: 800,
      pooledKg: 700,
      refusedKg: 0,
    });
  });

  it("breaks ties by member, adds a member's pledges up, and refuses figures that are not kg", () => {
    const s = householdShortfalls(
      [
        { memberId: "b", kg: 100 },
        { memberId: "a", kg: 60 },
        { memberId: "a", kg: 40 },
      ],
      [],
    );
    expect(s.rows.map((r) => [r.memberId, r.shortKg])).toEqual([
      ["a", 100],
      ["b", 100],
    ]);
    expect(householdShortfalls([], []).rows).toEqual([]);
    expect(() => householdShortfalls([], [], [{ memberId: "a", grossKg: 0 }])).toThrow();
    expect(() => householdShortfalls([{ memberId: "a", kg: 1.5 }], [])).toThrow();
    expect(() => householdShortfalls([], [{ memberId: "a", netKg: -1 }])).toThrow();
  });

  it("gives each household's refused kg beside its shortfall, without counting them as delivered", () => {
    const s = householdShortfalls(
      [
        { memberId: "a", kg: 1000 },
        { memberId: "b", kg: 500 },
      ],
      [
        { memberId: "a", netKg: 400 },
        { memberId: "b", netKg: 500 },
      ],
      [
        { memberId: "a", grossKg: 350 },
        { memberId: "a", grossKg: 250 },
        { memberId: "b", grossKg: 100 },
        { memberId: null, grossKg: 80 },
      ],
    );
    // b delivered its whole pledge: its refused bags make it no shortfall.
    expect(s.rows).toEqual([{ memberId: "a", pledgedKg: 1000, deliveredKg: 400, shortKg: 600, refusedKg: 600 }]);
    expect(s.refusedKg).toBe(780);
    expect(s.shortKg).toBe(600);
  });
});
