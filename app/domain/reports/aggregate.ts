// Programme reports: what the facilitators tell the programme about the market
// linkage in their districts over a period — volume and value contracted and
// delivered, the farmers' organisations and households reached (by sex and
// youth), and how often traders paid on time. Pure: the records come in as
// plain facts (./reports.server fetches them) and every number is derived here.
//
// WHAT EACH FIGURE MEANS
// - CONTRACTED: contracts that came into force (status active, completed or
//   disputed; not awaiting signatures, cancelled or replaced by an amendment)
//   whose activatedAt falls in the period. Volume is the contracted quantity
//   (snapshot terms.quantityKg), value the contract's valueLak (quantity ×
//   price, or × the floor). A contract counts in the month, district (its
//   listing's) and crop (its snapshot) it came into force with. An amendment
//   replaces the contract it amends, so only the version in force is counted.
// - DELIVERED: deliveries CONFIRMED by the other party whose delivery day falls
//   in the period, under any contract of the district: net kg after the
//   moisture deduction, and the amount due for them (before any input-credit
//   deduction: the value of the produce).
// - FOs REACHED: distinct organisations with a contracted contract (above).
// - HOUSEHOLDS REACHED: distinct members who pledged more than 0 kg to the
//   listing of a contracted contract. By sex of the registered member and of
//   the household head, and youth: under 35 in the year of the period's last
//   day (~/domain/members/youth). A total is counted distinct over the whole
//   scope, so it may be less than the sum of its district rows.
// - PAID ON TIME: of the contracted contracts, those with a payment already
//   due, the share whose due deliveries were all paid in full by their due
//   dates. A delivery is due when its due date (delivery day + the contract's
//   payment days, ~/domain/payments/payments paymentDueDate) is a day BEFORE
//   the "as of" day: the period's last day, or today if that is earlier (a
//   payment made on the due day is on time, so a delivery due today is not yet
//   judged). The money is matched to the deliveries exactly as on the
//   contract's statement (contractBalance: advance first, then confirmed
//   payments, oldest delivery first; contested deliveries left out). A
//   contract is paid on time when no part of a due delivery was paid late or
//   is still unpaid; a contract with no delivery due yet is "not yet due" and
//   left out of the rate.
import { calendarDaysBetween, contractBalance, type BalanceDelivery, type BalancePayment } from "~/domain/payments/payments";
import type { LocalText } from "~/domain/contracts/snapshot";
import { isYouth } from "~/domain/members/youth";
import { laoMonthKey, monthsOfRange, rangeInstants, type ReportRange } from "./period";

export const REPORT_CONTRACT_STATUSES = ["active", "completed", "disputed"] as const;

export interface MemberFact {
  id: string;
  memberSex: string;
  householdHeadSex: string;
  birthYear: number;
}

export interface CropFact {
  code: string;
  name: LocalText;
}

export interface DistrictFact {
  id: string;
  name: LocalText;
  province: LocalText;
}

export interface ContractFact {
  id: string;
  districtId: string;
  organisationId: string;
  crop: CropFact;
  quantityKg: number;
  valueLak: bigint;
  activatedAt: Date;
  /** the members who pledged more than 0 kg to the contract's listing */
  members: readonly MemberFact[];
  /** what the on-time rate needs: the contract's terms and its ledger */
  ledger: {
    paymentDays: number;
    advanceLak: bigint;
    deliveries: readonly BalanceDelivery[];
    payments: readonly BalancePayment[];
  };
}

export interface DeliveryFact {
  districtId: string;
  crop: CropFact;
  netKg: number;
  amountDueLak: bigint;
  deliveredOn: Date;
}

export interface ReportFacts {
  /** every district in the report's scope, in the order to show them */
  districts: readonly DistrictFact[];
  contracts: readonly ContractFact[];
  deliveries: readonly DeliveryFact[];
}

export interface VolumeRow {
  key: string;
  contracts: number;
  contractedKg: number;
  contractedLak: bigint;
  deliveries: number;
  deliveredKg: number;
  deliveredLak: bigint;
}

export interface ReachRow {
  key: string;
  organisations: number;
  households: number;
  women: number;
  men: number;
  youth: number;
  womenYouth: number;
  menYouth: number;
  femaleHeaded: number;
  maleHeaded: number;
}

export const sexYouthGroups = ["memberFemale", "memberMale", "headFemale", "headMale"] as const;
export type SexYouthGroup = (typeof sexYouthGroups)[number];

export interface SexYouthRow {
  key: SexYouthGroup | "total";
  youth: number;
  older: number;
  total: number;
}

export type OnTimeVerdict = "notDue" | "onTime" | "late";

