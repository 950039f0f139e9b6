// Contracts with an amount overdue today, for the FO's and the trader's
// dashboards and the facilitator's console. The candidates come from one
// indexed range on Contract.overdueFrom (./overdue), bounded by what the page
// shows; the figures of each are then worked out exactly from its ledger.
import { contractCurrencyOf, type ContractCurrency } from "~/domain/prices/currency";
import { reads, fromSqlDate, placeholders, sqlDate, type SqlValue } from "~/utils/reads.server";
import { asRecordStatus } from "../contracts/completion.server";
import { overdueCutoff } from "./overdue";
import { contractBalance } from "./payments";

/** A list shows at most this many overdue contracts, the longest overdue first. */
export const OVERDUE_SHOWN_MAX = 50;

export interface OverdueContract {
  id: string;
  number: string;
  organisation: { nameLo: string; nameEn: string };
  company: string;
  /** the overdue amount and the balance are in this currency's unit (~/domain/prices/currency) */
  currency: ContractCurrency;
  overdueLak: bigint;
  oldestOverdueDays: number;
  balanceLak: bigint;
}

/** Whose overdue contracts: an FO leader's FOs, a trader's companies, or a facilitator's districts (each list is a handful of ids). */
export type OverdueScope = { organisationIds: readonly string[] } | { companyIds: readonly string[] } | { districtIds: readonly string[] };

type Candidate = {
  id: string;
  number: string;
  nameLo: string;
  nameEn: string;
  company: string;
  currency: string;
  advanceLak: number;
  paymentDays: number;
};

function scopeCondition(scope: OverdueScope): { sql: string; ids: readonly string[] } {
  if ("organisationIds" in scope) return { sql: "c.organisationId", ids: scope.organisationIds };
  if ("companyIds" in scope) return { sql: "c.companyId", ids: scope.companyIds };
  return { sql: "c.districtId", ids: scope.districtIds };
}

export async function overdueContracts(scope: OverdueScope, now = new Date()): Promise<OverdueContract[]> {
  const { sql, ids } = scopeCondition(scope);
  if (ids.length === 0) return [];
  const candidates = await reads().all<Candidate>(
    `SELECT c.id, c.number, o.nameLo, o.nameEn, t.name AS company, c.currency, c.advanceLak, c.paymentDays
     FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE c.overdueFrom < ? AND c.status IN ('active', 'disputed') AND ${sql} IN (${placeholders(ids.length)})
     ORDER BY c.overdueFrom ASC, c.number ASC LIMIT ${OVERDUE_SHOWN_MAX}`,
    sqlDate(overdueCutoff(now)),
    ...(ids as SqlValue[]),
  );
  if (candidates.length === 0) return [];
  const inList = placeholders(candidates.length);
  const idList = candidates.map((c) => c.id);
  const [deliveries, payments] = await Promise.all([
    reads().all<{ contractId: string; deliveredOn: string; amountDueLak: number; inputDeductionLak: number; status: string }>(
      `SELECT contractId, deliveredOn, amountDueLak, inputDeductionLak, status FROM Delivery WHERE contractId IN (${inList}) ORDER BY deliveredOn ASC, createdAt ASC`,
      ...idList,
    ),
    reads().all<{ contractId: string; paidOn: string; amountLak: number; status: string }>(
      `SELECT contractId, paidOn, amountLak, status FROM Payment WHERE contractId IN (${inList}) ORDER BY paidOn ASC, createdAt ASC`,
      ...idList,
    ),
  ]);
  const out: OverdueContract[] = [];
  for (const c of candidates) {
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
  return out.sort((a, b) => b.oldestOverdueDays - a.oldestOverdueDays || a.number.localeCompare(b.number));
}
