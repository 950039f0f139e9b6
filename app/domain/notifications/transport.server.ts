// How queued e-mails and SMS leave the portal. A transport is anything that can
// send one message; the log transport (the default) prints it instead, which is
// what a pilot without an SMS gateway needs, and keeps it in memory for tests.
// The live transports (SMPP for SMS, SMTP for e-mail) are chosen per channel by
// environment variables (./transport-config.server).
//
// A dispatcher claims a message with a conditional update (on status, attempts
// and lease), so two dispatchers, in one process or two, never both claim it.
// The claim holds a lease: a message still "sending" after its lease has passed
// was claimed by a process that died, and is claimed and tried again, counting
// the attempt. A failed send is retried after a pause that grows with each
// attempt, until MAX_SEND_ATTEMPTS, then it stays "failed" with its last error.
// A message the SMS centre accepted (it has a providerMessageId) is never sent
// again: resending it would reach the household twice.
import { db as defaultDb, type Db } from "~/utils/db.server";
import { handleIncomingSms } from "./incoming-sms.server";
import { recordDeliveryReceipt } from "./outbox.server";
import { SmppTransport } from "./smpp-transport.server";
import { SmtpTransport } from "./smtp-transport.server";
import { loadTransportConfig, type TransportConfig } from "./transport-config.server";

export { dispatchOutbox, enqueueMessages, MAX_SEND_ATTEMPTS, type DispatchResult } from "./outbox.server";

export type OutgoingMessage = {
  channel: "email" | "sms";
  recipient: string;
  subject: string | null;
  body: string;
};

/** What a live transport learns on sending: the provider's id (to match a delivery receipt) and how many SMS parts went. */
export type SendReceipt = { providerMessageId?: string | null; parts?: number };

export interface MessageTransport {
  /** Resolves once the message has been handed over; throws when it could not be. */
  send(message: OutgoingMessage): Promise<SendReceipt | void>;
  /** Lets go of connections (an SMPP session); the transport sends nothing after it. */
  close?(): Promise<void> | void;
}

/** Prints one line per message and remembers the most recent ones. */
export class LogTransport implements MessageTransport {
  readonly sent: OutgoingMessage[] = [];

  constructor(private readonly options: { print?: (line: string) => void; keep?: number } = {}) {}

  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push({ ...message });
    const keep = this.options.keep ?? 1000;
    if (this.sent.length > keep) this.sent.splice(0, this.sent.length - keep);
    const text = [message.subject, message.body].filter(Boolean).join(" | ").replace(/\s+/g, " ");
    (this.options.print ?? console.log)(`[outbox] ${message.channel} to ${message.recipient}: ${text}`);
  }
}

/** Sends each channel through its own transport, so e-mail can go live while SMS is still logged, or the other way. */
export class ChannelTransport implements MessageTransport {
  constructor(private readonly channels: Record<OutgoingMessage["channel"], MessageTransport>) {}

  send(message: OutgoingMessage): Promise<SendReceipt | void> {
    const transport = this.channels[message.channel];
    if (!transport) return Promise.reject(new Error(`No transport for channel "${String(message.channel)}".`));
    return transport.send(message);
  }

  async close(): Promise<void> {
    await Promise.all([...new Set(Object.values(this.channels))].map((t) => t.close?.()));
  }
}

const globalForTransport = globalThis as unknown as { __portalTransport?: MessageTransport; __portalTransportConfig?: TransportConfig };

/** The environment's transport configuration, read once; throws, naming the variable, when it is wrong. */
export function transportConfig(): TransportConfig {
  return (globalForTransport.__portalTransportConfig ??= loadTransportConfig(process.env));
}

/**
 * The transport the environment asks for (./transport-config.server), one per
 * process; the dev server reloads modules, so it lives on globalThis, or a
 * reload would bind a second SMPP session. Throws, naming the variable, when
 * the configuration is wrong.
 */
export function messageTransport(): MessageTransport {
  return (globalForTransport.__portalTransport ??= createConfiguredTransport(transportConfig()));
}

/** Closes the process's transport, if one was made (on shutdown). */
export async function closeMessageTransport(): Promise<void> {
  const transport = globalForTransport.__portalTransport;
  globalForTransport.__portalTransport = undefined;
  try {
    await transport?.close?.();
  } catch (error) {
    console.error("[outbox] closing the message transport failed", error);
  }
}

/** The transports a configuration names, with SMS receipts and replies going to this portal's database. */
export function createConfiguredTransport(config: TransportConfig, db: Db = defaultDb): MessageTransport {
  const log = new LogTransport();
  if (config.sms.kind === "log" && config.email.kind === "log") return log;
  const sms =
    config.sms.kind === "smpp"
      ? new SmppTransport(config.sms, {
          onReceipt: (receipt) => recordDeliveryReceipt(db, receipt).then(() => undefined),
          onIncoming: handleIncomingSms,
        })
      : log;
  if (sms instanceof SmppTransport) sms.start();
  return new ChannelTransport({ email: config.email.kind === "smtp" ? new SmtpTransport(config.email) : log, sms });
}
