// Sessions live in the database; the cookie carries only the signed session id,
// so signing out or disabling a user ends the session everywhere at once.
import { randomBytes } from "node:crypto";
import { createCookie } from "react-router";
import type { Db } from "./db.server";
import { env } from "./env.server";

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

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
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

export async function findSessionUser(db: Db, sessionId: string) {
  const session = await db.session.findUnique({
    where: { id: sessionId },
    select: {
      expiresAt: true,
      user: {
        select: {
          id: true,
          name: true,
          email: true,
          phone: true,
          locale: true,
          status: true,
          roles: { select: { role: true } },
        },
      },
    },
  });
  if (!session || session.expiresAt.getTime() <= Date.now() || session.user.status !== "active") return null;
  return session.user;
}
