// The production site of a pledge: hectares as typed, and the plausible-yield check.
import { describe, expect, it } from "vitest";
import { parsePledgeFields } from "~/domain/listings/listing-form";
import { normalisePledges } from "~/domain/listings/pledges";
import { aboveYield, hectaresInput, parseHectares, PLAUSIBLE_KG_PER_HA, plausibleMaxKg } from "~/domain/listings/production-site";
import { CROPS } from "../../prisma/seed/reference-data";

describe("hectares as typed", () => {
  it.each([
    ["1", 10_000],
    ["1.5", 15_000],
    ["1,5", 15_000],
    ["0.25", 2_500],
    [" 2,05 ", 20_500],
    ["0", 0],
  ])("reads %s ha as %i m²", (text, m2) => expect(parseHectares(text)).toBe(m2));

  it.each(["", "1.234", "-1", "1.5 ha", "abc", "1.", "12345"])("refuses %j", (text) => expect(parseHectares(text)).toBeNull());

  it("writes m² back as the hectares the form shows", () => {
    expect(hectaresInput(15_000)).toBe("1.5");
    expect(hectaresInput(20_500)).toBe("2.05");
    expect(hectaresInput(10_000)).toBe("1");
    for (const m2 of [100, 2_500, 15_000, 123_400]) expect(parseHectares(hectaresInput(m2))).toBe(m2);
  });
});

describe("the plausible-yield check", () => {
  it("has a figure for every crop the portal seeds", () => {
    for (const c of CROPS) expect(PLAUSIBLE_KG_PER_HA[c.code], c.code).toBeGreaterThan(0);
  });

  it("refuses maize above 8 t/ha and lets it through at 8 t/ha", () => {
    expect(plausibleMaxKg("MAIZE", 15_000)).toBe(12_000);
    expect(aboveYield("MAIZE", 12_000, 15_000)).toBeNull();
    expect(aboveYield("MAIZE", 12_001, 15_000)).toEqual({ maxKg: 12_000 });
    // No area stated: nothing to check against.
    expect(aboveYield("MAIZE", 1_000_000, undefined)).toBeNull();
    // A crop without a figure is not checked.
    expect(aboveYield("UNKNOWN", 1_000_000, 100)).toBeNull();
  });
});

describe("pledge fields with their site", () => {
  it("reads area and village beside the kg, and refuses a bad area next to its field", () => {
    const ok = parsePledgeFields({ "pledge.m1": "1200", "area.m1": "1,5", "site.m1": "v1", "pledge.m2": "800", "area.m2": "" });
    expect(ok.errors).toEqual({});
    expect(ok.pledges).toEqual([
      { memberId: "m1", kg: 1200, areaM2: 15_000, siteVillageId: "v1" },
      { memberId: "m2", kg: 800 },
    ]);
    expect(parsePledgeFields({ "pledge.m1": "1200", "area.m1": "1.234" }).errors).toEqual({ "area.m1": "listings:errors.areaHectares" });
    expect(parsePledgeFields({ "pledge.m1": "1200", "area.m1": "0" }).errors).toEqual({ "area.m1": "validation:tooLow" });
    // An area without a pledge is not a pledge.
    expect(parsePledgeFields({ "area.m1": "2" }).errors).toEqual({ pledges: "listings:errors.noPledges" });
  });

  it("keeps a member's site when the same member is sent twice", () => {
    expect(
      normalisePledges([
        { memberId: "m1", kg: 5, areaM2: 100 },
        { memberId: "m1", kg: 7 },
      ]),
    ).toEqual([{ memberId: "m1", kg: 12, areaM2: 100 }]);
  });
});
