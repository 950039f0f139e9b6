// Recording deliveries and payments once, however often the form is sent, and
// never past what the contract allows: the contracted quantity plus its
// tolerance for deliveries, what is owed for payments (unless marked as an
// overpayment). At the domain and through the pages' actions, one at a time
// and twenty at once.
import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CHECK_CODE_ALPHABET } from "~/domain/contracts/check-code";
import { confirmPayment, contestPayment, recordPayment, type PaymentInput } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, contestDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { deliveryLimitKg } from "~/domain/deliveries/delivery-amount";
import { newFormToken } from "~/domain/contracts/form-token";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { action as paymentsAction, loader as paymentsLoader } from "~/routes/contracts/payments";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formatKg } from "~/utils/format";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { contractInForce } from "../fixtures/contracts";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });
const bigints = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** A contract in force: 3,000 kg of maize at 3,100 LAK/kg, 5 % tolerance (3,150 kg net at most), no advance. */
const activeContract = (terms: Record<string, string> = {}) => contractInForce({ terms });

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;

/** Moisture at the basis: net = gross. */
function delivery(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    deliveredOn: today(),
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: null,
    measuredBy: "A",
    instrument: "B",
    ...overrides,
  };
}

function payment(overrides: Partial<PaymentInput> = {}): PaymentInput {
  return { amountLak: 1_000_000n, paidOn: today(), method: "bank_transfer", reference: "TT-1", ...overrides };
}

async function delivered(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<DeliveryInput> = {}) {
  const result = await recordDelivery(db, actor, contractId, delivery(input));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.deliveryId;
}

/**
 * The page's form: one lot row of 20 bags at 100 g each (2 kg of tare), moisture at the basis, so
 * net = gross − 2 kg. The trader's sheet has no member column: the lot is the FO's pooled bags.
 */
const deliveryForm = (formToken: string, grossKg = "1000") => ({
  intent: "record",
  deliveredOn: toLaoDateInput(new Date()),
  bagGrams: "100",
  measuredBy: "A",
  instrument: "B",
  "lot.0.bags": "20",
  "lot.0.grossKg": grossKg,
  "lot.0.moisture": "14",
  "lot.0.grade": "G1",
  formToken,
});
const paymentForm = (formToken: string, amountLak = "1000000", extra: Record<string, string> = {}) => ({
  intent: "record",
  amountLak,
  paidOn: toLaoDateInput(new Date()),
  method: "bank_transfer",
  reference: "TT-9",
  formToken,
  confirmed: "yes",
  ...extra,
});

/** Twenty posts at once: the requests (and their sessions) are made first, then all are sent together. */
async function allAtOnce(action: (args: never) => unknown, path: string, userId: string, forms: Record<string, string>[], params: Record<string, string>) {
  const requests = [];
  for (const form of forms) requests.push(await request(path, { userId, form }));
  return Promise.all(requests.map((r) => call(action, r, params)));
}

const netDelivered = async (contractId: string) =>
  (await db.delivery.aggregate({ where: { contractId, status: { not: "contested" } }, _sum: { netKg: true } }))._sum.netKg ?? 0;

