// SMS through an operator's SMS centre over SMPP 3.4, the protocol the Lao
// operators' centres speak. One session per process, bound as a transceiver
// (so that delivery receipts and members' replies come back on it) or as a
// transmitter. The session is opened on first use or at start, kept alive
// with enquire_link, and opened again when it drops.
//
// Each part of a message is one submit_sm and one slot of the rate limit. A
// message is sent when every part was accepted; its first part's message_id
// is kept to match the delivery receipt, which asks for registered_delivery=1.
// When a part is refused, the message fails as a whole and is sent whole on
// its next attempt: a handset shows a message only once all its parts arrived.
import smpp, { type PDU, type Session } from "smpp";
import type { IncomingSms } from "./incoming-sms.server";
import { RateLimiter } from "./rate-limit";
import { MESSAGE_STATES, parseReceiptText, readConcatenation, SmsReassembler, splitSms, decodeSmsText, type DeliveryReceipt } from "./sms-parts";
import type { SmppConfig } from "./transport-config.server";
import type { MessageTransport, OutgoingMessage, SendReceipt } from "./transport.server";

export type SmppHooks = {
  onReceipt?: (receipt: DeliveryReceipt) => Promise<void>;
  onIncoming?: (sms: IncomingSms) => Promise<void>;
  log?: (line: string) => void;
};

const ESM_MESSAGE_TYPE = 0x3c; // bits 2–5: 0 for a message, else a receipt or acknowledgement
const ESM_DELIVERY_RECEIPT = 0x04;
const ESM_INTERMEDIATE_NOTIFICATION = 0x20;
const ENQUIRE_LINK_MS = 30_000;
const RECONNECT_MIN_MS = 1000;
const RECONNECT_MAX_MS = 60_000;
/** How long the limiter holds back after the centre says it is overloaded. */
const THROTTLE_PAUSE_MS = 1000;
const MAX_LATER_PART_IDS = 10_000;

const statusNames = new Map<number, string>(Object.entries(smpp.errors).map(([name, code]) => [code, name]));
function statusName(status: number): string {
  return `${statusNames.get(status) ?? "status"} (0x${status.toString(16).padStart(8, "0")})`;
}

/** Digits only; the SMS centre wants international numbers without "+". */
function address(value: string): { addr: string; ton: number; npi: number } {
  const trimmed = value.trim();
  if (/^\+?[\d\s-]+$/.test(trimmed)) return { addr: trimmed.replace(/\D/g, ""), ton: 1, npi: 1 };
  return { addr: trimmed, ton: 5, npi: 0 }; // an alphanumeric sender id
}

function textOf(pdu: PDU): { text: string; udh: Buffer[] } {
  const payload = pdu.message_payload?.message ? pdu.message_payload : pdu.short_message;
  const message = payload?.message ?? "";
  const text = typeof message === "string" ? message : decodeSmsText(message, pdu.data_coding ?? 0);
  return { text, udh: payload?.udh ?? [] };
}

type Pending = { reject: (error: Error) => void };

export class SmppTransport implements MessageTransport {
  private bound: Promise<Session> | null = null;
  private session: Session | null = null;
  private started = false;
  private stopped = false;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectDelay = RECONNECT_MIN_MS;
  private enquireTimer: ReturnType<typeof setInterval> | null = null;
  private reference = Math.floor(Math.random() * 256);
  private readonly pending = new Set<Pending>();
  private readonly limiter: RateLimiter;
  private readonly reassembler = new SmsReassembler();
  /** ids of second and later parts: their receipts match no message, so they are answered and not looked for */
  private readonly laterPartIds = new Set<string>();
  private readonly log: (line: string) => void;

  constructor(
    private readonly config: SmppConfig,
    private readonly hooks: SmppHooks = {},
  ) {
    this.limiter = new RateLimiter(config.perSecond);
    this.log = hooks.log ?? ((line) => console.warn(line));
  }

  /** Binds now and keeps the session open, so receipts and replies arrive even when nothing is being sent. */
  start(): void {
    this.started = true;
    this.connect().catch((error: Error) => {
      this.log(`[sms] ${error.message}`);
      this.scheduleReconnect();
    });
  }

