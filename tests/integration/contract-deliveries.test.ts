import { beforeAll, describe, expect, it } from "vitest";
import { confirmDelivery, contestDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { inputBalances, inputEvents } from "~/domain/inputs/input-handovers.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing, readContract } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

/** An accepted offer's contract, signed by both parties (in force) unless told otherwise. */
/** `since`: the day the offer was made, accepted and signed (the contract's date). */
async function activeContract(overrides: Record<string, string> = {}, options: { sign?: boolean; since?: Date; listingKg?: number[] } = {}) {
  const since = options.since ?? new Date();
  const fo = await createFo();
  const listing = await publishedListing(fo, options.listingKg ? { kg: options.listingKg } : {});
  const trader = await createCompany();
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms(overrides), since);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1, since);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await readContract(accepted.contractId);
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  if (options.sign !== false) {
    for (const [actor, party] of [
      [foActor, "fo"],
      [traderActor, "trader"],
    ] as const) {
      const signed = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true }, since);
      if (!signed.ok) throw new Error(JSON.stringify(signed));
    }
  }
  return { fo, trader, listing, foActor, traderActor, contract: await readContract(contract.id) };
}

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;
const laoDay = (date: Date) => startOfLaoDay(toLaoDateInput(date))!;

function delivery(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return {
    deliveredOn: today(),
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: 10,
    measuredBy: "Mr Somphone",
    instrument: "Platform scale No. 2; Kett PM-410",
    ...overrides,
  };
}

async function record(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<DeliveryInput> = {}, now?: Date) {
  const result = await recordDelivery(db, actor, contractId, delivery(input), now);
  if (!result.ok) throw new Error(JSON.stringify(result));
  return db.delivery.findUniqueOrThrow({ where: { id: result.deliveryId } });
}

beforeAll(async () => {
  // This file's own database: the reference prices of maize are the ones each test writes.
  await db.referencePrice.deleteMany({ where: { crop: { code: "MAIZE" } } });
});

