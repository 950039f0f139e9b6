// The journey of issue "fair settlement down to each household": an
// input-supply contract, inputs handed to three members on different days, a
// delivery of six member lots (different moisture, one off-grade), and the
// payout sheet: each household's own net kg, own deduction, own inputs with
// interest from its own handover, and totals that add up.
import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { gradeAdjustmentFor } from "~/domain/deliveries/lots";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { action as inputsAction, loader as inputsLoader } from "~/routes/contracts/inputs";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { db } from "~/utils/db.server";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createFo } from "../fixtures/market";
import { as, daysAgo, handoverForm, inputContract } from "../fixtures/inputs";

describe("inputs handed to members", () => {
  it("are recorded by the FO's leaders only, never beyond what the contract advanced, and read by the trader", async () => {
    const { fo, trader, contract } = await inputContract();
    const params = { contractId: contract.id };
    const page = dataOf<{ formToken: string; canRecord: boolean; members: unknown[] }>(
      await call(inputsLoader, await request(`/contracts/${contract.id}/inputs`, { userId: fo.leader.id }), params),
    );
    expect(page.canRecord).toBe(true);
    expect(page.members).toHaveLength(6);

    // The trader reads, but may not record.
    const traderPage = dataOf<{ canRecord: boolean; members: unknown[] }>(
      await call(inputsLoader, await request(`/contracts/${contract.id}/inputs`, { userId: trader.trader.id }), params),
    );
    expect(traderPage).toMatchObject({ canRecord: false, members: [] });
    const denied = await call(
      inputsAction,
      await request(`/contracts/${contract.id}/inputs`, { userId: trader.trader.id, form: handoverForm(fo.members[0]!.id, "1000", 5, "t-1") }),
      params,
    );
    expect(statusOf(denied)).toBe(403);
    // Another FO's leader does not see the contract at all.
    const other = await createFo();
    expect(statusOf(await call(inputsLoader, await request(`/contracts/${contract.id}/inputs`, { userId: other.leader.id }), params))).toBe(404);

    // Bad input and more than was advanced: clear errors, nothing written.
    const bad = await call(
      inputsAction,
      await request(`/contracts/${contract.id}/inputs`, {
        userId: fo.leader.id,
        form: { ...handoverForm(other.members[0]!.id, "3000001", -2, page.formToken), quantity: "x" },
      }),
      params,
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toMatchObject({ quantity: "validation:wholeNumber" });
    const tooMuch = await call(
      inputsAction,
      await request(`/contracts/${contract.id}/inputs`, { userId: fo.leader.id, form: handoverForm(other.members[0]!.id, "3000001", -2, page.formToken) }),
      params,
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(tooMuch).fieldErrors).toEqual({
      memberId: "deliveries:inputs.errors.unknownMember",
      handedOn: "deliveries:inputs.errors.dateInFuture",
      valueLak: "deliveries:inputs.errors.moreThanAdvanced",
    });
    expect(await db.inputHandover.count({ where: { contractId: contract.id } })).toBe(0);

    // Recorded once, even when the same form is sent twice.
    const form = handoverForm(fo.members[0]!.id, "1000000", 50, page.formToken);
    for (let i = 0; i < 2; i++)
      expect(locationOf(await call(inputsAction, await request(`/contracts/${contract.id}/inputs`, { userId: fo.leader.id, form }), params))).toBe(
        `/contracts/${contract.id}/inputs?done=1`,
      );
    expect(await db.inputHandover.count({ where: { contractId: contract.id } })).toBe(1);
  });
});

describe("settling down to each household", () => {
  it("pays each household for its own lots and takes its own inputs, with interest from its own handover", async () => {
    const { fo, trader, contract } = await inputContract();
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    const params = { contractId: contract.id };
    const [m0, m1, m2, m3, m4, m5] = fo.members.map((m) => m.id) as [string, string, string, string, string, string];
    // Inputs handed over 50, 40 and 30 days ago; 600,000 of the 3,000,000 to nobody (the FO's own, from the contract day, 60 days ago).
    for (const [member, value, days] of [
      [m0, "1000000", 50],
      [m1, "800000", 40],
      [m2, "600000", 30],
    ] as const) {
      const page = dataOf<{ formToken: string }>(await call(inputsLoader, await request(`/contracts/${contract.id}/inputs`, { userId: fo.leader.id }), params));
      const done = await call(
        inputsAction,
        await request(`/contracts/${contract.id}/inputs`, { userId: fo.leader.id, form: handoverForm(member, value, days, page.formToken) }),
        params,
      );
      expect(locationOf(done)).toBe(`/contracts/${contract.id}/inputs?done=1`);
    }

    // The leader fills in the grade sheet at the scale: six lots, 20 bags of 100 g each.
    const sheet = dataOf<{ formToken: string; members: { id: string }[] }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), params),
    );
    expect(sheet.members).toHaveLength(6);
    const lots: [string, string, string][] = [
      [m0, "14", "G1"],
      [m1, "15", "G1"],
      [m2, "16.5", "G1"],
      [m3, "18", "G1"],
      [m4, "20", "G1"],
      [m5, "14.5", "G3"],
    ];
    const form: Record<string, string> = {
      deliveredOn: daysAgo(0),
      bagGrams: "100",
      measuredBy: "Village scale keeper",
      instrument: "Platform scale No. 1; Kett meter",
      formToken: sheet.formToken,
      rows: "20",
    };
    lots.forEach(([member, moisture, grade], i) =>
      Object.assign(form, {
        [`lot.${i}.member`]: member,
        [`lot.${i}.bags`]: "20",
        [`lot.${i}.grossKg`]: "1002",
        [`lot.${i}.moisture`]: moisture,
        [`lot.${i}.grade`]: grade,
      }),
    );

    // Checking the totals writes nothing and adds the lots up.
    const preview = await call(
      deliveriesAction,
      await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id, form: { ...form, intent: "preview" } }),
      params,
    );
    expect(statusOf(preview)).toBe(200);
    // Net per lot (weighed 1,000 kg after 2 kg of bags): 14.0 % → 1,000; 15.0 % → 1.0 × 15 = 985;
    // 16.5 % → 37.5, half up 38 → 962; 18.0 % → 60 → 940; 20.0 % → 6.0 × 15 (above the table, its last rate) → 910; 14.5 % → 7.5 → 8 → 992.
    const nets = [1000, 985, 962, 940, 910, 992];
    expect(
      dataOf<{ preview: { total: { lots: number; bags: number; grossKg: number; netKg: number }; lots: { netKg: number }[] } }>(preview).preview,
    ).toMatchObject({
      total: { lots: 6, bags: 120, grossKg: 6012, netKg: 5789 },
      lots: nets.map((netKg) => ({ netKg })),
    });
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);

    const recorded = await call(
      deliveriesAction,
      await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id, form: { ...form, intent: "record" } }),
      params,
    );
    expect(locationOf(recorded)).toBe(`/contracts/${contract.id}/deliveries?done=recorded`);
    const delivery = await db.delivery.findFirstOrThrow({
      where: { contractId: contract.id },
      include: { lots: { orderBy: { position: "asc" } }, inputRepayments: true },
    });
    const offGrade = gradeAdjustmentFor(snapshot.terms.gradeAdjustments, "G3");
    const prices = lots.map(([, , grade]) => Math.max(0, 3100 + gradeAdjustmentFor(snapshot.terms.gradeAdjustments, grade)));
    const amounts = nets.map((n, i) => BigInt(n) * BigInt(prices[i]!));
    expect(delivery.lots.map((l) => [l.memberId, l.tareKg, l.netKg, l.amountLak])).toEqual(lots.map(([m], i) => [m, 2, nets[i], amounts[i]]));
    expect(delivery).toMatchObject({ lotCount: 6, grossKg: 6012, tareKg: 12, netKg: 5789, amountDueLak: amounts.reduce((s, a) => s + a, 0n), gradeCode: null });
    // The off-grade lot is priced by the contract's own table (a discount where it sets one).
    expect(offGrade).toBeLessThanOrEqual(0);

    // Own inputs, interest from each handover to today at 2 % a month:
    // m0 1,000,000 × 20 ‰ × 50 ÷ 30 = 33,333.3 → 1,033,333; m1 800,000 × 40 days → 21,333.3 → 821,333;
    // m2 600,000 × 30 days → 12,000 → 612,000; the FO's own 600,000 × 60 days → 24,000 → 624,000.
    const repaid = new Map(delivery.inputRepayments.map((r) => [r.memberId, r.amountLak]));
    expect(repaid).toEqual(
      new Map<string | null, bigint>([
        [m0, 1_033_333n],
        [m1, 821_333n],
        [m2, 612_000n],
        [null, 624_000n],
      ]),
    );
    expect(delivery.inputDeductionLak).toBe(1_033_333n + 821_333n + 612_000n + 624_000n);

    // The trader sees the grade sheet without the households' names, and confirms it.
    const traderView = dataOf<{ deliveries: { lots: { memberName: string | null }[] }[] }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: trader.trader.id }), params),
    );
    expect(traderView.deliveries[0]!.lots.every((l) => l.memberName === null)).toBe(true);
    const foView = dataOf<{ deliveries: { lots: { memberName: string | null }[] }[] }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), params),
    );
    expect(foView.deliveries[0]!.lots.map((l) => l.memberName)).toEqual(fo.members.map((m) => m.name));
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);

    // The payout sheet.
    const payout = dataOf<{
      households: {
        rows: {
          memberId: string;
          ownNetKg: number;
          ownDeductedKg: number;
          pooledNetKg: number;
          grossLak: string;
          inputRepaidLak: string;
          commonInputLak: string;
          payableLak: string;
        }[];
        totals: Record<string, string | number>;
      };
    }>(await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), params));
    const row = (id: string) => payout.households.rows.find((r) => r.memberId === id)!;
    lots.forEach(([member], i) => {
      expect(row(member)).toMatchObject({ ownNetKg: nets[i], ownDeductedKg: 1000 - nets[i]!, pooledNetKg: 0, grossLak: amounts[i]!.toString() });
    });
    expect(row(m0).inputRepaidLak).toBe("1033333");
    expect(row(m1).inputRepaidLak).toBe("821333");
    expect(row(m2).inputRepaidLak).toBe("612000");
    for (const m of [m3, m4, m5]) expect(row(m).inputRepaidLak).toBe("0");
    // The FO's own 624,000 come out of what each household has left, in proportion: every column adds up exactly.
    const sum = (f: (r: (typeof payout.households.rows)[number]) => string) => payout.households.rows.reduce((s, r) => s + BigInt(f(r)), 0n);
    expect(sum((r) => r.commonInputLak)).toBe(624_000n);
    expect(sum((r) => r.grossLak)).toBe(delivery.amountDueLak);
    expect(sum((r) => r.payableLak)).toBe(delivery.amountDueLak - delivery.inputDeductionLak);
    expect(payout.households.totals).toMatchObject({ netKg: 5789, payableLak: (delivery.amountDueLak - delivery.inputDeductionLak).toString() });
    for (const r of payout.households.rows) expect(BigInt(r.payableLak)).toBe(BigInt(r.grossLak) - BigInt(r.inputRepaidLak) - BigInt(r.commonInputLak));
    // A household that received inputs pays more than its neighbour with the same lot would: its own debt, nobody else's.
    expect(BigInt(row(m0).payableLak)).toBeLessThan(BigInt(row(m3).payableLak));

    // The trader never reads the sheet.
    expect(statusOf(await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: trader.trader.id }), params))).toBe(404);
  });

  it("lets only the FO name households: the trader's lots are the FO's pooled bags, shared by pledge", async () => {
    const { fo, trader, contract } = await inputContract();
    const traderActor = as(trader.trader, "trader");
    const base = { deliveredOn: new Date(), measuredBy: "Buyer's grader", instrument: "Scale 3" };
    const lot = { bags: 10, grossKg: 501, bagTareGrams: 100, moisturePermille: 140, foreignMatterPermille: null, gradeCode: "G1" };
    const named = await recordDelivery(db, traderActor, contract.id, { ...base, lots: [{ ...lot, memberId: fo.members[0]!.id }] });
    expect(named).toEqual({ ok: false, fieldErrors: { "lot.0.member": "deliveries:errors.unknownMember" } });
    const pooled = await recordDelivery(db, traderActor, contract.id, { ...base, lots: [{ ...lot, memberId: null }] });
    expect(pooled.ok).toBe(true);
    if (!pooled.ok) return;
    expect((await confirmDelivery(db, as(fo.leader, "fo_leader"), pooled.deliveryId)).ok).toBe(true);
    const payout = dataOf<{ households: { rows: { pooledNetKg: number; ownNetKg: number }[] } }>(
      await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    // 501 kg less 1 kg of bags: 500 net, shared by six equal pledges of 1,000 kg: 83.33 each → 84, 84, 83, 83, 83, 83.
    expect(payout.households.rows.map((r) => r.pooledNetKg).sort()).toEqual([83, 83, 83, 83, 84, 84]);
    expect(payout.households.rows.every((r) => r.ownNetKg === 0)).toBe(true);
  });
});

