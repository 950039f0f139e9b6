// A signed-in user changing their own password: the current one first (a
// session left open on a shared phone must not be enough to take the account),
// the new one twice, with registration's rules. Every other session of the
// user ends in the same transaction; the one making the change stays.
// Wrong current passwords count as sign-in failures of the account from this
// address, so the form cannot be used to guess the password faster than the
// sign-in page can.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { passwordField } from "~/utils/fields";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "~/utils/forms";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { revokeOtherSessions } from "~/utils/session.server";
import { accountKey, attemptSucceeded, startAttempt } from "./sign-in.server";

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }).max(200, { error: "validation:tooLong" }),
    newPassword: passwordField,
    newPasswordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.newPasswordConfirm) ctx.addIssue({ code: "custom", path: ["newPasswordConfirm"], message: "validation:passwordsDiffer" });
  });

export type ChangePasswordResult =
  | { ok: true; sessionsEnded: number }
  | { ok: false; fieldErrors: FieldErrors; formError?: string }
  | { ok: false; fieldErrors: FieldErrors; retryAfterSeconds: number };

export async function changePassword(
  db: Db,
  who: { userId: string; sessionId: string; clientAddress: string },
  formData: FormData,
  now = new Date(),
): Promise<ChangePasswordResult> {
  const parsed = ChangePasswordSchema.safeParse(formDataToObject(formData));
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues) };
  const { currentPassword, newPassword } = parsed.data;

  const key = accountKey(who.userId);
  const attempt = await startAttempt(db, key, who.clientAddress, now);
  if (!attempt.ok) return { ok: false, fieldErrors: {}, retryAfterSeconds: attempt.retryAfterSeconds };

  const user = await db.user.findUniqueOrThrow({ where: { id: who.userId }, select: { passwordHash: true } });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    return { ok: false, fieldErrors: { currentPassword: "auth:password.currentWrong" } };
  }
  await attemptSucceeded(db, key, who.clientAddress);

  const passwordHash = await hashPassword(newPassword);
  const sessionsEnded = await db.$transaction(async (tx) => {
    // Only over the hash just checked: two changes at once cannot both win.
    const { count } = await tx.user.updateMany({ where: { id: who.userId, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (count === 0) return null;
    const ended = await revokeOtherSessions(tx, who.userId, who.sessionId);
    await recordAudit(tx, {
      actorId: who.userId,
      action: "user.password_changed",
      entityType: "User",
      entityId: who.userId,
      after: { sessionsEnded: ended },
    });
    return ended;
  });
  if (sessionsEnded === null) return { ok: false, fieldErrors: {}, formError: "auth:password.changedMeanwhile" };
  return { ok: true, sessionsEnded };
}