  async send(message: OutgoingMessage): Promise<SendReceipt> {
    if (message.channel !== "sms") throw new Error(`The SMPP transport sends SMS, not ${message.channel}.`);
    const destination = address(message.recipient);
    if (!/^\d{6,15}$/.test(destination.addr)) throw new Error(`"${message.recipient}" is not a phone number an SMS can go to.`);
    this.reference = (this.reference + 1) % 256;
    const { parts } = splitSms(message.body, this.reference);
    const source = address(this.config.sourceAddr);
    const ids: string[] = [];
    for (const [index, part] of parts.entries()) {
      await this.limiter.take();
      const session = await this.connect();
      const options = {
        source_addr: source.addr,
        source_addr_ton: source.ton,
        source_addr_npi: source.npi,
        destination_addr: destination.addr,
        dest_addr_ton: destination.ton,
        dest_addr_npi: destination.npi,
        esm_class: part.esmClass,
        data_coding: part.dataCoding,
        registered_delivery: 1,
        short_message: part.shortMessage,
      };
      ids.push(await this.submit(session, options, index > 0));
    }
    return { providerMessageId: ids[0] ?? null, parts: parts.length };
  }

  /** Unbinds and closes; no reconnection after this. */
  async close(): Promise<void> {
    this.stopped = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.stopEnquiring();
    const session = this.session ?? (await this.bound?.catch(() => null)) ?? null;
    if (!session) return;
    await new Promise<void>((resolve) => {
      const done = setTimeout(() => session.destroy(() => resolve()), 1000);
      session.unbind({}, () => {
        clearTimeout(done);
        session.close(() => resolve());
      });
    });
  }

