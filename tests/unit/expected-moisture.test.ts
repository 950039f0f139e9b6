import { describe, expect, it } from "vitest";
import {
  defaultExpectedMoisture,
  expectedMoistureOf,
  ExpectedMoistureSchema,
  HARVEST_DEFAULTS,
  laoMonth,
  MAX_EXPECTED_MOISTURE_PERMILLE,
} from "~/domain/listings/expected-moisture";
import { CROPS } from "../../prisma/seed/reference-data";

const maize = { code: "MAIZE", standardMoisturePermille: 140 };
/** Noon in Laos on the first of a month of 2026. */
const month = (m: number) => new Date(Date.UTC(2026, m - 1, 1, 5));

describe("the default expected moisture", () => {
  it("is well above the standard for field maize offered at harvest, September to December", () => {
    for (const m of [9, 10, 11, 12])
      expect(defaultExpectedMoisture(maize, month(m))).toEqual({ permille: 220, source: "harvest", harvest: HARVEST_DEFAULTS.MAIZE });
  });

  it("is the crop's standard out of the harvest months (grain dried and stored)", () => {
    for (const m of [1, 2, 3, 4, 5, 6, 7, 8]) expect(defaultExpectedMoisture(maize, month(m))).toEqual({ permille: 140, source: "standard" });
  });

  it("reads the month in Laos: 31 August 18:00 UTC is already September there", () => {
    const at = new Date("2026-08-31T18:00:00Z");
    expect(laoMonth(at)).toBe(9);
    expect(defaultExpectedMoisture(maize, at).source).toBe("harvest");
    expect(laoMonth(new Date("2026-12-31T16:59:00Z"))).toBe(12);
    expect(laoMonth(new Date("2026-12-31T17:00:00Z"))).toBe(1);
  });

  it("is the standard for crops without a harvest default, and never below the standard", () => {
    expect(defaultExpectedMoisture({ code: "CASSAVA_FRESH", standardMoisturePermille: 0 }, month(10))).toEqual({ permille: 0, source: "standard" });
    expect(defaultExpectedMoisture({ code: "UNKNOWN", standardMoisturePermille: 130 }, month(10))).toEqual({ permille: 130, source: "standard" });
    // A crop whose standard were raised above its harvest default keeps its standard.
    expect(defaultExpectedMoisture({ code: "MAIZE", standardMoisturePermille: 230 }, month(10))).toEqual({ permille: 230, source: "standard" });
  });

  it("has a harvest default above the seeded standard for every crop it names, within the crop's own limits", () => {
    for (const [code, d] of Object.entries(HARVEST_DEFAULTS)) {
      const crop = CROPS.find((c) => c.code === code);
      expect(crop, code).toBeDefined();
      expect(d.fromMonth).toBeGreaterThanOrEqual(1);
      expect(d.toMonth).toBeLessThanOrEqual(12);
      expect(d.fromMonth).toBeLessThanOrEqual(d.toMonth);
      expect(d.permille, code).toBeGreaterThan(crop!.standardMoisturePermille);
      if (crop!.maxMoisturePermille !== null) expect(d.permille, code).toBeLessThanOrEqual(crop!.maxMoisturePermille);
    }
  });
});

describe("expectedMoistureOf", () => {
  it("takes what the FO stated, even below the default", () => {
    expect(expectedMoistureOf({ expectedMoisturePermille: 165, availableFrom: month(10) }, maize)).toEqual({ permille: 165, source: "stated" });
    expect(expectedMoistureOf({ expectedMoisturePermille: 0, availableFrom: month(10) }, maize)).toEqual({ permille: 0, source: "stated" });
  });

  it("falls back to the default when nothing is stated", () => {
    expect(expectedMoistureOf({ expectedMoisturePermille: null, availableFrom: month(10) }, maize).permille).toBe(220);
  });
});

describe("ExpectedMoistureSchema", () => {
  const parse = (expectedMoisture?: string) => ExpectedMoistureSchema.safeParse(expectedMoisture === undefined ? {} : { expectedMoisture });
  it("reads a percentage with one decimal as per mille, with a comma or a point, with or without %", () => {
    for (const [input, permille] of [
      ["22", 220],
      ["22.5", 225],
      ["22,5", 225],
      ["18 %", 180],
      [" 0 ", 0],
      ["40", 400],
    ] as const)
      expect(parse(input)).toMatchObject({ success: true, data: { expectedMoisture: permille } });
  });

  it("reads blank or missing as 'back to the default'", () => {
    for (const input of [undefined, "", "   "]) {
      const r = parse(input);
      expect(r.success).toBe(true);
      expect(r.data?.expectedMoisture).toBeUndefined();
    }
  });

  it("refuses what is not a moisture, each with its message", () => {
    const message = (input: string) => {
      const r = parse(input);
      return r.success ? null : r.error.issues[0]!.message;
    };
    expect(message("40.1")).toBe("validation:tooHigh");
    expect(message("75")).toBe("validation:tooHigh");
    expect(message("-3")).toBe("validation:percent");
    expect(message("22.25")).toBe("validation:percent");
    expect(message("wet")).toBe("validation:percent");
    expect(MAX_EXPECTED_MOISTURE_PERMILLE).toBe(400);
  });
});
