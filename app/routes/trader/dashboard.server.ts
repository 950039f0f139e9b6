// The trader's dashboard reads: the companies they work for, with their base
// province, and their contracts with a payment overdue (prepared statements).
import { overdueCutoff } from "~/domain/payments/overdue";
import type { OverdueContract } from "~/domain/payments/overdue-list.server";
import { CONSOLE_LIST_MAX, overdueWithFigures, type ListView, type Shown } from "~/domain/reports/console.server";
import { placeholders, reads, sqlDate } from "~/utils/reads.server";

export async function staffedCompanies(userId: string) {
  const rows = await reads().all<{
    id: string;
    name: string;
    licenceNumber: string;
    status: string;
    statusReason: string | null;
    provinceLo: string;
    provinceEn: string;
  }>(
    `SELECT t.id, t.name, t.licenceNumber, t.status, t.statusReason, p.nameLo AS provinceLo, p.nameEn AS provinceEn
     FROM TraderStaff s JOIN TraderCompany t ON t.id = s.companyId JOIN Province p ON p.id = t.baseProvinceId
     WHERE s.userId = ? ORDER BY t.name ASC`,
    userId,
  );
  return rows.map((r) => ({ ...r, baseProvince: { nameLo: r.provinceLo, nameEn: r.provinceEn } }));
}

/**
 * The companies' contracts with an amount overdue today, the longest overdue
 * first, counted up to the view's cap; the figures are worked out from the
 * ledgers of the ones shown only. The candidates are the companies' contracts
 * in force (Contract_companyId_status_idx), never their history.
 */
export async function overdueForCompanies(companyIds: readonly string[], view: ListView, now = new Date()): Promise<Shown<OverdueContract>> {
  if (companyIds.length === 0) return { items: [], count: 0, more: false };
  const shown = Math.min(view.shown, CONSOLE_LIST_MAX);
  const keys = await reads().all<{ id: string }>(
    `SELECT c.id FROM Contract c
     WHERE c.companyId IN (${placeholders(companyIds.length)}) AND c.status IN ('active', 'disputed') AND c.overdueFrom < ?
     ORDER BY c.overdueFrom ASC, c.number ASC LIMIT ${Math.max(view.countUpTo, shown) + 1}`,
    ...companyIds,
    sqlDate(overdueCutoff(now)),
  );
  const items = await overdueWithFigures(
    keys.slice(0, shown).map((k) => k.id),
    now,
  );
  return { items, count: Math.min(keys.length, view.countUpTo), more: keys.length > view.countUpTo };
}