  private submit(session: Session, options: Record<string, unknown>, laterPart: boolean): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const entry: Pending = {
        reject: (error) => {
          clearTimeout(timer);
          this.pending.delete(entry);
          reject(error);
        },
      };
      const timer = setTimeout(() => entry.reject(new Error(`The SMS centre did not answer within ${this.config.timeoutMs} ms.`)), this.config.timeoutMs);
      this.pending.add(entry);
      const written = session.submit_sm(options, (pdu) => {
        clearTimeout(timer);
        this.pending.delete(entry);
        if (pdu.command_status === 0 && pdu.message_id) {
          // Noted here, not after the await: the part's receipt can follow in the same read from the socket.
          if (laterPart) this.rememberLaterPart(pdu.message_id);
          return resolve(pdu.message_id);
        }
        if (pdu.command_status === smpp.ESME_RTHROTTLED) this.limiter.holdFor(THROTTLE_PAUSE_MS);
        reject(new Error(`The SMS centre refused the message: ${statusName(pdu.command_status)}.`));
      });
      if (!written) entry.reject(new Error("The connection to the SMS centre is closed."));
    });
  }

  private rememberLaterPart(id: string): void {
    this.laterPartIds.add(id);
    // Receipts come within hours or not at all: the oldest ids go first.
    for (const old of this.laterPartIds) {
      if (this.laterPartIds.size <= MAX_LATER_PART_IDS) break;
      this.laterPartIds.delete(old);
    }
  }

  private connect(): Promise<Session> {
    if (this.stopped) return Promise.reject(new Error("The SMS transport is closed."));
    if (this.bound) return this.bound;
    const { host, port, tls, timeoutMs } = this.config;
    const where = `${host}:${port}`;
    this.bound = new Promise<Session>((resolve, reject) => {
      let settled = false;
      const session = smpp.connect({ host, port, tls });
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.bound = null;
        session.destroy();
        reject(error);
      };
      const timer = setTimeout(() => fail(new Error(`No bind with the SMS centre at ${where} within ${timeoutMs} ms.`)), timeoutMs);
      session.on("error", (error: Error) => {
        if (!settled) fail(new Error(`Could not reach the SMS centre at ${where}: ${error.message}`));
        else this.log(`[sms] connection to ${where}: ${error.message}`);
      });
      session.on("close", () => {
        fail(new Error(`The SMS centre at ${where} closed the connection before the bind.`));
        if (this.session === session) this.dropped(session);
      });
      session.on(tls ? "secureConnect" : "connect", () => {
        const bind = this.config.bind === "transceiver" ? "bind_transceiver" : "bind_transmitter";
        session[bind](
          { system_id: this.config.systemId, password: this.config.password, system_type: this.config.systemType, interface_version: 0x34 },
          (pdu: PDU) => {
            if (pdu.command_status !== 0) return fail(new Error(`The SMS centre at ${where} refused the bind: ${statusName(pdu.command_status)}.`));
            settled = true;
            clearTimeout(timer);
            this.session = session;
            this.reconnectDelay = RECONNECT_MIN_MS;
            this.startEnquiring(session);
            resolve(session);
          },
        );
      });
      session.on("deliver_sm", (pdu: PDU) => void this.delivered(session, pdu));
      session.on("enquire_link", (pdu: PDU) => session.send(pdu.response()));
      session.on("unbind", (pdu: PDU) => {
        session.send(pdu.response());
        session.close();
      });
    });
    return this.bound;
  }

  /** The session went away: what waited on it fails now rather than at its time-out, and a started transport binds again. */
  private dropped(session: Session): void {
    if (this.session !== session) return;
    this.session = null;
    this.bound = null;
    this.stopEnquiring();
    for (const entry of [...this.pending]) entry.reject(new Error("The connection to the SMS centre dropped."));
    if (!this.stopped) this.log(`[sms] connection to ${this.config.host}:${this.config.port} dropped`);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (!this.started || this.stopped || this.reconnectTimer) return;
    const delay = this.reconnectDelay;
    this.reconnectDelay = Math.min(delay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect().catch((error: Error) => {
        this.log(`[sms] ${error.message}`);
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  private startEnquiring(session: Session): void {
    this.stopEnquiring();
    this.enquireTimer = setInterval(() => {
      // A link that does not answer within the time-out is dead, even if the socket has not noticed.
      const dead = setTimeout(() => session.destroy(), this.config.timeoutMs);
      session.enquire_link({}, () => clearTimeout(dead));
    }, ENQUIRE_LINK_MS);
    this.enquireTimer.unref();
  }

  private stopEnquiring(): void {
    if (this.enquireTimer) clearInterval(this.enquireTimer);
    this.enquireTimer = null;
  }

  /**
   * A deliver_sm: a delivery receipt, or an SMS from a member. It is answered
   * once handled; when handling fails, the answer asks the centre to deliver
   * it again later, so a member's reply is not lost to a passing fault.
   */
  private async delivered(session: Session, pdu: PDU): Promise<void> {
    let status = 0;
    try {
      const type = (pdu.esm_class ?? 0) & ESM_MESSAGE_TYPE;
      const { text, udh } = textOf(pdu);
      if (type === ESM_DELIVERY_RECEIPT || type === ESM_INTERMEDIATE_NOTIFICATION) {
        const parsed = parseReceiptText(text);
        const messageId = pdu.receipted_message_id || parsed?.messageId;
        const state = (pdu.message_state ? MESSAGE_STATES[pdu.message_state] : undefined) ?? parsed?.state;
        // A message's receipt is its first part's; the later parts' are answered and set aside.
        const laterPart = messageId ? this.laterPartIds.delete(messageId) : false;
        if (messageId && state && !laterPart) await this.hooks.onReceipt?.({ messageId, state, delivered: state === "DELIVRD" });
      } else if (type === 0) {
        const from = pdu.source_addr ?? "";
        const header = udh.length ? readConcatenation(Buffer.concat([Buffer.from([udh.reduce((n, e) => n + e.length, 0)]), ...udh])) : null;
        const whole = header ? this.reassembler.add(from, header, text) : text;
        if (whole !== null) await this.hooks.onIncoming?.({ from, text: whole, receivedAt: new Date() });
      }
    } catch (error) {
      this.log(`[sms] an incoming message could not be handled: ${error instanceof Error ? error.message : String(error)}`);
      status = smpp.ESME_RX_T_APPN;
    }
    session.send(pdu.response({ command_status: status }));
  }
}
