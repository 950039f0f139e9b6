// The price board's pure rules: calendar months in Vientiane time, monthly
// bands (medians of odd and even counts, empty months), the district summary,
// the contract price read from a snapshot, and the server-rendered trend chart.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AXIS_FONT_SIZE, CHART_HEIGHT, CHART_WIDTH, PriceTrendChart, priceTicks, type TrendPoint } from "~/components/price-trend-chart";
import {
  boardSeries,
  boardWindow,
  contractSnapshotPrice,
  districtSummary,
  laoMonthKey,
  monthlyBands,
  startOfLaoMonth,
  type PriceObservation,
} from "~/domain/prices/price-board";

const obs = (at: string, priceLakPerKg: number, districtId: string | null = "d1"): PriceObservation => ({ at: new Date(at), priceLakPerKg, districtId });

describe("months in Vientiane time", () => {
  it("puts an instant in the Vientiane month (UTC+7)", () => {
    expect(laoMonthKey(new Date("2026-01-31T16:59:59.999Z"))).toBe("2026-01");
    expect(laoMonthKey(new Date("2026-01-31T17:00:00.000Z"))).toBe("2026-02");
    expect(laoMonthKey(new Date("2025-12-31T17:00:00.000Z"))).toBe("2026-01");
    expect(startOfLaoMonth("2026-02")).toEqual(new Date("2026-01-31T17:00:00.000Z"));
  });

  it("makes a window of whole months ending with the current one, across a new year", () => {
    const now = new Date("2026-03-10T05:00:00Z");
    const w = boardWindow(now, 6);
    expect(w.months).toEqual(["2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03"]);
    expect(w.from).toEqual(new Date("2025-09-30T17:00:00Z"));
    expect(w.to).toBe(now);
    expect(boardWindow(now, 3).months).toEqual(["2026-01", "2026-02", "2026-03"]);
    expect(boardWindow(now, 12).months).toHaveLength(12);
    expect(boardWindow(now, 12).months[0]).toBe("2025-04");
  });

  it("counts the evening of the last UTC day of a month as the next Lao month", () => {
    // 28 February 2026, 18:00 UTC is 1 March, 01:00 in Vientiane.
    expect(boardWindow(new Date("2026-02-28T18:00:00Z"), 3).months).toEqual(["2026-01", "2026-02", "2026-03"]);
  });
});

describe("monthlyBands", () => {
  const months = ["2026-01", "2026-02", "2026-03"];

  it("takes the middle price of an odd count and the mean of the two middle ones (half up) of an even count", () => {
    const bands = monthlyBands(
      [
        obs("2026-01-05T00:00:00Z", 3_200),
        obs("2026-01-12T00:00:00Z", 3_000),
        obs("2026-01-19T00:00:00Z", 3_100),
        obs("2026-02-02T00:00:00Z", 3_000),
        obs("2026-02-09T00:00:00Z", 3_101),
      ],
      months,
    );
    expect(bands[0]).toEqual({ count: 3, median: 3_100, min: 3_000, max: 3_200 });
    // (3,000 + 3,101) / 2 = 3,050.5 → 3,051
    expect(bands[1]).toEqual({ count: 2, median: 3_051, min: 3_000, max: 3_101 });
  });

  it("leaves an empty month empty and ignores prices outside the months", () => {
    const bands = monthlyBands([obs("2026-01-05T00:00:00Z", 3_000), obs("2025-12-30T00:00:00Z", 9_999), obs("2026-04-01T00:00:00Z", 9_999)], months);
    expect(bands).toEqual([{ count: 1, median: 3_000, min: 3_000, max: 3_000 }, null, null]);
  });

  it("files a price by its Vientiane date at a month boundary", () => {
    // 31 January, 17:30 UTC is 1 February in Vientiane; 31 January, 16:30 UTC is still January.
    const bands = monthlyBands([obs("2026-01-31T17:30:00Z", 4_000), obs("2026-01-31T16:30:00Z", 2_000)], months);
    expect(bands[0]).toEqual({ count: 1, median: 2_000, min: 2_000, max: 2_000 });
    expect(bands[1]).toEqual({ count: 1, median: 4_000, min: 4_000, max: 4_000 });
  });

  it("puts reference and contract bands side by side in boardSeries", () => {
    const series = boardSeries([obs("2026-01-05T00:00:00Z", 3_000)], [obs("2026-03-05T00:00:00Z", 3_300), obs("2026-03-06T00:00:00Z", 3_500)], months);
    expect(series).toEqual([
      { month: "2026-01", reference: { count: 1, median: 3_000, min: 3_000, max: 3_000 }, contract: null },
      { month: "2026-02", reference: null, contract: null },
      { month: "2026-03", reference: null, contract: { count: 2, median: 3_400, min: 3_300, max: 3_500 } },
    ]);
  });
});

