// Queues SMS to member households in the outbox, at most once per piece of
// news: each message carries a dedupe key naming what it reports (a lot, a
// payout line, a contract, a week), and a key already queued is not queued
// again, so a retried request or a job run twice sends nothing twice. Runs in
// the caller's transaction; the transports send what is queued.
import type { Tx } from "~/utils/db.server";

export type MemberSms = { memberId: string; recipient: string; body: string; dedupeKey: string };

/** Queues the messages whose keys were never queued; returns how many it queued. */
export async function queueMemberSms(tx: Tx, messages: readonly MemberSms[]): Promise<number> {
  if (messages.length === 0) return 0;
  const keys = messages.map((m) => m.dedupeKey);
  // Writers take turns on SQLite, and the unique key refuses a duplicate anywhere else.
  const taken = new Set((await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((m) => m.dedupeKey));
  const fresh = [...new Map(messages.filter((m) => !taken.has(m.dedupeKey)).map((m) => [m.dedupeKey, m])).values()];
  if (fresh.length === 0) return 0;
  await tx.outboxMessage.createMany({
    data: fresh.map((m) => ({ channel: "sms", memberId: m.memberId, recipient: m.recipient, subject: null, body: m.body, dedupeKey: m.dedupeKey })),
  });
  return fresh.length;
}
