// Signing in with a phone number or an e-mail and a password. Failed attempts
// are counted per identifier; after too many in the window the account is
// locked for the rest of it, even for the right password, to slow guessing.
import type { Db } from "~/utils/db.server";
import { normalisePhone } from "~/utils/fields";
import { hashPassword, verifyPassword } from "~/utils/password.server";

export const MAX_FAILURES = 5;
export const FAILURE_WINDOW_MINUTES = 15;

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "tooMany"; minutesLeft: number };

/** The key failures are counted under: the normalised phone or e-mail, else the raw text. */
export function identifierKey(identifier: string): string {
  const trimmed = identifier.trim().toLowerCase();
  if (trimmed.includes("@")) return trimmed;
  return normalisePhone(trimmed) ?? trimmed;
}

let dummyHash: Promise<string> | undefined;

export async function signIn(db: Db, input: { identifier: string; password: string }, now = new Date()): Promise<SignInResult> {
  const key = identifierKey(input.identifier);
  const windowStart = new Date(now.getTime() - FAILURE_WINDOW_MINUTES * 60_000);

  const recent = await db.signInFailure.findMany({
    where: { identifier: key, createdAt: { gt: windowStart } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: MAX_FAILURES,
  });
  if (recent.length >= MAX_FAILURES) {
    const oldest = recent[0]!.createdAt.getTime();
    const unlockAt = oldest + FAILURE_WINDOW_MINUTES * 60_000;
    return { ok: false, reason: "tooMany", minutesLeft: Math.max(1, Math.ceil((unlockAt - now.getTime()) / 60_000)) };
  }

  const user = await db.user.findUnique({
    where: key.includes("@") ? { email: key } : { phone: key },
    select: { id: true, passwordHash: true, status: true },
  });
  // Verify against a throwaway hash when there is no such user, so the answer
  // takes as long either way and does not tell which accounts exist.
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword("no-such-user")), input.password).then(() => false);

  if (!user || !valid) {
    await db.$transaction([
      db.signInFailure.deleteMany({ where: { createdAt: { lte: windowStart } } }),
      db.signInFailure.create({ data: { identifier: key, createdAt: now } }),
    ]);
    return { ok: false, reason: "invalid" };
  }
  if (user.status !== "active") return { ok: false, reason: "disabled" };

  await db.signInFailure.deleteMany({ where: { identifier: key } });
  return { ok: true, userId: user.id };
}