describe("recording a delivery", () => {
  it("computes the moisture deduction, net weight and amount from the contract, never typed", async () => {
    const { contract, traderActor, fo } = await activeContract({ priceLakPerKg: "3100" });
    // 16.5 % on a 14.0 % basis at 15 kg per tonne per point: 2.5 × 15 = 37.5 kg per tonne of 2,000 kg = 75 kg.
    const d = await record(traderActor, contract.id, { grossKg: 2000, moisturePermille: 165 });
    expect(d).toMatchObject({
      grossKg: 2000,
      moisturePermille: 165,
      deductedKg: 75,
      netKg: 1925,
      priceLakPerKg: 3100,
      referencePriceLakPerKg: null,
      amountDueLak: 5_967_500n,
      inputDeductionLak: 0n,
      recordedByParty: "trader",
      recordedById: traderActor.id,
      status: "recorded",
      gradeCode: "G1",
      foreignMatterPermille: 10,
      measuredBy: "Mr Somphone",
      instrument: "Platform scale No. 2; Kett PM-410",
    });
    // 15.3 %: 1.3 × 15 = 19.5 kg per tonne of 1,234 kg = 24.063 kg, rounded half up to 24.
    const e = await record(traderActor, contract.id, { grossKg: 1234, moisturePermille: 153 });
    expect(e).toMatchObject({ deductedKg: 24, netKg: 1210, amountDueLak: 3_751_000n });
    expect(await db.auditEvent.count({ where: { entityType: "Delivery", entityId: d.id, action: "delivery.recorded" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "delivery_recorded" } })).toBe(2);
    expect(await db.notification.count({ where: { userId: traderActor.id, kind: "delivery_recorded" } })).toBe(0);

    // The page shows every figure line by line. The single measure above is one pooled lot with no
    // bags (tare 0) and no foreign-matter schedule in the contract (deduction 0), so the sum of its
    // lots is: 2,000 gross − 0 tare − 75 moisture − 0 foreign matter = 1,925 net; × 3,100 = 5,967,500.
    type PageLine = { key: string; kg?: number; amountLak?: string };
    const page = dataOf<{
      deliveries: {
        id: string;
        lines: PageLine[];
        lots: { pooled: boolean; bags: number; tareKg: number; netKg: number; amountLak: string; lines: PageLine[] }[] | null;
      }[];
      totals: { netKg: number; payableLak: string };
    }>(await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), { contractId: contract.id }));
    // −0 (a deduction of nothing) reads as 0.
    const kgs = (lines: PageLine[]) => lines.filter((l) => l.kg !== undefined).map((l) => (l.kg === 0 ? 0 : l.kg));
    const view = page.deliveries.find((x) => x.id === d.id)!;
    const lines = view.lines;
    expect(lines.map((l) => l.key)).toEqual([
      "deliveries:sumLines.gross",
      "deliveries:sumLines.tare",
      "deliveries:sumLines.moisture",
      "deliveries:sumLines.foreignMatter",
      "deliveries:sumLines.net",
      "contractRules:lines.priceFixed",
      "deliveries:sumLines.amount",
      "contractRules:lines.inputNone",
      "contractRules:lines.payable",
    ]);
    expect(kgs(lines)).toEqual([2000, 0, -75, 0, 1925]);
    expect(lines.find((l) => l.key === "deliveries:sumLines.amount")!.amountLak).toBe("5967500");
    expect(lines.find((l) => l.key === "contractRules:lines.payable")!.amountLak).toBe("5967500");
    // Its one lot, with its own arithmetic: gross, tare, weighed, moisture, foreign matter (measured, not priced), net, price, amount.
    expect(view.lots).toHaveLength(1);
    const [lot] = view.lots!;
    expect(lot).toMatchObject({ pooled: true, bags: 0, tareKg: 0, netKg: 1925, amountLak: "5967500" });
    expect(lot!.lines.map((l) => l.key)).toEqual([
      "deliveries:lotLines.gross",
      "deliveries:lotLines.tare",
      "deliveries:lotLines.weighed",
      "deliveries:lotLines.moisture",
      "deliveries:lotLines.foreignMatterNotPriced",
      "deliveries:lotLines.net",
      "deliveries:lotLines.priceSame",
      "deliveries:lotLines.amount",
    ]);
    expect(kgs(lot!.lines)).toEqual([2000, 0, 2000, -75, 0, 1925]);
    expect(lot!.lines.at(-1)!.amountLak).toBe("5967500");
    expect(page.totals).toMatchObject({ netKg: 3135, payableLak: "9718500" });
  });

  it("pays a floor-plus-premium contract the higher of the floor and the district's reference price on the day", async () => {
    const { contract, traderActor } = await activeContract(
      { templateCode: "forward_floor", priceLakPerKg: "3100", floorPriceLakPerKg: "3000", quantityKg: "4000" },
      { since: addDays(new Date(), -45), listingKg: [2000, 2000] },
    );
    const crop = await maize();
    const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
    const houn = await db.district.findFirstOrThrow({ where: { nameEn: "Houn" } });
    const price = (districtId: string, day: Date, priceLakPerKg: number, source = "market_survey") =>
      db.referencePrice.create({ data: { cropId: crop.id, districtId, observedOn: day, priceLakPerKg, source } });
    const [dayA, dayB, dayC, dayD] = [2, 1, 20, 40].map((n) => laoDay(addDays(new Date(), -n)));
    // Day A: two markets (median of 3,250 and 3,350 = 3,300); a contract price is never counted.
    await price(beng.id, addDays(dayA!, 0.3), 3250);
    await price(beng.id, addDays(dayA!, 0.4), 3350, "facilitator_entry");
    await price(beng.id, addDays(dayA!, 0.5), 9999, "signed_contract");
    // Day B: the market fell below the floor.
    await price(beng.id, addDays(dayB!, 0.3), 2800);
    // Day D: nothing in Beng, but Houn (same province) has a price.
    await price(houn.id, addDays(dayD!, 0.3), 3150);

    const a = await record(traderActor, contract.id, { deliveredOn: dayA! });
    expect(a).toMatchObject({ netKg: 1000, referencePriceLakPerKg: 3300, priceLakPerKg: 3300, amountDueLak: 3_300_000n });
    const b = await record(traderActor, contract.id, { deliveredOn: dayB! });
    expect(b).toMatchObject({ referencePriceLakPerKg: 2800, priceLakPerKg: 3000, amountDueLak: 3_000_000n });
    // Day C: no reference price within the 7 days before it: the floor.
    const c = await record(traderActor, contract.id, { deliveredOn: dayC! });
    expect(c).toMatchObject({ referencePriceLakPerKg: null, priceLakPerKg: 3000, amountDueLak: 3_000_000n });
    const d = await record(traderActor, contract.id, { deliveredOn: dayD! });
    expect(d).toMatchObject({ referencePriceLakPerKg: 3150, priceLakPerKg: 3150, amountDueLak: 3_150_000n });
  });

  it("deducts what the FO owes for inputs advanced on credit, with interest on the balance still owed up to each delivery, across deliveries", async () => {
    const inputs = { templateCode: "input_supply", priceLakPerKg: "3100", inputDescription: "Maize seed, 60 kg", inputValueLak: "1000000", inputInterest: "2" };
    const { contract, traderActor } = await activeContract(inputs);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    const contractDay = new Date(snapshot.date);
    // No handover recorded: the whole 1,000,000 is the FO's own, owed from the contract date.
    // Ten calendar days after the contract was written: 1,000,000 × 20 ‰ × 10 ÷ 30 = 6,666.67 → 6,667; owed 1,006,667.
    // The delivery is worth 200 kg × 3,100 = 620,000, all of it repaid: 6,667 of interest first, then 613,333 of
    // the value, so 1,000,000 − 613,333 = 386,667 of the value is still owed.
    const day10 = laoDay(addDays(contractDay, 10));
    const first = await record(traderActor, contract.id, { deliveredOn: day10, grossKg: 200 }, addDays(day10, 0.5));
    expect(first).toMatchObject({ netKg: 200, amountDueLak: 620_000n, inputDeductionLak: 620_000n });
    // Five days later interest has run on what was still owed: 386,667 × 20 ‰ × 5 ÷ 30 = 1,288.89 → 1,289;
    // owed 386,667 + 1,289 = 387,956, all of it deducted from the 3,100,000.
    const day15 = laoDay(addDays(contractDay, 15));
    const second = await record(traderActor, contract.id, { deliveredOn: day15, grossKg: 1000 }, addDays(day15, 0.5));
    expect(second).toMatchObject({ amountDueLak: 3_100_000n, inputDeductionLak: 387_956n });
    // Nothing left owed: nothing deducted.
    const third = await record(traderActor, contract.id, { deliveredOn: day15, grossKg: 100 }, addDays(day15, 0.5));
    expect(third).toMatchObject({ amountDueLak: 310_000n, inputDeductionLak: 0n });
    // Each repayment is kept, saying how much of it was interest.
    expect(
      await db.inputRepayment.findMany({
        where: { deliveryId: { in: [first.id, second.id, third.id] } },
        select: { deliveryId: true, memberId: true, amountLak: true, interestLak: true },
      }),
    ).toEqual(
      expect.arrayContaining([
        { deliveryId: first.id, memberId: null, amountLak: 620_000n, interestLak: 6_667n },
        { deliveryId: second.id, memberId: null, amountLak: 387_956n, interestLak: 1_289n },
      ]),
    );
    expect(await db.inputRepayment.count({ where: { deliveryId: third.id } })).toBe(0);

    type PageLine = { key: string; amountLak?: string; params: Record<string, unknown> };
    const page = dataOf<{ deliveries: { id: string; payableLak: string; inputLines: PageLine[] | null; lines: PageLine[] }[] }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: traderActor.id }), { contractId: contract.id }),
    );
    const [p1, p2, p3] = [first, second, third].map((x) => page.deliveries.find((v) => v.id === x.id)!);
    const inputLine = (p: typeof p1) => p!.lines.filter((l) => l.key.startsWith("deliveries:sumLines.input"));
    // 620,000 − 620,000 = 0 payable; 3,100,000 − 387,956 = 2,712,044.
    expect(p1!.payableLak).toBe("0");
    expect(inputLine(p1)).toMatchObject([{ key: "deliveries:sumLines.inputFo", amountLak: "-620000", params: { interestLak: "6667" } }]);
    expect(p1!.lines.at(-1)).toMatchObject({ key: "contractRules:lines.payable", amountLak: "0" });
    expect(p2!.payableLak).toBe("2712044");
    expect(inputLine(p2)).toMatchObject([{ key: "deliveries:sumLines.inputFo", amountLak: "-387956", params: { interestLak: "1289" } }]);
    expect(p3!.payableLak).toBe("310000");
    expect(inputLine(p3)).toMatchObject([{ key: "deliveries:sumLines.inputNothing", amountLak: "0" }]);
    // The FO's ledger on day 15: the value, 10 days of interest on it, the first repayment, 5 days of interest on what was left, the second, nothing owed.
    const ledger = inputBalances(snapshot, await inputEvents(db, contract.id), day15)!;
    expect(ledger.byMember.size).toBe(0);
    expect(ledger.pool!.lines.map((l) => l.amountLak?.toString())).toEqual(["1000000", "6667", "-620000", "1289", "-387956", "0"]);
    expect(ledger.pool!.lines[3]!.params).toMatchObject({ balanceLak: "386667", days: 5 });
    expect(ledger.pool!).toMatchObject({ owedLak: 0n, interestAccruedLak: 6_667n + 1_289n });

    // Interest never runs past the contract's delivery date (20 days after the offer's terms were written):
    // 1,000,000 × 20 ‰ × 20 ÷ 30 = 13,333.33 → 13,333, even for a first delivery on day 25.
    const late = await activeContract(inputs);
    const day25 = laoDay(addDays(new Date((JSON.parse(late.contract.snapshot) as { date: string }).date), 25));
    const lateDelivery = await record(late.traderActor, late.contract.id, { deliveredOn: day25, grossKg: 1000 }, addDays(day25, 0.5));
    expect(lateDelivery).toMatchObject({ amountDueLak: 3_100_000n, inputDeductionLak: 1_013_333n });

    // Nor on what a first delivery left owed: 620,000 repaid on day 10 leaves 386,667 (as above); a second delivery
    // on day 25 adds interest for days 10 to 20 only: 386,667 × 20 ‰ × 10 ÷ 30 = 2,577.78 → 2,578; 386,667 + 2,578 = 389,245.
    const capped = await activeContract(inputs);
    const cappedDay = new Date((JSON.parse(capped.contract.snapshot) as { date: string }).date);
    const [c10, c25] = [10, 25].map((n) => laoDay(addDays(cappedDay, n)));
    expect(await record(capped.traderActor, capped.contract.id, { deliveredOn: c10!, grossKg: 200 }, addDays(c10!, 0.5))).toMatchObject({
      inputDeductionLak: 620_000n,
    });
    expect(await record(capped.traderActor, capped.contract.id, { deliveredOn: c25!, grossKg: 1000 }, addDays(c25!, 0.5))).toMatchObject({
      amountDueLak: 3_100_000n,
      inputDeductionLak: 389_245n,
    });
  });
});

