// What needs a facilitator's attention in their districts, for the console:
// registrations waiting for verification, open disputes, contracts waiting
// for them to witness, payments overdue, and listings about to expire with no
// offer (a call to the traders they know may still save the sale).
//
// Each list is read in two steps. The first (consoleWalks) walks an index in
// the page's order (prisma/migrations/20261202150000_console_admin_indexes),
// checks the district in passing and stops one id after the count's cap: that
// gives the order and a capped count. The second reads, by id, what the page shows: the
// first few (the console's first view, FIRST_VIEW) or up to CONSOLE_LIST_MAX
// (a list's own view, LIST_VIEW). Nothing reads the history or grows with it.
// Prepared statements.
import { contractCurrencyOf, type ContractCurrency } from "~/domain/prices/currency";
import { asRecordStatus } from "~/domain/contracts/completion.server";
import { unresolvedDisputeStatuses } from "~/domain/disputes/dispute-categories";
import { overdueCutoff } from "~/domain/payments/overdue";
import type { OverdueContract } from "~/domain/payments/overdue-list.server";
import { contractBalance } from "~/domain/payments/payments";
import { fromSqlDate, placeholders, reads, sqlDate, type SqlValue } from "~/utils/reads.server";

/** A listing whose deadline is this close and that has no offer is flagged. */
export const EXPIRY_WARNING_HOURS = 72;
/** Each list of the console shows at most this many, the most pressing first. */
export const CONSOLE_LIST_MAX = 50;

/** How much of a list a page shows, and up to how many it counts. */
export interface ListView {
  shown: number;
  countUpTo: number;
}
/** The console's first view: the first few of each list and how many there are, with a link to the list's own view. */
export const FIRST_VIEW: ListView = { shown: 3, countUpTo: 20 };
/** A list's own view. */
export const LIST_VIEW: ListView = { shown: CONSOLE_LIST_MAX, countUpTo: CONSOLE_LIST_MAX };
/** Registrations waiting are counted up to this many. */
export const WAITING_COUNT_MAX = 500;
const DAY_MS = 86_400_000;

export const consoleLists = ["disputes", "witness", "unregistered", "overdue", "expiring"] as const;
export type ConsoleList = (typeof consoleLists)[number];

export function isConsoleList(value: unknown): value is ConsoleList {
  return typeof value === "string" && (consoleLists as readonly string[]).includes(value);
}

/** The first items of a list as a page shows them, and how many the list has, counted up to the view's cap (`more`: it has more). */
export interface Shown<T> {
  items: T[];
  count: number;
  more: boolean;
}

export interface CappedCount {
  count: number;
  more: boolean;
}

type Named = { nameLo: string; nameEn: string };

/**
 * A column compared through an expression, so that no index on it is chosen:
 * the query planner then walks the index in the page's order and checks the
 * district (or status) in that index as it goes, stopping after the page's
 * rows, instead of gathering every row of the districts and sorting them,
 * which it prefers on some statistics. Plain SQL for SQLite and PostgreSQL.
 */
const checkedInPassing = (column: string) => `(${column} || '')`;

/** How far a walk goes for this view: one past the count's cap, and at least as far as what is shown. */
const walkOf = (view: ListView) => Math.max(view.countUpTo, Math.min(view.shown, CONSOLE_LIST_MAX)) + 1;

/** The ids in the walk's order, the first `shown` of them, and the capped count. */
function cut(ids: string[], view: ListView) {
  return {
    first: ids.slice(0, Math.max(0, Math.min(view.shown, CONSOLE_LIST_MAX))),
    count: Math.min(ids.length, view.countUpTo),
    more: ids.length > view.countUpTo,
  };
}

