// The programme report as the pages show it (see ./aggregate for what each
// figure means), in two layers.
//
// 1. From data kept with the records (programmeReportFromSummaries), never
//    from every record of the period:
//    - volumes from ReportMonthly (per month, district and crop, kept by the
//      database with every contract and delivery) for the whole months of the
//      period, summed by the database, and from the records themselves for a
//      month the period only cuts into (at most its first and last);
//    - FOs and households reached from ReportReach (./reach.server): one row
//      per FO or household, district and day reached, read in index order;
//    - on-time payment from each contract's ledger dates (dueFrom, lateFrom,
//      kept with every delivery and payment: ~/domain/payments/overdue), read
//      from one index of Contract.
//    Each reads what the period holds, not the history before it.
// 2. The finished report kept in memory (programmeReport), by scope, period
//    and the day payment is judged on, and used while DataVersion
//    "programmeReport" stands: the database bumps it in the transaction of
//    every write that could change a figure (the triggers of the ReportReach
//    migration), so a report kept is never older than the data
//    (~/utils/kept.server).
//
// Facilitators see their own districts, administrators the whole programme;
// the district condition is in every query. A test compares every figure with
// the full recount of ./reports-recount.server, and the kept report after
// writes of every kind.
import type { Db } from "~/utils/db.server";
import { keptValues } from "~/utils/kept.server";
import { placeholders, reads, sqlDate } from "~/utils/reads.server";
import type { SessionUser } from "~/utils/request-state.server";
import { overdueCutoff } from "~/domain/payments/overdue";
import {
  ratePermille,
  REPORT_CONTRACT_STATUSES,
  type CropFact,
  type DistrictFact,
  type OnTimeRow,
  type ProgrammeReport,
  type Table,
  type VolumeRow,
} from "./aggregate";
import { monthsOfRange, rangeInstants, type ReportRange } from "./period";
import { reachFigures } from "./reach.server";

/** null: every district (an administrator). */
export type ReportScope = { districtIds: string[] | null };

/** Administrators report on everything; facilitators on their districts; anyone else on nothing (null). */
export async function reportScopeFor(user: Pick<SessionUser, "id" | "roles">): Promise<ReportScope | null> {
  if (user.roles.includes("admin")) return { districtIds: null };
  if (!user.roles.includes("facilitator")) return null;
  const rows = await reads().all<{ districtId: string }>("SELECT districtId FROM FacilitatorDistrict WHERE userId = ?", user.id);
  return { districtIds: rows.map((r) => r.districtId) };
}

/** The names of a facilitator's districts, for the page's heading (null: the whole programme). */
export async function scopeDistrictNames(scope: ReportScope): Promise<{ nameLo: string; nameEn: string }[] | null> {
  if (!scope.districtIds) return null;
  if (scope.districtIds.length === 0) return [];
  return reads().all<{ nameLo: string; nameEn: string }>(
    `SELECT nameLo, nameEn FROM District WHERE id IN (${placeholders(scope.districtIds.length)}) ORDER BY nameEn ASC`,
    ...scope.districtIds,
  );
}

const IN_FORCE = `c.status IN (${REPORT_CONTRACT_STATUSES.map((s) => `'${s}'`).join(", ")})`;

type Sums = { contracts: bigint; contractedKg: bigint; contractedLak: bigint; deliveries: bigint; deliveredKg: bigint; deliveredLak: bigint };
/** Volumes of a month, a district and crop, or both: whatever a query grouped by. */
type Part = Sums & { month?: string; districtId?: string; cropId?: string };

const SUMS = `sum(r.contracts) AS contracts, sum(r.contractedKg) AS contractedKg, sum(r.contractedLak) AS contractedLak,
  sum(r.deliveries) AS deliveries, sum(r.deliveredKg) AS deliveredKg, sum(r.deliveredLak) AS deliveredLak`;

/** The months of the range, each either whole or cut (with the instants of its part inside the range). */
function splitMonths(range: ReportRange) {
  return monthsOfRange(range).map((month) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const first = `${month}-01`;
    const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
    const from = range.from > first ? range.from : first;
    const to = range.to < last ? range.to : last;
    return { month, whole: from === first && to === last, ...rangeInstants({ from, to }) };
  });
}

/**
 * The period's volumes: the whole months (contiguous: only the first and last
 * month can be cut) summed by district and crop and by month from
 * ReportMonthly; each cut month by district and crop from its records.
 */
