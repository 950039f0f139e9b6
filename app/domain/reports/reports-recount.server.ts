// The programme report recounted from every record in the period (see
// ./aggregate for what each figure means): the reference the report the pages
// show (./reports.server, from summaries kept with the records) is tested
// against. It reads every contract, member and delivery of the period, so no
// page calls it. recountReportReach does the same for the rows the reach
// figures are read from.
import { asRecordStatus, payableOf } from "~/domain/contracts/completion.server";
import { toLaoDateInput } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import type { ReportScope } from "./reports.server";
import { assembleReport, REPORT_CONTRACT_STATUSES, type ContractFact, type DeliveryFact, type ProgrammeReport } from "./aggregate";
import { rangeInstants, type ReportRange } from "./period";

const cropFact = (crop: { code: string; nameLo: string; nameEn: string }) => ({ code: crop.code, name: { lo: crop.nameLo, en: crop.nameEn } });

const inScope = (scope: ReportScope) => (scope.districtIds ? { in: scope.districtIds } : undefined);

export async function programmeReportFromRecords(db: Db, scope: ReportScope, range: ReportRange, now = new Date()): Promise<ProgrammeReport> {
  const { start, end } = rangeInstants(range);
  const districtId = inScope(scope);
  const [districts, contracts, deliveries] = await Promise.all([
    db.district.findMany({
      where: districtId ? { id: districtId } : {},
      orderBy: [{ province: { nameEn: "asc" } }, { nameEn: "asc" }],
      select: { id: true, nameLo: true, nameEn: true, province: { select: { nameLo: true, nameEn: true } } },
    }),
    db.contract.findMany({
      where: { status: { in: [...REPORT_CONTRACT_STATUSES] }, activatedAt: { gte: start, lte: end }, ...(districtId ? { districtId } : {}) },
      orderBy: { activatedAt: "asc" },
      select: {
        id: true,
        districtId: true,
        organisationId: true,
        quantityKg: true,
        paymentDays: true,
        advanceLak: true,
        crop: { select: { code: true, nameLo: true, nameEn: true } },
        valueLak: true,
        currency: true,
        activatedAt: true,
        listing: {
          select: {
            pledges: {
              where: { kg: { gt: 0 } },
              select: { member: { select: { id: true, memberSex: true, householdHeadSex: true, birthYear: true } } },
            },
          },
        },
        deliveries: {
          orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }],
          select: { deliveredOn: true, amountDueLak: true, inputDeductionLak: true, status: true },
        },
        payments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }], select: { amountLak: true, paidOn: true, status: true } },
      },
    }),
    db.delivery.findMany({
      where: { status: "confirmed", deliveredOn: { gte: start, lte: end }, ...(districtId ? { contract: { districtId } } : {}) },
      select: {
        netKg: true,
        amountDueLak: true,
        deliveredOn: true,
        contract: { select: { id: true, districtId: true, currency: true, crop: { select: { code: true, nameLo: true, nameEn: true } } } },
      },
    }),
  ]);

  const contractFacts: ContractFact[] = contracts.map((c) => {
    return {
      id: c.id,
      districtId: c.districtId,
      organisationId: c.organisationId,
      crop: cropFact(c.crop),
      quantityKg: c.quantityKg,
      // The report's value is in kip: a contract in baht or yuan adds its kilograms, not its value (decision 0021).
      valueLak: c.currency === "LAK" ? c.valueLak : 0n,
      activatedAt: c.activatedAt!,
      members: c.listing.pledges.map((p) => p.member),
      ledger: {
        paymentDays: c.paymentDays,
        advanceLak: c.advanceLak,
        deliveries: c.deliveries.map((d) => ({ payableLak: payableOf(d), deliveredOn: d.deliveredOn, status: asRecordStatus(d.status) })),
        payments: c.payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: asRecordStatus(p.status) })),
      },
    };
  });

  const deliveryFacts: DeliveryFact[] = deliveries.map((d) => ({
    districtId: d.contract.districtId,
    crop: cropFact(d.contract.crop),
    netKg: d.netKg,
    amountDueLak: d.contract.currency === "LAK" ? d.amountDueLak : 0n,
    deliveredOn: d.deliveredOn,
  }));

  return assembleReport(
    {
      districts: districts.map((d) => ({ id: d.id, name: { lo: d.nameLo, en: d.nameEn }, province: { lo: d.province.nameLo, en: d.province.nameEn } })),
      contracts: contractFacts,
      deliveries: deliveryFacts,
    },
    range,
    now,
  );
}

