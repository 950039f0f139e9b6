// Sessions live in the database; the cookie carries only the signed session id,
// so signing out or disabling a user ends the session everywhere at once.
import { randomBytes } from "node:crypto";
import { createCookie } from "react-router";
import type { Db, Tx } from "./db.server";
import { env } from "./env.server";
import { fromSqlDate, reads } from "./reads.server";

export const SESSION_DAYS = 30;

let cookie: ReturnType<typeof createCookie> | undefined;
function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: env().SESSION_COOKIE_SECURE,
    secrets: [env().SESSION_SECRET],
    maxAge: SESSION_DAYS * 24 * 3600,
  });
  return cookie;
}

// Verifying the cookie's signature (HMAC through Web Crypto) on every request
// costs more than the session query; a cookie header verified once is
// remembered. Only verified values enter, so a forged cookie is still checked.
const VERIFIED_MAX = 2000;
const verified = new Map<string, string | null>();

export async function readSessionId(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const known = verified.get(header);
  if (known !== undefined) return known;
  const value: unknown = await sessionCookie().parse(header);
  const id = typeof value === "string" && value.length > 0 ? value : null;
  if (id) {
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(header, id);
  }
  return id;
}

/** Creates the session row and returns the Set-Cookie header value for it. */
export async function startSession(db: Db, userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 3600_000);
  await db.session.create({ data: { id, userId, expiresAt } });
  return sessionCookie().serialize(id);
}

/** Deletes the session row and returns the Set-Cookie header that clears the cookie. */
export async function endSession(db: Db, request: Request): Promise<string> {
  const id = await readSessionId(request);
  if (id) await db.session.deleteMany({ where: { id } });
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * Ends every session of the user but `keepSessionId` (the one making the
 * change), at once: each request looks its session up, so a revoked cookie
 * signs nobody in from its next request. Returns how many were ended.
 */
export async function revokeOtherSessions(tx: Pick<Tx, "session">, userId: string, keepSessionId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId, id: { not: keepSessionId } } });
  return count;
}

/** Ends every session of the user (an account disabled, a password reset by someone else). */
export async function revokeAllSessions(tx: Pick<Tx, "session">, userId: string): Promise<number> {
  const { count } = await tx.session.deleteMany({ where: { userId } });
  return count;
}

type SessionRow = {
  expiresAt: string;
  id: string;
  name: string;
  email: string | null;
  phone: string | null;
  locale: string | null;
  status: string;
  role: string | null;
};

// One indexed query on every request: the session by its key, its user, and
// the user's roles (one row per role).
const SESSION_USER_SQL = `
  SELECT s.expiresAt, u.id, u.name, u.email, u.phone, u.locale, u.status, r.role
  FROM Session s
  JOIN User u ON u.id = s.userId
  LEFT JOIN UserRole r ON r.userId = u.id
  WHERE s.id = ?`;

/** The signed-in user of a live session with an active account, else null. */
export async function findSessionUser(sessionId: string, now = Date.now()) {
  const rows = await reads().all<SessionRow>(SESSION_USER_SQL, sessionId);
  const first = rows[0];
  if (!first || fromSqlDate(first.expiresAt).getTime() <= now || first.status !== "active") return null;
  return {
    id: first.id,
    name: first.name,
    email: first.email,
    phone: first.phone,
    locale: first.locale,
    status: first.status,
    roles: rows.flatMap((r) => (r.role === null ? [] : [{ role: r.role }])),
  };
}
