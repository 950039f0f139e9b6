// The price board's trend chart, drawn on the server as plain SVG: months
// across, LAK per kg up; the monthly median of reference prices as a line with
// their min–max range as a band behind it, and the monthly median of signed
// contracts as points. No script: it reads the same on a phone without
// JavaScript and on paper. The viewBox is fixed and small and its text large
// enough to stay legible (10 px or more) when a 360 px phone scales it down;
// the table beside it carries the exact figures.
import { useId } from "react";
import type { PriceBand } from "~/domain/prices/price-band";
import { formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";

export const CHART_WIDTH = 400;
export const CHART_HEIGHT = 260;
/** Axis text in viewBox units: on a 360 px phone the chart is drawn about 330 px wide, so 13 units read as 10.7 px. */
export const AXIS_FONT_SIZE = 13;
const SMALL_FONT_SIZE = 12;
const MARGIN = { top: 24, right: 10, bottom: 44, left: 60 };
const PLOT_W = CHART_WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;

export interface TrendPoint {
  month: string;
  /** the month's name on the axis, short */
  label: string;
  /** a second line under the label (the year at the first month and at each January) */
  sublabel?: string;
  reference: PriceBand | null;
  contract: PriceBand | null;
}

/** 1, 2, 2.5 or 5 × a power of ten, at least `raw`. */
function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= raw) return m * power;
  return 10 * power;
}

/** Round tick values covering [min, max] in about four steps; a flat or empty series gets a band around it. */
export function priceTicks(values: readonly number[]): number[] {
  if (values.length === 0) return [0, 250, 500, 750, 1000];
  let min = Math.min(...values);
  let max = Math.max(...values);
  if (min === max) {
    const pad = Math.max(niceStep(Math.max(min, 1) * 0.05), 1);
    min -= pad;
    max += pad;
  }
  const step = Math.max(niceStep((max - min) / 4), 1);
  const lo = Math.max(0, Math.floor(min / step) * step);
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v * 100) / 100);
  return ticks;
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** Runs of consecutive months that have a value, as lists of indexes. */
function runs<T>(items: readonly (T | null)[]): number[][] {
  const out: number[][] = [];
  let current: number[] = [];
  items.forEach((item, i) => {
    if (item) current.push(i);
    else if (current.length) {
      out.push(current);
      current = [];
    }
  });
  if (current.length) out.push(current);
  return out;
}

