// The demo contracts on a fresh database (the template already holds the
// reference data and contract templates): on top of the demo market, every
// demo account finds contracts awaiting signatures, in force with an overdue
// payment, in dispute and completed with a payout sheet.
import { beforeAll, describe, expect, it } from "vitest";
import { contractLedger, readSnapshot } from "~/domain/contracts/completion.server";
import { unresolvedDisputeStatuses } from "~/domain/disputes/dispute-categories";
import { contractBalance } from "~/domain/payments/payments";
import { payoutFor } from "~/domain/payments/payout.server";
import { loader as contractsLoader } from "~/routes/contracts/index";
import { loader as paymentsLoader } from "~/routes/contracts/payments";
import { db } from "~/utils/db.server";
import { call, dataOf, request } from "../fixtures/app";
import { seedDemoContracts } from "../../prisma/seed/demo-contracts";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";

const now = new Date();
let liveListingsBefore: string[] = [];

const liveListingIds = async () =>
  (await db.listing.findMany({ where: { status: { in: ["open", "under_negotiation", "draft"] } }, select: { id: true }, orderBy: { id: "asc" } })).map(
    (l) => l.id,
  );

beforeAll(async () => {
  await seedDemoData(db);
  await seedDemoMarket(db, now);
  liveListingsBefore = await liveListingIds();
  await seedDemoContracts(db, now);
}, 180_000);

const contractsIn = (status: string) =>
  db.contract.findMany({
    where: { status },
    include: {
      organisation: { include: { leaders: { include: { user: true } } } },
      company: { include: { staff: { include: { user: true } } } },
      deliveries: true,
      payments: true,
      signatures: true,
      disputes: { include: { entries: true } },
      document: { select: { snapshot: true } },
    },
  });
const leaderEmails = (c: Awaited<ReturnType<typeof contractsIn>>[number]) => c.organisation.leaders.map((l) => l.user.email);
const staffEmails = (c: Awaited<ReturnType<typeof contractsIn>>[number]) => c.company.staff.map((s) => s.user.email);

