// The live transports end to end: the outbox dispatched through SMPP to a local
// SMS centre and through SMTP to a local mail server, asserting on what those
// servers received.
import smpp from "smpp";
import { afterEach, describe, expect, it } from "vitest";
import { handleIncomingSms, setIncomingSmsHandler, type IncomingSms } from "~/domain/notifications/incoming-sms.server";
import { dispatchOutbox, enqueueMessage, recordDeliveryReceipt } from "~/domain/notifications/outbox.server";
import { SmppTransport } from "~/domain/notifications/smpp-transport.server";
import { SmtpTransport } from "~/domain/notifications/smtp-transport.server";
import { loadTransportConfig, type SmppConfig, type SmtpConfig } from "~/domain/notifications/transport-config.server";
import { createConfiguredTransport, type MessageTransport } from "~/domain/notifications/transport.server";
import { db } from "~/utils/db.server";
import { startSmppServer, startSmtpServer } from "../fixtures/message-servers";

const MINUTE = 60_000;
const SENDER = "SOUMSON";
// 94 Lao characters and spaces: two UCS-2 parts.
const LAO_RECEIPT = "ທ່ານ ສົມພອນ: ສົ່ງສາລີ 12 ກະສອບ, 600 ກິໂລ, ຄວາມຊຸ່ມ 15%, ຫັກ 12 ກິໂລ, ສຸດທິ 588 ກິໂລ. ຂອບໃຈ.";

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function smsCentre(behaviour: Parameters<typeof startSmppServer>[0] = {}) {
  const server = await startSmppServer(behaviour);
  cleanups.push(() => server.close());
  return server;
}

function smppConfig(port: number, overrides: Partial<SmppConfig> = {}): SmppConfig {
  return {
    kind: "smpp",
    host: "127.0.0.1",
    port,
    tls: false,
    systemId: "portal",
    password: "secret1",
    systemType: "",
    bind: "transceiver",
    sourceAddr: SENDER,
    timeoutMs: 3000,
    perSecond: 50,
    ...overrides,
  };
}

function smsTransport(port: number, overrides: Partial<SmppConfig> = {}, hooks: ConstructorParameters<typeof SmppTransport>[1] = {}) {
  const transport = new SmppTransport(smppConfig(port, overrides), {
    onReceipt: (r) => recordDeliveryReceipt(db, r).then(() => undefined),
    log: () => {},
    ...hooks,
  });
  cleanups.push(() => transport.close());
  return transport;
}

let phoneSeq = 0;
const nextPhone = () => `+85620${String(5560000 + ++phoneSeq)}`;

/** Marks everything earlier tests left due as sent, so each test dispatches only its own messages. */
async function clearOutbox() {
  await db.outboxMessage.updateMany({ where: { status: { in: ["pending", "failed", "sending"] } }, data: { status: "sent" } });
}

async function queueSms(body: string, recipient = nextPhone()) {
  await db.$transaction((tx) => enqueueMessage(tx, { channel: "sms", recipient, body }));
  return db.outboxMessage.findFirstOrThrow({ where: { recipient }, orderBy: { createdAt: "desc" } });
}

