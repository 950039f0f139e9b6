import { describe, expect, it } from "vitest";
import { confirmPayment, contestPayment, paymentStatement, recordPayment, type PaymentInput } from "~/domain/payments/contract-payments.server";
import { overdueContracts } from "~/domain/payments/overdue-list.server";
import { rebuildOverdueFrom } from "~/domain/payments/overdue.server";
import { paymentDueDate } from "~/domain/payments/payments";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { action as paymentsAction, loader as paymentsLoader } from "~/routes/contracts/payments";
import { loader as foDashboard } from "~/routes/fo/index";
import { loader as traderDashboard } from "~/routes/trader/index";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo } from "../fixtures/market";
import { contractInForce } from "../fixtures/contracts";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

/** `since`: the day the offer was made, accepted and signed (the contract's date). */
const activeContract = (terms: Record<string, string> = {}, since = new Date()) => contractInForce({ terms, at: since });

const laoDay = (date: Date) => startOfLaoDay(toLaoDateInput(date))!;

async function delivered(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<DeliveryInput>) {
  const result = await recordDelivery(db, actor, contractId, {
    deliveredOn: laoDay(new Date()),
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: null,
    measuredBy: "A",
    instrument: "B",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.deliveryId;
}

async function paid(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<PaymentInput>) {
  const result = await recordPayment(db, actor, contractId, {
    amountLak: 1_000_000n,
    paidOn: laoDay(new Date()),
    method: "bank_transfer",
    reference: "TRX-1",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v)));
  return result.paymentId;
}

describe("payments", () => {
  it("are recorded by the trader and confirmed or contested by the FO only", async () => {
    const { contract, foActor, traderActor, fo } = await activeContract();
    expect(await recordPayment(db, foActor, contract.id, { amountLak: 1n, paidOn: new Date(), method: "cash", reference: null })).toEqual({
      ok: false,
      reason: "notAParty",
    });
    expect(
      await recordPayment(db, as((await createCompany()).trader, "trader"), contract.id, {
        amountLak: 1n,
        paidOn: new Date(),
        method: "cash",
        reference: null,
      }),
    ).toEqual({
      ok: false,
      reason: "notFound",
    });
    await delivered(foActor, contract.id, {}); // 1,000 kg at 3,100: 3,100,000 owed
    const p1 = await paid(traderActor, contract.id, { amountLak: 2_000_000n });
    const p2 = await paid(traderActor, contract.id, { amountLak: 500_000n, method: "cash", reference: null });
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "payment_recorded" } })).toBe(2);
    expect(await confirmPayment(db, traderActor, p1)).toEqual({ ok: false, reason: "notTheOtherParty" });
    expect(await confirmPayment(db, as((await createFo()).leader, "fo_leader"), p1)).toEqual({ ok: false, reason: "notFound" });
    expect(await confirmPayment(db, foActor, p1)).toEqual({ ok: true, completed: false });
    // The same answer sent again by the same person is answered as the first; another answer is refused.
    expect(await confirmPayment(db, foActor, p1)).toEqual({ ok: true, completed: false });
    expect(await contestPayment(db, foActor, p1, "changed my mind")).toEqual({ ok: false, reason: "alreadyAnswered" });
    expect(await contestPayment(db, foActor, p2, "Nothing arrived")).toEqual({ ok: true, completed: false });
    expect(await db.payment.findUniqueOrThrow({ where: { id: p2 } })).toMatchObject({
      status: "contested",
      contestReason: "Nothing arrived",
      answeredById: foActor.id,
    });
    expect(await db.notification.count({ where: { userId: traderActor.id, kind: "payment_confirmed" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: traderActor.id, kind: "payment_contested" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityType: "Payment", entityId: { in: [p1, p2] } } })).toBe(4);
    // Only the confirmed payment counts.
    const access = (await contractAccess(db, foActor, contract.id))!;
    expect((await paymentStatement(db, access, foActor.id)).balance.paidLak).toBe("2000000");
  });

  it("derive the balance, what is overdue and since when, and the late-payment penalty, as of a given day", async () => {
    const { contract, foActor, traderActor } = await activeContract({ paymentDays: "7", latePenalty: "3", advanceLak: "500000" }, addDays(new Date(), -41));
    const d0 = laoDay(addDays(new Date(), -40));
    const day = (n: number) => addDays(d0, n);
    const d1 = await delivered(foActor, contract.id, { deliveredOn: day(0) });
    await delivered(foActor, contract.id, { deliveredOn: day(10) }); // recorded, not yet answered: it counts as owed
    await confirmDelivery(db, traderActor, d1);
    const p1 = await paid(traderActor, contract.id, { paidOn: day(5), amountLak: 1_000_000n });
    await confirmPayment(db, foActor, p1);
    await paid(traderActor, contract.id, { paidOn: day(20), amountLak: 2_000_000n }); // not confirmed: not counted

    const now = addDays(day(25), 0.5);
    const access = (await contractAccess(db, foActor, contract.id))!;
    const { balance } = await paymentStatement(db, access, foActor.id, now);
    // Due 2 × 3,100,000; paid the advance 500,000 and 1,000,000 confirmed.
    expect(balance).toMatchObject({ dueLak: "6200000", paidLak: "1500000", balanceLak: "4700000", overdueLak: "4700000", oldestOverdueDays: 18 });
    // FIFO: the first delivery (due day 7) is paid 500,000 by the advance and 1,000,000 on day 5; 1,600,000 is 18 days late;
    // the second (due day 17) is 3,100,000 and 8 days late.
    expect(balance.allocations.map((a) => [a.source, a.amountLak, a.daysLate])).toEqual([
      ["advance", "500000", 0],
      ["payment", "1000000", 0],
      ["unpaid", "1600000", 18],
      ["unpaid", "3100000", 8],
    ]);
    // 3 % a month: 1,600,000 × 30 × 18 ÷ 30,000 = 28,800; 3,100,000 × 30 × 8 ÷ 30,000 = 24,800.
    expect(balance.penaltyLak).toBe("53600");
    expect(balance.penaltyLines.map((l) => l.amountLak)).toEqual(["28800", "24800", "53600"]);
    expect(balance.lines.map((l) => [l.key, l.amountLak])).toEqual([
      ["deliveries:statement.lines.due", "6200000"],
      ["deliveries:statement.lines.advance", "-500000"],
      ["deliveries:statement.lines.paid", "-1000000"],
      ["deliveries:statement.lines.balance", "4700000"],
    ]);
    // The contract keeps the due date of its oldest unpaid amount (the first delivery's, day 7), as a recount finds it.
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).overdueFrom).toEqual(paymentDueDate(day(0), 7));
    expect(await rebuildOverdueFrom(db)).toBe(0);
    // Before the first due date nothing is overdue.
    expect((await paymentStatement(db, access, foActor.id, addDays(day(7), 0.5))).balance).toMatchObject({
      overdueLak: "0",
      oldestOverdueDays: 0,
      penaltyLak: "0",
      balanceLak: "1600000",
    });

    // Both dashboards list it; another company's does not.
    const fromFo = dataOf<{ overdue: { id: string; overdueLak: string; days: number }[] }>(
      await call(foDashboard, await request("/fo", { userId: foActor.id })),
    );
    expect(fromFo.overdue.find((c) => c.id === contract.id)).toMatchObject({ overdueLak: "4700000" });
    expect(fromFo.overdue.find((c) => c.id === contract.id)!.days).toBeGreaterThan(18);
    const fromTrader = dataOf<{ overdue: { id: string }[] }>(await call(traderDashboard, await request("/trader", { userId: traderActor.id })));
    expect(fromTrader.overdue.map((c) => c.id)).toContain(contract.id);
    const stranger = dataOf<{ overdue: { id: string }[] }>(
      await call(traderDashboard, await request("/trader", { userId: (await createCompany()).trader.id })),
    );
    expect(stranger.overdue).toEqual([]);
    expect(await overdueContracts({ companyIds: [] })).toEqual([]);
  });

  it("through the page: the trader records, bad input writes nothing, the district's facilitator only reads", async () => {
    const { contract, fo, trader } = await activeContract();
    const path = `/contracts/${contract.id}/payments`;
    const bad = await call(
      paymentsAction,
      await request(path, { userId: trader.trader.id, form: { intent: "record", amountLak: "0", paidOn: "soon", method: "cheque" } }),
      { contractId: contract.id },
    );
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).sort()).toEqual(["amountLak", "method", "paidOn"]);
    const future = await call(
      paymentsAction,
      await request(path, {
        userId: trader.trader.id,
        form: { intent: "record", amountLak: "5000", paidOn: toLaoDateInput(addDays(new Date(), 2)), method: "cash", formToken: "a-form-token-of-a-test" },
      }),
      {
        contractId: contract.id,
      },
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(future).fieldErrors).toEqual({ paidOn: "deliveries:errors.dateInFuture" });
    expect(
      statusOf(
        await call(
          paymentsAction,
          await request(path, { userId: fo.leader.id, form: { intent: "record", amountLak: "5000", paidOn: toLaoDateInput(new Date()), method: "cash" } }),
          { contractId: contract.id },
        ),
      ),
    ).toBe(403);
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(0);

    await delivered(as(fo.leader, "fo_leader"), contract.id, {});
    const { formToken } = dataOf<{ formToken: string }>(
      await call(paymentsLoader, await request(path, { userId: trader.trader.id }), { contractId: contract.id }),
    );
    const form = {
      intent: "record",
      amountLak: "1,250,000",
      paidOn: toLaoDateInput(new Date()),
      method: "mobile_money",
      reference: "M-77",
      formToken,
      confirmed: "yes",
    };
    const ok = await call(paymentsAction, await request(path, { userId: trader.trader.id, form }), {
      contractId: contract.id,
    });
    expect(locationOf(ok)).toBe(`${path}?done=paymentRecorded`);
    const payment = await db.payment.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(payment).toMatchObject({ amountLak: 1_250_000n, method: "mobile_money", reference: "M-77", status: "recorded" });

    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const page = dataOf<{ canRecord: boolean; payments: { canAnswer: boolean }[] }>(
      await call(paymentsLoader, await request(path, { userId: facilitator.id }), { contractId: contract.id }),
    );
    expect(page.canRecord).toBe(false);
    expect(page.payments[0]!.canAnswer).toBe(false);
    expect(
      statusOf(
        await call(paymentsAction, await request(path, { userId: facilitator.id, form: { intent: "confirm", id: payment.id } }), { contractId: contract.id }),
      ),
    ).toBe(403);
    const elsewhere = await createUser({ roles: ["facilitator"] });
    expect(statusOf(await call(paymentsLoader, await request(path, { userId: elsewhere.id }), { contractId: contract.id }))).toBe(404);
    expect(statusOf(await call(paymentsLoader, await request(path, { userId: (await createFo()).leader.id }), { contractId: contract.id }))).toBe(404);
    expect(statusOf(await call(paymentsLoader, await request(path), { contractId: contract.id }))).toBe(302);

    const confirmed = await call(paymentsAction, await request(path, { userId: fo.leader.id, form: { intent: "confirm", id: payment.id } }), {
      contractId: contract.id,
    });
    expect(locationOf(confirmed)).toBe(`${path}?done=paymentConfirmed`);
  });
});