describe("a delivery form sent twice", () => {
  it("records once: the second gets the first's record, and nothing else is written", async () => {
    const { contract, traderActor, fo } = await activeContract();
    const formToken = newFormToken();
    const first = await recordDelivery(db, traderActor, contract.id, delivery({ formToken }));
    const second = await recordDelivery(db, traderActor, contract.id, delivery({ formToken }));
    expect(first).toMatchObject({ ok: true, repeated: false });
    expect(second).toEqual({ ok: true, repeated: true, deliveryId: (first as { deliveryId: string }).deliveryId });
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(1);
    expect(
      await db.auditEvent.count({ where: { action: "delivery.recorded", entityType: "Delivery", entityId: (first as { deliveryId: string }).deliveryId } }),
    ).toBe(1);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "delivery_recorded" } })).toBe(1);
    // The same form with other content (the page went back and was changed), or sent by someone else: refused, not dropped silently.
    expect(await recordDelivery(db, traderActor, contract.id, delivery({ formToken, grossKg: 999 }))).toEqual({ ok: false, reason: "formUsed" });
    const colleague = await createUser({ roles: ["fo_leader"] });
    await db.organisationLeader.create({ data: { organisationId: fo.organisation.id, userId: colleague.id } });
    expect(await recordDelivery(db, as(colleague, "fo_leader"), contract.id, delivery({ formToken }))).toEqual({ ok: false, reason: "formUsed" });
    // A token is per contract: the same one on another contract is another form.
    const other = await activeContract();
    expect(await recordDelivery(db, other.traderActor, other.contract.id, delivery({ formToken }))).toMatchObject({ ok: true, repeated: false });
    // Without a token (the seed, scripts) every call records.
    await delivered(traderActor, contract.id);
    await delivered(traderActor, contract.id);
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(3);
  });

  it("through the page: each form shown has its own token; without one nothing is recorded; twice gives the same redirect", async () => {
    const { contract, fo } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    const shown = async () =>
      dataOf<{ formToken: string }>(await call(deliveriesLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id })).formToken;
    const [a, b] = [await shown(), await shown()];
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(b).not.toBe(a);

    const { formToken: _, ...tokenless } = deliveryForm(a);
    const missing = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: tokenless }), { contractId: contract.id });
    expect(statusOf(missing)).toBe(400);
    expect(dataOf<{ message: string; formToken: string; values: Record<string, string> }>(missing)).toMatchObject({
      message: "deliveries:errors.formExpired",
      values: { "lot.0.grossKg": "1000" },
    });
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);

    for (let i = 0; i < 2; i++) {
      const sent = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: deliveryForm(a) }), { contractId: contract.id });
      expect(locationOf(sent)).toBe(`${path}?done=recorded`);
    }
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(1);
    // Changed and sent again from the same page: a clear refusal with a fresh token to send it with.
    const changed = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: deliveryForm(a, "900") }), { contractId: contract.id });
    expect(statusOf(changed)).toBe(409);
    const answer = dataOf<{ message: string; formToken: string; values: Record<string, string> }>(changed);
    expect(answer).toMatchObject({ message: "deliveries:errors.formUsed", values: { "lot.0.grossKg": "900" } });
    expect(answer.formToken).not.toBe(a);
    const resent = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: deliveryForm(answer.formToken, "900") }), {
      contractId: contract.id,
    });
    expect(locationOf(resent)).toBe(`${path}?done=recorded`);
    expect((await db.delivery.findMany({ where: { contractId: contract.id }, orderBy: { createdAt: "asc" } })).map((d) => d.grossKg)).toEqual([1000, 900]);
  });

  it("twenty identical posts at once keep one, and all twenty are answered as recorded", async () => {
    const { contract, trader } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    const form = deliveryForm(newFormToken(), "300");
    const results = await allAtOnce(
      deliveriesAction,
      path,
      trader.trader.id,
      Array.from({ length: 20 }, () => form),
      { contractId: contract.id },
    );
    expect(results.map(locationOf)).toEqual(Array.from({ length: 20 }, () => `${path}?done=recorded`));
    const kept = await db.delivery.findMany({ where: { contractId: contract.id } });
    expect(kept).toHaveLength(1);
    // 300 kg gross − 20 bags × 100 g (2 kg) = 298 kg net, in one lot.
    expect(kept[0]).toMatchObject({ grossKg: 300, tareKg: 2, netKg: 298, lotCount: 1, formToken: form.formToken });
    expect(await db.deliveryLot.count({ where: { deliveryId: kept[0]!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "delivery.recorded", entityId: kept[0]!.id } })).toBe(1);
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).version).toBe(contract.version + 1);
  });
});

