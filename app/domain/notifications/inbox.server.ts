// A person's inbox: the notifications addressed to them, newest first. Every
// query is limited to the reader's own notifications, so another person's
// notification is simply not found.
//
// Reading a notification is not audited: it changes nothing anyone else relies
// on, and an audit row per click would bury the events that matter.
import { z } from "zod";
import type { Db } from "~/utils/db.server";
import { idField } from "~/utils/fields";
import { fromSqlDate, reads } from "~/utils/reads.server";

export const INBOX_PAGE_SIZE = 20;

/** The inbox's two forms: open (mark read) one notification, or mark all read. */
export const InboxActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("read"), id: idField }), z.object({ intent: z.literal("readAll") })],
  { error: "validation:invalidChoice" },
);
export type InboxAction = z.output<typeof InboxActionSchema>;

/** The header shows at most this many unread ("99+" beyond): counting further would grow with history. */
export const UNREAD_SHOWN_MAX = 99;

/**
 * The header's count, on every page: an indexed count over (userId, readAt)
 * that stops after UNREAD_SHOWN_MAX + 1 rows, so an inbox of thousands costs
 * no more than one of a hundred.
 */
/** What the header shows: nothing when all is read, the count, or "99+". */
export function unreadLabel(count: number): string | null {
  return count === 0 ? null : count > UNREAD_SHOWN_MAX ? `${UNREAD_SHOWN_MAX}+` : String(count);
}

export async function countUnread(userId: string): Promise<number> {
  const row = await reads().get<{ n: number }>(
    "SELECT count(*) AS n FROM (SELECT 1 FROM Notification WHERE userId = ? AND readAt IS NULL LIMIT ?) AS unread",
    userId,
    UNREAD_SHOWN_MAX + 1,
  );
  return row?.n ?? 0;
}

/** The inbox offers this many pages; older notifications are pruned after NOTIFICATION_KEEP_DAYS (./jobs.server). */
export const INBOX_MAX_PAGES = 50;

export async function listInbox(_db: Db, userId: string, requestedPage: number) {
  const counted = await reads().get<{ n: number }>(
    "SELECT count(*) AS n FROM (SELECT 1 FROM Notification WHERE userId = ? LIMIT ?) AS mine",
    userId,
    INBOX_MAX_PAGES * INBOX_PAGE_SIZE,
  );
  const total = counted?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  const [unread, rows] = await Promise.all([
    countUnread(userId),
    reads().all<{ id: string; kind: string; params: string; link: string | null; readAt: string | null; createdAt: string }>(
      `SELECT id, kind, params, link, readAt, createdAt FROM Notification WHERE userId = ? ORDER BY createdAt DESC, id DESC LIMIT ${INBOX_PAGE_SIZE} OFFSET ${(page - 1) * INBOX_PAGE_SIZE}`,
      userId,
    ),
  ]);
  const items = rows.map((r) => ({ ...r, readAt: fromSqlDate(r.readAt), createdAt: fromSqlDate(r.createdAt) }));
  return { items, total, unread, unreadLabel: unreadLabel(unread), page, pageCount };
}

export type MarkReadResult = { ok: true; link: string | null } | { ok: false; reason: "notFound" };

/** Marks one of the reader's notifications read (again is harmless) and returns where it points. */
export async function markNotificationRead(db: Db, userId: string, id: string, now = new Date()): Promise<MarkReadResult> {
  const found = await db.notification.findFirst({ where: { id, userId }, select: { link: true } });
  if (!found) return { ok: false, reason: "notFound" };
  await db.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: now } });
  return { ok: true, link: found.link };
}

/** Marks all of the reader's unread notifications read; returns how many. */
export async function markAllNotificationsRead(db: Db, userId: string, now = new Date()): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: now } });
  return count;
}
