// The last step of the demo seed: every notification the demo market, contracts
// and history raised arrives unread, which would greet a demo account with dozens
// of messages. Each user keeps only their few most recent meaningful ones (a kind
// the portal renders and a link to act on) unread; the rest are marked read at
// the seeding moment. Newest first by creation time, then id, so a re-run over
// the same rows picks the same ones.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { isNotificationKind } from "../../app/domain/notifications/kinds";

/** How many notifications each demo user keeps unread. */
export const DEMO_UNREAD_KEPT = 5;

export async function readOldDemoNotifications(db: PrismaClient, now = new Date(), keep = DEMO_UNREAD_KEPT): Promise<number> {
  const unread = await db.notification.findMany({
    where: { readAt: null },
    select: { id: true, userId: true, kind: true, link: true },
    orderBy: [{ userId: "asc" }, { createdAt: "desc" }, { id: "desc" }],
  });
  const kept = new Map<string, number>();
  const toRead: string[] = [];
  for (const n of unread) {
    const count = kept.get(n.userId) ?? 0;
    if (count < keep && n.link !== null && isNotificationKind(n.kind)) kept.set(n.userId, count + 1);
    else toRead.push(n.id);
  }
  let read = 0;
  for (let i = 0; i < toRead.length; i += 500) {
    const { count } = await db.notification.updateMany({ where: { id: { in: toRead.slice(i, i + 500) } }, data: { readAt: now } });
    read += count;
  }
  return read;
}