describe("delivering more than the contract", () => {
  it("is refused past the quantity plus the tolerance, saying how much may still be delivered; contested deliveries do not count", async () => {
    const { contract, traderActor, foActor } = await activeContract();
    const limit = deliveryLimitKg(3000, 50);
    expect(limit).toBe(3150);
    // The contract text prints the same limit.
    expect(contract.textEn).toContain(`to ${formatKg(limit, "en")} counts as full delivery`);

    const first = await delivered(traderActor, contract.id, { grossKg: 2000 });
    const refused = await recordDelivery(db, traderActor, contract.id, delivery({ grossKg: 1200 }));
    expect(refused).toEqual({
      ok: false,
      reason: "overDelivery",
      over: { quantityKg: 3000, tolerancePermille: 50, limitKg: 3150, deliveredNetKg: 2000, netKg: 1200, remainingKg: 1150, excessKg: 50 },
    });
    // Net, after the moisture deduction, is what counts: 1,200 kg gross at 16 % loses 36 kg (1,164 net), still too much; at 18 %, 72 kg (1,128).
    expect(await recordDelivery(db, traderActor, contract.id, delivery({ grossKg: 1200, moisturePermille: 160 }))).toMatchObject({
      reason: "overDelivery",
      over: { netKg: 1164 },
    });
    await delivered(traderActor, contract.id, { grossKg: 1200, moisturePermille: 180 });
    expect(await netDelivered(contract.id)).toBe(3128);
    // Exactly to the limit is fine; one kg more is not.
    await delivered(foActor, contract.id, { grossKg: 22 });
    expect(await recordDelivery(db, foActor, contract.id, delivery({ grossKg: 1 }))).toMatchObject({
      ok: false,
      reason: "overDelivery",
      over: { remainingKg: 0, excessKg: 1 },
    });
    expect(await netDelivered(contract.id)).toBe(limit);

    // The FO contests the first grade sheet: it no longer counts, and its 2,000 kg may be delivered again.
    expect(await contestDelivery(db, foActor, first, "Our scale read 1,800 kg")).toMatchObject({ ok: true });
    await delivered(traderActor, contract.id, { grossKg: 1800 });
    expect(await netDelivered(contract.id)).toBe(1128 + 22 + 1800);
  });

  it("through the page: a 409 that says so in the reader's language, with the way to an amendment", async () => {
    const { contract, fo } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    const token = newFormToken();
    // 3,200 kg gross − 2 kg of bags = 3,198 kg net: 48 kg past the 3,150 kg allowed.
    const refused = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: deliveryForm(token, "3200") }), { contractId: contract.id });
    expect(statusOf(refused)).toBe(409);
    const answer = dataOf<{ message: string; over: { limitKg: number; remainingKg: number }; formToken: string; values: Record<string, string> }>(refused);
    expect(answer).toMatchObject({
      message: "deliveries:errors.overDelivery",
      over: { limitKg: 3150, remainingKg: 3150, netKg: 3198, excessKg: 48 },
      values: { "lot.0.grossKg": "3200" },
    });
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);
    // Nothing was recorded from the token: the same form, corrected, records: 3,152 − 2 = 3,150 kg net, exactly the limit.
    const corrected = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: deliveryForm(token, "3152") }), {
      contractId: contract.id,
    });
    expect(locationOf(corrected)).toBe(`${path}?done=recorded`);
    expect(await netDelivered(contract.id)).toBe(3150);
    const { resources } = await import("~/locales");
    for (const lang of ["en", "lo"] as const) {
      const texts = resources[lang].deliveries.overDelivery;
      expect(texts.text).toContain("{{limit}}");
      expect(texts.amendment.length).toBeGreaterThan(20);
    }
  });

  it("twenty different deliveries at once never pass the limit", async () => {
    const { contract, trader } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    // 20 × (200 kg − 2 kg of bags) = 20 × 198 = 3,960 kg net offered; 3,150 kg fit: 15 deliveries (2,970 kg), the 16th would make 3,168.
    const results = await allAtOnce(
      deliveriesAction,
      path,
      trader.trader.id,
      Array.from({ length: 20 }, () => deliveryForm(newFormToken(), "200")),
      { contractId: contract.id },
    );
    const recorded = results.filter((r) => locationOf(r) === `${path}?done=recorded`);
    const refused = results.filter((r) => statusOf(r) === 409);
    expect(recorded.length + refused.length).toBe(20);
    for (const r of refused) expect(dataOf<{ message: string }>(r).message).toBe("deliveries:errors.overDelivery");
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(recorded.length);
    expect(await netDelivered(contract.id)).toBeLessThanOrEqual(3150);
    expect(recorded.length).toBe(15);
    expect(await netDelivered(contract.id)).toBe(15 * 198);

    // And at the domain, twenty at once from both parties.
    const again = await activeContract();
    const results2 = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordDelivery(db, i % 2 ? again.foActor : again.traderActor, again.contract.id, delivery({ grossKg: 250, formToken: newFormToken() })),
      ),
    );
    expect(results2.filter((r) => r.ok)).toHaveLength(12);
    expect(await netDelivered(again.contract.id)).toBe(3000);
  });
});

