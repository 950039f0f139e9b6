// Setting a new password with a one-time code made by a facilitator or an
// administrator. Tries are counted like sign-in attempts (per account and per
// client address, throttle.ts), so the code cannot be guessed faster than a
// password. The code works once and until it expires; using it ends every
// session of the account. One answer covers an unknown account, a wrong code,
// a used code and an expired one, so the page tells a stranger nothing.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { passwordField } from "~/utils/fields";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors } from "~/utils/forms";
import { hashPassword } from "~/utils/password.server";
import { revokeAllSessions } from "~/utils/session.server";
import { normaliseResetCode, resetCodeMatches } from "./reset-code.server";
import { accountKey, attemptSucceeded, identifierKey, startAttempt, unknownIdentifierKey } from "./sign-in.server";

export const ResetPasswordSchema = z
  .object({
    identifier: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(200, { error: "validation:tooLong" }),
    code: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(40, { error: "validation:tooLong" }),
    newPassword: passwordField,
    newPasswordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.newPassword !== v.newPasswordConfirm) ctx.addIssue({ code: "custom", path: ["newPasswordConfirm"], message: "validation:passwordsDiffer" });
  });

export type ResetPasswordResult =
  | { ok: true; userId: string; sessionsEnded: number }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string>; formError?: string }
  | { ok: false; fieldErrors: FieldErrors; values: Record<string, string>; retryAfterSeconds: number };

export async function resetPassword(db: Db, input: { clientAddress: string }, formData: FormData, now = new Date()): Promise<ResetPasswordResult> {
  const raw = formDataToObject(formData);
  const values = redisplayValues(raw);
  delete values.code;
  const parsed = ResetPasswordSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues), values };

  const text = identifierKey(parsed.data.identifier);
  const user = await db.user.findUnique({ where: text.includes("@") ? { email: text } : { phone: text }, select: { id: true } });
  const key = user ? accountKey(user.id) : unknownIdentifierKey(text);
  const attempt = await startAttempt(db, key, input.clientAddress, now);
  if (!attempt.ok) return { ok: false, fieldErrors: {}, values, retryAfterSeconds: attempt.retryAfterSeconds };

  const refused = { ok: false, fieldErrors: {}, values, formError: "auth:reset.invalid" } as const;
  const code = normaliseResetCode(parsed.data.code);
  if (!user || !code) return refused;
  const candidates = await db.passwordReset.findMany({
    where: { userId: user.id, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, codeHash: true },
  });
  const match = candidates.find((c) => resetCodeMatches(user.id, code, c.codeHash));
  if (!match) return refused;

  const passwordHash = await hashPassword(parsed.data.newPassword);
  const sessionsEnded = await db.$transaction(async (tx) => {
    // Claimed where it is marked used: two submissions of one code, one wins.
    const { count } = await tx.passwordReset.updateMany({ where: { id: match.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) return null;
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const ended = await revokeAllSessions(tx, user.id);
    await recordAudit(tx, {
      actorId: user.id,
      action: "user.password_reset",
      entityType: "User",
      entityId: user.id,
      after: { resetId: match.id, sessionsEnded: ended },
    });
    return ended;
  });
  if (sessionsEnded === null) return refused;
  await attemptSucceeded(db, key, input.clientAddress);
  return { ok: true, userId: user.id, sessionsEnded };
}