/** Rows read by id, put back in the order of `ids`. */
function inOrderOf<T extends { id: string }>(ids: readonly string[], rows: readonly T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

type Statement = { sql: string; params: SqlValue[] };

/**
 * The walk of each list for these districts and this view: the ids in the
 * page's order, one past the count's cap (tests/integration/console-reads
 * checks their query plans).
 */
export function consoleWalks(districtIds: readonly string[], view: ListView, now: Date): Record<ConsoleList, Statement> {
  const walk = walkOf(view);
  const inDistricts = (column: string) => `${checkedInPassing(column)} IN (${placeholders(districtIds.length)})`;
  // One ordered walk per unresolved status (Dispute_status_createdAt_id_contractId_idx), merged.
  const arms = unresolvedDisputeStatuses.map(
    (_, i) =>
      `SELECT id, createdAt FROM (SELECT x.id, x.createdAt FROM Dispute x JOIN Contract c ON c.id = x.contractId
       WHERE x.status = ? AND ${inDistricts("c.districtId")} ORDER BY x.createdAt ASC, x.id ASC LIMIT ${walk}) AS s${i}`,
  );
  return {
    disputes: {
      sql: `${arms.join(" UNION ALL ")} ORDER BY createdAt ASC, id ASC LIMIT ${walk}`,
      params: unresolvedDisputeStatuses.flatMap((status) => [status, ...districtIds]),
    },
    // Contract_status_witnessRequired_createdAt_number_idx: the few awaiting a witness, oldest first.
    witness: {
      sql: `SELECT c.id FROM Contract c
       WHERE c.status = 'awaiting_signatures' AND c.witnessRequired = TRUE AND ${inDistricts("c.districtId")}
         AND NOT EXISTS (SELECT 1 FROM ContractSignature s WHERE s.contractId = c.id AND s.party = 'witness')
       ORDER BY c.createdAt ASC, c.number ASC LIMIT ${walk}`,
      params: [...districtIds],
    },
    // Contract_registeredAt_activatedAt_number_idx: the contracts not yet registered, the longest signed first.
    unregistered: {
      sql: `SELECT c.id FROM Contract c
       WHERE c.registeredAt IS NULL AND c.activatedAt IS NOT NULL AND ${checkedInPassing("c.status")} IN ('active', 'completed', 'disputed') AND ${inDistricts("c.districtId")}
       ORDER BY c.activatedAt ASC, c.number ASC LIMIT ${walk}`,
      params: [...districtIds],
    },
    // Contract_overdueFrom_number_status_districtId_idx from the oldest due date.
    overdue: {
      sql: `SELECT c.id FROM Contract c
       WHERE c.overdueFrom < ? AND ${checkedInPassing("c.status")} IN ('active', 'disputed') AND ${inDistricts("c.districtId")}
       ORDER BY c.overdueFrom ASC, c.number ASC LIMIT ${walk}`,
      params: [sqlDate(overdueCutoff(now)), ...districtIds],
    },
    // The market's Listing_market_deadline_idx (deadline, id, status) over the warning window.
    expiring: {
      sql: `SELECT l.id FROM Listing l
       WHERE l.status = 'open' AND l.offerDeadline > ? AND l.offerDeadline <= ? AND ${inDistricts("l.districtId")}
         AND NOT EXISTS (SELECT 1 FROM Offer x WHERE x.listingId = l.id)
       ORDER BY l.offerDeadline ASC, l.id ASC LIMIT ${walk}`,
      params: [sqlDate(now), sqlDate(new Date(now.getTime() + EXPIRY_WARNING_HOURS * 3600_000)), ...districtIds],
    },
  };
}

async function walked(list: ConsoleList, districtIds: readonly string[], view: ListView, now: Date) {
  const { sql, params } = consoleWalks(districtIds, view, now)[list];
  const keys = await reads().all<{ id: string }>(sql, ...params);
  return cut(
    keys.map((k) => k.id),
    view,
  );
}

/** The facilitator's districts (with their province), in province then district order. */
export async function consoleDistricts(userId: string) {
  const rows = await reads().all<{ id: string; nameLo: string; nameEn: string; provinceId: string; provinceLo: string; provinceEn: string }>(
    `SELECT d.id, d.nameLo, d.nameEn, p.id AS provinceId, p.nameLo AS provinceLo, p.nameEn AS provinceEn
     FROM FacilitatorDistrict f JOIN District d ON d.id = f.districtId JOIN Province p ON p.id = d.provinceId
     WHERE f.userId = ? ORDER BY p.nameEn ASC, d.nameEn ASC`,
    userId,
  );
  return rows.map((r) => ({
    id: r.id,
    nameLo: r.nameLo,
    nameEn: r.nameEn,
    provinceId: r.provinceId,
    province: { nameLo: r.provinceLo, nameEn: r.provinceEn },
  }));
}

/** Organisations of these districts and companies based in these provinces waiting to be verified, counted up to WAITING_COUNT_MAX. */
export async function registrationsWaiting(districtIds: readonly string[], provinceIds: readonly string[]): Promise<CappedCount> {
  const cap = WAITING_COUNT_MAX + 1;
  // One statement: the FOs (Organisation_status_villageId_idx) and the companies, each counted up to the cap.
  const fos = districtIds.length
    ? `(SELECT count(*) FROM (SELECT 1 FROM Organisation o JOIN Village v ON v.id = o.villageId
        WHERE o.status = 'pending' AND v.districtId IN (${placeholders(districtIds.length)}) LIMIT ${cap}) AS f)`
    : "0";
  const companies = provinceIds.length
    ? `(SELECT count(*) FROM (SELECT 1 FROM TraderCompany WHERE status = 'pending' AND baseProvinceId IN (${placeholders(provinceIds.length)}) LIMIT ${cap}) AS t)`
    : "0";
  const row = await reads().get<{ n: number }>(`SELECT ${fos} + ${companies} AS n`, ...districtIds, ...provinceIds);
  const n = row?.n ?? 0;
  return { count: Math.min(n, WAITING_COUNT_MAX), more: n > WAITING_COUNT_MAX };
}

export interface ConsoleDispute {
  id: string;
  category: string;
  raisedByParty: string;
  status: string;
  createdAt: Date;
  ageDays: number;
  contract: { id: string; number: string; organisation: Named; company: { name: string } };
}

/** Disputes not yet resolved on contracts of these districts, the oldest first. */
export async function openDisputesInDistricts(districtIds: readonly string[], view = LIST_VIEW, now = new Date()): Promise<Shown<ConsoleDispute>> {
  if (districtIds.length === 0) return { items: [], count: 0, more: false };
  const { first, count, more } = await walked("disputes", districtIds, view, now);
  if (first.length === 0) return { items: [], count, more };
  const rows = await reads().all<{
    id: string;
    category: string;
    raisedByParty: string;
    status: string;
    createdAt: string;
    contractId: string;
    number: string;
    foLo: string;
    foEn: string;
    company: string;
  }>(
    `SELECT x.id, x.category, x.raisedByParty, x.status, x.createdAt, c.id AS contractId, c.number, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
     FROM Dispute x JOIN Contract c ON c.id = x.contractId JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE x.id IN (${placeholders(first.length)})`,
    ...first,
  );
  const items = inOrderOf(first, rows).map((r) => {
    const createdAt = fromSqlDate(r.createdAt);
    return {
      id: r.id,
      category: r.category,
      raisedByParty: r.raisedByParty,
      status: r.status,
      createdAt,
      ageDays: Math.max(0, Math.floor((now.getTime() - createdAt.getTime()) / DAY_MS)),
      contract: { id: r.contractId, number: r.number, organisation: { nameLo: r.foLo, nameEn: r.foEn }, company: { name: r.company } },
    };
  });
  return { items, count, more };
}

export interface WitnessContract {
  id: string;
  number: string;
  valueLak: bigint;
  currency: ContractCurrency;
  createdAt: Date;
  organisation: Named;
  company: { name: string };
  signatures: { party: string }[];
}

/** Contracts above the witness threshold that every other party may sign but no facilitator has witnessed yet, the oldest first. */
export async function contractsAwaitingWitness(districtIds: readonly string[], view = LIST_VIEW): Promise<Shown<WitnessContract>> {
  if (districtIds.length === 0) return { items: [], count: 0, more: false };
  const { first, count, more } = await walked("witness", districtIds, view, new Date());
  if (first.length === 0) return { items: [], count, more };
  const inList = placeholders(first.length);
  const [rows, signatures] = await Promise.all([
    reads().all<{ id: string; number: string; valueLak: number; currency: string; createdAt: string; foLo: string; foEn: string; company: string }>(
      `SELECT c.id, c.number, c.valueLak, c.currency, c.createdAt, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
       FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
       WHERE c.id IN (${inList})`,
      ...first,
    ),
    reads().all<{ contractId: string; party: string }>(
      `SELECT contractId, party FROM ContractSignature WHERE contractId IN (${inList}) ORDER BY signedAt ASC`,
      ...first,
    ),
  ]);
  const items = inOrderOf(first, rows).map((r) => ({
    id: r.id,
    number: r.number,
    valueLak: BigInt(r.valueLak),
    currency: contractCurrencyOf(r.currency),
    createdAt: fromSqlDate(r.createdAt),
    organisation: { nameLo: r.foLo, nameEn: r.foEn },
    company: { name: r.company },
    signatures: signatures.filter((s) => s.contractId === r.id).map((s) => ({ party: s.party })),
  }));
  return { items, count, more };
}

export interface UnregisteredContract {
  id: string;
  number: string;
  activatedAt: Date;
  organisation: Named;
  company: { name: string };
}

/** Contracts signed by every party that the district office has not registered yet, the longest signed first. */
export async function contractsAwaitingRegistration(districtIds: readonly string[], view = LIST_VIEW): Promise<Shown<UnregisteredContract>> {
  if (districtIds.length === 0) return { items: [], count: 0, more: false };
  const { first, count, more } = await walked("unregistered", districtIds, view, new Date());
  if (first.length === 0) return { items: [], count, more };
  const rows = await reads().all<{ id: string; number: string; activatedAt: string; foLo: string; foEn: string; company: string }>(
    `SELECT c.id, c.number, c.activatedAt, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
     FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE c.id IN (${placeholders(first.length)})`,
    ...first,
  );
  const items = inOrderOf(first, rows).map((r) => ({
    id: r.id,
    number: r.number,
    activatedAt: fromSqlDate(r.activatedAt),
    organisation: { nameLo: r.foLo, nameEn: r.foEn },
    company: { name: r.company },
  }));
  return { items, count, more };
}

/**
 * The figures of these contracts (ids in the order to show), worked out
 * exactly from each one's ledger as ~/domain/payments/overdue-list.server
 * does; a contract with nothing overdue after all is left out. For the
 * console and the trader's dashboard, which pick their candidates
 * themselves and work out only the few they show.
 */
export async function overdueWithFigures(ids: readonly string[], now = new Date()): Promise<OverdueContract[]> {
  if (ids.length === 0) return [];
  const inList = placeholders(ids.length);
  const [contracts, deliveries, payments] = await Promise.all([
    reads().all<{ id: string; number: string; nameLo: string; nameEn: string; company: string; currency: string; advanceLak: number; paymentDays: number }>(
      `SELECT c.id, c.number, o.nameLo, o.nameEn, t.name AS company, c.currency, c.advanceLak, c.paymentDays
       FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
       WHERE c.id IN (${inList})`,
      ...ids,
    ),
    reads().all<{ contractId: string; deliveredOn: string; amountDueLak: number; inputDeductionLak: number; status: string }>(
      `SELECT contractId, deliveredOn, amountDueLak, inputDeductionLak, status FROM Delivery WHERE contractId IN (${inList}) ORDER BY deliveredOn ASC, createdAt ASC`,
      ...ids,
    ),
    reads().all<{ contractId: string; paidOn: string; amountLak: number; status: string }>(
      `SELECT contractId, paidOn, amountLak, status FROM Payment WHERE contractId IN (${inList}) ORDER BY paidOn ASC, createdAt ASC`,
      ...ids,
    ),
  ]);
  const out: OverdueContract[] = [];
  for (const c of inOrderOf(ids, contracts)) {
    const balance = contractBalance({
      deliveries: deliveries
        .filter((d) => d.contractId === c.id)
        .map((d) => ({
          payableLak: BigInt(d.amountDueLak) - BigInt(d.inputDeductionLak),
          deliveredOn: fromSqlDate(d.deliveredOn),
          status: asRecordStatus(d.status),
        })),
      payments: payments
        .filter((p) => p.contractId === c.id)
        .map((p) => ({ amountLak: BigInt(p.amountLak), paidOn: fromSqlDate(p.paidOn), status: asRecordStatus(p.status) })),
      advanceLak: BigInt(c.advanceLak),
      paymentDays: c.paymentDays,
      now,
    });
    if (balance.overdueLak > 0n)
      out.push({
        id: c.id,
        number: c.number,
        organisation: { nameLo: c.nameLo, nameEn: c.nameEn },
        company: c.company,
        currency: contractCurrencyOf(c.currency),
        overdueLak: balance.overdueLak,
        oldestOverdueDays: balance.oldestOverdueDays,
        balanceLak: balance.balanceLak,
      });
  }
  return out;
}

/**
 * Contracts of these districts (by the contract's own district) with an amount
 * overdue today, the longest overdue first: one walk of
 * Contract_overdueFrom_number_status_districtId_idx from the oldest due date.
 */
export async function overdueContractsInDistricts(districtIds: readonly string[], view = LIST_VIEW, now = new Date()): Promise<Shown<OverdueContract>> {
  if (districtIds.length === 0) return { items: [], count: 0, more: false };
  const { first, count, more } = await walked("overdue", districtIds, view, now);
  return { items: await overdueWithFigures(first, now), count, more };
}

export interface ExpiringListing {
  id: string;
  totalKg: number;
  offerDeadline: Date;
  organisation: Named;
  crop: Named;
  district: Named;
}

/**
 * Open listings of these districts whose offer deadline falls within the
 * warning window and that have no offer, the soonest first: one walk of the
 * market's Listing_market_deadline_idx (deadline, id, status) over the window.
 */
export async function listingsExpiringWithoutOffers(districtIds: readonly string[], view = LIST_VIEW, now = new Date()): Promise<Shown<ExpiringListing>> {
  if (districtIds.length === 0) return { items: [], count: 0, more: false };
  const { first, count, more } = await walked("expiring", districtIds, view, now);
  if (first.length === 0) return { items: [], count, more };
  const rows = await reads().all<{
    id: string;
    totalKg: number;
    offerDeadline: string;
    foLo: string;
    foEn: string;
    cropLo: string;
    cropEn: string;
    districtLo: string;
    districtEn: string;
  }>(
    `SELECT l.id, l.totalKg, l.offerDeadline, o.nameLo AS foLo, o.nameEn AS foEn, c.nameLo AS cropLo, c.nameEn AS cropEn, d.nameLo AS districtLo, d.nameEn AS districtEn
     FROM Listing l JOIN Organisation o ON o.id = l.organisationId JOIN Crop c ON c.id = l.cropId JOIN District d ON d.id = l.districtId
     WHERE l.id IN (${placeholders(first.length)})`,
    ...first,
  );
  const items = inOrderOf(first, rows).map((r) => ({
    id: r.id,
    totalKg: r.totalKg,
    offerDeadline: fromSqlDate(r.offerDeadline),
    organisation: { nameLo: r.foLo, nameEn: r.foEn },
    crop: { nameLo: r.cropLo, nameEn: r.cropEn },
    district: { nameLo: r.districtLo, nameEn: r.districtEn },
  }));
  return { items, count, more };
}
