// Export parity and the contract price rule built on it: the figures of the
// delivery day, the floor, and the rounding, with no database.
import { describe, expect, it } from "vitest";
import { EXPORT_PARITY_MAX_AGE_DAYS, exportParityPrice, figureForDay } from "~/domain/deliveries/export-parity-price";
import type { SnapshotExportParity } from "~/domain/contracts/snapshot";
import { exportParityLakPerKg } from "~/domain/prices/export-parity";
import { formatHundredths } from "~/utils/format";
import { startOfLaoDay } from "~/utils/dates";

const day = (iso: string) => startOfLaoDay(iso)!;
const at = (iso: string, hours: number) => new Date(day(iso).getTime() + hours * 3600_000);

describe("exportParityLakPerKg", () => {
  it("converts hundredths per kg at LAK per hundred, rounding the gross half up to a whole LAK, then takes the margin off", () => {
    // 9.85 THB/kg × 683.50 LAK/THB = 6,732.475 LAK/kg
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: 68_350, marginLakPerKg: 900 })).toEqual({
      grossLakPerKg: 6_732,
      netLakPerKg: 5_832,
    });
    // 10.00 × 683.50 = 6,835 exactly
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 1_000, lakPerHundred: 68_350, marginLakPerKg: 0 })).toEqual({
      grossLakPerKg: 6_835,
      netLakPerKg: 6_835,
    });
    // 0.50 × 1.00 = 0.5 LAK: an exact half rounds up
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 50, lakPerHundred: 100, marginLakPerKg: 0 }).grossLakPerKg).toBe(1);
    // 0.49 × 1.00 = 0.49 LAK rounds down
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 49, lakPerHundred: 100, marginLakPerKg: 0 }).grossLakPerKg).toBe(0);
    // 2.35 CNY/kg × 3,050.25 LAK/CNY = 7,168.0875
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 235, lakPerHundred: 305_025, marginLakPerKg: 1_200 })).toEqual({
      grossLakPerKg: 7_168,
      netLakPerKg: 5_968,
    });
  });

  it("may come out below zero when the margin is above the gross price (the floor then decides)", () => {
    expect(exportParityLakPerKg({ priceHundredthsPerKg: 100, lakPerHundred: 68_350, marginLakPerKg: 1_000 }).netLakPerKg).toBe(-316); // 683.5 rounds up to 684
  });

  it("refuses figures that are not whole, positive numbers", () => {
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 0, lakPerHundred: 68_350, marginLakPerKg: 0 })).toThrow(RangeError);
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 9.85, lakPerHundred: 68_350, marginLakPerKg: 0 })).toThrow(RangeError);
    expect(() => exportParityLakPerKg({ priceHundredthsPerKg: 985, lakPerHundred: 68_350, marginLakPerKg: -1 })).toThrow(RangeError);
  });
});

describe("figureForDay", () => {
  const rows = [
    { id: "old", observedOn: at("2026-11-01", 9) },
    { id: "week", observedOn: at("2026-11-08", 9) },
    { id: "after", observedOn: at("2026-11-16", 9) },
  ];

  it("takes the latest published on or before the delivery day, never one after it", () => {
    expect(figureForDay(rows, at("2026-11-15", 14), 14)?.id).toBe("week");
    expect(figureForDay(rows, at("2026-11-08", 6), 14)?.id).toBe("week");
    expect(figureForDay(rows, at("2026-11-07", 23), 14)?.id).toBe("old");
  });

  it("counts calendar days in Laos and stops at the window: 14 days before is in, 15 is out", () => {
    const only = [{ id: "x", observedOn: at("2026-11-01", 23) }];
    expect(figureForDay(only, at("2026-11-15", 0), 14)?.id).toBe("x");
    expect(figureForDay(only, at("2026-11-16", 0), 14)).toBeNull();
    expect(figureForDay([], at("2026-11-16", 0), 14)).toBeNull();
  });

  it("on a day with two figures takes the one entered last (a correction)", () => {
    const same = [
      { id: "first", observedOn: at("2026-11-10", 9), createdAt: new Date("2026-11-10T03:00:00Z") },
      { id: "corrected", observedOn: at("2026-11-10", 8), createdAt: new Date("2026-11-10T05:00:00Z") },
    ];
    expect(figureForDay(same, at("2026-11-12", 9), 14)?.id).toBe("corrected");
    expect(figureForDay([...same].reverse(), at("2026-11-12", 9), 14)?.id).toBe("corrected");
  });
});