describe("the confirmation step", () => {
  it("answers the record form with what will be recorded, records nothing until confirmed, and records once", async () => {
    const { contract, fo, trader } = await activeContract();
    await delivered(as(fo.leader, "fo_leader"), contract.id, { grossKg: 1000 }); // 3,100,000 owed
    const path = `/contracts/${contract.id}/payments`;
    const post = async (form: Record<string, string>, userId = trader.trader.id) =>
      call(paymentsAction, await request(path, { userId, form }), { contractId: contract.id });
    const { formToken } = dataOf<{ formToken: string }>(
      await call(paymentsLoader, await request(path, { userId: trader.trader.id }), { contractId: contract.id }),
    );
    const paidOn = toLaoDateInput(new Date());
    const typed = { intent: "record", amountLak: "1,250,000", paidOn, method: "cash", reference: "R-5", formToken };
    const audits = await db.auditEvent.count();

    const review = await post(typed);
    expect(statusOf(review)).toBe(200);
    expect(dataOf(review)).toMatchObject({
      formToken,
      review: { amountLak: "1250000", method: "cash", reference: "R-5", overpaymentLak: null },
      values: { amountLak: "1,250,000", paidOn, method: "cash", reference: "R-5" },
      fieldErrors: {},
    });
    // Anything but "yes" is not a confirmation.
    expect(statusOf(await post({ ...typed, confirmed: "no" }))).toBe(200);
    // "No, change it": the form back as typed, the same token.
    expect(dataOf(await post({ ...typed, intent: "edit" }))).toMatchObject({ review: null, formToken, values: { amountLak: "1,250,000", reference: "R-5" } });
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "payment_recorded" } })).toBe(0);

    // More than is owed: said at the first step, before any confirmation.
    const over = await post({ ...typed, amountLak: "3,500,000" });
    expect(statusOf(over)).toBe(409);
    expect(dataOf(over)).toMatchObject({ message: "deliveries:errors.overpayment", over: { overLak: "400000" }, review: null });

    const recorded = await post({ ...typed, confirmed: "yes" });
    expect(locationOf(recorded)).toBe(`${path}?done=paymentRecorded`);
    // The confirmation sent again, or the record form with its token: the first's answer, one payment.
    expect(locationOf(await post({ ...typed, confirmed: "yes" }))).toBe(`${path}?done=paymentRecorded`);
    expect(locationOf(await post(typed))).toBe(`${path}?done=paymentRecorded`);
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(1);
  });

  it("refuses both steps to the FO's leader, the district's facilitator and another company's trader, and records nothing", async () => {
    const { contract, fo } = await activeContract();
    await delivered(as(fo.leader, "fo_leader"), contract.id, {});
    const path = `/contracts/${contract.id}/payments`;
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const stranger = (await createCompany()).trader;
    const form = { intent: "record", amountLak: "5000", paidOn: toLaoDateInput(new Date()), method: "cash", formToken: "a-form-token-of-a-test" };
    for (const [userId, status] of [
      [fo.leader.id, 403],
      [facilitator.id, 403],
      [stranger.id, 404],
    ] as const) {
      for (const confirmed of ["", "yes"]) {
        expect(
          statusOf(await call(paymentsAction, await request(path, { userId, form: { ...form, confirmed } }), { contractId: contract.id })),
          `${userId} ${confirmed}`,
        ).toBe(status);
      }
    }
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(0);
  });
});

