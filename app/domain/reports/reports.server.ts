// The programme report as the pages show it (see ./aggregate for what each
// figure means), from data kept with the records instead of from every record
// of the period:
// - volumes from ReportMonthly (per month, district and crop, kept by the
//   database with every contract and delivery) for the whole months of the
//   period, and from the records themselves for a month the period only cuts
//   into (at most its first and last);
// - FOs and households reached counted distinct by the database, from the
//   contracts of the period and their listings' pledges;
// - on-time payment from each contract's ledger dates (dueFrom, lateFrom, kept
//   with every delivery and payment: ~/domain/contracts/overdue).
// Facilitators see their own districts, administrators the whole programme;
// the district condition is in every query. A test compares every figure with
// the full recount of ./reports-recount.server.
import { YOUTH_AGE_LIMIT } from "~/domain/members/youth";
import { yearInLaos } from "~/domain/members/member-schema";
import { endOfLaoDay, startOfLaoDay } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { getFacilitatorScope } from "~/utils/permissions.server";
import { placeholders, reads, sqlDate, type SqlValue } from "~/utils/reads.server";
import type { SessionUser } from "~/utils/request-state.server";
import { overdueCutoff } from "~/domain/contracts/overdue";
import {
  ratePermille,
  REPORT_CONTRACT_STATUSES,
  sexYouthGroups,
  type CropFact,
  type DistrictFact,
  type OnTimeRow,
  type ProgrammeReport,
  type ReachRow,
  type SexYouthRow,
  type Table,
  type VolumeRow,
} from "./aggregate";
import { monthsOfRange, rangeInstants, type ReportRange } from "./period";

/** null: every district (an administrator). */
export type ReportScope = { districtIds: string[] | null };

/** Administrators report on everything; facilitators on their districts; anyone else on nothing (null). */
export async function reportScopeFor(user: Pick<SessionUser, "id" | "roles">): Promise<ReportScope | null> {
  if (user.roles.includes("admin")) return { districtIds: null };
  if (user.roles.includes("facilitator")) return { districtIds: (await getFacilitatorScope(user.id)).districtIds };
  return null;
}

const IN_FORCE = `c.status IN (${REPORT_CONTRACT_STATUSES.map((s) => `'${s}'`).join(", ")})`;

type Big = bigint;
type Cell = { month: string; districtId: string; cropId: string; contracts: Big; contractedKg: Big; contractedLak: Big; deliveries: Big; deliveredKg: Big; deliveredLak: Big };

function scopeSql(scope: ReportScope, column: string): { sql: string; params: SqlValue[] } {
  if (!scope.districtIds) return { sql: "", params: [] };
  if (scope.districtIds.length === 0) return { sql: " AND 1 = 0", params: [] };
  return { sql: ` AND ${column} IN (${placeholders(scope.districtIds.length)})`, params: scope.districtIds };
}

/** The months of the range, each either whole or cut (with the instants of its part inside the range). */
function splitMonths(range: ReportRange) {
  return monthsOfRange(range).map((month) => {
    const [y, m] = month.split("-").map(Number) as [number, number];
    const first = `${month}-01`;
    const last = `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0")}`;
    const from = range.from > first ? range.from : first;
    const to = range.to < last ? range.to : last;
    return { month, whole: from === first && to === last, start: startOfLaoDay(from)!, end: endOfLaoDay(to)! };
  });
}

