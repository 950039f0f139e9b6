// A user's sex, as they state it (or an administrator records it for them):
// written into the signatories of a contract generated afterwards (templates
// version 2, the Legal Guide's "sex and role" of each signatory). Contracts
// already written keep what they froze. Audited like other account changes.
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import type { Sex } from "./sex";

type Actor = { id: string; roles: readonly Role[] };
export type SetSexResult = { ok: true; changed: boolean } | { ok: false; reason: "notFound" };

/** The user states their own sex, or an administrator records someone's; anyone else finds no such user. */
export async function setUserSex(db: Db, actor: Actor, userId: string, sex: Sex): Promise<SetSexResult> {
  if (actor.id !== userId && !actor.roles.includes("admin")) return { ok: false, reason: "notFound" };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { sex: true } });
    if (!user) return { ok: false, reason: "notFound" } as const;
    if (user.sex === sex) return { ok: true, changed: false } as const;
    const { count } = await tx.user.updateMany({ where: { id: userId, sex: user.sex }, data: { sex } });
    if (count === 0) return { ok: true, changed: false } as const;
    await recordAudit(tx, { actorId: actor.id, action: "user.sexStated", entityType: "User", entityId: userId, before: { sex: user.sex }, after: { sex } });
    return { ok: true, changed: true } as const;
  });
}
