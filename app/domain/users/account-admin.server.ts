// Managing other people's accounts: an administrator disables or re-enables a
// user, and a facilitator or an administrator makes a one-time code for someone
// who forgot their password (the user then sets a new one at /account/reset).
//
// Who may make a code for whom:
// - an administrator, for anyone but themselves;
// - a facilitator, for the leaders of FOs in their districts and the traders of
//   companies based in the provinces of their districts, but never for an
//   administrator or another facilitator (a code is a way into the account, and
//   a facilitator must not gain more than they have).
import { z } from "zod";
import { hashResetCode, newResetCode, RESET_CODE_HOURS } from "~/domain/auth/reset-code.server";
import { identifierKey } from "~/domain/auth/sign-in.server";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { revokeAllSessions } from "~/utils/session.server";
import type { Role } from "~/utils/roles";

export type Actor = { id: string; roles: readonly Role[] };

export const AccountActionSchema = z.object({
  intent: z.enum(["disable", "enable", "resetCode"], { error: "validation:invalidChoice" }),
});

export const ResetIdentifierSchema = z.object({
  identifier: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(200, { error: "validation:tooLong" }),
});

export type SetStatusResult =
  { ok: true; name: string; changed: boolean; sessionsEnded: number } | { ok: false; reason: "forbidden" | "ownAccount" | "notFound" };

/** Disables (ending every session of the user at once) or re-enables an account. */
export async function setUserStatus(db: Db, actor: Actor, userId: string, status: "active" | "disabled"): Promise<SetStatusResult> {
  if (!actor.roles.includes("admin")) return { ok: false, reason: "forbidden" };
  if (actor.id === userId) return { ok: false, reason: "ownAccount" };
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { name: true, status: true } });
    if (!user) return { ok: false, reason: "notFound" } as const;
    if (user.status === status) return { ok: true, name: user.name, changed: false, sessionsEnded: 0 } as const;
    await tx.user.update({ where: { id: userId }, data: { status } });
    const sessionsEnded = status === "disabled" ? await revokeAllSessions(tx, userId) : 0;
    await recordAudit(tx, {
      actorId: actor.id,
      action: status === "disabled" ? "user.disabled" : "user.enabled",
      entityType: "User",
      entityId: userId,
      before: { status: user.status },
      after: { status, sessionsEnded },
    });
    return { ok: true, name: user.name, changed: true, sessionsEnded } as const;
  });
}

/** Whether `actor` may make a reset code for `userId` (who exists). */
export async function mayMakeResetCode(db: Db, actor: Actor, userId: string): Promise<boolean> {
  if (actor.id === userId) return false;
  if (actor.roles.includes("admin")) return true;
  if (!actor.roles.includes("facilitator")) return false;
  const privileged = await db.userRole.count({ where: { userId, role: { in: ["admin", "facilitator"] } } });
  if (privileged > 0) return false;
  const districts = await db.facilitatorDistrict.findMany({
    where: { userId: actor.id },
    select: { districtId: true, district: { select: { provinceId: true } } },
  });
  if (districts.length === 0) return false;
  const districtIds = districts.map((d) => d.districtId);
  const provinceIds = [...new Set(districts.map((d) => d.district.provinceId))];
  const leads = await db.organisationLeader.count({ where: { userId, organisation: { village: { districtId: { in: districtIds } } } } });
  if (leads > 0) return true;
  const trades = await db.traderStaff.count({ where: { userId, company: { baseProvinceId: { in: provinceIds } } } });
  return trades > 0;
}

export type MakeResetCodeResult = { ok: true; name: string; code: string; expiresAt: Date } | { ok: false; reason: "ownAccount" | "notFound" };

/**
 * Makes a new code for the user (any older unused code stops working) and
 * returns it: this is the only time it exists outside the person's hands. A
 * user the actor may not reset is "notFound", so that a facilitator learns
 * nothing about accounts outside their districts.
 */
export async function makeResetCode(db: Db, actor: Actor, userId: string, now = new Date()): Promise<MakeResetCodeResult> {
  if (actor.id === userId) return { ok: false, reason: "ownAccount" };
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true } });
  if (!user || !(await mayMakeResetCode(db, actor, user.id))) return { ok: false, reason: "notFound" };
  const code = newResetCode();
  const expiresAt = new Date(now.getTime() + RESET_CODE_HOURS * 3600_000);
  await db.$transaction(async (tx) => {
    const replaced = await tx.passwordReset.deleteMany({ where: { userId, usedAt: null } });
    const row = await tx.passwordReset.create({
      data: { userId, codeHash: hashResetCode(userId, code), createdById: actor.id, expiresAt, createdAt: now },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "user.reset_code_made",
      entityType: "User",
      entityId: userId,
      after: { resetId: row.id, expiresAt: expiresAt.toISOString(), replaced: replaced.count },
    });
  });
  return { ok: true, name: user.name, code, expiresAt };
}

/** The account a phone number or e-mail names, if any. */
export async function findUserByIdentifier(db: Db, identifier: string): Promise<{ id: string } | null> {
  const key = identifierKey(identifier);
  return db.user.findUnique({ where: key.includes("@") ? { email: key } : { phone: key }, select: { id: true } });
}
