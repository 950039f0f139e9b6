// An administrator grants and removes platform roles. Removing one's own admin
// role is refused so that the portal never loses its last way in by accident.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { idField } from "~/utils/fields";
import { roles, type Role } from "~/utils/roles";

export const SetRolesSchema = z.object({
  userId: idField,
  "roles[]": z.array(z.enum(roles, { error: "validation:invalidChoice" })).default([]),
});

export type SetRolesResult = { ok: true; name: string } | { ok: false; reason: "notFound" | "ownAdmin" };

export async function setUserRoles(db: Db, actor: { id: string }, userId: string, wanted: readonly Role[]): Promise<SetRolesResult> {
  const next = [...new Set(wanted)].sort();
  if (actor.id === userId && !next.includes("admin")) return { ok: false, reason: "ownAdmin" };

  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, roles: { select: { role: true } } } });
    if (!user) return { ok: false, reason: "notFound" } as const;
    const before = user.roles.map((r) => r.role).sort();
    await tx.userRole.deleteMany({ where: { userId, role: { notIn: next } } });
    for (const role of next.filter((r) => !before.includes(r))) {
      await tx.userRole.create({ data: { userId, role } });
    }
    await recordAudit(tx, { actorId: actor.id, action: "user.roles_set", entityType: "User", entityId: userId, before, after: next });
    return { ok: true, name: user.name } as const;
  });
}