async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, ms = 4000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("SMS through SMPP", () => {
  it("sends Lao as UCS-2 in concatenated parts, from the sender id, and records the delivery receipt", async () => {
    await clearOutbox();
    const centre = await smsCentre({ receipts: true });
    const transport = smsTransport(centre.port);
    const row = await queueSms(LAO_RECEIPT);

    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 1, failed: 0 });

    expect(centre.binds).toEqual([{ systemId: "portal", password: "secret1", command: "bind_transceiver" }]);
    expect(centre.parts).toHaveLength(2);
    const [first, second] = centre.parts;
    for (const part of centre.parts) {
      expect(part).toMatchObject({ source: SENDER, sourceTon: 5, destination: row.recipient.slice(1), dataCoding: 8, registeredDelivery: 1 });
      expect(part.esmClass & 0x40).toBe(0x40);
    }
    expect(first!.concat).toEqual({ reference: first!.concat!.reference, total: 2, sequence: 1 });
    expect(second!.concat).toEqual({ reference: first!.concat!.reference, total: 2, sequence: 2 });
    expect([...first!.text]).toHaveLength(67);
    expect(centre.parts.map((p) => p.text).join("")).toBe(LAO_RECEIPT);

    const sent = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null, leaseUntil: null, providerMessageId: first!.messageId });
    // The receipt for the first part arrives on the same session and marks the message delivered.
    const delivered = await eventually(
      () => db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } }),
      (r) => r.deliveredAt !== null,
    );
    expect(delivered.deliveredAt).toBeInstanceOf(Date);
    expect(
      await eventually(
        async () => centre.deliverResponses,
        (r) => r.length >= 2,
      ),
    ).toEqual([0, 0]);
  });

  it("sends a short plain-ASCII message as one GSM part", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    const row = await queueSms("Maize 3,100 LAK/kg @ Hongsa");
    expect(await dispatchOutbox(db, smsTransport(centre.port, { sourceAddr: "+8562055550000", bind: "transmitter" }))).toEqual({ sent: 1, failed: 0 });
    expect(centre.binds[0]!.command).toBe("bind_transmitter");
    expect(centre.parts).toEqual([
      expect.objectContaining({
        source: "8562055550000",
        sourceTon: 1,
        destination: row.recipient.slice(1),
        dataCoding: 0,
        esmClass: 0,
        concat: null,
        text: "Maize 3,100 LAK/kg @ Hongsa",
      }),
    ]);
  });

  it("leaves a throttled message failed with the centre's answer, and sends it once after the pause", async () => {
    await clearOutbox();
    const centre = await smsCentre({ submitStatus: (_pdu, index) => (index === 0 ? smpp.ESME_RTHROTTLED : 0) });
    const transport = smsTransport(centre.port);
    const row = await queueSms("ລາຄາສາລີ 3.100 ກີບ/ກິໂລ");

    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 0, failed: 1 });
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ status: "failed", attempts: 1, providerMessageId: null });
    expect(failed.lastError).toMatch(/refused the message: ESME_RTHROTTLED/);
    expect(failed.leaseUntil!.getTime()).toBeGreaterThan(Date.now());
    // Not before its pause is over.
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 0, failed: 0 });

    expect(await dispatchOutbox(db, transport, { now: () => new Date(Date.now() + 2 * MINUTE) })).toEqual({ sent: 1, failed: 0 });
    expect(centre.parts.map((p) => p.text)).toEqual(["ລາຄາສາລີ 3.100 ກີບ/ກິໂລ"]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: "sent", attempts: 2, lastError: null });
  });

  it("fails a message when the centre refuses the bind, naming the refusal", async () => {
    await clearOutbox();
    const centre = await smsCentre({ bindStatus: (pdu) => (pdu.password === "secret1" ? 0 : smpp.ESME_RBINDFAIL) });
    const row = await queueSms("ລາຄາສາລີ");
    expect(await dispatchOutbox(db, smsTransport(centre.port, { password: "wrong" }))).toEqual({ sent: 0, failed: 1 });
    const failed = await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed.lastError).toMatch(/refused the bind: ESME_RBINDFAIL/);
    expect(centre.parts).toHaveLength(0);
  });

  it("fails a message the centre never answers, at the send time-out", async () => {
    await clearOutbox();
    const centre = await smsCentre({ silent: true });
    const row = await queueSms("ລາຄາສາລີ");
    expect(await dispatchOutbox(db, smsTransport(centre.port, { timeoutMs: 1000 }))).toEqual({ sent: 0, failed: 1 });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).lastError).toMatch(/did not answer within 1000 ms/);
  });

  it("binds again after the centre dropped the connection", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    const transport = smsTransport(centre.port);
    await queueSms("ກ່ອນ");
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 1, failed: 0 });
    centre.dropAll();
    await eventually(
      async () => centre.sessions.size,
      (n) => n === 0,
    );
    await queueSms("ຫຼັງ");
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(centre.binds).toHaveLength(2);
    expect(centre.parts.map((p) => p.text)).toEqual(["ກ່ອນ", "ຫຼັງ"]);
  });

  it("keeps to SMS_PER_SECOND, counting each part", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    await queueSms(LAO_RECEIPT); // two parts
    await queueSms("ສາລີ"); // one part
    const started = Date.now();
    expect(await dispatchOutbox(db, smsTransport(centre.port, { perSecond: 4 }))).toEqual({ sent: 2, failed: 0 });
    expect(centre.parts).toHaveLength(3);
    // Three submissions at four a second: the third waits at least half a second after the first.
    expect(Date.now() - started).toBeGreaterThanOrEqual(490);
  });

  it("sends a message left 'sending' by a killed process exactly once, and never one the centre already accepted", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    const past = new Date(Date.now() - MINUTE);
    const future = new Date(Date.now() + MINUTE);
    const orphan = await queueSms("ຄ້າງຢູ່");
    await db.outboxMessage.update({ where: { id: orphan.id }, data: { status: "sending", attempts: 1, leaseUntil: past } });
    const busy = await queueSms("ກຳລັງສົ່ງ");
    await db.outboxMessage.update({ where: { id: busy.id }, data: { status: "sending", attempts: 1, leaseUntil: future } });
    const accepted = await queueSms("ຮັບແລ້ວ");
    await db.outboxMessage.update({ where: { id: accepted.id }, data: { status: "sending", attempts: 1, leaseUntil: past, providerMessageId: "earlier-1" } });

    const [a, b] = await Promise.all([dispatchOutbox(db, smsTransport(centre.port)), dispatchOutbox(db, smsTransport(centre.port))]);
    expect(a.sent + b.sent).toBe(1);
    expect(centre.parts.map((p) => p.text)).toEqual(["ຄ້າງຢູ່"]);
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: orphan.id } })).toMatchObject({ status: "sent", attempts: 2 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: busy.id } })).toMatchObject({ status: "sending", attempts: 1 });
    expect(await db.outboxMessage.findUniqueOrThrow({ where: { id: accepted.id } })).toMatchObject({ status: "sending", providerMessageId: "earlier-1" });

    expect(await dispatchOutbox(db, smsTransport(centre.port))).toEqual({ sent: 0, failed: 0 });
    expect(centre.parts).toHaveLength(1);
  });

  it("sends each message once when two dispatchers with their own sessions run at the same moment", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    const rows = [];
    for (let i = 0; i < 6; i++) rows.push(await queueSms(`ຂໍ້ຄວາມ ${i}`));
    const results = await Promise.all([dispatchOutbox(db, smsTransport(centre.port)), dispatchOutbox(db, smsTransport(centre.port))]);
    expect(results[0].sent + results[1].sent).toBe(6);
    expect(centre.parts.map((p) => p.text).sort()).toEqual(rows.map((_, i) => `ຂໍ້ຄວາມ ${i}`).sort());
    expect(new Set(centre.parts.map((p) => p.destination)).size).toBe(6);
  });
});

