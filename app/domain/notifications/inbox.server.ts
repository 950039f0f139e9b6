// A person's inbox: the notifications addressed to them, newest first. Every
// query is limited to the reader's own notifications, so another person's
// notification is simply not found.
//
// Reading a notification is not audited: it changes nothing anyone else relies
// on, and an audit row per click would bury the events that matter.
import { z } from "zod";
import type { Db } from "~/utils/db.server";
import { idField } from "~/utils/fields";

export const INBOX_PAGE_SIZE = 20;

/** The inbox's two forms: open (mark read) one notification, or mark all read. */
export const InboxActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("read"), id: idField }), z.object({ intent: z.literal("readAll") })],
  { error: "validation:invalidChoice" },
);
export type InboxAction = z.output<typeof InboxActionSchema>;

/** The header's count: one indexed count over (userId, readAt). */
export function countUnread(db: Db, userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function listInbox(db: Db, userId: string, requestedPage: number) {
  const [total, unread] = await Promise.all([db.notification.count({ where: { userId } }), countUnread(db, userId)]);
  const pageCount = Math.max(1, Math.ceil(total / INBOX_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.trunc(requestedPage) || 1), pageCount);
  const items = await db.notification.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * INBOX_PAGE_SIZE,
    take: INBOX_PAGE_SIZE,
    select: { id: true, kind: true, params: true, link: true, readAt: true, createdAt: true },
  });
  return { items, total, unread, page, pageCount };
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