export interface OnTimeRow {
  key: string;
  contracts: number;
  /** contracts with at least one delivery due */
  due: number;
  onTime: number;
  late: number;
  /** onTime / due in per mille, rounded half up; null when nothing is due */
  ratePermille: number | null;
}

export interface Table<R> {
  rows: R[];
  total: R;
}

export interface ProgrammeReport {
  range: ReportRange;
  /** the day on-time payment is judged on (ISO instant) */
  asOf: Date;
  districts: DistrictFact[];
  crops: CropFact[];
  byDistrict: Table<VolumeRow>;
  byCrop: Table<VolumeRow>;
  byMonth: Table<VolumeRow>;
  reach: Table<ReachRow>;
  sexYouth: SexYouthRow[];
  onTime: Table<OnTimeRow>;
}

const emptyVolume = (key: string): VolumeRow => ({ key, contracts: 0, contractedKg: 0, contractedLak: 0n, deliveries: 0, deliveredKg: 0, deliveredLak: 0n });

/**
 * Volume and value contracted and delivered, one row per key: the `keys`
 * given first (in that order, even when empty), then any other key met.
 */
export function volumeBy(
  contracts: readonly ContractFact[],
  deliveries: readonly DeliveryFact[],
  keyOfContract: (c: ContractFact) => string,
  keyOfDelivery: (d: DeliveryFact) => string,
  keys: readonly string[] = [],
): Table<VolumeRow> {
  const rows = new Map<string, VolumeRow>(keys.map((k) => [k, emptyVolume(k)]));
  const row = (key: string) => rows.get(key) ?? rows.set(key, emptyVolume(key)).get(key)!;
  const total = emptyVolume("total");
  for (const c of contracts) {
    for (const r of [row(keyOfContract(c)), total]) {
      r.contracts += 1;
      r.contractedKg += c.quantityKg;
      r.contractedLak += c.valueLak;
    }
  }
  for (const d of deliveries) {
    for (const r of [row(keyOfDelivery(d)), total]) {
      r.deliveries += 1;
      r.deliveredKg += d.netKg;
      r.deliveredLak += d.amountDueLak;
    }
  }
  return { rows: [...rows.values()], total };
}

function reachOf(key: string, organisationIds: ReadonlySet<string>, members: Iterable<MemberFact>, youthOn: Date): ReachRow {
  const row: ReachRow = {
    key,
    organisations: organisationIds.size,
    households: 0,
    women: 0,
    men: 0,
    youth: 0,
    womenYouth: 0,
    menYouth: 0,
    femaleHeaded: 0,
    maleHeaded: 0,
  };
  for (const m of members) {
    const young = isYouth(m.birthYear, youthOn);
    row.households += 1;
    if (m.memberSex === "female") row.women += 1;
    if (m.memberSex === "male") row.men += 1;
    if (young) row.youth += 1;
    if (young && m.memberSex === "female") row.womenYouth += 1;
    if (young && m.memberSex === "male") row.menYouth += 1;
    if (m.householdHeadSex === "female") row.femaleHeaded += 1;
    if (m.householdHeadSex === "male") row.maleHeaded += 1;
  }
  return row;
}

/** FOs and households reached, per district and in total (distinct). */
export function reachBy(contracts: readonly ContractFact[], districtIds: readonly string[], youthOn: Date): Table<ReachRow> {
  type Acc = { organisations: Set<string>; members: Map<string, MemberFact> };
  const acc = new Map<string, Acc>();
  const of = (key: string) => acc.get(key) ?? acc.set(key, { organisations: new Set(), members: new Map() }).get(key)!;
  for (const id of districtIds) of(id);
  const all = of("\u0000total");
  for (const c of contracts) {
    for (const a of [of(c.districtId), all]) {
      a.organisations.add(c.organisationId);
      for (const m of c.members) a.members.set(m.id, m);
    }
  }
  const rows = [...acc.entries()].filter(([key]) => key !== "\u0000total").map(([key, a]) => reachOf(key, a.organisations, a.members.values(), youthOn));
  return { rows, total: reachOf("total", all.organisations, all.members.values(), youthOn) };
}

/** Members reached by sex (of the registered member, of the household head) crossed with youth. */
export function sexYouthTable(members: Iterable<MemberFact>, youthOn: Date): SexYouthRow[] {
  const distinct = new Map<string, MemberFact>();
  for (const m of members) distinct.set(m.id, m);
  const rows = new Map<SexYouthRow["key"], SexYouthRow>([...sexYouthGroups, "total" as const].map((key) => [key, { key, youth: 0, older: 0, total: 0 }]));
  for (const m of distinct.values()) {
    const young = isYouth(m.birthYear, youthOn);
    const groups: SexYouthRow["key"][] = ["total"];
    if (m.memberSex === "female") groups.push("memberFemale");
    if (m.memberSex === "male") groups.push("memberMale");
    if (m.householdHeadSex === "female") groups.push("headFemale");
    if (m.householdHeadSex === "male") groups.push("headMale");
    for (const g of groups) {
      const row = rows.get(g)!;
      row.total += 1;
      if (young) row.youth += 1;
      else row.older += 1;
    }
  }
  return [...rows.values()];
}