describe("the configured transport", () => {
  it("binds to the SMS centre as soon as it is made, sends through it, and unbinds when closed", async () => {
    await clearOutbox();
    const centre = await smsCentre();
    const transport = createConfiguredTransport(
      loadTransportConfig({
        SMS_TRANSPORT: "smpp",
        SMPP_HOST: "127.0.0.1",
        SMPP_PORT: String(centre.port),
        SMPP_SYSTEM_ID: "portal",
        SMPP_PASSWORD: "secret1",
        SMPP_SOURCE_ADDR: SENDER,
      }),
    );
    cleanups.push(() => transport.close?.());
    // Bound before anything is sent, so receipts and replies can arrive.
    await eventually(
      async () => centre.binds.length,
      (n) => n === 1,
    );
    await queueSms("ສາລີ");
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(centre.binds).toHaveLength(1);
    await transport.close?.();
    expect(centre.unbinds).toEqual(["portal"]);
    await eventually(
      async () => centre.sessions.size,
      (n) => n === 0,
    );
    expect(centre.sessions.size).toBe(0);
  });
});

describe("incoming SMS", () => {
  const received: IncomingSms[] = [];
  afterEach(() => {
    setIncomingSmsHandler(null);
    received.length = 0;
  });
  const ucs2 = (text: string) => Buffer.from(text, "utf16le").swap16();

  async function boundTransport() {
    const centre = await smsCentre();
    const transport = smsTransport(centre.port, {}, { onIncoming: handleIncomingSms });
    transport.start();
    await eventually(
      async () => centre.sessions.size,
      (n) => n === 1,
    );
    await eventually(
      async () => centre.binds.length,
      (n) => n === 1,
    );
    return centre;
  }

  it("hands a member's Lao reply to the handler with its text intact", async () => {
    setIncomingSmsHandler(async (sms) => void received.push(sms));
    const centre = await boundTransport();
    centre.deliver({ source_addr: "8562055550199", destination_addr: SENDER, esm_class: 0, data_coding: 8, short_message: ucs2("ຢຸດ ບໍ່ຮັບຂໍ້ຄວາມ") });
    await eventually(
      async () => received.length,
      (n) => n === 1,
    );
    expect(received).toEqual([{ from: "8562055550199", text: "ຢຸດ ບໍ່ຮັບຂໍ້ຄວາມ", receivedAt: expect.any(Date) }]);
    expect(
      await eventually(
        async () => centre.deliverResponses,
        (r) => r.length === 1,
      ),
    ).toEqual([0]);
  });

  it("puts a reply sent in two parts together before handing it over", async () => {
    setIncomingSmsHandler(async (sms) => void received.push(sms));
    const centre = await boundTransport();
    const header = (seq: number) => Buffer.from([0x05, 0x00, 0x03, 0x2a, 2, seq]);
    const base = { source_addr: "8562055550198", destination_addr: SENDER, esm_class: 0x40, data_coding: 8 };
    centre.deliver({ ...base, short_message: Buffer.concat([header(2), ucs2("ສ່ວນທີສອງ")]) });
    centre.deliver({ ...base, short_message: Buffer.concat([header(1), ucs2("ສ່ວນທີໜຶ່ງ ")]) });
    await eventually(
      async () => centre.deliverResponses,
      (r) => r.length === 2,
    );
    expect(received.map((r) => r.text)).toEqual(["ສ່ວນທີໜຶ່ງ ສ່ວນທີສອງ"]);
  });

  it("binds again by itself after the centre dropped it, so replies keep arriving", async () => {
    setIncomingSmsHandler(async (sms) => void received.push(sms));
    const centre = await boundTransport();
    centre.dropAll();
    await eventually(
      async () => centre.binds.length,
      (n) => n === 2,
    );
    await eventually(
      async () => centre.sessions.size,
      (n) => n === 1,
    );
    centre.deliver({ source_addr: "8562055550196", destination_addr: SENDER, esm_class: 0, data_coding: 8, short_message: ucs2("ຢຸດ") });
    await eventually(
      async () => received.length,
      (n) => n === 1,
    );
    expect(centre.binds).toHaveLength(2);
    expect(received.map((r) => [r.from, r.text])).toEqual([["8562055550196", "ຢຸດ"]]);
  });

  it("asks the centre to deliver again later when the handler fails", async () => {
    setIncomingSmsHandler(async () => {
      throw new Error("database busy");
    });
    const centre = await boundTransport();
    centre.deliver({ source_addr: "8562055550197", destination_addr: SENDER, esm_class: 0, data_coding: 8, short_message: ucs2("ຢຸດ") });
    expect(
      await eventually(
        async () => centre.deliverResponses,
        (r) => r.length === 1,
      ),
    ).toEqual([smpp.ESME_RX_T_APPN]);
  });
});

