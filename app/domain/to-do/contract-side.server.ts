// The contract side of the to-do list (./to-do), the same for both parties:
// contracts waiting for the party's signature, and the other party's records
// waiting for the party's answer, one entry per contract. Each statement
// starts from the reader's own rows (OrganisationLeader or TraderStaff by
// userId) and reaches the contracts by (organisationId | companyId, status):
// only contracts awaiting signatures, in force or disputed, never the
// history. Prepared statements.
import { localName } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { reads } from "~/utils/reads.server";
import { capped, group, TO_DO_SHOWN, type ToDoGroup } from "./to-do";

export type Side = "fo" | "trader";

const LIMIT = TO_DO_SHOWN + 1;

/** The reader's contracts (alias c) and the other party's name (partyLo, partyEn). */
const SCOPE: Record<Side, { from: string; party: string; partyColumns: string }> = {
  fo: {
    from: "OrganisationLeader m JOIN Contract c ON c.organisationId = m.organisationId JOIN TraderCompany p ON p.id = c.companyId",
    party: "p.name AS partyLo, p.name AS partyEn",
    partyColumns: "p.name",
  },
  trader: {
    from: "TraderStaff m JOIN Contract c ON c.companyId = m.companyId JOIN Organisation p ON p.id = c.organisationId",
    party: "p.nameLo AS partyLo, p.nameEn AS partyEn",
    partyColumns: "p.nameLo, p.nameEn",
  },
};

const other = (side: Side): Side => (side === "fo" ? "trader" : "fo");

/** Contracts waiting for this side's signature, the oldest first. */
export function toSignSql(side: Side): string {
  const { from, party } = SCOPE[side];
  return `SELECT c.id, c.number, ${party}, 1 AS n FROM ${from}
    WHERE m.userId = ? AND c.status = 'awaiting_signatures'
      AND NOT EXISTS (SELECT 1 FROM ContractSignature s WHERE s.contractId = c.id AND s.party = '${side}')
    ORDER BY c.createdAt ASC, c.number ASC LIMIT ${LIMIT}`;
}

export type Answerable = "deliveries" | "payments" | "disputes";

/**
 * The other side's records waiting for this side's answer, by contract, the
 * contract whose record waits longest first: deliveries it recorded and
 * payments the trader recorded, neither confirmed nor contested yet, on
 * contracts in force or disputed; disputes it raised and this side has not
 * answered (a contract with an unresolved dispute is disputed).
 */
export function toAnswerSql(side: Side, kind: Answerable): string {
  const { from, party, partyColumns } = SCOPE[side];
  const records =
    kind === "deliveries"
      ? `JOIN Delivery z ON z.contractId = c.id AND z.status = 'recorded' AND z.recordedByParty = '${other(side)}'`
      : kind === "payments"
        ? "JOIN Payment z ON z.contractId = c.id AND z.status = 'recorded'"
        : `JOIN Dispute z ON z.contractId = c.id AND z.status = 'open' AND z.raisedByParty = '${other(side)}'`;
  const statuses = kind === "disputes" ? "'disputed'" : "'active', 'disputed'";
  return `SELECT c.id, c.number, ${party}, count(*) AS n FROM ${from} ${records}
    WHERE m.userId = ? AND c.status IN (${statuses})
    GROUP BY c.id, c.number, ${partyColumns} ORDER BY min(z.createdAt) ASC, c.number ASC LIMIT ${LIMIT}`;
}

type Row = { id: string; number: string; partyLo: string; partyEn: string; n: number };

const PAGE: Record<"sign" | Answerable, (id: string) => string> = {
  sign: (id) => `/contracts/${id}`,
  deliveries: (id) => `/contracts/${id}/deliveries`,
  payments: (id) => `/contracts/${id}/payments`,
  disputes: (id) => `/contracts/${id}/disputes`,
};

/** The contract groups of a side's to-do list: to sign, then the records to answer (payments only for the FO, who confirms them). */
export async function contractToDo(side: Side, userId: string, locale: Locale): Promise<ToDoGroup[]> {
  const kinds: ("sign" | Answerable)[] = side === "fo" ? ["sign", "deliveries", "payments", "disputes"] : ["sign", "deliveries", "disputes"];
  const rows = await Promise.all(kinds.map((kind) => reads().all<Row>(kind === "sign" ? toSignSql(side) : toAnswerSql(side, kind), userId)));
  return kinds.map((kind, i) =>
    group(
      kind,
      rows[i]!,
      (r) => ({ kind, href: PAGE[kind](r.id), ...capped(r.n), number: r.number, party: localName({ nameLo: r.partyLo, nameEn: r.partyEn }, locale) }),
      "/contracts",
    ),
  );
}
