import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider } from "~/utils/i18n-react";
import { describe, expect, it } from "vitest";
import { PriceBand } from "~/components/price-band";
import { distanceFromMedian, priceBand, type PriceBandView } from "~/domain/prices/price-band";
import { createI18n } from "~/utils/i18n";
import { CROPS, DISTRICTS } from "../../prisma/seed/reference-data";
import { REFERENCE_PRICE_LEVELS, seededPrice, surveyDays } from "../../prisma/seed/reference-prices";

describe("priceBand", () => {
  it("has no band without prices", () => {
    expect(priceBand([])).toBeNull();
  });

  it("is the price itself for one price", () => {
    expect(priceBand([3_100])).toEqual({ count: 1, median: 3_100, min: 3_100, max: 3_100 });
  });

  it("takes the middle price of an odd count, whatever the order", () => {
    expect(priceBand([3_300, 2_900, 3_100])).toEqual({ count: 3, median: 3_100, min: 2_900, max: 3_300 });
    expect(priceBand([5, 1, 4, 2, 3])).toEqual({ count: 5, median: 3, min: 1, max: 5 });
  });

  it("takes the mean of the two middle prices of an even count", () => {
    expect(priceBand([3_000, 3_200, 2_800, 3_400])).toEqual({ count: 4, median: 3_100, min: 2_800, max: 3_400 });
  });

  it("rounds that mean half up", () => {
    expect(priceBand([1, 2])!.median).toBe(2); // 1.5
    expect(priceBand([3_000, 3_101])!.median).toBe(3_051); // 3,050.5
    expect(priceBand([3_000, 3_100])!.median).toBe(3_050);
  });

  it("counts repeated prices", () => {
    expect(priceBand([3_000, 3_000, 3_000, 9_000])).toEqual({ count: 4, median: 3_000, min: 3_000, max: 9_000 });
  });

  it("sorts numerically, not as text", () => {
    expect(priceBand([900, 10_000, 1_000])).toEqual({ count: 3, median: 1_000, min: 900, max: 10_000 });
  });

  it("leaves the caller's list alone", () => {
    const prices = [3, 1, 2];
    priceBand(prices);
    expect(prices).toEqual([3, 1, 2]);
  });

  it("refuses prices that are not whole LAK", () => {
    expect(() => priceBand([3_000, 3_000.5])).toThrow(RangeError);
    expect(() => priceBand([-1])).toThrow(RangeError);
  });
});

describe("distanceFromMedian", () => {
  const band = { count: 3, median: 3_000, min: 2_800, max: 3_300 };
  it("is signed: above the median is positive", () => {
    expect(distanceFromMedian(3_126, band)).toEqual({ diffLak: 126, diffPermille: 42 });
    expect(distanceFromMedian(2_874, band)).toEqual({ diffLak: -126, diffPermille: -42 });
  });

  it("is zero at the median", () => {
    expect(distanceFromMedian(3_000, band)).toEqual({ diffLak: 0, diffPermille: 0 });
  });

  it("rounds the per mille half away from zero, so above and below mirror", () => {
    expect(distanceFromMedian(2_001, { median: 2_000 })).toEqual({ diffLak: 1, diffPermille: 1 }); // 0.5
    expect(distanceFromMedian(1_999, { median: 2_000 })).toEqual({ diffLak: -1, diffPermille: -1 }); // −0.5
    expect(distanceFromMedian(3_001, band).diffPermille).toBe(0); // 0.33
    expect(distanceFromMedian(6_000, band).diffPermille).toBe(1_000);
  });

  it("has no per mille for a zero median", () => {
    expect(distanceFromMedian(100, { median: 0 })).toEqual({ diffLak: 100, diffPermille: null });
  });
});

