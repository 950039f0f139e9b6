// Signing in with a phone number or an e-mail and a password, slowed down per
// client address and per account (throttle.ts has the rule). The identifier is
// resolved to its account first, so the e-mail and the phone of one person
// count as one account; an identifier that names no account is counted under
// its own text, so asking about made-up accounts is limited the same way.
//
// An attempt that has to wait is answered at once: no password hash is
// computed for it and it is not counted. One that may go ahead is recorded as a
// failure before the password is checked (in the transaction that checks the
// counts, so a burst of parallel attempts cannot all slip past the limit), and
// that row is removed again when the password was right.
import { UNKNOWN_ADDRESS } from "~/utils/client-address.server";
import { engineOf, type Db, type Tx } from "~/utils/db.server";
import { normalisePhone } from "~/utils/fields";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { fromSqlDate, reads, sqlDate } from "~/utils/reads.server";
import { THROTTLE_RULES, waitSeconds, type ScopeCount, type ThrottleScope } from "./throttle";

export type SignInResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "disabled" }
  | { ok: false; reason: "tooMany"; retryAfterSeconds: number };

/** The normalised phone or e-mail, else the trimmed, lower-cased text. */
export function identifierKey(identifier: string): string {
  const trimmed = identifier.trim().toLowerCase();
  if (trimmed.includes("@")) return trimmed;
  return normalisePhone(trimmed) ?? trimmed;
}

/** What failures are counted under for an account, whichever identifier named it. */
export const accountKey = (userId: string) => `user:${userId}`;
/** …and for an identifier that names no account. */
export const unknownIdentifierKey = (key: string) => `text:${key}`;

let dummyHash: Promise<string> | undefined;

const USER_BY_EMAIL_SQL = `SELECT id, passwordHash, status FROM User WHERE email = ?`;
const USER_BY_PHONE_SQL = `SELECT id, passwordHash, status FROM User WHERE phone = ?`;

type Where = { identifier?: string; address?: string };
/** Failures matching `where` since `since`: how many, and the latest. */
type Counter = (where: Where, since: Date) => Promise<ScopeCount>;

// Outside a transaction, on the prepared read connection: an attempt that has
// to wait (all an attacker's attempts, soon) costs a few indexed reads, no Prisma.
const COUNT_SQL = {
  pair: `SELECT COUNT(*) AS n, MAX(createdAt) AS lastAt FROM SignInFailure WHERE identifier = ? AND address = ? AND createdAt > ?`,
  address: `SELECT COUNT(*) AS n, MAX(createdAt) AS lastAt FROM SignInFailure WHERE address = ? AND createdAt > ?`,
  account: `SELECT COUNT(*) AS n, MAX(createdAt) AS lastAt FROM SignInFailure WHERE identifier = ? AND createdAt > ?`,
};
const readCounter: Counter = async (where, since) => {
  const sql =
    where.identifier !== undefined && where.address !== undefined ? COUNT_SQL.pair : where.address !== undefined ? COUNT_SQL.address : COUNT_SQL.account;
  const params = [where.identifier, where.address].filter((v): v is string => v !== undefined);
  const row = await reads().get<{ n: number; lastAt: string | null }>(sql, ...params, sqlDate(since));
  return { failures: row?.n ?? 0, lastAt: fromSqlDate(row?.lastAt ?? null) };
};

// Inside the transaction that records the attempt: the authoritative count.
const txCounter =
  (tx: Pick<Tx, "signInFailure">): Counter =>
  async (where, since) => {
    const r = await tx.signInFailure.aggregate({ where: { ...where, createdAt: { gt: since } }, _count: { _all: true }, _max: { createdAt: true } });
    return { failures: r._count._all, lastAt: r._max.createdAt };
  };

/** The whole seconds an attempt for `key` from `address` must wait at `now`, counted with `count`. */
async function wait(count: Counter, key: string, address: string, now: Date): Promise<number> {
  const since = (scope: ThrottleScope) => new Date(now.getTime() - THROTTLE_RULES[scope].windowMs);
  const counts: Record<ThrottleScope, ScopeCount> = {
    pair: await count({ identifier: key, address }, since("pair")),
    address: await count({ address }, since("address")),
    account: await count({ identifier: key }, since("account")),
  };
  return waitSeconds(counts, now);
}

/** PostgreSQL's advisory lock that orders the sign-in attempts (any number the portal uses for nothing else). */
const SIGN_IN_LOCK = 7_140_001;

export type AttemptStarted = { ok: true; failureId: string } | { ok: false; retryAfterSeconds: number };

/**
 * Asks whether an attempt for `key` from `address` may check a password now.
 * If it may, a failure row is written for it (and the caller clears it on
 * success with `attemptSucceeded`); if not, the whole seconds to wait.
 */
export async function startAttempt(db: Db, key: string, address: string, now = new Date()): Promise<AttemptStarted> {
  const early = await wait(readCounter, key, address, now);
  if (early > 0) return { ok: false, retryAfterSeconds: early };
  // Counted again where the row is written: attempts arriving together are
  // recorded one after the other, and each sees those before it. SQLite's one
  // write lock does that by itself; on PostgreSQL two transactions would both
  // count before either writes, so every attempt first takes one lock held to
  // its commit (attempts are few, and the transaction is three reads and a write).
  const postgres = engineOf(db) === "postgresql";
  return db.$transaction(async (tx) => {
    if (postgres) await tx.$queryRawUnsafe(`SELECT 1 AS "locked" FROM pg_advisory_xact_lock(${SIGN_IN_LOCK})`);
    const seconds = await wait(txCounter(tx), key, address, now);
    if (seconds > 0) return { ok: false, retryAfterSeconds: seconds };
    const row = await tx.signInFailure.create({ data: { identifier: key, address, createdAt: now }, select: { id: true } });
    return { ok: true, failureId: row.id };
  });
}

/** The password was right: the account's failures from this address are forgotten. */
export async function attemptSucceeded(db: Db, key: string, address: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { identifier: key, address } });
}

export async function signIn(db: Db, input: { identifier: string; password: string; clientAddress?: string }, now = new Date()): Promise<SignInResult> {
  const text = identifierKey(input.identifier);
  const user = await reads().get<{ id: string; passwordHash: string; status: string }>(text.includes("@") ? USER_BY_EMAIL_SQL : USER_BY_PHONE_SQL, text);
  const key = user ? accountKey(user.id) : unknownIdentifierKey(text);
  const address = input.clientAddress ?? UNKNOWN_ADDRESS;
  const attempt = await startAttempt(db, key, address, now);
  if (!attempt.ok) return { ok: false, reason: "tooMany", retryAfterSeconds: attempt.retryAfterSeconds };

  // Verify against a throwaway hash when there is no such user, so the answer
  // takes as long either way and does not tell which accounts exist.
  const valid = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyPassword(await (dummyHash ??= hashPassword("no-such-user")), input.password).then(() => false);
  if (!user || !valid) return { ok: false, reason: "invalid" };

  if (user.status !== "active") {
    // The password was right; this attempt is no guess.
    await db.signInFailure.deleteMany({ where: { id: attempt.failureId } });
    return { ok: false, reason: "disabled" };
  }
  await attemptSucceeded(db, key, address);
  return { ok: true, userId: user.id };
}