describe("the migration to lots", () => {
  const MIGRATIONS = path.resolve("prisma/migrations");
  const folders = readdirSync(MIGRATIONS)
    .filter((f) => /^\d{14}_/.test(f))
    .sort();
  const file = path.resolve("tests/.tmp", `lots-migration-${process.pid}.db`);
  afterAll(() => rmSync(file, { force: true }));

  it("keeps every delivery recorded before lots as it was, without lots, and the summary triggers on deliveries", () => {
    const target = folders.findIndex((f) => f.endsWith("_delivery_lots_and_input_handovers"));
    expect(target).toBeGreaterThan(0);
    rmSync(file, { force: true });
    const sqlite = new Database(file);
    const apply = (keep: (i: number) => boolean) =>
      folders.forEach((f, i) => keep(i) && sqlite.exec(readFileSync(path.join(MIGRATIONS, f, "migration.sql"), "utf8")));
    apply((i) => i < target);
    sqlite.pragma("foreign_keys = OFF");
    sqlite.exec(`INSERT INTO "Delivery" (id, contractId, deliveredOn, grossKg, moisturePermille, gradeCode, measuredBy, instrument, deductedKg, netKg, priceLakPerKg, amountDueLak, inputDeductionLak, recordedByParty, recordedById, status)
                 VALUES ('d1', 'c1', '2026-11-01T03:00:00.000+00:00', 2000, 165, 'G1', 'x', 'y', 75, 1925, 3100, 5967500, 1006667, 'trader', 'u1', 'confirmed')`);
    const triggers = () =>
      (sqlite.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'Delivery'`).get() as { n: number }).n;
    const before = triggers();
    expect(before).toBeGreaterThan(0);
    apply((i) => i >= target);
    expect(
      sqlite
        .prepare(
          `SELECT grossKg, deductedKg, netKg, amountDueLak, inputDeductionLak, lotCount, tareKg, foreignMatterDeductedKg FROM "Delivery" WHERE id = 'd1'`,
        )
        .get(),
    ).toEqual({
      grossKg: 2000,
      deductedKg: 75,
      netKg: 1925,
      amountDueLak: 5967500,
      inputDeductionLak: 1006667,
      lotCount: 0,
      tareKg: 0,
      foreignMatterDeductedKg: 0,
    });
    expect(triggers()).toBe(before);
    sqlite.close();
  });
});