async function volumes(districtIds: readonly string[], range: ReportRange): Promise<{ byPlace: Part[]; byMonth: Part[] }> {
  if (districtIds.length === 0) return { byPlace: [], byMonth: [] };
  const months = splitMonths(range);
  const whole = months.filter((m) => m.whole).map((m) => m.month);
  const inScope = `IN (${placeholders(districtIds.length)})`;
  const wholeWhere = `FROM ReportMonthly r WHERE r.month >= ? AND r.month <= ? AND r.districtId ${inScope}`;
  const [byPlace, byMonth, ...cuts] = await Promise.all([
    whole.length
      ? reads().allExact<Part>(
          `SELECT r.districtId, r.cropId, ${SUMS} ${wholeWhere} GROUP BY r.districtId, r.cropId HAVING sum(r.contracts) <> 0 OR sum(r.deliveries) <> 0`,
          whole[0]!,
          whole.at(-1)!,
          ...districtIds,
        )
      : [],
    whole.length ? reads().allExact<Part>(`SELECT r.month, ${SUMS} ${wholeWhere} GROUP BY r.month`, whole[0]!, whole.at(-1)!, ...districtIds) : [],
    ...months.filter((m) => !m.whole).map((cut) => cutMonth(cut.month, cut.start, cut.end, districtIds)),
  ]);
  return { byPlace: [...byPlace, ...cuts.flat()], byMonth: [...byMonth, ...cuts.flat()] };
}

/** One month's part inside the period, from its contracts and deliveries. */
async function cutMonth(month: string, start: Date, end: Date, districtIds: readonly string[]): Promise<Part[]> {
  const window = [sqlDate(start), sqlDate(end), ...districtIds];
  const inScope = `c.districtId IN (${placeholders(districtIds.length)})`;
  const [contracted, delivered] = await Promise.all([
    reads().allExact<{ districtId: string; cropId: string; contracts: bigint; kg: bigint; lak: bigint }>(
      `SELECT c.districtId, c.cropId, count(*) AS contracts, sum(c.quantityKg) AS kg, sum(CASE WHEN c.currency = 'LAK' THEN c.valueLak ELSE 0 END) AS lak FROM Contract c
       WHERE ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ? AND ${inScope} GROUP BY c.districtId, c.cropId`,
      ...window,
    ),
    reads().allExact<{ districtId: string; cropId: string; deliveries: bigint; kg: bigint; lak: bigint }>(
      `SELECT c.districtId, c.cropId, count(*) AS deliveries, sum(d.netKg) AS kg, sum(CASE WHEN c.currency = 'LAK' THEN d.amountDueLak ELSE 0 END) AS lak FROM Delivery d JOIN Contract c ON c.id = d.contractId
       WHERE d.status = 'confirmed' AND d.deliveredOn >= ? AND d.deliveredOn <= ? AND ${inScope} GROUP BY c.districtId, c.cropId`,
      ...window,
    ),
  ]);
  const byKey = new Map<string, Part>();
  const at = (districtId: string, cropId: string) => {
    const key = `${districtId}|${cropId}`;
    let part = byKey.get(key);
    if (!part)
      byKey.set(
        key,
        (part = { month, districtId, cropId, contracts: 0n, contractedKg: 0n, contractedLak: 0n, deliveries: 0n, deliveredKg: 0n, deliveredLak: 0n }),
      );
    return part;
  };
  for (const r of contracted) Object.assign(at(r.districtId, r.cropId), { contracts: r.contracts, contractedKg: r.kg, contractedLak: r.lak });
  for (const r of delivered) Object.assign(at(r.districtId, r.cropId), { deliveries: r.deliveries, deliveredKg: r.kg, deliveredLak: r.lak });
  return [...byKey.values()];
}

const emptyVolume = (key: string): VolumeRow => ({ key, contracts: 0, contractedKg: 0, contractedLak: 0n, deliveries: 0, deliveredKg: 0, deliveredLak: 0n });

function volumeTable(parts: readonly Part[], keyOf: (p: Part) => string, keys: readonly string[] = []): Table<VolumeRow> {
  const rows = new Map<string, VolumeRow>(keys.map((k) => [k, emptyVolume(k)]));
  const total = emptyVolume("total");
  for (const p of parts) {
    const key = keyOf(p);
    const row = rows.get(key) ?? rows.set(key, emptyVolume(key)).get(key)!;
    for (const r of [row, total]) {
      r.contracts += Number(p.contracts);
      r.contractedKg += Number(p.contractedKg);
      r.contractedLak += p.contractedLak;
      r.deliveries += Number(p.deliveries);
      r.deliveredKg += Number(p.deliveredKg);
      r.deliveredLak += p.deliveredLak;
    }
  }
  return { rows: [...rows.values()], total };
}