export interface ReachRecord {
  kind: "organisation" | "household";
  reachedId: string;
  districtId: string;
  day: string;
  contracts: number;
  prevDay: string | null;
  memberSex: string | null;
  householdHeadSex: string | null;
  birthYear: number | null;
}
export type SharedReachRecord = Omit<ReachRecord, "contracts" | "prevDay">;

const reachKey = (r: Pick<ReachRecord, "kind" | "reachedId" | "districtId" | "day">) => `${r.kind}|${r.reachedId}|${r.districtId}|${r.day}`;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** By kind, reached id, district and day, so the rows of one FO or household in one district follow each other in day order. */
const sortReach = <T extends Pick<ReachRecord, "kind" | "reachedId" | "districtId" | "day">>(rows: T[]) =>
  rows.sort((a, b) => cmp(a.kind, b.kind) || cmp(a.reachedId, b.reachedId) || cmp(a.districtId, b.districtId) || cmp(a.day, b.day));

/**
 * ReportReach and ReportReachShared as the records imply them: who each
 * contract in force reached, on which day, in which district, the day before
 * that, and the FOs and households reached in more than one district. Reads
 * every contract in force and its pledges: for tests only.
 */
export async function recountReportReach(db: Db): Promise<{ reach: ReachRecord[]; shared: SharedReachRecord[] }> {
  const contracts = await db.contract.findMany({
    where: { status: { in: [...REPORT_CONTRACT_STATUSES] }, activatedAt: { not: null } },
    select: {
      organisationId: true,
      districtId: true,
      activatedAt: true,
      listing: {
        select: {
          pledges: { where: { kg: { gt: 0 } }, select: { member: { select: { id: true, memberSex: true, householdHeadSex: true, birthYear: true } } } },
        },
      },
    },
  });
  const rows = new Map<string, ReachRecord>();
  const add = (row: Omit<ReachRecord, "contracts" | "prevDay">) => {
    const found = rows.get(reachKey(row));
    if (found) found.contracts += 1;
    else rows.set(reachKey(row), { ...row, contracts: 1, prevDay: null });
  };
  for (const c of contracts) {
    const day = toLaoDateInput(c.activatedAt!);
    add({ kind: "organisation", reachedId: c.organisationId, districtId: c.districtId, day, memberSex: null, householdHeadSex: null, birthYear: null });
    for (const { member: m } of c.listing.pledges)
      add({
        kind: "household",
        reachedId: m.id,
        districtId: c.districtId,
        day,
        memberSex: m.memberSex,
        householdHeadSex: m.householdHeadSex,
        birthYear: m.birthYear,
      });
  }
  const reach = sortReach([...rows.values()]);
  const districtsOf = new Map<string, Set<string>>();
  for (const [i, r] of reach.entries()) {
    const before = reach[i - 1];
    if (before && before.kind === r.kind && before.reachedId === r.reachedId && before.districtId === r.districtId) r.prevDay = before.day;
    const who = `${r.kind}|${r.reachedId}`;
    (districtsOf.get(who) ?? districtsOf.set(who, new Set()).get(who)!).add(r.districtId);
  }
  const shared = reach.filter((r) => districtsOf.get(`${r.kind}|${r.reachedId}`)!.size > 1).map(({ contracts: _c, prevDay: _p, ...r }) => r);
  return { reach, shared };
}

/** ReportReach and ReportReachShared as the database keeps them, in the order of recountReportReach. */
export async function storedReportReach(db: Db): Promise<{ reach: ReachRecord[]; shared: SharedReachRecord[] }> {
  const [reach, shared] = await Promise.all([db.reportReach.findMany(), db.reportReachShared.findMany()]);
  return {
    reach: sortReach(reach.map((r) => ({ ...r, kind: r.kind as ReachRecord["kind"] }))),
    shared: sortReach(shared.map((r) => ({ ...r, kind: r.kind as ReachRecord["kind"] }))),
  };
}