describe("districtSummary", () => {
  it("gives every district a row in the order given, and a total that includes province-wide prices", () => {
    const summary = districtSummary(
      ["d2", "d1", "d3"],
      [
        obs("2026-01-01T00:00:00Z", 3_000, "d1"),
        obs("2026-01-02T00:00:00Z", 3_200, "d1"),
        obs("2026-01-03T00:00:00Z", 2_800, "d2"),
        obs("2026-01-03T00:00:00Z", 5_000, null),
      ],
      [obs("2026-01-04T00:00:00Z", 3_100, "d1")],
    );
    expect(summary.rows.map((r) => r.districtId)).toEqual(["d2", "d1", "d3"]);
    expect(summary.rows[0]).toEqual({ districtId: "d2", reference: { count: 1, median: 2_800, min: 2_800, max: 2_800 }, contract: null });
    expect(summary.rows[1]).toEqual({
      districtId: "d1",
      reference: { count: 2, median: 3_100, min: 3_000, max: 3_200 },
      contract: { count: 1, median: 3_100, min: 3_100, max: 3_100 },
    });
    expect(summary.rows[2]).toEqual({ districtId: "d3", reference: null, contract: null });
    expect(summary.total.reference).toEqual({ count: 4, median: 3_100, min: 2_800, max: 5_000 });
    expect(summary.total.contract?.count).toBe(1);
  });
});

describe("contractSnapshotPrice", () => {
  it("reads terms.priceLakPerKg and refuses anything that is not a positive whole number", () => {
    expect(contractSnapshotPrice(JSON.stringify({ terms: { priceLakPerKg: 3_150 } }))).toBe(3_150);
    expect(contractSnapshotPrice(JSON.stringify({ terms: { priceLakPerKg: 31.5 } }))).toBeNull();
    expect(contractSnapshotPrice(JSON.stringify({ terms: { priceLakPerKg: "3150" } }))).toBeNull();
    expect(contractSnapshotPrice(JSON.stringify({ terms: {} }))).toBeNull();
    expect(contractSnapshotPrice("{not json")).toBeNull();
  });
});