/** On Contract_report_idx (district, status, activatedAt, dueFrom, lateFrom): the table is not read. */
async function onTime(districtIds: readonly string[], start: Date, end: Date, asOf: Date): Promise<Table<OnTimeRow>> {
  const cutoff = sqlDate(overdueCutoff(asOf));
  const rows = districtIds.length
    ? await reads().all<{ districtId: string; contracts: number; due: number; late: number }>(
        `SELECT c.districtId, count(*) AS contracts,
           sum(CASE WHEN c.dueFrom < ? THEN 1 ELSE 0 END) AS due,
           sum(CASE WHEN c.dueFrom < ? AND c.lateFrom < ? THEN 1 ELSE 0 END) AS late
         FROM Contract c WHERE c.districtId IN (${placeholders(districtIds.length)}) AND ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ? GROUP BY c.districtId`,
        cutoff,
        cutoff,
        cutoff,
        ...districtIds,
        sqlDate(start),
        sqlDate(end),
      )
    : [];
  const of = (key: string, r?: { contracts: number; due: number; late: number }): OnTimeRow => {
    const due = r?.due ?? 0;
    const late = r?.late ?? 0;
    return { key, contracts: r?.contracts ?? 0, due, onTime: due - late, late, ratePermille: ratePermille(due - late, due) };
  };
  const found = new Map(rows.map((r) => [r.districtId, r]));
  const sum = rows.reduce((a, r) => ({ contracts: a.contracts + r.contracts, due: a.due + r.due, late: a.late + r.late }), { contracts: 0, due: 0, late: 0 });
  return { rows: districtIds.map((k) => of(k, found.get(k))), total: of("total", sum) };
}

/** The day payment is judged on: the period's last day, or today if that is earlier. */
const asOfFor = (range: ReportRange, now: Date) => {
  const { end } = rangeInstants(range);
  return end.getTime() < now.getTime() ? end : now;
};

/** Layer 1: the report from the summaries kept with the records. */
export async function programmeReportFromSummaries(_db: Db, scope: ReportScope, range: ReportRange, now = new Date()): Promise<ProgrammeReport> {
  const { start, end } = rangeInstants(range);
  const asOf = asOfFor(range, now);
  const ids = scope.districtIds;
  const [districtRows, cropRows] = await Promise.all([
    ids && ids.length === 0
      ? []
      : reads().all<{ id: string; nameLo: string; nameEn: string; provinceLo: string; provinceEn: string }>(
          `SELECT d.id, d.nameLo, d.nameEn, p.nameLo AS provinceLo, p.nameEn AS provinceEn FROM District d JOIN Province p ON p.id = d.provinceId
           ${ids ? `WHERE d.id IN (${placeholders(ids.length)})` : ""} ORDER BY p.nameEn ASC, d.nameEn ASC`,
          ...(ids ?? []),
        ),
    reads().all<{ id: string; code: string; nameLo: string; nameEn: string }>("SELECT id, code, nameLo, nameEn FROM Crop"),
  ]);
  const districts: DistrictFact[] = districtRows.map((d) => ({
    id: d.id,
    name: { lo: d.nameLo, en: d.nameEn },
    province: { lo: d.provinceLo, en: d.provinceEn },
  }));
  // Every query below is limited to these districts: the scope's, or all of the programme's.
  const districtIds = districts.map((d) => d.id);
  const [volume, reached, onTimeTable] = await Promise.all([
    volumes(districtIds, range),
    reachFigures(districtIds, range, end),
    onTime(districtIds, start, end, asOf),
  ]);

  const cropById = new Map(cropRows.map((c) => [c.id, c]));
  const codeOf = (p: Part) => cropById.get(p.cropId!)?.code ?? p.cropId!;
  const crops: CropFact[] = [...new Set(volume.byPlace.map((p) => p.cropId!))].map((id) => {
    const crop = cropById.get(id);
    return { code: crop?.code ?? id, name: { lo: crop?.nameLo ?? id, en: crop?.nameEn ?? id } };
  });
  const byCrop = volumeTable(volume.byPlace, codeOf);
  byCrop.rows.sort((a, b) => cmpBig(b.contractedLak, a.contractedLak) || cmpBig(b.deliveredLak, a.deliveredLak) || a.key.localeCompare(b.key));
  return {
    range,
    asOf,
    districts,
    crops,
    byDistrict: volumeTable(volume.byPlace, (p) => p.districtId!, districtIds),
    byCrop,
    byMonth: volumeTable(volume.byMonth, (p) => p.month!, monthsOfRange(range)),
    reach: reached.reach,
    sexYouth: reached.sexYouth,
    onTime: onTimeTable,
  };
}

/** Layer 2: finished reports, without the as-of instant, kept while DataVersion "programmeReport" stands (~/utils/kept.server). */
const keptReports = keptValues<Omit<ProgrammeReport, "asOf">>("programmeReport", 32);

/** The report as the pages show it: the one kept for this scope, period and as-of day while the data has not changed, else layer 1. */
export async function programmeReport(db: Db, scope: ReportScope, range: ReportRange, now = new Date()): Promise<ProgrammeReport> {
  const asOf = asOfFor(range, now);
  const key = JSON.stringify([scope.districtIds ? [...scope.districtIds].sort() : null, range.from, range.to, overdueCutoff(asOf).toISOString()]);
  const report = await keptReports.get(key, async () => {
    const { asOf: _asOf, ...rest } = await programmeReportFromSummaries(db, scope, range, now);
    return rest;
  });
  return { ...report, asOf };
}

function cmpBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
