// The contracts a user may see (as an FO's leader, a company's staff or a
// district's facilitator), newest first, a page at a time: each page reads its
// rows from an index in creation order, never the whole history.
import { contractCurrencyOf } from "~/domain/prices/currency";
import { facilitatesSql, leadsSql, staffsSql } from "~/utils/access.server";
import type { SessionUser } from "~/utils/request-state.server";
import { fromSqlDate, reads, type SqlValue } from "~/utils/reads.server";

export const CONTRACTS_PAGE_SIZE = 20;
/** Older pages than this are not offered; the facilitator console and reports cover the long history. */
export const CONTRACTS_MAX_PAGE = 50;

/** The visibility rule of ~/utils/access.server visibleContractsWhere, as SQL on Contract c. */
export function visibleContractsSql(user: Pick<SessionUser, "id" | "roles">): { sql: string; params: SqlValue[] } {
  const or: string[] = [];
  const params: SqlValue[] = [];
  if (user.roles.includes("fo_leader")) {
    or.push(leadsSql("c.organisationId"));
    params.push(user.id);
  }
  if (user.roles.includes("trader")) {
    or.push(staffsSql("c.companyId"));
    params.push(user.id);
  }
  if (user.roles.includes("facilitator")) {
    or.push(facilitatesSql("c.districtId"));
    params.push(user.id);
  }
  return { sql: or.length ? `(${or.join(" OR ")})` : "1 = 0", params };
}

export async function listContractsFor(user: Pick<SessionUser, "id" | "roles">, requestedPage: number) {
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), CONTRACTS_MAX_PAGE);
  const visible = visibleContractsSql(user);
  const rows = await reads().all<{
    id: string;
    number: string;
    status: string;
    valueLak: number;
    currency: string;
    createdAt: string;
    foLo: string;
    foEn: string;
    company: string;
  }>(
    `SELECT c.id, c.number, c.status, c.valueLak, c.currency, c.createdAt, o.nameLo AS foLo, o.nameEn AS foEn, t.name AS company
     FROM Contract c JOIN Organisation o ON o.id = c.organisationId JOIN TraderCompany t ON t.id = c.companyId
     WHERE ${visible.sql} ORDER BY c.createdAt DESC, c.id DESC LIMIT ${CONTRACTS_PAGE_SIZE + 1} OFFSET ${(page - 1) * CONTRACTS_PAGE_SIZE}`,
    ...visible.params,
  );
  return {
    page,
    hasMore: rows.length > CONTRACTS_PAGE_SIZE && page < CONTRACTS_MAX_PAGE,
    contracts: rows.slice(0, CONTRACTS_PAGE_SIZE).map((c) => ({ ...c, currency: contractCurrencyOf(c.currency), createdAt: fromSqlDate(c.createdAt) })),
  };
}
