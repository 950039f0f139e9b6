import { describe, expect, it } from "vitest";
import { formatDate, formatDateInWords, formatKg, formatLak, formatNumber, formatPermilleAsPercent } from "~/utils/format";
import { detectLocale } from "~/utils/i18n.server";

describe("formatting", () => {
  it("groups LAK and kg with Western digits and the unit in the user's language", () => {
    expect(formatLak(3_100, "en")).toBe("3,100 LAK");
    expect(formatLak(37_200_000n, "en")).toBe("37,200,000 LAK");
    expect(formatLak(3_100, "lo")).toBe("3.100 ກີບ");
    expect(formatLak(-1_250_000n, "en")).toBe("-1,250,000 LAK");
    expect(formatNumber(999, "en")).toBe("999");
    expect(formatNumber(2499.5, "en")).toBe("2,500");
    expect(formatKg(12_000, "en")).toBe("12,000 kg");
    expect(formatKg(12_000, "lo")).toBe("12.000 ກິໂລ");
    expect(formatNumber(9_007_199_254_740_993n, "en")).toBe("9,007,199,254,740,993");
  });

  it("shows moisture per mille as a percentage with one decimal", () => {
    expect(formatPermilleAsPercent(140, "en")).toBe("14.0 %");
    expect(formatPermilleAsPercent(175, "en")).toBe("17.5 %");
    expect(formatPermilleAsPercent(175, "lo")).toBe("17,5 %");
    expect(formatPermilleAsPercent(5, "en")).toBe("0.5 %");
    expect(formatPermilleAsPercent(12345, "en")).toBe("1,234.5 %");
  });

  it("writes dates day/month/year in Vientiane time, the same in both languages", () => {
    // 20:30 UTC on 31 December is already 1 January in Laos.
    expect(formatDate(new Date("2026-12-31T20:30:00Z"), "en")).toBe("01/01/2027");
    expect(formatDate(new Date("2026-12-31T20:30:00Z"), "lo")).toBe("01/01/2027");
    expect(formatDate("2026-03-05T00:00:00Z", "lo")).toBe("05/03/2026");
    // 16:59 UTC is still the same day in Laos, 17:00 the next.
    expect(formatDate("2026-12-05T16:59:59Z", "en")).toBe("05/12/2026");
    expect(formatDate("2026-12-05T17:00:00Z", "en")).toBe("06/12/2026");
    expect(formatDate("not a date", "en")).toBe("not a date");
  });

  it("keeps month names for contracts written before dates were numeric", () => {
    expect(formatDateInWords(new Date("2026-12-31T20:30:00Z"), "en")).toBe("1 January 2027");
    expect(formatDateInWords(new Date("2026-03-05T00:00:00Z"), "lo")).toBe("5 ມີນາ 2026");
  });
});

describe("language detection", () => {
  const req = (headers: Record<string, string>) => new Request("http://localhost/", { headers });
  it("prefers the user's remembered language, then the cookie, then the browser, then Lao", () => {
    expect(detectLocale(req({ Cookie: "lng=lo", "Accept-Language": "lo" }), "en")).toBe("en");
    expect(detectLocale(req({ Cookie: "a=1; lng=en", "Accept-Language": "lo" }), null)).toBe("en");
    expect(detectLocale(req({ "Accept-Language": "en-US,en;q=0.9" }), null)).toBe("en");
    expect(detectLocale(req({ "Accept-Language": "en;q=0.2,lo-LA;q=0.9" }), null)).toBe("lo");
    expect(detectLocale(req({ "Accept-Language": "th" }), null)).toBe("lo");
    expect(detectLocale(req({}), "fr")).toBe("lo");
  });
});
