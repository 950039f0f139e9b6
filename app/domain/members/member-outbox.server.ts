// Queues SMS to member households in the outbox, at most once per piece of
// news: each message carries a dedupe key naming what it reports (a lot, a
// payout line, a contract, a week), and a key already queued is not queued
// again (~/domain/notifications/outbox.server), so a retried request or a job
// run twice sends nothing twice. Runs in the caller's transaction; the
// transports send what is queued.
import { enqueueMessages } from "~/domain/notifications/outbox.server";
import type { Tx } from "~/utils/db.server";

export type MemberSms = { memberId: string; recipient: string; body: string; dedupeKey: string };

/** Queues the messages whose keys were never queued; returns how many it queued. */
export async function queueMemberSms(tx: Tx, messages: readonly MemberSms[]): Promise<number> {
  return enqueueMessages(
    tx,
    messages.map((m) => ({ channel: "sms" as const, memberId: m.memberId, recipient: m.recipient, subject: null, body: m.body, dedupeKey: m.dedupeKey })),
  );
}