describe("a payment", () => {
  it("beyond what is owed is refused, saying by how much, unless marked as an overpayment of at least that", async () => {
    const { contract, foActor, traderActor } = await activeContract({ advanceLak: "500000" });
    // Nothing delivered: all of it would be paid ahead.
    expect(await recordPayment(db, traderActor, contract.id, payment({ amountLak: 100_000n }))).toEqual({
      ok: false,
      reason: "overpayment",
      over: { owedLak: 0n, overLak: 100_000n },
    });
    await delivered(foActor, contract.id, { grossKg: 1000 }); // 3,100,000 payable; the advance 500,000: 2,600,000 owed
    const p1 = await recordPayment(db, traderActor, contract.id, payment({ amountLak: 1_000_000n }));
    expect(p1).toMatchObject({ ok: true });
    // The payment recorded but not confirmed counts: 1,600,000 owed now.
    expect(await recordPayment(db, traderActor, contract.id, payment({ amountLak: 2_000_000n }))).toEqual({
      ok: false,
      reason: "overpayment",
      over: { owedLak: 1_600_000n, overLak: 400_000n },
    });
    // Marked for less than it is over: refused again.
    expect(await recordPayment(db, traderActor, contract.id, payment({ amountLak: 2_000_000n, overpaymentLak: 399_999n }))).toMatchObject({
      ok: false,
      reason: "overpayment",
    });
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(1);
    const marked = await recordPayment(db, traderActor, contract.id, payment({ amountLak: 2_000_000n, overpaymentLak: 400_000n }));
    if (!marked.ok) throw new Error(JSON.stringify(marked, bigints));
    expect(await db.payment.findUniqueOrThrow({ where: { id: marked.paymentId } })).toMatchObject({ amountLak: 2_000_000n, overpayment: true });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "payment.recorded", entityId: marked.paymentId } });
    expect(JSON.parse(audit.after!)).toMatchObject({ overpayment: true, owedLak: "1600000", overLak: "400000" });
    // Exactly what is owed is no overpayment; the first is not marked.
    expect(await db.payment.findUniqueOrThrow({ where: { id: (p1 as { paymentId: string }).paymentId } })).toMatchObject({ overpayment: false });
    // A payment contested by the FO no longer counts as paid.
    expect(await contestPayment(db, foActor, marked.paymentId, "Only part of it arrived")).toMatchObject({ ok: true });
    expect(await recordPayment(db, traderActor, contract.id, payment({ amountLak: 1_600_000n }))).toMatchObject({ ok: true });
  });

  it("sent twice records once; with other content it is refused", async () => {
    const { contract, foActor, traderActor, fo } = await activeContract();
    await delivered(foActor, contract.id, { grossKg: 1000 });
    const formToken = newFormToken();
    const first = await recordPayment(db, traderActor, contract.id, payment({ formToken }));
    const second = await recordPayment(db, traderActor, contract.id, payment({ formToken }));
    expect(first).toMatchObject({ ok: true, repeated: false });
    expect(second).toEqual({ ok: true, repeated: true, paymentId: (first as { paymentId: string }).paymentId });
    expect(await recordPayment(db, traderActor, contract.id, payment({ formToken, amountLak: 999_999n }))).toEqual({ ok: false, reason: "formUsed" });
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(1);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "payment_recorded" } })).toBe(1);
    // Confirming twice (a double click) is answered as the first.
    const id = (first as { paymentId: string }).paymentId;
    expect(await confirmPayment(db, foActor, id)).toEqual({ ok: true, completed: false });
    expect(await confirmPayment(db, foActor, id)).toEqual({ ok: true, completed: false });
    expect(await db.auditEvent.count({ where: { action: "payment.confirmed", entityId: id } })).toBe(1);
  });

  it("through the page: the overpayment is shown with the amount over, and ticking it records the payment marked", async () => {
    const { contract, fo, trader } = await activeContract();
    await delivered(as(fo.leader, "fo_leader"), contract.id, { grossKg: 1000 }); // 3,100,000 owed
    const path = `/contracts/${contract.id}/payments`;
    const { formToken } = dataOf<{ formToken: string }>(
      await call(paymentsLoader, await request(path, { userId: trader.trader.id }), { contractId: contract.id }),
    );
    const refused = await call(paymentsAction, await request(path, { userId: trader.trader.id, form: paymentForm(formToken, "3,500,000") }), {
      contractId: contract.id,
    });
    expect(statusOf(refused)).toBe(409);
    expect(dataOf(refused)).toMatchObject({
      message: "deliveries:errors.overpayment",
      over: { owedLak: "3100000", overLak: "400000" },
      values: { amountLak: "3,500,000" },
    });
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(0);
    const ticked = await call(
      paymentsAction,
      await request(path, { userId: trader.trader.id, form: paymentForm(formToken, "3,500,000", { overpaymentLak: "400000" }) }),
      { contractId: contract.id },
    );
    expect(locationOf(ticked)).toBe(`${path}?done=paymentRecorded`);
    const page = dataOf<{ payments: { amountLak: string; overpayment: boolean }[] }>(
      await call(paymentsLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    expect(page.payments).toMatchObject([{ amountLak: "3500000", overpayment: true }]);
  });

  it("twenty identical posts at once keep one; twenty different ones never pay past what is owed", async () => {
    const { contract, fo, trader } = await activeContract();
    await delivered(as(fo.leader, "fo_leader"), contract.id, { grossKg: 1000 }); // 3,100,000 owed
    const path = `/contracts/${contract.id}/payments`;
    const form = paymentForm(newFormToken(), "100000");
    const same = await allAtOnce(
      paymentsAction,
      path,
      trader.trader.id,
      Array.from({ length: 20 }, () => form),
      { contractId: contract.id },
    );
    expect(same.map(locationOf)).toEqual(Array.from({ length: 20 }, () => `${path}?done=paymentRecorded`));
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(1);

    // 3,000,000 still owed; twenty payments of 1,000,000 at once: three fit.
    const different = await allAtOnce(
      paymentsAction,
      path,
      trader.trader.id,
      Array.from({ length: 20 }, () => paymentForm(newFormToken(), "1000000")),
      { contractId: contract.id },
    );
    const recorded = different.filter((r) => locationOf(r) === `${path}?done=paymentRecorded`);
    for (const r of different.filter((x) => !(x instanceof Response))) expect(dataOf<{ message: string }>(r).message).toBe("deliveries:errors.overpayment");
    const total = (await db.payment.aggregate({ where: { contractId: contract.id }, _sum: { amountLak: true } }))._sum.amountLak;
    expect(total).toBeLessThanOrEqual(3_100_000n);
    expect(recorded).toHaveLength(3);
    expect(await db.payment.count({ where: { contractId: contract.id, overpayment: true } })).toBe(0);
  });
});

