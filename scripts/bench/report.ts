// Turns the runs into what people read: medians per page, as a Markdown table
// that can be pasted into docs/performance.md together with the conditions it
// was measured under (date, database and its size, load settings, commit).
// Medians rather than means: one run disturbed by a background job or by
// another process on the two cores should not move the figure.
import type { PageCheck, RunSample } from "./measure";

export interface PageResult {
  name: string;
  role: string;
  path: string | null;
  /** why the page was not measured, if it was not */
  skipped: string | null;
  check: PageCheck | null;
  runs: { page: RunSample; baseline: RunSample }[];
  /** bytes a first visit downloads: the page and what it links (./first-load) */
  firstLoadBytes: number | null;
  /** server RSS (process tree) right after the page's runs */
  rssAfter: number | null;
}

export interface BenchMeta {
  date: Date;
  database: string;
  databaseBytes: number;
  counts: Record<string, number | null>;
  connections: number;
  duration: number;
  runs: number;
  warmup: number;
  acceptLanguage: string;
  acceptEncoding: string | null;
  baselineBytes: number;
  node: string;
  cpu: string;
  commit: string;
  build: string;
  peakRss: number | null;
  notes: string[];
}

export function median(values: number[]): number | null {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface PageSummary {
  requestsPerSecond: number | null;
  baselineRequestsPerSecond: number | null;
  /** median of the per-run ratios page req/s ÷ baseline req/s of the same pair */
  ratio: number | null;
  cpuMsPerRequest: number | null;
  baselineCpuMsPerRequest: number | null;
  p50Ms: number | null;
  p99Ms: number | null;
  /** summed over all runs */
  errors: number;
  timeouts: number;
}

export function summarise(result: PageResult): PageSummary {
  const runs = result.runs;
  const nums = (pick: (s: RunSample) => number | null, side: "page" | "baseline") => runs.map((r) => pick(r[side])).filter((v): v is number => v !== null);
  return {
    requestsPerSecond: median(nums((s) => s.requestsPerSecond, "page")),
    baselineRequestsPerSecond: median(nums((s) => s.requestsPerSecond, "baseline")),
    ratio: median(runs.filter((r) => r.baseline.requestsPerSecond > 0).map((r) => r.page.requestsPerSecond / r.baseline.requestsPerSecond)),
    cpuMsPerRequest: median(nums((s) => s.cpuMsPerRequest, "page")),
    baselineCpuMsPerRequest: median(nums((s) => s.cpuMsPerRequest, "baseline")),
    p50Ms: median(nums((s) => s.p50Ms, "page")),
    p99Ms: median(nums((s) => s.p99Ms, "page")),
    errors: runs.reduce((sum, r) => sum + r.page.errors, 0),
    timeouts: runs.reduce((sum, r) => sum + r.page.timeouts, 0),
  };
}

const dash = "–";
const fixed = (v: number | null, digits: number) => (v === null ? dash : v.toFixed(digits));
const whole = (v: number | null) => (v === null ? dash : Math.round(v).toLocaleString("en-US"));
const kb = (bytes: number) => (bytes / 1024).toFixed(1);
export const mb = (bytes: number | null) => (bytes === null ? dash : (bytes / 1024 / 1024).toFixed(0));

function status(check: PageCheck | null): string {
  if (!check) return dash;
  if (check.error) return check.error.includes("within") ? "timeout" : "no answer";
  if (check.location) return `${check.status} → ${check.location.split("?")[0]}`;
  return String(check.status);
}

export function markdown(meta: BenchMeta, results: PageResult[]): string {
  const lines: string[] = [];
  const date = meta.date.toISOString().slice(0, 16).replace("T", " ");
  lines.push(`### ${date} UTC · \`${meta.database}\``, "");
  const counts = Object.entries(meta.counts)
    .map(([table, n]) => `${table} ${n === null ? "(missing)" : n.toLocaleString("en-US")}`)
    .join(" · ");
  lines.push(`Database \`${meta.database}\` (${mb(meta.databaseBytes)} MB): ${counts}.`, "");
  lines.push(
    `autocannon ${meta.connections} connections, ${meta.duration} s per run, ${meta.runs} run${meta.runs === 1 ? "" : "s"} per page (medians), ` +
      `${meta.warmup} s warm-up; \`Accept-Language: ${meta.acceptLanguage}\`` +
      (meta.acceptEncoding ? `, \`Accept-Encoding: ${meta.acceptEncoding}\`` : ", no `Accept-Encoding`") +
      `. Baseline: bare \`node:http\`, ${kb(meta.baselineBytes)} KB of HTML, in its own process, run alternately with each page. ` +
      `${meta.node}, ${meta.cpu}; commit ${meta.commit}; build ${meta.build}.`,
    "",
  );
  lines.push(
    "| page | role | status | req/s | baseline req/s | ratio | CPU ms/req | baseline CPU ms/req | p50 ms | p99 ms | errors | HTML KB | gzip KB | first load KB | RSS MB |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  );
  for (const r of results) {
    if (r.skipped) {
      lines.push(`| ${r.name} | ${r.role} | not measured: ${r.skipped} | | | | | | | | | | | | |`);
      continue;
    }
    const s = summarise(r);
    const html = r.check && !r.check.error ? kb(r.check.bytes) : dash;
    const gzip = r.check && !r.check.error ? kb(r.check.gzipBytes) : dash;
    const errors = s.timeouts ? `${s.errors} (${s.timeouts} timeouts)` : String(s.errors);
    lines.push(
      `| ${r.name} | ${r.role} | ${status(r.check)} | ${whole(s.requestsPerSecond)} | ${whole(s.baselineRequestsPerSecond)} | ` +
        `${fixed(s.ratio, 3)} | ${fixed(s.cpuMsPerRequest, 2)} | ${fixed(s.baselineCpuMsPerRequest, 3)} | ` +
        `${fixed(s.p50Ms, 1)} | ${fixed(s.p99Ms, 1)} | ${errors} | ${html} | ${gzip} | ${r.firstLoadBytes === null ? dash : kb(r.firstLoadBytes)} | ${mb(r.rssAfter)} |`,
    );
  }
  lines.push("");
  lines.push(
    `Server peak RSS (VmHWM) at the end: ${mb(meta.peakRss)} MB. Errors are non-2xx answers, socket errors and timeouts (no answer within 30 s), summed over all runs. First load: the page as sent plus every stylesheet, script and font it links, as sent for the same Accept-Encoding (a first visit, cache empty).`,
    "",
  );
  const measured = results.filter((r) => r.path);
  if (measured.length) {
    lines.push("Paths:", "");
    for (const r of measured) lines.push(`- ${r.name}: \`${r.path}\``);
    lines.push("");
  }
  if (meta.notes.length) {
    lines.push("Notes:", "");
    for (const note of meta.notes) lines.push(`- ${note}`);
    lines.push("");
  }
  return lines.join("\n");
}

export function json(meta: BenchMeta, results: PageResult[]) {
  return JSON.stringify(
    {
      ...meta,
      date: meta.date.toISOString(),
      pages: results.map((r) => ({ ...r, check: r.check && { ...r.check, html: undefined }, summary: r.skipped ? null : summarise(r) })),
    },
    null,
    2,
  );
}