/** Whether a contract's due deliveries were all paid in full by their due dates, as of a day (see the header). */
export function paidOnTimeVerdict(ledger: ContractFact["ledger"], asOf: Date): OnTimeVerdict {
  const balance = contractBalance({
    deliveries: ledger.deliveries,
    payments: ledger.payments,
    advanceLak: ledger.advanceLak,
    paymentDays: ledger.paymentDays,
    now: asOf,
  });
  const due = balance.allocations.filter((a) => calendarDaysBetween(a.dueDate, asOf) > 0);
  if (due.length === 0) {
    // A delivery worth nothing has no allocation: it is due but cannot be late.
    const anyDue = ledger.deliveries.some(
      (d) => d.status !== "contested" && d.payableLak === 0n && calendarDaysBetween(d.deliveredOn, asOf) > ledger.paymentDays,
    );
    return anyDue ? "onTime" : "notDue";
  }
  return due.every((a) => a.source !== "unpaid" && a.daysLate === 0) ? "onTime" : "late";
}

/** onTime / due in per mille, rounded half up; null when nothing is due. */
export function ratePermille(onTime: number, due: number): number | null {
  if (due === 0) return null;
  return Math.floor((onTime * 2000 + due) / (2 * due));
}

const emptyOnTime = (key: string): OnTimeRow => ({ key, contracts: 0, due: 0, onTime: 0, late: 0, ratePermille: null });

/** The on-time payment rate per district and in total. */
export function onTimeBy(contracts: readonly ContractFact[], districtIds: readonly string[], asOf: Date): Table<OnTimeRow> {
  const rows = new Map<string, OnTimeRow>(districtIds.map((k) => [k, emptyOnTime(k)]));
  const total = emptyOnTime("total");
  for (const c of contracts) {
    const verdict = paidOnTimeVerdict(c.ledger, asOf);
    const row = rows.get(c.districtId) ?? rows.set(c.districtId, emptyOnTime(c.districtId)).get(c.districtId)!;
    for (const r of [row, total]) {
      r.contracts += 1;
      if (verdict !== "notDue") r.due += 1;
      if (verdict === "onTime") r.onTime += 1;
      if (verdict === "late") r.late += 1;
    }
  }
  for (const r of [...rows.values(), total]) r.ratePermille = ratePermille(r.onTime, r.due);
  return { rows: [...rows.values()], total };
}

/**
 * The whole report from its facts. Contracts and deliveries outside the
 * period are ignored here too, so the caller may fetch generously.
 */
export function assembleReport(facts: ReportFacts, range: ReportRange, now: Date): ProgrammeReport {
  const { start, end } = rangeInstants(range);
  const inPeriod = (d: Date) => d.getTime() >= start.getTime() && d.getTime() <= end.getTime();
  const contracts = facts.contracts.filter((c) => inPeriod(c.activatedAt));
  const deliveries = facts.deliveries.filter((d) => inPeriod(d.deliveredOn));
  const districtIds = facts.districts.map((d) => d.id);
  const asOf = end.getTime() < now.getTime() ? end : now;

  const crops = new Map<string, CropFact>();
  for (const x of [...contracts, ...deliveries]) if (!crops.has(x.crop.code)) crops.set(x.crop.code, x.crop);
  const byCrop = volumeBy(
    contracts,
    deliveries,
    (c) => c.crop.code,
    (d) => d.crop.code,
  );
  byCrop.rows.sort((a, b) => cmpBig(b.contractedLak, a.contractedLak) || cmpBig(b.deliveredLak, a.deliveredLak) || a.key.localeCompare(b.key));

  return {
    range,
    asOf,
    districts: [...facts.districts],
    crops: [...crops.values()],
    byDistrict: volumeBy(
      contracts,
      deliveries,
      (c) => c.districtId,
      (d) => d.districtId,
      districtIds,
    ),
    byCrop,
    byMonth: volumeBy(
      contracts,
      deliveries,
      (c) => laoMonthKey(c.activatedAt),
      (d) => laoMonthKey(d.deliveredOn),
      monthsOfRange(range),
    ),
    reach: reachBy(contracts, districtIds, end),
    sexYouth: sexYouthTable(
      contracts.flatMap((c) => c.members),
      end,
    ),
    onTime: onTimeBy(contracts, districtIds, asOf),
  };
}

function cmpBig(a: bigint, b: bigint): number {
  return a === b ? 0 : a < b ? -1 : 1;
}