async function volumeCells(scope: ReportScope, range: ReportRange): Promise<Cell[]> {
  const months = splitMonths(range);
  const whole = months.filter((m) => m.whole).map((m) => m.month);
  const cells: Cell[] = [];
  if (whole.length) {
    const s = scopeSql(scope, "r.districtId");
    cells.push(
      ...(await reads().allExact<Cell>(
        `SELECT r.month, r.districtId, r.cropId, r.contracts, r.contractedKg, r.contractedLak, r.deliveries, r.deliveredKg, r.deliveredLak
         FROM ReportMonthly r WHERE r.month >= ? AND r.month <= ?${s.sql} AND (r.contracts <> 0 OR r.deliveries <> 0)`,
        whole[0]!,
        whole.at(-1)!,
        ...s.params,
      )).filter((c) => whole.includes(c.month)),
    );
  }
  for (const cut of months.filter((m) => !m.whole)) {
    const s = scopeSql(scope, "c.districtId");
    const [contracted, delivered] = await Promise.all([
      reads().allExact<{ districtId: string; cropId: string; contracts: Big; kg: Big; lak: Big }>(
        `SELECT c.districtId, c.cropId, count(*) AS contracts, sum(c.quantityKg) AS kg, sum(c.valueLak) AS lak FROM Contract c
         WHERE ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ?${s.sql} GROUP BY c.districtId, c.cropId`,
        sqlDate(cut.start),
        sqlDate(cut.end),
        ...s.params,
      ),
      reads().allExact<{ districtId: string; cropId: string; deliveries: Big; kg: Big; lak: Big }>(
        `SELECT c.districtId, c.cropId, count(*) AS deliveries, sum(d.netKg) AS kg, sum(d.amountDueLak) AS lak FROM Delivery d JOIN Contract c ON c.id = d.contractId
         WHERE d.status = 'confirmed' AND d.deliveredOn >= ? AND d.deliveredOn <= ?${s.sql} GROUP BY c.districtId, c.cropId`,
        sqlDate(cut.start),
        sqlDate(cut.end),
        ...s.params,
      ),
    ]);
    const zero = { contracts: 0n, contractedKg: 0n, contractedLak: 0n, deliveries: 0n, deliveredKg: 0n, deliveredLak: 0n };
    const byKey = new Map<string, Cell>();
    const at = (districtId: string, cropId: string) => byKey.get(`${districtId}|${cropId}`) ?? byKey.set(`${districtId}|${cropId}`, { month: cut.month, districtId, cropId, ...zero }).get(`${districtId}|${cropId}`)!;
    for (const r of contracted) Object.assign(at(r.districtId, r.cropId), { contracts: r.contracts, contractedKg: r.kg, contractedLak: r.lak });
    for (const r of delivered) Object.assign(at(r.districtId, r.cropId), { deliveries: r.deliveries, deliveredKg: r.kg, deliveredLak: r.lak });
    cells.push(...byKey.values());
  }
  return cells;
}

const emptyVolume = (key: string): VolumeRow => ({ key, contracts: 0, contractedKg: 0, contractedLak: 0n, deliveries: 0, deliveredKg: 0, deliveredLak: 0n });

function volumeTable(cells: readonly Cell[], keyOf: (c: Cell) => string, keys: readonly string[] = []): Table<VolumeRow> {
  const rows = new Map<string, VolumeRow>(keys.map((k) => [k, emptyVolume(k)]));
  const total = emptyVolume("total");
  for (const c of cells) {
    const key = keyOf(c);
    const row = rows.get(key) ?? rows.set(key, emptyVolume(key)).get(key)!;
    for (const r of [row, total]) {
      r.contracts += Number(c.contracts);
      r.contractedKg += Number(c.contractedKg);
      r.contractedLak += c.contractedLak;
      r.deliveries += Number(c.deliveries);
      r.deliveredKg += Number(c.deliveredKg);
      r.deliveredLak += c.deliveredLak;
    }
  }
  return { rows: [...rows.values()], total };
}

type ReachSums = {
  households: number;
  women: number;
  men: number;
  youth: number;
  womenYouth: number;
  menYouth: number;
  femaleHeaded: number;
  maleHeaded: number;
  headFemaleYouth: number;
  headMaleYouth: number;
};

const REACH_SUMS = `count(*) AS households,
  sum(CASE WHEN x.memberSex = 'female' THEN 1 ELSE 0 END) AS women,
  sum(CASE WHEN x.memberSex = 'male' THEN 1 ELSE 0 END) AS men,
  sum(CASE WHEN x.birthYear > ? THEN 1 ELSE 0 END) AS youth,
  sum(CASE WHEN x.birthYear > ? AND x.memberSex = 'female' THEN 1 ELSE 0 END) AS womenYouth,
  sum(CASE WHEN x.birthYear > ? AND x.memberSex = 'male' THEN 1 ELSE 0 END) AS menYouth,
  sum(CASE WHEN x.householdHeadSex = 'female' THEN 1 ELSE 0 END) AS femaleHeaded,
  sum(CASE WHEN x.householdHeadSex = 'male' THEN 1 ELSE 0 END) AS maleHeaded,
  sum(CASE WHEN x.birthYear > ? AND x.householdHeadSex = 'female' THEN 1 ELSE 0 END) AS headFemaleYouth,
  sum(CASE WHEN x.birthYear > ? AND x.householdHeadSex = 'male' THEN 1 ELSE 0 END) AS headMaleYouth`;