describe("seedDemoContracts", () => {
  it("keeps the market's contract awaiting signatures and leaves its live listings alone", async () => {
    const awaiting = await contractsIn("awaiting_signatures");
    expect(awaiting).toHaveLength(1);
    expect(leaderEmails(awaiting[0]!)).toContain("leader2@demo.la");
    expect(staffEmails(awaiting[0]!)).toContain("trader@demo.la");
    expect(awaiting[0]!.signatures).toHaveLength(0);
    expect(await liveListingIds()).toEqual(liveListingsBefore);
  });

  it("has Phonxay × Namko maize in force, a wet delivery confirmed with its deduction, and an overdue balance", async () => {
    const active = (await contractsIn("active")).filter((c) => c.deliveries.length > 0);
    expect(active).toHaveLength(1);
    const contract = active[0]!;
    expect(leaderEmails(contract)).toContain("leader@demo.la");
    expect(staffEmails(contract)).toContain("trader@demo.la");
    const snapshot = readSnapshot(contract);
    expect(snapshot.crop.code).toBe("MAIZE");
    expect(new Set(contract.signatures.map((s) => s.party))).toEqual(new Set(["fo", "trader"]));

    expect(contract.deliveries).toHaveLength(1);
    const delivery = contract.deliveries[0]!;
    expect(delivery.status).toBe("confirmed");
    expect(delivery.moisturePermille).toBeGreaterThan(snapshot.terms.moistureBasisPermille);
    expect(delivery.deductedKg).toBeGreaterThan(0);
    expect(delivery.netKg).toBe(delivery.grossKg - delivery.deductedKg);
    expect(delivery.amountDueLak).toBe(BigInt(delivery.netKg) * BigInt(snapshot.terms.priceLakPerKg));
    expect(delivery.deliveredOn.getTime()).toBeLessThan(now.getTime());

    expect(contract.payments.map((p) => p.status)).toEqual(["confirmed"]);
    const { deliveries, payments } = await contractLedger(db, contract.id);
    const balance = contractBalance({
      deliveries: deliveries.map((d) => ({ payableLak: d.amountDueLak - d.inputDeductionLak, deliveredOn: d.deliveredOn, status: d.status as "confirmed" })),
      payments: payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: p.status as "confirmed" })),
      advanceLak: BigInt(snapshot.terms.advanceLak),
      paymentDays: snapshot.terms.paymentDays,
      now,
    });
    expect(balance.paidLak).toBeGreaterThan(0n);
    expect(balance.overdueLak).toBeGreaterThan(0n);
    expect(balance.overdueLak).toBe(balance.balanceLak);
    expect(balance.oldestOverdueDays).toBeGreaterThan(0);

    // leader@demo.la sees it on the payments page too.
    const leader = await db.user.findUniqueOrThrow({ where: { email: "leader@demo.la" } });
    const page = dataOf<{ balance: { overdueLak: string } }>(
      await call(paymentsLoader, await request(`/contracts/${contract.id}/payments`, { userId: leader.id }), { contractId: contract.id }),
    );
    expect(BigInt(page.balance.overdueLak)).toBeGreaterThan(0n);
  });

  it("has Viengkeo × Yunlao in dispute over a contested moisture reading, answered and mediated", async () => {
    const disputed = await contractsIn("disputed");
    expect(disputed).toHaveLength(1);
    const contract = disputed[0]!;
    expect(leaderEmails(contract)).toContain("leader2@demo.la");
    expect(staffEmails(contract)).toContain("trader3@demo.la");
    expect(contract.deliveries.map((d) => [d.status, d.recordedByParty])).toEqual([["contested", "trader"]]);
    expect(contract.deliveries[0]!.contestReason).toBeTruthy();

    expect(contract.disputes).toHaveLength(1);
    const dispute = contract.disputes[0]!;
    expect(dispute.category).toBe("moisture_quality");
    expect(dispute.raisedByParty).toBe("fo");
    expect(unresolvedDisputeStatuses).toContain(dispute.status);
    expect(dispute.answer).toBeTruthy();
    const mediation = dispute.entries.filter((e) => e.kind === "mediation");
    expect(mediation).toHaveLength(1);
    const facilitator = await db.user.findUniqueOrThrow({ where: { email: "facilitator@demo.la" } });
    expect(mediation[0]!.authorId).toBe(facilitator.id);
  });

  it("has Phonxay × Siam soybean completed, with a payout sheet whose rows add up to the totals", async () => {
    const completed = await contractsIn("completed");
    expect(completed).toHaveLength(1);
    const contract = completed[0]!;
    expect(leaderEmails(contract)).toContain("leader@demo.la");
    expect(staffEmails(contract)).toContain("trader2@demo.la");
    expect(contract.completedAt).not.toBeNull();
    expect(contract.deliveries.length).toBeGreaterThanOrEqual(1);
    expect(contract.deliveries.every((d) => d.status === "confirmed")).toBe(true);
    expect(contract.payments.every((p) => p.status === "confirmed")).toBe(true);
    const netKg = contract.deliveries.reduce((s, d) => s + d.netKg, 0);
    const payableLak = contract.deliveries.reduce((s, d) => s + d.amountDueLak - d.inputDeductionLak, 0n);
    const snapshot = readSnapshot(contract);
    expect(netKg * 1000).toBeGreaterThanOrEqual(snapshot.terms.quantityKg * (1000 - snapshot.terms.tolerancePermille));
    expect(contract.payments.reduce((s, p) => s + p.amountLak, 0n)).toBe(payableLak);

    // The seed records its deliveries through recordDelivery, so each is one pooled lot (the FO's bags):
    // the sheet is by household, every pooled kg and LAK shared by pledge, and its columns add up exactly.
    expect(await db.deliveryLot.count({ where: { deliveryId: { in: contract.deliveries.map((d) => d.id) }, memberId: null } })).toBe(
      contract.deliveries.length,
    );
    const report = await payoutFor(db, contract, snapshot);
    expect(report.draft).toBe(false);
    expect(report.confirmedDeliveries).toBe(contract.deliveries.length);
    expect(report.sheet).toBeNull();
    const sheet = report.households!;
    expect(sheet.rows.length).toBeGreaterThanOrEqual(5);
    expect(sheet.totals.netKg).toBe(netKg);
    expect(sheet.totals.pooledNetKg).toBe(netKg);
    expect(sheet.totals.ownNetKg).toBe(0);
    expect(sheet.totals.grossLak).toBe(contract.deliveries.reduce((s, d) => s + d.amountDueLak, 0n));
    expect(sheet.totals.payableLak).toBe(payableLak);
    expect(sheet.totals.pledgedKg).toBeGreaterThan(0);
    for (const column of ["pledgedKg", "pooledNetKg", "netKg"] as const)
      expect(
        sheet.rows.reduce((s, r) => s + r[column], 0),
        column,
      ).toBe(sheet.totals[column]);
    for (const column of ["grossLak", "inputRepaidLak", "commonInputLak", "payableLak"] as const)
      expect(
        sheet.rows.reduce((s, r) => s + r[column], 0n),
        column,
      ).toBe(sheet.totals[column]);
    for (const r of sheet.rows) expect(r.payableLak).toBe(r.grossLak - r.inputRepaidLak - r.commonInputLak);
  });

  it("has a floor-price forward contract in force with nothing delivered yet", async () => {
    const floor = (await contractsIn("active")).filter((c) => readSnapshot(c).template.code === "forward_floor");
    expect(floor).toHaveLength(1);
    const snapshot = readSnapshot(floor[0]!);
    expect(snapshot.terms.floorPriceLakPerKg).toBeGreaterThan(0);
    expect(floor[0]!.deliveries).toHaveLength(0);
    expect(new Date(snapshot.terms.deliveryDate).getTime()).toBeGreaterThan(now.getTime());
  });

  it("dates every step in the past, in order, and audits it", async () => {
    const contracts = await db.contract.findMany({
      include: { signatures: true, deliveries: true, payments: true, disputes: true, document: { select: { snapshot: true } } },
    });
    for (const c of contracts) {
      const date = new Date(readSnapshot(c).date).getTime();
      expect(date).toBeLessThanOrEqual(now.getTime());
      for (const s of c.signatures) expect(s.signedAt.getTime()).toBeGreaterThanOrEqual(date);
      for (const d of c.deliveries) expect(d.deliveredOn.getTime()).toBeLessThan(now.getTime());
      for (const p of c.payments) expect(p.paidOn.getTime()).toBeLessThan(now.getTime());
      if (c.activatedAt) expect(c.activatedAt.getTime()).toBeLessThan(now.getTime());
    }
    const actions = new Set((await db.auditEvent.findMany({ select: { action: true } })).map((a) => a.action));
    for (const action of [
      "contract.generated",
      "contract.signed",
      "contract.activated",
      "delivery.recorded",
      "delivery.confirmed",
      "delivery.contested",
      "payment.recorded",
      "payment.confirmed",
      "contract.completed",
      "dispute.raised",
      "dispute.answered",
      "dispute.mediation_note",
    ])
      expect(actions).toContain(action);
  });

  it("shows each demo account its contracts in the states it takes part in", async () => {
    const seen = async (email: string) => {
      const user = await db.user.findUniqueOrThrow({ where: { email } });
      const page = dataOf<{ contracts: { status: string }[] }>(await call(contractsLoader, await request("/contracts", { userId: user.id })));
      return page.contracts.map((c) => c.status).sort();
    };
    expect(await seen("leader@demo.la")).toEqual(["active", "completed"]);
    expect(await seen("leader2@demo.la")).toEqual(["active", "awaiting_signatures", "disputed"]);
    expect(await seen("trader@demo.la")).toEqual(["active", "awaiting_signatures"]);
    expect(await seen("trader2@demo.la")).toEqual(["active", "completed"]);
    expect(await seen("trader3@demo.la")).toEqual(["disputed"]);
    expect(await seen("facilitator@demo.la")).toEqual(["active", "active", "awaiting_signatures", "completed", "disputed"]);
  });
});

describe("member SMS in the demo", () => {
  it("gives some households with a phone consent to SMS, so the outbox holds their news, each to the number consented for", async () => {
    const consents = await db.memberSmsConsent.findMany({
      where: { withdrawnAt: null },
      select: { memberId: true, phone: true, member: { select: { phone: true } } },
    });
    expect(consents.length).toBeGreaterThan(10);
    for (const c of consents) expect(c.phone).toBe(c.member.phone);
    const news = await db.outboxMessage.findMany({
      where: { memberId: { not: null }, channel: "sms" },
      select: { memberId: true, recipient: true, dedupeKey: true },
    });
    expect(news.some((m) => m.dedupeKey?.startsWith("contract-summary:"))).toBe(true);
    const consented = new Map(consents.map((c) => [c.memberId, c.phone]));
    for (const m of news) expect(m.recipient).toBe(consented.get(m.memberId!));
  });
});