describe("answering a grade sheet", () => {
  it("only the other party confirms or contests it, once; the recorder cannot answer their own", async () => {
    const { contract, traderActor, foActor, trader } = await activeContract();
    const colleague = await createUser({ roles: ["trader"] });
    await db.traderStaff.create({ data: { companyId: trader.company.id, userId: colleague.id } });
    const d = await record(traderActor, contract.id);
    expect(await confirmDelivery(db, traderActor, d.id)).toEqual({ ok: false, reason: "notTheOtherParty" });
    expect(await confirmDelivery(db, as(colleague, "trader"), d.id)).toEqual({ ok: false, reason: "notTheOtherParty" });
    expect(await confirmDelivery(db, as((await createFo()).leader, "fo_leader"), d.id)).toEqual({ ok: false, reason: "notFound" });
    expect(await confirmDelivery(db, foActor, d.id)).toEqual({ ok: true, completed: false });
    expect(await contestDelivery(db, foActor, d.id, "too late")).toEqual({ ok: false, reason: "alreadyAnswered" });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "confirmed", answeredById: foActor.id, version: 1 });
    expect(await db.notification.count({ where: { userId: traderActor.id, kind: "delivery_confirmed" } })).toBe(1);

    // The FO records; the trader contests, saying why.
    const e = await record(foActor, contract.id, { moisturePermille: 170 });
    expect(e.recordedByParty).toBe("fo");
    expect(await contestDelivery(db, foActor, e.id, "mine")).toEqual({ ok: false, reason: "notTheOtherParty" });
    expect(await contestDelivery(db, as(colleague, "trader"), e.id, "Our meter reads 18.0 %")).toEqual({ ok: true, completed: false });
    expect(await db.delivery.findUniqueOrThrow({ where: { id: e.id } })).toMatchObject({ status: "contested", contestReason: "Our meter reads 18.0 %" });
    expect(await db.notification.count({ where: { userId: foActor.id, kind: "delivery_contested" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: e.id, action: "delivery.contested" } })).toBe(1);
  });

  it("of two confirmations at once, one wins", async () => {
    const { contract, traderActor, fo } = await activeContract();
    const second = await createUser({ roles: ["fo_leader"] });
    await db.organisationLeader.create({ data: { organisationId: fo.organisation.id, userId: second.id } });
    const d = await record(traderActor, contract.id);
    const results = await Promise.all([confirmDelivery(db, as(fo.leader, "fo_leader"), d.id), confirmDelivery(db, as(second, "fo_leader"), d.id)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: "alreadyAnswered" }]);
    expect(await db.auditEvent.count({ where: { entityId: d.id, action: "delivery.confirmed" } })).toBe(1);
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).version).toBe(1);
  });

  it("through the page: a contest needs a reason, and the answer is a redirect", async () => {
    const { contract, traderActor, fo } = await activeContract();
    const d = await record(traderActor, contract.id);
    const path = `/contracts/${contract.id}/deliveries`;
    const noReason = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: { intent: "contest", id: d.id, reason: " " } }), {
      contractId: contract.id,
    });
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; answerFor: string }>(noReason)).toMatchObject({
      fieldErrors: { reason: "validation:required" },
      answerFor: d.id,
    });
    expect((await db.delivery.findUniqueOrThrow({ where: { id: d.id } })).status).toBe("recorded");
    const ok = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: { intent: "confirm", id: d.id } }), { contractId: contract.id });
    expect(locationOf(ok)).toBe(`${path}?done=confirmed`);
  });
});