async function reach(scope: ReportScope, start: Date, end: Date, districtIds: readonly string[]) {
  const s = scopeSql(scope, "c.districtId");
  const window = [sqlDate(start), sqlDate(end), ...s.params];
  const contractsIn = `FROM Contract c WHERE ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ?${s.sql}`;
  const membersOf = (columns: string) =>
    `SELECT DISTINCT ${columns} FROM Contract c JOIN Pledge p ON p.listingId = c.listingId JOIN Member m ON m.id = p.memberId
     WHERE ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ?${s.sql} AND p.kg > 0`;
  // isYouth: under YOUTH_AGE_LIMIT in the year (in Laos) of the period's last day.
  const bornAfter = yearInLaos(end) - YOUTH_AGE_LIMIT;
  const youthParams = [bornAfter, bornAfter, bornAfter, bornAfter, bornAfter];
  const [fosByDistrict, fosTotal, byDistrict, total] = await Promise.all([
    reads().all<{ districtId: string; n: number }>(`SELECT c.districtId, count(DISTINCT c.organisationId) AS n ${contractsIn} GROUP BY c.districtId`, ...window),
    reads().get<{ n: number }>(`SELECT count(DISTINCT c.organisationId) AS n ${contractsIn}`, ...window),
    reads().all<ReachSums & { districtId: string }>(
      `SELECT x.districtId, ${REACH_SUMS} FROM (${membersOf("c.districtId, m.id, m.memberSex, m.householdHeadSex, m.birthYear")}) x GROUP BY x.districtId`,
      ...youthParams,
      ...window,
    ),
    reads().get<ReachSums>(`SELECT ${REACH_SUMS} FROM (${membersOf("m.id, m.memberSex, m.householdHeadSex, m.birthYear")}) x`, ...youthParams, ...window),
  ]);
  const row = (key: string, organisations: number, sums: Partial<ReachSums> | undefined): ReachRow => ({
    key,
    organisations,
    households: sums?.households ?? 0,
    women: sums?.women ?? 0,
    men: sums?.men ?? 0,
    youth: sums?.youth ?? 0,
    womenYouth: sums?.womenYouth ?? 0,
    menYouth: sums?.menYouth ?? 0,
    femaleHeaded: sums?.femaleHeaded ?? 0,
    maleHeaded: sums?.maleHeaded ?? 0,
  });
  const fos = new Map(fosByDistrict.map((r) => [r.districtId, r.n]));
  const members = new Map(byDistrict.map((r) => [r.districtId, r]));
  const keys = [...districtIds, ...[...new Set([...fos.keys(), ...members.keys()])].filter((k) => !districtIds.includes(k))];
  const t = total?.households ? total : undefined;
  const group = (key: SexYouthRow["key"], all: number, young: number): SexYouthRow => ({ key, youth: young, older: all - young, total: all });
  const sexYouth: SexYouthRow[] = [
    ...sexYouthGroups.map((g) =>
      g === "memberFemale"
        ? group(g, t?.women ?? 0, t?.womenYouth ?? 0)
        : g === "memberMale"
          ? group(g, t?.men ?? 0, t?.menYouth ?? 0)
          : g === "headFemale"
            ? group(g, t?.femaleHeaded ?? 0, t?.headFemaleYouth ?? 0)
            : group(g, t?.maleHeaded ?? 0, t?.headMaleYouth ?? 0),
    ),
    group("total", t?.households ?? 0, t?.youth ?? 0),
  ];
  return {
    reach: { rows: keys.map((k) => row(k, fos.get(k) ?? 0, members.get(k))), total: row("total", fosTotal?.n ?? 0, t) } as Table<ReachRow>,
    sexYouth,
  };
}

