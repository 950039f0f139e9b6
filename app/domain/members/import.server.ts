// Importing a member list read from a CSV or Excel file: all or nothing. Every row is checked
// first; if any row is rejected nothing is written and the leader gets the
// row-by-row report, so a file is never half-imported and can simply be fixed
// and sent again.
import type { Db } from "~/utils/db.server";
import { checkMemberRecords, type CsvRowResult, type Message, type RowProblem } from "./records";
import { getRegisterContext, memberSnapshot } from "./register.server";

export type RejectedRow = { row: number; name: string; problems: RowProblem[] };
export type ImportedRow = { row: number; name: string; villageId: string };

export type ImportResult =
  | { outcome: "failed"; error: Message }
  | { outcome: "rejected"; total: number; rejected: RejectedRow[] }
  | { outcome: "imported"; total: number; imported: ImportedRow[] };

export async function importMembers(db: Db, actor: { id: string }, organisationId: string, records: readonly (readonly string[])[]): Promise<ImportResult> {
  // Checked and written in one transaction, so a member added meanwhile is seen
  // by the duplicate check or the import fails as a whole.
  return db.$transaction(
    async (tx) => {
      const context = await getRegisterContext(tx, organisationId);
      if (!context) return { outcome: "failed", error: { key: "errors:404.text" } } as const;
      const existing = await tx.member.findMany({ where: { organisationId }, select: { name: true, birthYear: true } });
      const parsed = checkMemberRecords(records, { villages: context.villages, existing });
      if (!parsed.ok) return { outcome: "failed", error: parsed.error } as const;

      const rejected = parsed.rows.filter((r): r is Extract<CsvRowResult, { ok: false }> => !r.ok);
      if (rejected.length) {
        return {
          outcome: "rejected",
          total: parsed.rows.length,
          rejected: rejected.map(({ row, name, problems }) => ({ row, name, problems })),
        } as const;
      }

      const accepted = parsed.rows.filter((r): r is Extract<CsvRowResult, { ok: true }> => r.ok);
      const created = await tx.member.createManyAndReturn({
        data: accepted.map(({ values }) => ({
          organisationId,
          name: values.name,
          householdHeadSex: values.householdHeadSex,
          memberSex: values.memberSex,
          birthYear: values.birthYear,
          villageId: values.villageId,
          phone: values.phone ?? null,
        })),
        select: memberSnapshot,
      });
      // One event per member, as for a member added by hand, and one for the import.
      await tx.auditEvent.createMany({
        data: created.map((member) => ({
          actorId: actor.id,
          action: "member.added",
          entityType: "Member",
          entityId: member.id,
          after: JSON.stringify({ ...member, source: "import" }),
        })),
      });
      await tx.auditEvent.create({
        data: {
          actorId: actor.id,
          action: "members.imported",
          entityType: "Organisation",
          entityId: organisationId,
          after: JSON.stringify({ count: created.length, memberIds: created.map((m) => m.id) }),
        },
      });
      return {
        outcome: "imported",
        total: accepted.length,
        imported: accepted.map(({ row, values }) => ({ row, name: values.name, villageId: values.villageId })),
      } as const;
    },
    { timeout: 30_000 },
  );
}