describe("exportParityPrice", () => {
  const terms: SnapshotExportParity & { floorLakPerKg: number } = {
    market: "Thai MOC feed corn, Bangkok",
    currency: "THB",
    rateSourceKind: "bol_reference",
    marginLakPerKg: 900,
    maxAgeDays: EXPORT_PARITY_MAX_AGE_DAYS,
    floorLakPerKg: 5_000,
  };
  const reference = { priceHundredthsPerKg: 985, observedOn: at("2026-11-12", 9), sourceName: "Thai Ministry of Commerce" };
  const rate = { lakPerHundred: 68_350, observedOn: at("2026-11-14", 9), sourceName: "Bank of the Lao PDR" };

  it("pays export parity when it is above the floor, each figure on its own line", () => {
    const p = exportParityPrice(terms, reference, rate);
    expect(p).toMatchObject({ priceLakPerKg: 5_832, basis: "parity", grossLakPerKg: 6_732, parityLakPerKg: 5_832 });
    expect(p.lines).toEqual([
      {
        key: "contractRules:lines.parityReference",
        params: {
          priceHundredths: 985,
          currency: "THB",
          market: "Thai MOC feed corn, Bangkok",
          source: "Thai Ministry of Commerce",
          observedDate: reference.observedOn.toISOString(),
        },
      },
      {
        key: "contractRules:lines.parityRate",
        params: { rateHundredths: 68_350, currency: "THB", source: "Bank of the Lao PDR", observedDate: rate.observedOn.toISOString() },
      },
      { key: "contractRules:lines.parityGross", params: { grossLak: 6_732 } },
      { key: "contractRules:lines.parityMargin", params: { marginLak: 900, parityLak: 5_832 } },
      { key: "contractRules:lines.parityAboveFloor", params: { parityLak: 5_832, floorLak: 5_000 } },
    ]);
  });

  it("pays the floor when export parity falls to it or below", () => {
    const high = exportParityPrice({ ...terms, floorLakPerKg: 6_000 }, reference, rate);
    expect(high).toMatchObject({ priceLakPerKg: 6_000, basis: "floor", parityLakPerKg: 5_832 });
    expect(high.lines.at(-1)).toEqual({ key: "contractRules:lines.parityNotAboveFloor", params: { parityLak: 5_832, floorLak: 6_000 } });
    // Equal: the floor (same price), said so.
    expect(exportParityPrice({ ...terms, floorLakPerKg: 5_832 }, reference, rate)).toMatchObject({ priceLakPerKg: 5_832, basis: "floor" });
    // A margin above the gross price: still the floor, never less.
    expect(exportParityPrice({ ...terms, marginLakPerKg: 8_000 }, reference, rate)).toMatchObject({
      priceLakPerKg: 5_000,
      basis: "floor",
      parityLakPerKg: -1_268,
    });
  });

  it("pays the floor, and says which figure was missing, when none was published within the window", () => {
    expect(exportParityPrice(terms, null, rate)).toEqual({
      priceLakPerKg: 5_000,
      basis: "floor",
      grossLakPerKg: null,
      parityLakPerKg: null,
      lines: [{ key: "contractRules:lines.parityNoReference", params: { market: terms.market, currency: "THB", days: 14, floorLak: 5_000 } }],
    });
    expect(exportParityPrice(terms, reference, null).lines[0]!.key).toBe("contractRules:lines.parityNoRateBol");
    expect(exportParityPrice({ ...terms, rateSourceKind: "commercial_bank" }, reference, null).lines[0]!.key).toBe("contractRules:lines.parityNoRateBank");
    expect(exportParityPrice(terms, null, null).lines[0]!.key).toBe("contractRules:lines.parityNoReference");
  });

  it("refuses a contract without a floor", () => {
    expect(() => exportParityPrice({ ...terms, floorLakPerKg: 0 }, reference, rate)).toThrow(RangeError);
  });
});

describe("formatHundredths", () => {
  it("writes two decimals with each language's separators", () => {
    expect(formatHundredths(985, "en")).toBe("9.85");
    expect(formatHundredths(985, "lo")).toBe("9,85");
    expect(formatHundredths(68_350, "en")).toBe("683.50");
    expect(formatHundredths(305_025, "en")).toBe("3,050.25");
    expect(formatHundredths(305_025, "lo")).toBe("3.050,25");
    expect(formatHundredths(5, "en")).toBe("0.05");
  });
});
