import { beforeAll, describe, expect, it } from "vitest";
import { confirmDelivery, contestDelivery, recordDelivery, type DeliveryInput } from "~/domain/contracts/deliveries.server";
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
    for (const [actor, party] of [[foActor, "fo"], [traderActor, "trader"]] as const) {
      const signed = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true }, since);
      if (!signed.ok) throw new Error(JSON.stringify(signed));
    }
  }
  return { fo, trader, listing, foActor, traderActor, contract: await readContract(contract.id) };
}

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;
const laoDay = (date: Date) => startOfLaoDay(toLaoDateInput(date))!;

function delivery(overrides: Partial<DeliveryInput> = {}): DeliveryInput {
  return { deliveredOn: today(), grossKg: 1000, moisturePermille: 140, gradeCode: "G1", foreignMatterPermille: 10, measuredBy: "Mr Somphone", instrument: "Platform scale No. 2; Kett PM-410", ...overrides };
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

    // The page shows every figure line by line.
    const page = dataOf<{ deliveries: { id: string; lines: { key: string; kg?: number; amountLak?: string }[] }[]; totals: { netKg: number; payableLak: string } }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    const lines = page.deliveries.find((x) => x.id === d.id)!.lines;
    expect(lines.map((l) => l.key)).toEqual([
      "contractRules:lines.gross",
      "contractRules:lines.moistureAbove",
      "contractRules:lines.deductionBand",
      "contractRules:lines.deduction",
      "contractRules:lines.netKg",
      "contractRules:lines.priceFixed",
      "contractRules:lines.amountDue",
      "contractRules:lines.inputNone",
      "contractRules:lines.payable",
    ]);
    expect(lines.filter((l) => l.kg !== undefined).map((l) => l.kg)).toEqual([2000, -75, 1925]);
    expect(lines.find((l) => l.key === "contractRules:lines.amountDue")!.amountLak).toBe("5967500");
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

  it("deducts what the FO owes for inputs advanced on credit, with interest to the first delivery, across deliveries", async () => {
    const inputs = { templateCode: "input_supply", priceLakPerKg: "3100", inputDescription: "Maize seed, 60 kg", inputValueLak: "1000000", inputInterest: "2" };
    const { contract, traderActor } = await activeContract(inputs);
    const contractDay = new Date((JSON.parse(contract.snapshot) as { date: string }).date);
    // Ten calendar days after the contract was written: 1,000,000 × 20 ‰ × 10 ÷ 30 = 6,666.67 → 6,667.
    const day10 = laoDay(addDays(contractDay, 10));
    const first = await record(traderActor, contract.id, { deliveredOn: day10, grossKg: 200 }, addDays(day10, 0.5));
    expect(first).toMatchObject({ netKg: 200, amountDueLak: 620_000n, inputDeductionLak: 620_000n });
    // Five days later the 386,667 left owed is carried forward: no more interest runs on it.
    const day15 = laoDay(addDays(contractDay, 15));
    const second = await record(traderActor, contract.id, { deliveredOn: day15, grossKg: 1000 }, addDays(day15, 0.5));
    expect(second).toMatchObject({ amountDueLak: 3_100_000n, inputDeductionLak: 386_667n });
    const third = await record(traderActor, contract.id, { deliveredOn: day15, grossKg: 100 }, addDays(day15, 0.5));
    expect(third).toMatchObject({ amountDueLak: 310_000n, inputDeductionLak: 0n });

    const page = dataOf<{ deliveries: { id: string; payableLak: string; inputLines: { key: string; amountLak?: string }[] | null; lines: { key: string; params: Record<string, unknown> }[] }[] }>(
      await call(deliveriesLoader, await request(`/contracts/${contract.id}/deliveries`, { userId: traderActor.id }), { contractId: contract.id }),
    );
    const [p1, p2] = [first, second].map((x) => page.deliveries.find((v) => v.id === x.id)!);
    expect(p1!.payableLak).toBe("0");
    expect(p1!.inputLines!.map((l) => l.amountLak)).toEqual(["1000000", "6667", "1006667"]);
    expect(p1!.lines.find((l) => l.key === "contractRules:lines.inputDeductionPartial")!.params).toMatchObject({ debtLak: "1006667", deductionLak: "620000", remainingLak: "386667" });
    expect(p2!.payableLak).toBe("2713333");
    expect(p2!.inputLines!.map((l) => l.amountLak)).toEqual(["1000000", "6667", "1006667", "-620000", "386667"]);

    // Interest never runs past the contract's delivery date (20 days after the offer's terms were written):
    // 1,000,000 × 20 ‰ × 20 ÷ 30 = 13,333.33 → 13,333, even for a first delivery on day 25.
    const late = await activeContract(inputs);
    const day25 = laoDay(addDays(new Date((JSON.parse(late.contract.snapshot) as { date: string }).date), 25));
    const lateDelivery = await record(late.traderActor, late.contract.id, { deliveredOn: day25, grossKg: 1000 }, addDays(day25, 0.5));
    expect(lateDelivery).toMatchObject({ amountDueLak: 3_100_000n, inputDeductionLak: 1_013_333n });
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
    const noReason = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: { intent: "contest", id: d.id, reason: " " } }), { contractId: contract.id });
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; answerFor: string }>(noReason)).toMatchObject({ fieldErrors: { reason: "validation:required" }, answerFor: d.id });
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
    for (const [userId, status] of cases) expect(statusOf(await call(deliveriesLoader, await request(path, { userId }), { contractId: contract.id })), userId).toBe(status);
    const anonymous = await call(deliveriesLoader, await request(path), { contractId: contract.id });
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login\?redirectTo=/);

    const form = { intent: "record", deliveredOn: toLaoDateInput(new Date()), grossKg: "1000", moisture: "14", gradeCode: "G1", measuredBy: "A", instrument: "B" };
    expect(statusOf(await call(deliveriesAction, await request(path, { userId: facilitator.id, form }), { contractId: contract.id }))).toBe(403);
    expect(statusOf(await call(deliveriesAction, await request(path, { userId: (await createCompany()).trader.id, form }), { contractId: contract.id }))).toBe(404);
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);
    const page = dataOf<{ canRecord: boolean; party: boolean }>(await call(deliveriesLoader, await request(path, { userId: facilitator.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ canRecord: false, party: false });
  });

  it("refuses a delivery on a contract that is not in force, and bad input, writing nothing", async () => {
    const waiting = await activeContract({}, { sign: false });
    expect(waiting.contract.status).toBe("awaiting_signatures");
    expect(await recordDelivery(db, waiting.traderActor, waiting.contract.id, delivery())).toEqual({ ok: false, reason: "notActive" });
    expect(await recordDelivery(db, as(await createUser({ roles: ["trader"] }), "trader"), waiting.contract.id, delivery())).toEqual({ ok: false, reason: "notFound" });

    const { contract, fo } = await activeContract();
    const path = `/contracts/${contract.id}/deliveries`;
    const bad = await call(
      deliveriesAction,
      await request(path, { userId: fo.leader.id, form: { intent: "record", deliveredOn: "2026-02-30", grossKg: "lots", moisture: "14.55", gradeCode: "", measuredBy: "", instrument: "scale" } }),
      { contractId: contract.id },
    );
    expect(statusOf(bad)).toBe(400);
    expect(Object.keys(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).sort()).toEqual(["deliveredOn", "gradeCode", "grossKg", "measuredBy", "moisture"]);
    const tomorrow = toLaoDateInput(addDays(new Date(), 1));
    const future = await call(
      deliveriesAction,
      await request(path, { userId: fo.leader.id, form: { intent: "record", deliveredOn: tomorrow, grossKg: "1,000", moisture: "14", gradeCode: "G9", measuredBy: "A", instrument: "B", formToken: "a-form-token-of-a-test" } }),
      { contractId: contract.id },
    );
    expect(statusOf(future)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(future).fieldErrors).toEqual({ deliveredOn: "deliveries:errors.dateInFuture", gradeCode: "deliveries:errors.unknownGrade" });
    const early = await recordDelivery(db, as(fo.leader, "fo_leader"), contract.id, delivery({ deliveredOn: laoDay(addDays(new Date(), -1)) }));
    expect(early).toEqual({ ok: false, fieldErrors: { deliveredOn: "deliveries:errors.beforeContract" } });
    expect(await db.delivery.count({ where: { contractId: { in: [contract.id, waiting.contract.id] } } })).toBe(0);

    const { formToken } = dataOf<{ formToken: string }>(await call(deliveriesLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    const ok = await call(
      deliveriesAction,
      await request(path, { userId: fo.leader.id, form: { intent: "record", deliveredOn: toLaoDateInput(new Date()), grossKg: "1,000", moisture: "15,0", gradeCode: "G1", measuredBy: "A", instrument: "B", formToken } }),
      { contractId: contract.id },
    );
    expect(locationOf(ok)).toBe(`${path}?done=recorded`);
    expect(await db.delivery.findFirstOrThrow({ where: { contractId: contract.id } })).toMatchObject({ grossKg: 1000, moisturePermille: 150, deductedKg: 15, netKg: 985, recordedByParty: "fo" });
  });
});