export function PriceTrendChart({
  points,
  locale,
  title,
  description,
  labels,
}: {
  points: readonly TrendPoint[];
  locale: Locale;
  title: string;
  description: string;
  labels: { unit: string; referenceMedian: string; referenceRange: string; contractMedian: string; pointTitle: (p: TrendPoint) => string };
}) {
  const id = useId();
  const values = points.flatMap((p) => [...(p.reference ? [p.reference.min, p.reference.max] : []), ...(p.contract ? [p.contract.median] : [])]);
  const ticks = priceTicks(values);
  const lo = ticks[0]!;
  const hi = ticks.at(-1)!;
  const y = (v: number) => r1(MARGIN.top + PLOT_H - ((v - lo) / (hi - lo)) * PLOT_H);
  const slot = PLOT_W / Math.max(points.length, 1);
  const x = (i: number) => r1(MARGIN.left + slot * (i + 0.5));
  // Six month names fit the axis at a legible size; a longer period names every other month (the table
  // names them all), counted from January so that the year's first month always carries its year.
  const labelEvery = Math.ceil(points.length / 6);
  const january = points.findIndex((p, i) => i > 0 && p.sublabel);
  const phase = january > 0 ? january % labelEvery : 0;
  const half = Math.min(slot * 0.3, 8);
  const referenceRuns = runs(points.map((p) => p.reference));

  return (
    <figure className="flex flex-col gap-2">
      <svg
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full max-w-xl bg-white"
        fontFamily="inherit"
        fontSize={AXIS_FONT_SIZE}
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        <text x={4} y={14} fill="#374151" fontSize={SMALL_FONT_SIZE}>
          {labels.unit}
        </text>
        <g data-part="y-axis">
          {ticks.map((t) => (
            <g key={t}>
              <line x1={MARGIN.left} x2={CHART_WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} stroke="#d1d5db" strokeWidth={0.5} />
              <text x={MARGIN.left - 4} y={y(t) + 4.5} textAnchor="end" fill="#374151">
                {formatNumber(t, locale)}
              </text>
            </g>
          ))}
        </g>
        <g data-part="x-axis">
          <line x1={MARGIN.left} x2={CHART_WIDTH - MARGIN.right} y1={MARGIN.top + PLOT_H} y2={MARGIN.top + PLOT_H} stroke="#6b7280" />
          {points.map((p, i) =>
            (i - phase) % labelEvery !== 0 ? null : (
              <text key={p.month} x={x(i)} y={MARGIN.top + PLOT_H + 16} textAnchor="middle" fill="#374151">
                {p.label}
                {p.sublabel ? (
                  <tspan x={x(i)} dy={15} fontSize={SMALL_FONT_SIZE}>
                    {p.sublabel}
                  </tspan>
                ) : null}
              </text>
            ),
          )}
        </g>
        <g data-series="reference-range" fill="#9cc991" fillOpacity={0.5} stroke="none">
          {referenceRuns.map((run) => {
            // A month on its own gets a narrow bar, so that its range still shows.
            const xs =
              run.length === 1
                ? [
                    { i: run[0]!, at: r1(x(run[0]!) - half) },
                    { i: run[0]!, at: r1(x(run[0]!) + half) },
                  ]
                : run.map((i) => ({ i, at: x(i) }));
            const top = xs.map(({ i, at }) => `${at},${y(points[i]!.reference!.max)}`);
            const bottom = [...xs].reverse().map(({ i, at }) => `${at},${y(points[i]!.reference!.min)}`);
            return <polygon key={run[0]} points={[...top, ...bottom].join(" ")} />;
          })}
        </g>
        <g data-series="reference-median" fill="none" stroke="#285420" strokeWidth={2}>
          {referenceRuns
            .filter((run) => run.length > 1)
            .map((run) => (
              <path key={run[0]} d={run.map((i, k) => `${k === 0 ? "M" : "L"}${x(i)} ${y(points[i]!.reference!.median)}`).join(" ")} />
            ))}
        </g>
        <g data-series="reference-points" fill="#285420">
          {points.map((p, i) =>
            p.reference ? (
              <circle key={p.month} data-kind="reference" data-month={p.month} cx={x(i)} cy={y(p.reference.median)} r={3.5}>
                <title>{labels.pointTitle(p)}</title>
              </circle>
            ) : null,
          )}
        </g>
        <g data-series="contract-points" fill="#b7791f" stroke="#3b2b16" strokeWidth={1}>
          {points.map((p, i) => {
            if (!p.contract) return null;
            const cx = x(i);
            const cy = y(p.contract.median);
            return (
              <path
                key={p.month}
                data-kind="contract"
                data-month={p.month}
                d={`M${cx} ${r1(cy - 5.5)} L${r1(cx + 5.5)} ${cy} L${cx} ${r1(cy + 5.5)} L${r1(cx - 5.5)} ${cy} Z`}
              >
                <title>{labels.pointTitle(p)}</title>
              </path>
            );
          })}
        </g>
      </svg>
      <figcaption>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <li className="flex items-center gap-1">
            <svg viewBox="0 0 20 10" width="20" height="10" aria-hidden="true">
              <line x1="0" x2="20" y1="5" y2="5" stroke="#285420" strokeWidth="2" />
              <circle cx="10" cy="5" r="3" fill="#285420" />
            </svg>
            {labels.referenceMedian}
          </li>
          <li className="flex items-center gap-1">
            <svg viewBox="0 0 20 10" width="20" height="10" aria-hidden="true">
              <rect x="0" y="0" width="20" height="10" fill="#9cc991" fillOpacity="0.5" />
            </svg>
            {labels.referenceRange}
          </li>
          <li className="flex items-center gap-1">
            <svg viewBox="0 0 12 12" width="12" height="12" aria-hidden="true">
              <path d="M6 0.5 L11.5 6 L6 11.5 L0.5 6 Z" fill="#b7791f" stroke="#3b2b16" />
            </svg>
            {labels.contractMedian}
          </li>
        </ul>
      </figcaption>
    </figure>
  );
}