describe("the PriceBand component", () => {
  const view: PriceBandView = {
    days: 90,
    scope: "district",
    district: { id: "d", nameLo: "ແບ່ງ", nameEn: "Beng" },
    province: { id: "p", nameLo: "ອຸດົມໄຊ", nameEn: "Oudomxay" },
    reference: { count: 12, median: 3_100, min: 2_950, max: 3_300 },
    agreed: { count: 1, median: 3_150, min: 3_150, max: 3_150 },
  };
  const render = (locale: "en" | "lo", props: Partial<Parameters<typeof PriceBand>[0]> = {}) =>
    renderToStaticMarkup(createElement(I18nextProvider, { i18n: createI18n(locale) }, createElement(PriceBand, { band: view, ...props })));

  it("shows the band, the agreed prices and the distance of an asking price in English", () => {
    const html = render("en", { priceLakPerKg: 3_224, priceKind: "asking" });
    expect(html).toContain("Reference price: median 3,100 LAK/kg (range 2,950–3,300 LAK/kg, 12 prices, last 90 days, Beng district)");
    expect(html).toContain("The asking price of 3,224 LAK/kg is 4.0 % above the median (124 LAK/kg more).");
    expect(html).toContain("Agreed on the portal: median 3,150 LAK/kg (range 3,150–3,150 LAK/kg, 1 accepted offer, Beng district)");
    expect(html).not.toContain("wider area");
  });

  it("shows an offer below the median", () => {
    expect(render("en", { priceLakPerKg: 2_976 })).toContain("This price of 2,976 LAK/kg is 4.0 % below the median (124 LAK/kg less).");
    expect(render("en", { priceLakPerKg: 3_100 })).toContain("This price of 3,100 LAK/kg equals the median.");
  });

  it("says when the band was widened and when there is no price", () => {
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: createI18n("en") },
        createElement(PriceBand, { band: { ...view, scope: "all", reference: null, agreed: null }, priceLakPerKg: 3_000 }),
      ),
    );
    expect(html).toContain("No reference price for this crop in the last 90 days.");
    expect(html).toContain("Fewer than 3 prices in Beng district: the band covers a wider area.");
    expect(html).toContain("No price agreed on the portal for this crop in the last 90 days (all programme districts).");
    expect(html).not.toContain("median (");
  });

  it("names the province when widened to it", () => {
    const html = renderToStaticMarkup(
      createElement(I18nextProvider, { i18n: createI18n("en") }, createElement(PriceBand, { band: { ...view, scope: "province" } })),
    );
    expect(html).toContain("Oudomxay province");
  });

  it("speaks Lao", () => {
    const html = render("lo", { priceLakPerKg: 3_224, priceKind: "asking" });
    expect(html).toContain("ລາຄາອ້າງອີງ");
    expect(html).toContain("ເມືອງແບ່ງ");
    expect(html).toContain("ສູງກວ່າລາຄາກາງ");
    expect(html).not.toMatch(/prices:|band\./);
  });
});

describe("the seeded market-survey prices", () => {
  const today = new Date("2025-06-15T10:00:00Z");

  it("has a level for every seeded crop", () => {
    expect(Object.keys(REFERENCE_PRICE_LEVELS).sort()).toEqual(CROPS.map((c) => c.code).sort());
  });

  it("surveys weekly or fortnightly over 26 weeks, never after today", () => {
    const weekly = surveyDays(today, 7);
    expect(weekly).toHaveLength(27);
    expect(weekly[0]!.toISOString()).toBe("2025-06-15T00:00:00.000Z");
    expect(weekly.at(-1)!.toISOString()).toBe("2024-12-15T00:00:00.000Z");
    expect(surveyDays(today, 14)).toHaveLength(14);
    for (const d of weekly) expect(d.getTime()).toBeLessThanOrEqual(today.getTime());
  });

  it("stays within each crop's range outside the maize harvest, and is the same on every run", () => {
    for (const [code, level] of Object.entries(REFERENCE_PRICE_LEVELS))
      for (const d of DISTRICTS)
        for (const day of surveyDays(today, level.everyDays)) {
          const price = seededPrice(code, d.code, day);
          expect(price).toBe(seededPrice(code, d.code, new Date(day)));
          const month = day.getUTCMonth();
          const harvest = code === "MAIZE" && month >= 8;
          expect(price, `${code} ${d.code} ${day.toISOString()}`).toBeLessThanOrEqual(level.max);
          expect(price).toBeGreaterThanOrEqual(harvest ? Math.floor(level.min * 0.88) : level.min);
        }
  });

  it("varies between districts and weeks", () => {
    const prices = new Set(surveyDays(today, 7).flatMap((day) => DISTRICTS.map((d) => seededPrice("MAIZE", d.code, day))));
    expect(prices.size).toBeGreaterThan(5);
  });

  it("dips for maize at harvest time (September to December)", () => {
    const mean = (month: number) => {
      const prices = DISTRICTS.flatMap((d) => [1, 8, 15, 22].map((day) => seededPrice("MAIZE", d.code, new Date(Date.UTC(2024, month, day)))));
      return prices.reduce((s, p) => s + p, 0) / prices.length;
    };
    expect(mean(10)).toBeLessThan(mean(6) * 0.95); // November against July
    expect(mean(10)).toBeLessThan(3_000);
  });
});
