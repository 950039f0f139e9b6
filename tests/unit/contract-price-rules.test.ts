import { describe, expect, it } from "vitest";
import { deliveryPrice, DEFAULT_REFERENCE_MAX_AGE_DAYS, referencePriceForDay, type PriceTerms } from "~/domain/deliveries/price-rules";
import { startOfLaoDay } from "~/utils/dates";

const day = (iso: string) => startOfLaoDay(iso)!;
/** An instant `hours` after the start of that day in Vientiane. */
const at = (iso: string, hours: number) => new Date(day(iso).getTime() + hours * 3600_000);

const fixed: PriceTerms = { priceMechanism: "fixed", priceLakPerKg: 3_100, floorPriceLakPerKg: null };
const floor: PriceTerms = { priceMechanism: "floor_premium", priceLakPerKg: 3_000, floorPriceLakPerKg: 2_800 };

describe("deliveryPrice", () => {
  it("pays a fixed-price contract its price whatever the market does", () => {
    for (const reference of [null, 1_000, 9_000])
      expect(deliveryPrice(fixed, reference)).toEqual({
        priceLakPerKg: 3_100,
        basis: "fixed",
        lines: [{ key: "contractRules:lines.priceFixed", params: { priceLak: 3_100 } }],
      });
  });

  it("pays an input-supply contract its price too", () => {
    const result = deliveryPrice({ priceMechanism: "input_supply", priceLakPerKg: 2_950, floorPriceLakPerKg: null }, 4_000);
    expect(result.priceLakPerKg).toBe(2_950);
    expect(result.basis).toBe("fixed");
  });

  it("pays the market reference when it is above the floor", () => {
    expect(deliveryPrice(floor, 3_400)).toEqual({
      priceLakPerKg: 3_400,
      basis: "reference",
      lines: [{ key: "contractRules:lines.priceReference", params: { referenceLak: 3_400, floorLak: 2_800 } }],
    });
  });

  it("pays the floor when the market falls below it (the harvest-time drop)", () => {
    expect(deliveryPrice(floor, 2_300)).toEqual({
      priceLakPerKg: 2_800,
      basis: "floor",
      lines: [{ key: "contractRules:lines.priceFloor", params: { referenceLak: 2_300, floorLak: 2_800 } }],
    });
  });

  it("reports a reference equal to the floor as the floor", () => {
    const result = deliveryPrice(floor, 2_800);
    expect(result.priceLakPerKg).toBe(2_800);
    expect(result.basis).toBe("floor");
  });

  it("pays the floor, and says why, when there is no reference price", () => {
    expect(deliveryPrice(floor, null)).toEqual({
      priceLakPerKg: 2_800,
      basis: "floor",
      lines: [{ key: "contractRules:lines.priceNoReference", params: { floorLak: 2_800 } }],
    });
  });

  it("ignores the contract price of a floor contract", () => {
    expect(deliveryPrice({ ...floor, priceLakPerKg: 5_000 }, 3_000).priceLakPerKg).toBe(3_000);
  });

  it("refuses a floor contract without a floor, and impossible prices", () => {
    expect(() => deliveryPrice({ ...floor, floorPriceLakPerKg: null }, 3_000)).toThrow(RangeError);
    expect(() => deliveryPrice({ ...floor, floorPriceLakPerKg: 0 }, 3_000)).toThrow(RangeError);
    expect(() => deliveryPrice(floor, 2_900.5)).toThrow(RangeError);
    expect(() => deliveryPrice(floor, -1)).toThrow(RangeError);
    expect(() => deliveryPrice({ ...fixed, priceLakPerKg: 0 }, null)).toThrow(RangeError);
    expect(() => deliveryPrice({ ...fixed, priceMechanism: "barter" as never }, null)).toThrow(RangeError);
  });
});

describe("referencePriceForDay", () => {
  const delivery = day("2026-12-10");

  it("allows a week by default", () => {
    expect(DEFAULT_REFERENCE_MAX_AGE_DAYS).toBe(7);
  });

  it("takes the latest observation on or before the day", () => {
    const prices = [
      { observedOn: day("2026-12-05"), priceLakPerKg: 3_000 },
      { observedOn: day("2026-12-08"), priceLakPerKg: 3_200 },
      { observedOn: day("2026-12-07"), priceLakPerKg: 3_100 },
    ];
    expect(referencePriceForDay(prices, delivery)).toBe(3_200);
  });

  it("counts an observation made on the delivery day itself", () => {
    expect(referencePriceForDay([{ observedOn: at("2026-12-10", 16), priceLakPerKg: 3_300 }], at("2026-12-10", 8))).toBe(3_300);
  });

  it("never uses a price observed after the delivery day", () => {
    const prices = [
      { observedOn: day("2026-12-11"), priceLakPerKg: 9_999 },
      { observedOn: day("2026-12-09"), priceLakPerKg: 3_000 },
    ];
    expect(referencePriceForDay(prices, delivery)).toBe(3_000);
    expect(referencePriceForDay([prices[0]!], delivery)).toBeNull();
  });

  it("accepts a price exactly maxAgeDays old and refuses one a day older", () => {
    expect(referencePriceForDay([{ observedOn: day("2026-12-03"), priceLakPerKg: 3_000 }], delivery)).toBe(3_000);
    expect(referencePriceForDay([{ observedOn: day("2026-12-02"), priceLakPerKg: 3_000 }], delivery)).toBeNull();
    expect(referencePriceForDay([{ observedOn: day("2026-12-02"), priceLakPerKg: 3_000 }], delivery, 8)).toBe(3_000);
    expect(referencePriceForDay([{ observedOn: day("2026-12-09"), priceLakPerKg: 3_000 }], delivery, 0)).toBeNull();
  });

  it("returns null with no observations", () => {
    expect(referencePriceForDay([], delivery)).toBeNull();
  });

  it("counts calendar days in Laos, not hours", () => {
    // 23:00 on 2 December in Vientiane is 16:00 UTC: still 8 days before 10 December.
    expect(referencePriceForDay([{ observedOn: at("2026-12-02", 23), priceLakPerKg: 3_000 }], at("2026-12-10", 1))).toBeNull();
    // 00:30 on 3 December in Vientiane is still 2 December in UTC: 7 days, accepted.
    expect(referencePriceForDay([{ observedOn: at("2026-12-03", 0.5), priceLakPerKg: 3_000 }], at("2026-12-10", 23))).toBe(3_000);
  });

  it("takes the median of several markets on the latest day, half up for an even count", () => {
    const on = (iso: string, priceLakPerKg: number) => ({ observedOn: day(iso), priceLakPerKg });
    expect(referencePriceForDay([on("2026-12-09", 3_300), on("2026-12-09", 3_000), on("2026-12-09", 3_100), on("2026-12-08", 9_000)], delivery)).toBe(3_100);
    expect(referencePriceForDay([on("2026-12-09", 3_001), on("2026-12-09", 3_000)], delivery)).toBe(3_001);
    expect(referencePriceForDay([on("2026-12-09", 3_000), on("2026-12-09", 3_003), on("2026-12-09", 2_000), on("2026-12-09", 4_000)], delivery)).toBe(3_002);
  });

  it("refuses bad input", () => {
    expect(() => referencePriceForDay([{ observedOn: day("2026-12-09"), priceLakPerKg: 0 }], delivery)).toThrow(RangeError);
    expect(() => referencePriceForDay([], delivery, -1)).toThrow(RangeError);
    expect(() => referencePriceForDay([{ observedOn: new Date("nope"), priceLakPerKg: 3_000 }], delivery)).toThrow(RangeError);
  });
});
