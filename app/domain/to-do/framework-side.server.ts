// The framework side of the to-do list (./to-do), the same for both parties:
// framework contracts the other party proposed, and seasonal call-offs it
// proposed under frameworks in force, each waiting for this side's answer on
// the framework's page. Each statement starts from the reader's own rows
// (OrganisationLeader or TraderStaff by userId) and reaches the frameworks by
// (organisationId | companyId, status). Prepared statements.
import { localName } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { reads, sqlDate } from "~/utils/reads.server";
import type { Side } from "./contract-side.server";
import { capped, group, TO_DO_SHOWN, type ToDoGroup } from "./to-do";

const LIMIT = TO_DO_SHOWN + 1;

const SCOPE: Record<Side, { from: string; party: string; partyColumns: string }> = {
  fo: {
    from: "OrganisationLeader m JOIN FrameworkContract f ON f.organisationId = m.organisationId JOIN TraderCompany p ON p.id = f.companyId",
    party: "p.name AS partyLo, p.name AS partyEn",
    partyColumns: "p.name",
  },
  trader: {
    from: "TraderStaff m JOIN FrameworkContract f ON f.companyId = m.companyId JOIN Organisation p ON p.id = f.organisationId",
    party: "p.nameLo AS partyLo, p.nameEn AS partyEn",
    partyColumns: "p.nameLo, p.nameEn",
  },
};

/** Frameworks the other side proposed, waiting for this side's answer, the oldest first. */
export function frameworksToAnswerSql(side: Side): string {
  const { from, party } = SCOPE[side];
  return `SELECT f.id, f.number, ${party}, 1 AS n FROM ${from}
    WHERE m.userId = ? AND f.status = 'proposed' AND f.proposedByParty <> '${side}'
    ORDER BY f.createdAt ASC, f.number ASC LIMIT ${LIMIT}`;
}

/** Call-offs the other side proposed under frameworks in force (not ended by notice), by framework, the one waiting longest first. */
export function callOffsToAnswerSql(side: Side): string {
  const { from, party, partyColumns } = SCOPE[side];
  return `SELECT f.id, f.number, ${party}, count(*) AS n FROM ${from}
    JOIN FrameworkCallOff k ON k.frameworkId = f.id AND k.status = 'proposed' AND k.proposedByParty <> '${side}'
    WHERE m.userId = ? AND f.status = 'active' AND (f.noticeLastDay IS NULL OR f.noticeLastDay >= ?)
    GROUP BY f.id, f.number, ${partyColumns} ORDER BY min(k.createdAt) ASC, f.number ASC LIMIT ${LIMIT}`;
}

type Row = { id: string; number: string; partyLo: string; partyEn: string; n: number };

export async function frameworkToDo(side: Side, userId: string, locale: Locale, now = new Date()): Promise<ToDoGroup[]> {
  const today = sqlDate(startOfLaoDay(toLaoDateInput(now))!);
  const [frameworks, callOffs] = await Promise.all([
    reads().all<Row>(frameworksToAnswerSql(side), userId),
    reads().all<Row>(callOffsToAnswerSql(side), userId, today),
  ]);
  const entry = (kind: "frameworks" | "callOffs", hash: string) => (r: Row) => ({
    kind,
    href: `/frameworks/${r.id}${hash}`,
    ...capped(r.n),
    number: r.number,
    party: localName({ nameLo: r.partyLo, nameEn: r.partyEn }, locale),
  });
  return [group("frameworks", frameworks, entry("frameworks", ""), null), group("callOffs", callOffs, entry("callOffs", "#call-offs"), null)];
}
