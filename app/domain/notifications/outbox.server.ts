// The outbox: e-mails and SMS written in the same transaction as the news they
// carry, sent later by a dispatcher (./jobs.server runs it every minute). How
// a message is claimed, leased, retried and given up on is explained at the
// top of ./transport.server.
import type { Db, Tx } from "~/utils/db.server";
import type { MessageTransport, OutgoingMessage } from "./transport.server";

export const MAX_SEND_ATTEMPTS = 3;
/** How long a claim holds: well past the transports' own time-outs, so a slow send is not taken for a dead one. */
export const LEASE_MS = 2 * 60_000;
/** A failed message waits this long times its attempts before the next try: a throttled SMS centre needs the pause. */
export const RETRY_AFTER_MS = 60_000;

export type NewOutboxMessage = {
  channel: OutgoingMessage["channel"];
  recipient: string;
  subject?: string | null;
  body: string;
  userId?: string | null;
  memberId?: string | null;
  /** one message per key ever: the same news queued twice (a retried request, a re-run job) goes out once */
  dedupeKey?: string | null;
};

/**
 * Queues messages inside the caller's transaction and returns how many were
 * new. A message whose dedupeKey is already queued (or repeats within the
 * batch) is skipped, not an error, so the caller's transaction goes on. The
 * keys are looked up before the insert: on SQLite a write transaction holds
 * the database's one write lock, so no other transaction can insert the same
 * key between the two. On PostgreSQL another transaction can: the key's unique
 * index makes our insert wait for it and then fail with a unique violation,
 * which rolls our transaction back, so the message is still queued once (a
 * job catches it and goes on, ./weekly-member-prices.server; a request
 * carrying the same news at the same instant fails and finds it queued on retry).
 */
export async function enqueueMessages(tx: Tx, messages: readonly NewOutboxMessage[]): Promise<number> {
  const keys = [...new Set(messages.map((m) => m.dedupeKey).filter((k): k is string => !!k))];
  const taken = new Set(
    keys.length ? (await tx.outboxMessage.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } })).map((r) => r.dedupeKey) : [],
  );
  const fresh: NewOutboxMessage[] = [];
  for (const m of messages) {
    if (m.dedupeKey) {
      if (taken.has(m.dedupeKey)) continue;
      taken.add(m.dedupeKey);
    }
    fresh.push(m);
  }
  if (fresh.length === 0) return 0;
  const { count } = await tx.outboxMessage.createMany({
    data: fresh.map((m) => ({
      channel: m.channel,
      recipient: m.recipient,
      subject: m.subject ?? null,
      body: m.body,
      userId: m.userId ?? null,
      memberId: m.memberId ?? null,
      dedupeKey: m.dedupeKey ?? null,
    })),
  });
  return count;
}

/** Queues one message; false when its dedupeKey was already queued. */
export async function enqueueMessage(tx: Tx, message: NewOutboxMessage): Promise<boolean> {
  return (await enqueueMessages(tx, [message])) === 1;
}

export type DispatchResult = { sent: number; failed: number };

type DispatchOptions = {
  /** the most messages one run sends: a run never holds the outbox for long */
  limit?: number;
  now?: () => Date;
  leaseMs?: number;
};

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

/**
 * Sends what is due, oldest first: pending messages, failed ones with tries
 * left whose pause is over, and ones left "sending" by a dispatcher whose
 * lease has passed.
 */
export async function dispatchOutbox(
  db: Db,
  transport: MessageTransport,
  { limit = 50, now = () => new Date(), leaseMs = LEASE_MS }: DispatchOptions = {},
): Promise<DispatchResult> {
  const at = now();
  const due = await db.outboxMessage.findMany({
    where: {
      OR: [
        { status: "pending" },
        { status: "failed", attempts: { lt: MAX_SEND_ATTEMPTS }, providerMessageId: null, OR: [{ leaseUntil: null }, { leaseUntil: { lte: at } }] },
        { status: "sending", providerMessageId: null, OR: [{ leaseUntil: null }, { leaseUntil: { lte: at } }] },
      ],
    },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, status: true, attempts: true, leaseUntil: true, channel: true, recipient: true, subject: true, body: true },
  });
  const result: DispatchResult = { sent: 0, failed: 0 };
  for (const message of due) {
    const claimedAt = now();
    const unchanged = { id: message.id, status: message.status, attempts: message.attempts, leaseUntil: message.leaseUntil, providerMessageId: null };
    if (message.attempts >= MAX_SEND_ATTEMPTS) {
      // Its last attempt died with its process: whether it went out is unknown, and there are no tries left.
      await db.outboxMessage.updateMany({
        where: unchanged,
        data: { status: "failed", leaseUntil: null, lastError: "The sending process stopped during the last attempt." },
      });
      continue;
    }
    const attempts = message.attempts + 1;
    const claim = await db.outboxMessage.updateMany({
      where: unchanged,
      data: { status: "sending", attempts, leaseUntil: new Date(claimedAt.getTime() + leaseMs) },
    });
    if (claim.count === 0) continue; // another dispatcher has it
    // Later writes name the claim, so a dispatcher whose lease ran out cannot overwrite the one that took over.
    const ours = { id: message.id, status: "sending", attempts };
    let receipt;
    try {
      receipt = await transport.send({
        channel: message.channel as OutgoingMessage["channel"],
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
      });
    } catch (error) {
      await db.outboxMessage.updateMany({
        where: ours,
        data: { status: "failed", lastError: errorText(error), leaseUntil: new Date(now().getTime() + RETRY_AFTER_MS * attempts) },
      });
      result.failed++;
      continue;
    }
    await db.outboxMessage.updateMany({
      where: ours,
      data: { status: "sent", sentAt: now(), lastError: null, leaseUntil: null, providerMessageId: receipt?.providerMessageId ?? null },
    });
    result.sent++;
  }
  return result;
}

export type ReceiptInput = { messageId: string; state: string; delivered: boolean; at?: Date };

/**
 * Records what the SMS centre reported for a message it accepted: the time it
 * reached the handset, or why it did not (kept as the last error). Returns
 * whether a message matched. The receipt can beat the dispatcher's own write of
 * the id, so an unmatched receipt is looked for again a few times.
 */
export async function recordDeliveryReceipt(
  db: Db,
  receipt: ReceiptInput,
  { retries = 5, retryMs = 400 }: { retries?: number; retryMs?: number } = {},
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    const data = receipt.delivered ? { deliveredAt: receipt.at ?? new Date() } : { lastError: `The SMS centre reported ${receipt.state}.`.slice(0, 500) };
    const { count } = await db.outboxMessage.updateMany({ where: { providerMessageId: receipt.messageId, deliveredAt: null }, data });
    if (count > 0) return true;
    if (attempt >= retries) return false;
    if ((await db.outboxMessage.count({ where: { providerMessageId: receipt.messageId } })) > 0) return false; // already recorded
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
}
