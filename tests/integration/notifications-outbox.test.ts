// The outbox's own guarantees, with the log transport: one message per
// dedupeKey, leases that lapse, and a last attempt that died.
import { describe, expect, it } from "vitest";
import { dispatchOutbox, enqueueMessage, enqueueMessages, LEASE_MS, MAX_SEND_ATTEMPTS, recordDeliveryReceipt } from "~/domain/notifications/outbox.server";
import { LogTransport } from "~/domain/notifications/transport.server";
import { db } from "~/utils/db.server";
import { createUser } from "../fixtures/app";

const quiet = () => new LogTransport({ print: () => {} });

async function clearOutbox() {
  await db.outboxMessage.updateMany({ where: { status: { in: ["pending", "failed", "sending"] } }, data: { status: "sent" } });
}

describe("enqueueMessages", () => {
  it("keeps one message per dedupeKey, across transactions and within one batch, without failing the caller", async () => {
    const key = `delivery-receipt:${Date.now()}`;
    const sms = { channel: "sms" as const, recipient: "+8562055551234", body: "ສົ່ງສາລີ 600 ກິໂລ", dedupeKey: key };
    expect(await db.$transaction((tx) => enqueueMessage(tx, sms))).toBe(true);

    // The same news again, beside other work in the same transaction: the other work is kept.
    const user = await createUser();
    const [queued] = await db.$transaction(async (tx) => {
      const n = await enqueueMessages(tx, [sms, { ...sms, dedupeKey: `${key}:b` }, { ...sms, dedupeKey: `${key}:b` }, { ...sms, dedupeKey: null }]);
      await tx.notification.create({ data: { userId: user.id, kind: "offer_rejected", params: "{}" } });
      return [n];
    });
    expect(queued).toBe(2); // the new key once, and the message with no key
    expect(await db.notification.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { dedupeKey: key } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { dedupeKey: `${key}:b` } })).toBe(1);
    expect(await db.$transaction((tx) => enqueueMessage(tx, sms))).toBe(false);
  });

  it("keeps one message when two transactions queue the same key at the same moment", async () => {
    const key = `payout:${Date.now()}`;
    const sms = { channel: "sms" as const, recipient: "+8562055551235", body: "ເງິນປັນຜົນ 1.822.800 ກີບ", dedupeKey: key };
    const results = await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => enqueueMessage(tx, sms))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await db.outboxMessage.count({ where: { dedupeKey: key } })).toBe(1);
  });
});

describe("leases", () => {
  it("claims with a lease and clears it once sent", async () => {
    await clearOutbox();
    await db.$transaction((tx) => enqueueMessage(tx, { channel: "sms", recipient: "+8562055551240", body: "ສາລີ" }));
    const seen: (Date | null)[] = [];
    const watching = {
      send: async () => {
        seen.push((await db.outboxMessage.findFirstOrThrow({ where: { recipient: "+8562055551240" } })).leaseUntil);
      },
    };
    const before = Date.now();
    expect(await dispatchOutbox(db, watching)).toEqual({ sent: 1, failed: 0 });
    expect(seen[0]!.getTime()).toBeGreaterThanOrEqual(before + LEASE_MS);
    expect(seen[0]!.getTime()).toBeLessThanOrEqual(Date.now() + LEASE_MS);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { recipient: "+8562055551240" } })).toMatchObject({ status: "sent", leaseUntil: null });
  });

  it("gives a message whose last attempt died up for good, keeping why", async () => {
    await clearOutbox();
    await db.$transaction((tx) => enqueueMessage(tx, { channel: "sms", recipient: "+8562055551241", body: "ສາລີ" }));
    await db.outboxMessage.updateMany({
      where: { recipient: "+8562055551241" },
      data: { status: "sending", attempts: MAX_SEND_ATTEMPTS, leaseUntil: new Date(Date.now() - 1000) },
    });
    const transport = quiet();
    expect(await dispatchOutbox(db, transport)).toEqual({ sent: 0, failed: 0 });
    expect(transport.sent).toHaveLength(0);
    const row = await db.outboxMessage.findFirstOrThrow({ where: { recipient: "+8562055551241" } });
    expect(row).toMatchObject({ status: "failed", attempts: MAX_SEND_ATTEMPTS, leaseUntil: null });
    expect(row.lastError).toMatch(/stopped during the last attempt/);
    expect(await dispatchOutbox(db, transport, { now: () => new Date(Date.now() + 86_400_000) })).toEqual({ sent: 0, failed: 0 });
  });

  it("does not let a dispatcher whose lease lapsed overwrite the one that took over", async () => {
    await clearOutbox();
    await db.$transaction((tx) => enqueueMessage(tx, { channel: "sms", recipient: "+8562055551242", body: "ຊ້າ" }));
    let release: () => void = () => {};
    const slow = { send: () => new Promise<void>((resolve) => (release = resolve)) };
    const first = dispatchOutbox(db, slow, { leaseMs: 1 });
    await new Promise((r) => setTimeout(r, 50));
    // The first claim's lease (1 ms) has passed: a second dispatcher takes the message and fails it.
    expect(await dispatchOutbox(db, { send: () => Promise.reject(new Error("second failed")) })).toEqual({ sent: 0, failed: 1 });
    release();
    await first;
    const row = await db.outboxMessage.findFirstOrThrow({ where: { recipient: "+8562055551242" } });
    expect(row).toMatchObject({ status: "failed", attempts: 2, lastError: "second failed" });
  });
});

describe("recordDeliveryReceipt", () => {
  it("sets deliveredAt once, keeps a failure report as the last error, and ignores an unknown id", async () => {
    await db.$transaction((tx) =>
      enqueueMessages(tx, [
        { channel: "sms", recipient: "+8562055551250", body: "a" },
        { channel: "sms", recipient: "+8562055551251", body: "b" },
      ]),
    );
    await db.outboxMessage.updateMany({ where: { recipient: "+8562055551250" }, data: { status: "sent", providerMessageId: "r-1" } });
    await db.outboxMessage.updateMany({ where: { recipient: "+8562055551251" }, data: { status: "sent", providerMessageId: "r-2" } });
    const at = new Date("2026-12-03T05:00:00Z");
    expect(await recordDeliveryReceipt(db, { messageId: "r-1", state: "DELIVRD", delivered: true, at })).toBe(true);
    expect(await recordDeliveryReceipt(db, { messageId: "r-1", state: "DELIVRD", delivered: true, at: new Date() }, { retries: 0 })).toBe(false);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { providerMessageId: "r-1" } })).deliveredAt).toEqual(at);
    expect(await recordDeliveryReceipt(db, { messageId: "r-2", state: "UNDELIV", delivered: false })).toBe(true);
    expect(await db.outboxMessage.findFirstOrThrow({ where: { providerMessageId: "r-2" } })).toMatchObject({
      deliveredAt: null,
      lastError: "The SMS centre reported UNDELIV.",
      status: "sent",
    });
    expect(await recordDeliveryReceipt(db, { messageId: "nobody", state: "DELIVRD", delivered: true }, { retries: 1, retryMs: 10 })).toBe(false);
  });
});