async function onTime(scope: ReportScope, start: Date, end: Date, asOf: Date, districtIds: readonly string[]): Promise<Table<OnTimeRow>> {
  const s = scopeSql(scope, "c.districtId");
  const cutoff = sqlDate(overdueCutoff(asOf));
  const rows = await reads().all<{ districtId: string; contracts: number; due: number; late: number }>(
    `SELECT c.districtId, count(*) AS contracts,
       sum(CASE WHEN c.dueFrom < ? THEN 1 ELSE 0 END) AS due,
       sum(CASE WHEN c.dueFrom < ? AND c.lateFrom < ? THEN 1 ELSE 0 END) AS late
     FROM Contract c WHERE ${IN_FORCE} AND c.activatedAt >= ? AND c.activatedAt <= ?${s.sql} GROUP BY c.districtId`,
    cutoff,
    cutoff,
    cutoff,
    sqlDate(start),
    sqlDate(end),
    ...s.params,
  );
  const of = (key: string, r?: { contracts: number; due: number; late: number }): OnTimeRow => {
    const due = r?.due ?? 0;
    const late = r?.late ?? 0;
    return { key, contracts: r?.contracts ?? 0, due, onTime: due - late, late, ratePermille: ratePermille(due - late, due) };
  };
  const found = new Map(rows.map((r) => [r.districtId, r]));
  const keys = [...districtIds, ...[...found.keys()].filter((k) => !districtIds.includes(k))];
  const sum = rows.reduce((a, r) => ({ contracts: a.contracts + r.contracts, due: a.due + r.due, late: a.late + r.late }), { contracts: 0, due: 0, late: 0 });
  return { rows: keys.map((k) => of(k, found.get(k))), total: of("total", sum) };
}

export async function programmeReport(_db: Db, scope: ReportScope, range: ReportRange, now = new Date()): Promise<ProgrammeReport> {
  const { start, end } = rangeInstants(range);
  const asOf = end.getTime() < now.getTime() ? end : now;
  const s = scopeSql(scope, "d.id");
  const [districtRows, cropRows, cells] = await Promise.all([
    reads().all<{ id: string; nameLo: string; nameEn: string; provinceLo: string; provinceEn: string }>(
      `SELECT d.id, d.nameLo, d.nameEn, p.nameLo AS provinceLo, p.nameEn AS provinceEn FROM District d JOIN Province p ON p.id = d.provinceId WHERE 1 = 1${s.sql} ORDER BY p.nameEn ASC, d.nameEn ASC`,
      ...s.params,
    ),
    reads().all<{ id: string; code: string; nameLo: string; nameEn: string }>("SELECT id, code, nameLo, nameEn FROM Crop"),
    volumeCells(scope, range),
  ]);
  const districts: DistrictFact[] = districtRows.map((d) => ({ id: d.id, name: { lo: d.nameLo, en: d.nameEn }, province: { lo: d.provinceLo, en: d.provinceEn } }));
  const districtIds = districts.map((d) => d.id);
  const cropById = new Map(cropRows.map((c) => [c.id, c]));
  const codeOf = (c: Cell) => cropById.get(c.cropId)?.code ?? c.cropId;
  const crops: CropFact[] = [...new Set(cells.map((c) => c.cropId))].map((id) => {
    const crop = cropById.get(id);
    return { code: crop?.code ?? id, name: { lo: crop?.nameLo ?? id, en: crop?.nameEn ?? id } };
  });
  const byCrop = volumeTable(cells, codeOf);
  byCrop.rows.sort((a, b) => cmpBig(b.contractedLak, a.contractedLak) || cmpBig(b.deliveredLak, a.deliveredLak) || a.key.localeCompare(b.key));
  const [{ reach: reachTable, sexYouth }, onTimeTable] = await Promise.all([reach(scope, start, end, districtIds), onTime(scope, start, end, asOf, districtIds)]);
  return {
    range,
    asOf,
    districts,
    crops,
    byDistrict: volumeTable(cells, (c) => c.districtId, districtIds),
    byCrop,
    byMonth: volumeTable(cells, (c) => c.month, monthsOfRange(range)),
    reach: reachTable,
    sexYouth,
    onTime: onTimeTable,
  };
}

function cmpBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}