describe("e-mail through SMTP", () => {
  const LAO_SUBJECT = "ມີຂໍ້ສະເໜີໃໝ່: ສາລີ ຊັ້ນ 1, 12.000 ກິໂລ";
  const LAO_BODY = "ບໍລິສັດ ຫົງສາ ສະເໜີລາຄາ 3.100 ກີບ ຕໍ່ກິໂລ.\n\nເບິ່ງກ່ອງຂໍ້ຄວາມຂອງທ່ານ.";

  function smtpConfig(port: number, overrides: Partial<SmtpConfig> = {}): SmtpConfig {
    return {
      kind: "smtp",
      host: "127.0.0.1",
      port,
      secure: "none",
      user: "portal",
      password: "mail-secret",
      from: "Portal <no-reply@portal.test>",
      timeoutMs: 5000,
      ...overrides,
    };
  }

  async function queueMail(recipient: string) {
    await db.$transaction((tx) => enqueueMessage(tx, { channel: "email", recipient, subject: LAO_SUBJECT, body: LAO_BODY }));
    return db.outboxMessage.findFirstOrThrow({ where: { recipient } });
  }

  it("delivers the Lao subject and body intact, signed in, from the configured address", async () => {
    await clearOutbox();
    const server = await startSmtpServer({ user: "portal", password: "mail-secret" });
    cleanups.push(() => server.close());
    const transport = new SmtpTransport(smtpConfig(server.port));
    cleanups.push(() => transport.close());
    const row = await queueMail("leader-lao@test.la");

    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 1, failed: 0 });
    expect(server.mails).toHaveLength(1);
    expect(server.mails[0]).toMatchObject({ from: "no-reply@portal.test", to: ["leader-lao@test.la"], user: "portal", subject: LAO_SUBJECT, text: LAO_BODY });
    expect(server.mails[0]!.raw).toMatch(/charset=utf-8/i);
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).providerMessageId).toMatch(/^<.+@.+>$/);
  });

  it("leaves a refused e-mail failed with the server's answer", async () => {
    await clearOutbox();
    const server = await startSmtpServer({ refuse: true });
    cleanups.push(() => server.close());
    const transport = new SmtpTransport(smtpConfig(server.port, { user: undefined, password: undefined }));
    cleanups.push(() => transport.close());
    const row = await queueMail("refused@test.la");
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 0, failed: 1 });
    expect((await db.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).lastError).toMatch(/550/);
  });

  it("sends e-mail live while SMS stays in the log, as configured by the environment", async () => {
    await clearOutbox();
    const server = await startSmtpServer({ user: "portal", password: "mail-secret" });
    cleanups.push(() => server.close());
    const config = loadTransportConfig({
      EMAIL_TRANSPORT: "smtp",
      SMTP_URL: `smtp://portal:mail-secret@127.0.0.1:${server.port}`,
      SMTP_FROM: "no-reply@portal.test",
    });
    expect(config.sms).toEqual({ kind: "log" });
    const transport: MessageTransport = createConfiguredTransport(config);
    await queueMail("configured@test.la");
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => void lines.push(line);
    try {
      await queueSms("ລາຄາສາລີ", "+8562055550777");
      expect(await dispatchOutbox(db, transport)).toEqual({ sent: 2, failed: 0 });
    } finally {
      console.log = log;
    }
    expect(server.mails.map((m) => [m.to[0], m.subject])).toEqual([["configured@test.la", LAO_SUBJECT]]);
    expect(lines).toEqual(["[outbox] sms to +8562055550777: ລາຄາສາລີ"]);
  });
});