describe("completion", () => {
  it("completes the contract after the last confirmation, once the quantity is delivered within tolerance and paid", async () => {
    const { contract, foActor, traderActor, fo } = await activeContract({ quantityKg: "3000", priceLakPerKg: "3100", paymentDays: "7" });
    // 3,000 kg less 5 % tolerance: at least 2,850 kg net. 1,500 + 1,400 = 2,900 kg.
    const d1 = await delivered(foActor, contract.id, { grossKg: 1500 });
    const d2 = await delivered(foActor, contract.id, { grossKg: 1400 });
    expect(await confirmDelivery(db, traderActor, d1)).toEqual({ ok: true, completed: false });
    const p1 = await paid(traderActor, contract.id, { amountLak: 4_650_000n });
    const p2 = await paid(traderActor, contract.id, { amountLak: 4_340_000n });
    expect(await confirmPayment(db, foActor, p1)).toEqual({ ok: true, completed: false });
    expect(await confirmPayment(db, foActor, p2)).toEqual({ ok: true, completed: false }); // d2 still waits for the trader's answer
    expect((await db.contract.findUniqueOrThrow({ where: { id: contract.id } })).status).toBe("active");
    expect(await confirmDelivery(db, traderActor, d2)).toEqual({ ok: true, completed: true });
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id } });
    expect(after.status).toBe("completed");
    expect(after.completedAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.completed" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "contract_completed" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: traderActor.id, kind: "contract_completed" } })).toBe(1);
    // A completed contract takes no more deliveries.
    expect(
      await recordDelivery(db, foActor, contract.id, {
        deliveredOn: laoDay(new Date()),
        grossKg: 1,
        moisturePermille: 140,
        gradeCode: "G1",
        foreignMatterPermille: null,
        measuredBy: "A",
        instrument: "B",
      }),
    ).toEqual({
      ok: false,
      reason: "notActive",
    });
  });

  it("does not complete while money is still owed or the quantity is short", async () => {
    const { contract, foActor, traderActor } = await activeContract({ quantityKg: "3000", priceLakPerKg: "3100" });
    const d1 = await delivered(foActor, contract.id, { grossKg: 2800 }); // below 2,850 kg
    const p1 = await paid(traderActor, contract.id, { amountLak: 8_680_000n });
    await confirmPayment(db, foActor, p1);
    expect(await confirmDelivery(db, traderActor, d1)).toEqual({ ok: true, completed: false });
    const d2 = await delivered(foActor, contract.id, { grossKg: 100 });
    expect(await confirmDelivery(db, traderActor, d2)).toEqual({ ok: true, completed: false }); // 310,000 still owed
    const p2 = await paid(traderActor, contract.id, { amountLak: 310_000n });
    expect(await confirmPayment(db, foActor, p2)).toEqual({ ok: true, completed: true });
  });
});