describe("PriceTrendChart", () => {
  const band = (median: number, min = median - 100, max = median + 100, count = 3) => ({ count, median, min, max });
  const points: TrendPoint[] = [
    { month: "2025-11", label: "Nov", sublabel: "2025", reference: band(3_100), contract: band(3_150) },
    { month: "2025-12", label: "Dec", reference: band(3_000), contract: null },
    { month: "2026-01", label: "Jan", sublabel: "2026", reference: null, contract: band(3_300) },
    { month: "2026-02", label: "Feb", reference: band(3_200, 3_200, 3_200, 1), contract: null },
    { month: "2026-03", label: "Mar", reference: band(3_250), contract: band(3_000) },
  ];
  const render = (pts: TrendPoint[], locale: "lo" | "en" = "en") =>
    renderToStaticMarkup(
      createElement(PriceTrendChart, {
        points: pts,
        locale,
        title: "Maize prices per kg",
        description: "Monthly maize prices",
        labels: {
          unit: "LAK/kg",
          referenceMedian: "Reference",
          referenceRange: "Range",
          contractMedian: "Contracts",
          pointTitle: (p: TrendPoint) => `Point ${p.month}`,
        },
      }),
    );

  it("draws one reference point per month with reference prices and one contract point per month with contracts", () => {
    const svg = render(points);
    expect(svg.match(/data-kind="reference"/g)).toHaveLength(4);
    expect(svg.match(/data-kind="contract"/g)).toHaveLength(3);
    for (const p of points) {
      expect(svg.includes(`data-kind="reference" data-month="${p.month}"`)).toBe(!!p.reference);
      expect(svg.includes(`data-kind="contract" data-month="${p.month}"`)).toBe(!!p.contract);
    }
    // one median line per run of two or more months: Nov–Dec and Feb–Mar; one band per run
    const line = svg.slice(svg.indexOf('data-series="reference-median"'), svg.indexOf('data-series="reference-points"'));
    expect(line.match(/<path /g)).toHaveLength(2);
    const bandGroup = svg.slice(svg.indexOf('data-series="reference-range"'), svg.indexOf('data-series="reference-median"'));
    expect(bandGroup.match(/<polygon /g)).toHaveLength(2);
    // every month is labelled on the axis
    for (const p of points) expect(svg).toContain(`>${p.label}`);
  });

  it("uses a fixed viewBox, an accessible title and description, and only finite coordinates inside it", () => {
    const svg = render(points);
    expect(svg).toContain(`viewBox="0 0 ${CHART_WIDTH} ${CHART_HEIGHT}"`);
    expect(svg).toMatch(/<svg[^>]*role="img"[^>]*aria-labelledby="[^"]+-title [^"]+-desc"/);
    expect(svg).toMatch(/<title id="[^"]+-title">Maize prices per kg<\/title>/);
    expect(svg).toMatch(/<desc id="[^"]+-desc">Monthly maize prices<\/desc>/);
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    const main = svg.slice(0, svg.indexOf("</svg>"));
    const coords = [...main.matchAll(/ (?:x|y|x1|x2|y1|y2|cx|cy)="([^"]+)"/g)].map((m) => Number(m[1]));
    const pathNumbers = [...main.matchAll(/ (?:d|points)="([^"]+)"/g)].flatMap((m) => m[1]!.match(/-?\d+(?:\.\d+)?/g)!.map(Number));
    expect(coords.length).toBeGreaterThan(10);
    for (const n of [...coords, ...pathNumbers]) {
      expect(Number.isFinite(n)).toBe(true);
      expect(n).toBeGreaterThanOrEqual(0);
      expect(n).toBeLessThanOrEqual(CHART_WIDTH);
    }
  });

  it("keeps its axis text at 10 px or more when a 360 px phone draws it 330 px wide", () => {
    expect((AXIS_FONT_SIZE * 330) / CHART_WIDTH).toBeGreaterThanOrEqual(10);
    expect(render(points)).toMatch(new RegExp(`<svg[^>]*font-size="${AXIS_FONT_SIZE}"`));
    // the smaller text (unit, year) is no smaller than 12 units either
    for (const m of render(points).matchAll(/font-size="(\d+)"/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(12);
  });

  it("names every other month on a twelve-month axis, January always with its year", () => {
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    // June 2026 to May 2027: January is the eighth month, at an odd index
    const year: TrendPoint[] = Array.from({ length: 12 }, (_, i) => {
      const m = (i + 5) % 12;
      const y = m < 5 ? 2027 : 2026;
      return {
        month: `${y}-${String(m + 1).padStart(2, "0")}`,
        label: names[m]!,
        sublabel: i === 0 || m === 0 ? String(y) : undefined,
        reference: band(3_000, 2_900, 3_100),
        contract: null,
      };
    });
    const axis = render(year).split('data-part="x-axis"')[1]!.split("</g>")[0]!;
    const shown = [...axis.matchAll(/<text[^>]*>([A-Z][a-z]{2})/g)].map((m) => m[1]);
    expect(shown).toEqual(["Jul", "Sep", "Nov", "Jan", "Mar", "May"]);
    expect(axis).toMatch(/>Jan<tspan[^>]*>2027</);
    // six months or fewer: every month named
    const half = render(year.slice(0, 6)).split('data-part="x-axis"')[1]!.split("</g>")[0]!;
    expect([...half.matchAll(/<text[^>]*>([A-Z][a-z]{2})/g)]).toHaveLength(6);
  });

  it("formats the axis figures for the language", () => {
    const wide: TrendPoint[] = [{ month: "2026-01", label: "ມ.ກ.", reference: band(100_000, 80_000, 120_000), contract: null }];
    expect(render(wide, "lo")).toContain(">120.000<");
    expect(render(wide, "en")).toContain(">120,000<");
  });

  it("still draws axes when there are no prices", () => {
    const svg = render([{ month: "2026-01", label: "Jan", reference: null, contract: null }]);
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(svg).not.toContain("data-kind=");
  });
});

describe("priceTicks", () => {
  it("covers the values with round steps", () => {
    const ticks = priceTicks([2_950, 3_420]);
    expect(ticks[0]).toBeLessThanOrEqual(2_950);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(3_420);
    expect(ticks).toEqual([2_800, 3_000, 3_200, 3_400, 3_600]);
  });

  it("opens a flat series into a band around its value", () => {
    const ticks = priceTicks([3_000]);
    expect(ticks[0]).toBeLessThan(3_000);
    expect(ticks.at(-1)).toBeGreaterThan(3_000);
  });
});