describe("who may see and record deliveries", () => {
  it("shows the page to the parties and the district's facilitators (read-only); anyone else gets a 404", async () => {
    const { contract, fo, trader } = await activeContract();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    const otherDistrict = await db.district.findFirstOrThrow({ where: { id: { not: contract.districtId } } });
    await db.facilitatorDistrict.create({ data: { userId: elsewhere.id, districtId: otherDistrict.id } });
    const path = `/contracts/${contract.id}/deliveries`;
    const cases: [string, number][] = [
      [fo.leader.id, 200],
      [trader.trader.id, 200],
      [facilitator.id, 200],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [elsewhere.id, 404],
      [(await createUser({ roles: ["admin"] })).id, 404],
    ];
    for (const [userId, status] of cases)
      expect(statusOf(await call(deliveriesLoader, await request(path, { userId }), { contractId: contract.id })), userId).toBe(status);
    const anonymous = await call(deliveriesLoader, await request(path), { contractId: contract.id });
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login\?redirectTo=/);

    const form = {
      intent: "record",
      deliveredOn: toLaoDateInput(new Date()),
      bagGrams: "100",
      measuredBy: "A",
      instrument: "B",
      "lot.0.bags": "20",
      "lot.0.grossKg": "1000",
      "lot.0.moisture": "14",
    };
    expect(statusOf(await call(deliveriesAction, await request(path, { userId: facilitator.id, form }), { contractId: contract.id }))).toBe(403);
    expect(statusOf(await call(deliveriesAction, await request(path, { userId: (await createCompany()).trader.id, form }), { contractId: contract.id }))).toBe(
      404,
    );
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);
    const page = dataOf<{ canRecord: boolean; party: boolean }>(
      await call(deliveriesLoader, await request(path, { userId: facilitator.id }), { contractId: contract.id }),
    );
    expect(page).toMatchObject({ canRecord: false, party: false });
  });

  it("refuses a delivery on a contract that is not in force, and bad input, writing nothing", async () => {
    const waiting = await activeContract({}, { sign: false });
    expect(waiting.contract.status).toBe("awaiting_signatures");
    expect(await recordDelivery(db, waiting.traderActor, waiting.contract.id, delivery())).toEqual({ ok: false, reason: "notActive" });
    expect(await recordDelivery(db, as(await createUser({ roles: ["trader"] }), "trader"), waiting.contract.id, delivery())).toEqual({
      ok: false,
      reason: "notFound",
    });

    const { contract, fo } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    const bad = await call(
      deliveriesAction,
      await request(path, {
        userId: fo.leader.id,
        form: {
          intent: "record",
          deliveredOn: "2026-02-30",
          bagGrams: "heavy",
          measuredBy: "",
          instrument: "scale",
          // A row with every figure wrong; a row whose grade the crop has not; an empty row (not a lot).
          "lot.0.bags": "two",
          "lot.0.grossKg": "lots",
          "lot.0.moisture": "14.55",
          "lot.1.bags": "3",
          "lot.1.grossKg": "150",
          "lot.1.moisture": "14",
          "lot.1.grade": "G9",
          "lot.2.bags": "",
        },
      }),
      { contractId: contract.id },
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      deliveredOn: "validation:date",
      bagGrams: "validation:wholeNumber",
      measuredBy: "validation:required",
      "lot.0.bags": "validation:wholeNumber",
      "lot.0.grossKg": "validation:wholeNumber",
      "lot.0.moisture": "validation:percent",
      "lot.1.grade": "deliveries:errors.unknownGrade",
    });
    // A sheet without a single lot.
    const empty = await call(
      deliveriesAction,
      await request(path, {
        userId: fo.leader.id,
        form: {
          intent: "record",
          deliveredOn: toLaoDateInput(new Date()),
          bagGrams: "100",
          measuredBy: "A",
          instrument: "B",
          formToken: "a-form-token-of-a-test",
        },
      }),
      { contractId: contract.id },
    );
    expect(statusOf(empty)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(empty).fieldErrors).toEqual({ lots: "deliveries:errors.noLots" });
    const tomorrow = toLaoDateInput(addDays(new Date(), 1));
    const lot0 = { "lot.0.bags": "20", "lot.0.grossKg": "1,000", "lot.0.moisture": "14" };
    const future = await call(
      deliveriesAction,
      await request(path, {
        userId: fo.leader.id,
        form: { intent: "record", deliveredOn: tomorrow, bagGrams: "100", measuredBy: "A", instrument: "B", ...lot0, formToken: "a-form-token-of-a-test" },
      }),
      { contractId: contract.id },
    );
    expect(statusOf(future)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(future).fieldErrors).toEqual({ deliveredOn: "deliveries:errors.dateInFuture" });
    // 20 bags of 60 kg each weigh 1.2 kg: more than a 1 kg lot.
    const tooLight = await call(
      deliveriesAction,
      await request(path, {
        userId: fo.leader.id,
        form: {
          intent: "record",
          deliveredOn: toLaoDateInput(new Date()),
          bagGrams: "100",
          measuredBy: "A",
          instrument: "B",
          "lot.0.bags": "20",
          "lot.0.grossKg": "1",
          "lot.0.bagGrams": "60",
          "lot.0.moisture": "14",
          formToken: "a-form-token-of-a-test",
        },
      }),
      { contractId: contract.id },
    );
    expect(statusOf(tooLight)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(tooLight).fieldErrors).toEqual({ "lot.0.bagGrams": "deliveries:errors.tareTooHeavy" });
    const early = await recordDelivery(db, as(fo.leader, "fo_leader"), contract.id, delivery({ deliveredOn: laoDay(addDays(new Date(), -1)) }));
    expect(early).toEqual({ ok: false, fieldErrors: { deliveredOn: "deliveries:errors.beforeContract" } });
    expect(await db.delivery.count({ where: { contractId: { in: [contract.id, waiting.contract.id] } } })).toBe(0);

    const { formToken } = dataOf<{ formToken: string }>(
      await call(deliveriesLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    const ok = await call(
      deliveriesAction,
      await request(path, {
        userId: fo.leader.id,
        form: {
          intent: "record",
          deliveredOn: toLaoDateInput(new Date()),
          bagGrams: "100",
          measuredBy: "A",
          instrument: "B",
          "lot.0.bags": "20",
          "lot.0.grossKg": "1,000",
          "lot.0.moisture": "15,0",
          "lot.0.grade": "G1",
          formToken,
        },
      }),
      { contractId: contract.id },
    );
    expect(locationOf(ok)).toBe(`${path}?done=recorded`);
    // 20 bags × 100 g = 2 kg tare; 998 kg weighed; 15.0 % on a 14.0 % basis: 1.0 × 15 = 15 kg per tonne of 998 kg = 14.97 → 15;
    // net 998 − 15 = 983; × 3,100 = 3,047,300. One pooled lot (no member named).
    const recorded = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id }, include: { lots: true } });
    expect(recorded).toMatchObject({
      grossKg: 1000,
      tareKg: 2,
      moisturePermille: 150,
      deductedKg: 15,
      netKg: 983,
      amountDueLak: 3_047_300n,
      lotCount: 1,
      recordedByParty: "fo",
    });
    expect(recorded.lots).toMatchObject([
      { position: 1, memberId: null, bags: 20, bagTareGrams: 100, grossKg: 1000, tareKg: 2, moistureDeductedKg: 15, netKg: 983, gradeCode: "G1" },
    ]);
  });
});