describe("answering a grade sheet twice", () => {
  it("through the page, the same confirmation twice at once: both answered as confirmed, one confirmation written", async () => {
    const { contract, trader, fo } = await activeContract();
    const d = await delivered(as(trader.trader, "trader"), contract.id);
    const path = `/contracts/${contract.id}/deliveries`;
    const results = await allAtOnce(
      deliveriesAction,
      path,
      fo.leader.id,
      [
        { intent: "confirm", id: d },
        { intent: "confirm", id: d },
      ],
      { contractId: contract.id },
    );
    expect(results.map(locationOf)).toEqual([`${path}?done=confirmed`, `${path}?done=confirmed`]);
    expect(await db.auditEvent.count({ where: { action: "delivery.confirmed", entityId: d } })).toBe(1);
    expect(await confirmDelivery(db, as(fo.leader, "fo_leader"), d)).toEqual({ ok: true, completed: false });
    expect(await contestDelivery(db, as(fo.leader, "fo_leader"), d, "no")).toEqual({ ok: false, reason: "alreadyAnswered" });
  });
});

describe("the migration", () => {
  const MIGRATIONS = path.resolve("prisma/migrations");
  const folders = readdirSync(MIGRATIONS)
    .filter((f) => /^\d{14}_/.test(f))
    .sort();
  const file = path.resolve("tests/.tmp", `check-code-migration-${process.pid}.db`);
  afterAll(() => rmSync(file, { force: true }));

  it("gives every contract written before it a check code of its own, and lets records without a form token be", () => {
    const target = folders.indexOf("20261202152000_idempotent_records_check_code");
    expect(target).toBeGreaterThan(0);
    rmSync(file, { force: true });
    const sqlite = new Database(file);
    for (const folder of folders.slice(0, target)) sqlite.exec(readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
    sqlite.pragma("foreign_keys = OFF");
    // Rows standing alone: every NOT NULL column without a default gets a plain value of its type.
    const insertRow = (table: string, values: Record<string, unknown>) => {
      const columns = (sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown }[]).filter(
        (c) => c.name in values || (c.notnull && c.dflt_value === null),
      );
      const plain = (type: string) => (/INT/i.test(type) ? 1 : /DATE/i.test(type) ? "2026-10-01T03:00:00.000+00:00" : "x");
      const row = columns.map((c) => (c.name in values ? values[c.name] : plain(c.type)));
      sqlite.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c.name}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).run(...row);
    };
    const count = 300;
    for (let i = 1; i <= count; i++)
      insertRow("Contract", { id: `c${i}`, number: `SSJ-2026-${String(i).padStart(4, "0")}`, year: 2026, sequence: i, status: "completed" });
    for (let i = 1; i <= 3; i++) {
      insertRow("Delivery", { id: `d${i}`, contractId: "c1" });
      insertRow("Payment", { id: `p${i}`, contractId: "c1" });
    }
    for (const folder of folders.slice(target)) sqlite.exec(readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));

    const codes = (sqlite.prepare(`SELECT checkCode FROM "Contract"`).all() as { checkCode: string | null }[]).map((r) => r.checkCode);
    expect(codes).toHaveLength(count);
    for (const code of codes) {
      expect(code).toHaveLength(8);
      expect([...code!].every((ch) => CHECK_CODE_ALPHABET.includes(ch))).toBe(true);
    }
    expect(new Set(codes).size).toBe(count);
    // Random, not a pattern: across 300 codes × 8 places, every character of the alphabet turns up.
    expect(new Set(codes.join("")).size).toBe(32);
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM "Delivery" WHERE formToken IS NULL`).get()).toEqual({ n: 3 });
    expect(sqlite.prepare(`SELECT COUNT(*) AS n FROM "Payment" WHERE formToken IS NULL AND overpayment = 0`).get()).toEqual({ n: 3 });
    // The unique constraint: one form, one record per contract.
    sqlite.prepare(`UPDATE "Delivery" SET formToken = 'token-of-a-form-0001' WHERE id = 'd1'`).run();
    expect(() => sqlite.prepare(`UPDATE "Delivery" SET formToken = 'token-of-a-form-0001' WHERE id = 'd2'`).run()).toThrow(/UNIQUE/);
    sqlite.close();
  });
});
