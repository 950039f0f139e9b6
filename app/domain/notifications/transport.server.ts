// How queued e-mails and SMS leave the portal. A transport is anything that can
// send one message; the log transport (the default) prints it instead, which is
// what a pilot without an SMS gateway needs, and keeps it in memory for tests.
//
// Sending is at most once: a dispatcher first claims a message with a
// conditional update (pending → sending), so two dispatchers, in one process or
// two, never send the same message twice. A failed send is retried by later
// runs until it has been tried MAX_SEND_ATTEMPTS times. A message left in
// "sending" (the process died mid-send) is not retried automatically: whether
// it went out is unknown, and a duplicate SMS is worse than a missing one.
import { z } from "zod";
import type { Db } from "~/utils/db.server";

export type OutgoingMessage = {
  channel: "email" | "sms";
  recipient: string;
  subject: string | null;
  body: string;
};

export interface MessageTransport {
  /** Resolves once the message has been handed over; throws when it could not be. */
  send(message: OutgoingMessage): Promise<void>;
}

/** Prints one line per message and remembers the most recent ones. */
export class LogTransport implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];

  constructor(
    private readonly options: { print?: (line: string) => void; keep?: number } = {},
  ) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push({ ...message });
    const keep = this.options.keep ?? 1000;
    if (this.sent.length > keep) this.sent.splice(0, this.sent.length - keep);
    const text = [message.subject, message.body].filter(Boolean).join(" | ").replace(/\s+/g, " ");
    (this.options.print ?? console.log)(`[outbox] ${message.channel} to ${message.recipient}: ${text}`);
  }
}

const TransportEnvSchema = z.object({
  MESSAGE_TRANSPORT: z.enum(["log"], { error: 'MESSAGE_TRANSPORT must be "log" (the only transport so far).' }).default("log"),
});

let configured: MessageTransport | undefined;

/** The transport chosen by MESSAGE_TRANSPORT (default "log"), one per process. */
export function messageTransport(): MessageTransport {
  if (!configured) {
    const parsed = TransportEnvSchema.safeParse(process.env);
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join("; "));
    configured = new LogTransport();
  }
  return configured;
}

export const MAX_SEND_ATTEMPTS = 3;

export type DispatchResult = { sent: number; failed: number };

/** Sends what is waiting in the outbox, oldest first: pending messages and failed ones with tries left. */
export async function dispatchOutbox(
  db: Db,
  transport: MessageTransport,
  { limit = 50 }: { limit?: number } = {},
): Promise<DispatchResult> {
  const due = await db.outboxMessage.findMany({
    where: { OR: [{ status: "pending" }, { status: "failed", attempts: { lt: MAX_SEND_ATTEMPTS } }] },
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, status: true, attempts: true, channel: true, recipient: true, subject: true, body: true },
  });
  const result: DispatchResult = { sent: 0, failed: 0 };
  for (const message of due) {
    const claim = await db.outboxMessage.updateMany({
      where: { id: message.id, status: message.status, attempts: message.attempts },
      data: { status: "sending", attempts: { increment: 1 } },
    });
    if (claim.count === 0) continue; // another dispatcher has it
    try {
      await transport.send({
        channel: message.channel as OutgoingMessage["channel"],
        recipient: message.recipient,
        subject: message.subject,
        body: message.body,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await db.outboxMessage.update({
        where: { id: message.id },
        data: { status: "failed", lastError: reason.slice(0, 500) },
      });
      result.failed++;
      continue;
    }
    await db.outboxMessage.update({ where: { id: message.id }, data: { status: "sent", sentAt: new Date(), lastError: null } });
    result.sent++;
  }
  return result;
}
