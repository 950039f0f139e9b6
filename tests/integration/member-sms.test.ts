import { describe, expect, it } from "vitest";
import { confirmPayment, recordPayment } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import type { LotMeasure } from "~/domain/deliveries/lots";
import { signContract } from "~/domain/contracts/signing.server";
import { tellMembersOfContract, tellMembersOfDelivery } from "~/domain/members/member-news.server";
import { contractSummarySms, deliveryReceiptSms, payoutLineSms, smsParts, weeklyPriceSms } from "~/domain/members/member-sms";
import { updateMember } from "~/domain/members/register.server";
import { recordConsent, recordSmsReply, withdrawConsent } from "~/domain/members/sms-consent.server";
import { queueWeeklyMemberPrices } from "~/domain/notifications/weekly-member-prices.server";
import { isoWeekOf } from "~/domain/notifications/iso-week";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formatNumber, formatPhone } from "~/utils/format";
import type { Role } from "~/utils/roles";
import { action as memberAction, loader as memberLoader } from "~/routes/fo/members/member";
import { loader as registerLoader } from "~/routes/fo/members/index";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { acceptedContract, type Fo } from "../fixtures/contracts";
import { createFo, maize, publishedListing } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });
const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;
let nextPhone = 10_000_000 + Math.floor(Math.random() * 80_000_000);
const newPhone = () => `85620${nextPhone++}`;

/**
 * Five households pledged 1,000 kg each: 0 consented; 1 has no phone; 2 consented, then the leader withdrew it;
 * 3 consented, then its number changed; 4 consented, then replied ຢຸດ.
 */
async function households() {
  const fo = await createFo({ members: 5 });
  const leader = as(fo.leader, "fo_leader");
  const phones = [newPhone(), null, newPhone(), newPhone(), newPhone()];
  for (const [i, m] of fo.members.entries()) await db.member.update({ where: { id: m.id }, data: { phone: phones[i] } });
  for (const i of [0, 2, 3, 4]) {
    const given = await recordConsent(db, leader, fo.organisation.id, fo.members[i]!.id, {
      givenOn: today(),
      givenHow: "paper_form",
      phone: formatPhone(phones[i]),
    });
    expect(given, `member ${i}`).toEqual({ ok: true });
  }
  expect(await withdrawConsent(db, leader, fo.organisation.id, fo.members[2]!.id)).toEqual({ ok: true });
  await db.member.update({ where: { id: fo.members[3]!.id }, data: { phone: newPhone() } });
  expect(await recordSmsReply(db, { from: phones[4]!, text: " ຢຸດ ", receivedAt: new Date() })).toEqual({ optedOut: 1 });
  return { fo, leader, phones, consenting: fo.members[0]! };
}

async function contractFor(fo: Fo, overrides: Record<string, string> = {}) {
  const { contract, listing, traderActor } = await acceptedContract({ fo, terms: { quantityKg: "5000", priceLakPerKg: "3100", ...overrides } });
  const sign = async (actor: { id: string; roles: Role[] }, party: "fo" | "trader") => {
    const signed = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    if (!signed.ok) throw new Error(JSON.stringify(signed));
  };
  return { contract, traderActor, listing, sign };
}

/** The news queued for these members (not the confirmations of a stop reply). */
const smsTo = (memberIds: string[]) =>
  db.outboxMessage.findMany({
    where: { memberId: { in: memberIds }, channel: "sms", NOT: { dedupeKey: { startsWith: "sms-stop:" } } },
    orderBy: { createdAt: "asc" },
  });

function lot(memberId: string, overrides: Partial<LotMeasure> = {}): LotMeasure {
  return { memberId, bags: 10, bagTareGrams: 100, grossKg: 1001, moisturePermille: 140, foreignMatterPermille: null, gradeCode: "G1", ...overrides };
}

describe("SMS to member households", () => {
  it("tells only the consenting household, once, of the contract, its own lot and its payout line, in Lao", async () => {
    const { fo, leader, consenting } = await households();
    const ids = fo.members.map((m) => m.id);
    const { contract, traderActor, sign } = await contractFor(fo);

    // One signature is not yet a contract: nobody is told.
    await sign(leader, "fo");
    expect(await smsTo(ids)).toEqual([]);
    await sign(traderActor, "trader");
    const summary = await smsTo(ids);
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({
      memberId: consenting.id,
      recipient: (await db.member.findUniqueOrThrow({ where: { id: consenting.id } })).phone,
      dedupeKey: `contract-summary:${contract.id}:${consenting.id}`,
      status: "pending",
    });
    expect(summary[0]!.body).toBe(
      contractSummarySms({
        contractNumber: contract.number,
        cropName: (await maize()).nameLo,
        traderName: (JSON.parse(contract.snapshot) as { trader: { name: string } }).trader.name,
        quantityKg: 5000,
        priceMechanism: "fixed",
        priceLakPerKg: 3100,
        floorPriceLakPerKg: null,
        paymentDays: 7,
      }),
    );
    expect(summary[0]!.body).toContain(`${contract.number}: ຂາຍ${(await maize()).nameLo} 5.000ກິໂລ`);
    expect(summary[0]!.body).toContain("3.100ກີບ/ກິໂລ, ຈ່າຍພາຍໃນ 7 ມື້ຫຼັງສົ່ງ");
    // Told again (a retried transaction): nothing more.
    expect(await db.$transaction((tx) => tellMembersOfContract(tx, contract.id))).toBe(0);

    // The FO weighs each household's lot; the consenting household's is at 15.5 % moisture.
    const recorded = await recordDelivery(db, leader, contract.id, {
      deliveredOn: today(),
      measuredBy: "A",
      instrument: "B",
      lots: [lot(ids[0]!, { moisturePermille: 155, grossKg: 1041, bags: 12 }), lot(ids[1]!), lot(ids[2]!), lot(ids[3]!), lot(ids[4]!)],
    });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    const lots = await db.deliveryLot.findMany({ where: { deliveryId: recorded.deliveryId }, orderBy: { position: "asc" } });
    const own = lots[0]!;
    expect(own.memberId).toBe(consenting.id);
    const receipts = (await smsTo(ids)).filter((m) => m.dedupeKey?.startsWith("delivery-receipt:"));
    expect(receipts.map((m) => [m.memberId, m.dedupeKey])).toEqual([[consenting.id, `delivery-receipt:${own.id}`]]);
    // 1,041 kg gross in 12 bags of 100 g: the figures the lot was counted with.
    expect(own).toMatchObject({ bags: 12, grossKg: 1041, moisturePermille: 155 });
    expect(receipts[0]!.body).toBe(
      deliveryReceiptSms({
        memberName: consenting.name,
        contractNumber: contract.number,
        deliveredOn: today(),
        bags: 12,
        grossKg: 1041,
        moisturePermille: 155,
        deductedKg: own.grossKg - own.netKg,
        netKg: own.netKg,
      }),
    );
    expect(receipts[0]!.body).toContain(`12ຖົງ 1.041ກິໂລ, ຄວາມຊຸ່ມ 15,5%, ຫັກ ${own.grossKg - own.netKg}ກິໂລ, ສຸດທິ ${formatNumber(own.netKg, "lo")}ກິໂລ`);
    expect(smsParts(receipts[0]!.body)).toMatchObject({ encoding: "ucs2" });
    expect(smsParts(receipts[0]!.body).parts).toBeLessThanOrEqual(3);
    expect(await db.$transaction((tx) => tellMembersOfDelivery(tx, recorded.deliveryId))).toBe(0);

    // Delivered and paid: the contract is complete and each household's payout line is final.
    expect(await confirmDelivery(db, traderActor, recorded.deliveryId)).toMatchObject({ ok: true });
    const due = await db.delivery.findUniqueOrThrow({ where: { id: recorded.deliveryId } });
    const payment = await recordPayment(db, traderActor, contract.id, {
      amountLak: due.amountDueLak - due.inputDeductionLak,
      paidOn: today(),
      method: "cash",
      reference: null,
    });
    if (!payment.ok) throw new Error(JSON.stringify(payment));
    expect(await confirmPayment(db, leader, payment.paymentId)).toEqual({ ok: true, completed: true });
    const payouts = (await smsTo(ids)).filter((m) => m.dedupeKey?.startsWith("payout-line:"));
    expect(payouts.map((m) => [m.memberId, m.dedupeKey])).toEqual([[consenting.id, `payout-line:${contract.id}:${consenting.id}`]]);
    expect(payouts[0]!.body).toBe(
      payoutLineSms({ memberName: consenting.name, contractNumber: contract.number, netKg: own.netKg, inputDeductionLak: 0n, payableLak: own.amountLak }),
    );
    expect(own.amountLak).toBe(BigInt(own.netKg) * 3100n);

    // Three messages in all, every one to the consenting household.
    expect((await smsTo(ids)).map((m) => m.memberId)).toEqual([consenting.id, consenting.id, consenting.id]);
  });

  it("tells a household nothing after its leader recorded a new phone for it, until it consents for that number", async () => {
    const fo = await createFo({ members: 1 });
    const leader = as(fo.leader, "fo_leader");
    const member = fo.members[0]!;
    const first = newPhone();
    await db.member.update({ where: { id: member.id }, data: { phone: first } });
    expect(await recordConsent(db, leader, fo.organisation.id, member.id, { givenOn: today(), givenHow: "meeting", phone: formatPhone(first) })).toEqual({
      ok: true,
    });
    const second = newPhone();
    const values = {
      name: member.name,
      householdHeadSex: member.householdHeadSex as "female",
      memberSex: member.memberSex as "female",
      birthYear: member.birthYear,
      villageId: member.villageId,
      phone: second,
    };
    expect(await updateMember(db, leader, fo.organisation.id, member.id, values)).toMatchObject({ ok: true });
    const closed = await db.memberSmsConsent.findFirstOrThrow({ where: { memberId: member.id } });
    expect(closed).toMatchObject({ phone: first, withdrawnHow: "leader", withdrawnById: fo.leader.id });

    const { contract, traderActor, sign } = await contractFor(fo, { quantityKg: "1000" });
    await sign(leader, "fo");
    await sign(traderActor, "trader");
    expect(await smsTo([member.id])).toEqual([]);

    // Consent for the new number: the next news goes to it.
    expect(await recordConsent(db, leader, fo.organisation.id, member.id, { givenOn: today(), givenHow: "phone_call", phone: formatPhone(second) })).toEqual({
      ok: true,
    });
    const recorded = await recordDelivery(db, leader, contract.id, { deliveredOn: today(), measuredBy: "A", instrument: "B", lots: [lot(member.id)] });
    if (!recorded.ok) throw new Error(JSON.stringify(recorded));
    expect((await smsTo([member.id])).map((m) => m.recipient)).toEqual([second]);
  });
});

describe("recording consent", () => {
  it("refuses a member without a phone, a stale number, a day to come, a second consent, and a withdrawal with nothing in force, changing nothing", async () => {
    const fo = await createFo({ members: 2 });
    const leader = as(fo.leader, "fo_leader");
    const [withPhone, without] = fo.members;
    const phone = newPhone();
    await db.member.update({ where: { id: withPhone!.id }, data: { phone } });
    const give = (memberId: string, values: Partial<{ givenOn: Date; phone: string }> = {}) =>
      recordConsent(db, leader, fo.organisation.id, memberId, { givenOn: today(), givenHow: "paper_form", phone: formatPhone(phone), ...values });

    expect(await give(without!.id)).toEqual({ ok: false, reason: "invalid", fieldErrors: { phone: "members:sms.errors.noPhone" } });
    expect(await give(withPhone!.id, { phone: "020 1111 2222" })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { phone: "members:sms.errors.phoneChanged" },
    });
    expect(await give(withPhone!.id, { givenOn: addDays(today(), 1) })).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { givenOn: "members:sms.errors.givenInFuture" },
    });
    expect(await withdrawConsent(db, leader, fo.organisation.id, withPhone!.id)).toEqual({
      ok: false,
      reason: "invalid",
      fieldErrors: { _form: "members:sms.errors.nothingToWithdraw" },
    });
    expect(await db.memberSmsConsent.count({ where: { memberId: { in: [withPhone!.id, without!.id] } } })).toBe(0);

    expect(await give(withPhone!.id)).toEqual({ ok: true });
    expect(await give(withPhone!.id)).toEqual({ ok: false, reason: "invalid", fieldErrors: { phone: "members:sms.errors.alreadyInForce" } });
    expect(await db.memberSmsConsent.count({ where: { memberId: withPhone!.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: withPhone!.id, action: "member.sms_consent_given" } })).toBe(1);

    // Another FO's member is not this leader's to record.
    const other = await createFo({ members: 1 });
    expect(
      await recordConsent(db, leader, fo.organisation.id, other.members[0]!.id, { givenOn: today(), givenHow: "meeting", phone: formatPhone(phone) }),
    ).toEqual({ ok: false, reason: "notFound" });
    expect(await withdrawConsent(db, leader, fo.organisation.id, other.members[0]!.id)).toEqual({ ok: false, reason: "notFound" });
  });
});

describe("a reply to an SMS", () => {
  it("ຢຸດ withdraws the consent of every household on that number and queues one confirmation in Lao; anything else changes nothing", async () => {
    const fo = await createFo({ members: 3 });
    const leader = as(fo.leader, "fo_leader");
    const shared = newPhone();
    for (const m of fo.members) await db.member.update({ where: { id: m.id }, data: { phone: m === fo.members[2] ? newPhone() : shared } });
    for (const m of fo.members) {
      const phone = (await db.member.findUniqueOrThrow({ where: { id: m.id } })).phone!;
      expect(await recordConsent(db, leader, fo.organisation.id, m.id, { givenOn: today(), givenHow: "paper_form", phone })).toEqual({ ok: true });
    }
    const ids = fo.members.map((m) => m.id);
    const at = new Date();
    expect(await recordSmsReply(db, { from: `+${shared}`, text: "ຢຸດກ່ອນ ແລ້ວຈະໂທຫາ", receivedAt: at })).toEqual({ optedOut: 0 });
    expect(await recordSmsReply(db, { from: "not a number", text: "STOP", receivedAt: at })).toEqual({ optedOut: 0 });
    expect(await db.memberSmsConsent.count({ where: { memberId: { in: ids }, withdrawnAt: { not: null } } })).toBe(0);

    // As the SMS centre writes the number: digits with the country code, or as typed in Laos.
    expect(await recordSmsReply(db, { from: formatPhone(shared), text: "ຢຸດ", receivedAt: at })).toEqual({ optedOut: 2 });
    const rows = await db.memberSmsConsent.findMany({ where: { memberId: { in: ids } } });
    expect(rows.filter((r) => r.withdrawnAt).map((r) => [r.phone, r.withdrawnHow, r.withdrawnById])).toEqual([
      [shared, "sms_reply", null],
      [shared, "sms_reply", null],
    ]);
    const confirmations = await db.outboxMessage.findMany({ where: { recipient: shared } });
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.body).toMatch(/^ຮັບຊາບແລ້ວ: ເບີນີ້ຈະບໍ່ໄດ້ຮັບ SMS/);
    // The same reply handed over again: nothing left to withdraw, nothing queued.
    expect(await recordSmsReply(db, { from: shared, text: "stop", receivedAt: at })).toEqual({ optedOut: 0 });
    expect(await db.outboxMessage.count({ where: { recipient: shared } })).toBe(1);
  });
});

describe("the weekly price", () => {
  it("goes once a week to each consenting household, with the reference prices of the crops it pledged, in its district", async () => {
    const { fo, consenting } = await households();
    const ids = fo.members.map((m) => m.id);
    const listing = await publishedListing(fo);
    const now = new Date();
    // This file's own database: the district's maize prices are the ones this test writes.
    await db.referencePrice.deleteMany({ where: { cropId: listing.cropId, districtId: fo.village.districtId } });
    for (const [days, price] of [
      [1, 2900],
      [3, 3200],
      [20, 9999],
    ] as const)
      await db.referencePrice.create({
        data: { cropId: listing.cropId, districtId: fo.village.districtId, observedOn: addDays(now, -days), priceLakPerKg: price, source: "market_survey" },
      });
    // A price taken from a contract is not a reference price.
    await db.referencePrice.create({
      data: { cropId: listing.cropId, districtId: fo.village.districtId, observedOn: now, priceLakPerKg: 100, source: "signed_contract" },
    });
    const district = await db.district.findUniqueOrThrow({ where: { id: fo.village.districtId } });

    await queueWeeklyMemberPrices(db, now);
    const week = isoWeekOf(now).key;
    const sent = (await smsTo(ids)).filter((m) => m.dedupeKey?.startsWith("weekly-price:"));
    expect(sent.map((m) => [m.memberId, m.dedupeKey])).toEqual([[consenting.id, `weekly-price:${consenting.id}:${week}`]]);
    expect(sent[0]!.body).toBe(weeklyPriceSms([{ cropName: listing.crop.nameLo, placeName: district.nameLo, low: 2900, high: 3200 }]));

    // Again the same week: nothing; the next week: once more.
    await queueWeeklyMemberPrices(db, addDays(now, 1 / 24));
    expect((await smsTo([consenting.id])).filter((m) => m.dedupeKey?.startsWith("weekly-price:"))).toHaveLength(1);
    await queueWeeklyMemberPrices(db, addDays(now, 7));
    expect((await smsTo([consenting.id])).filter((m) => m.dedupeKey?.startsWith("weekly-price:")).map((m) => m.dedupeKey)).toEqual([
      `weekly-price:${consenting.id}:${week}`,
      `weekly-price:${consenting.id}:${isoWeekOf(addDays(now, 7)).key}`,
    ]);
    // Withdrawn by reply: no more weeks.
    const phone = (await db.member.findUniqueOrThrow({ where: { id: consenting.id } })).phone!;
    await recordSmsReply(db, { from: phone, text: "STOP", receivedAt: now });
    await db.referencePrice.create({
      data: { cropId: listing.cropId, districtId: fo.village.districtId, observedOn: addDays(now, 13), priceLakPerKg: 3000, source: "market_survey" },
    });
    await queueWeeklyMemberPrices(db, addDays(now, 14));
    expect((await smsTo([consenting.id])).filter((m) => m.dedupeKey?.startsWith("weekly-price:"))).toHaveLength(2);
  });
});

describe("the member page's consent forms", () => {
  it("let the FO's leader record and withdraw consent, shown in the register, and refuse everyone else", async () => {
    const fo = await createFo({ members: 1 });
    const member = fo.members[0]!;
    const phone = newPhone();
    await db.member.update({ where: { id: member.id }, data: { phone } });
    const path = `/fo/${fo.organisation.id}/members/${member.id}`;
    const params = { organisationId: fo.organisation.id, memberId: member.id };
    const consentForm = { intent: "consent", givenOn: toLaoDateInput(new Date()), givenHow: "meeting", phone: formatPhone(phone) };

    const otherLeader = (await createFo({ members: 0 })).leader;
    const trader = await createUser({ roles: ["trader"] });
    for (const intent of [consentForm, { intent: "withdrawConsent" }]) {
      expect(statusOf(await call(memberAction, await request(path, { userId: otherLeader.id, form: intent }), params))).toBe(404);
      expect(statusOf(await call(memberAction, await request(path, { userId: trader.id, form: intent }), params))).toBe(403);
      const signedOut = await call(memberAction, await request(path, { form: intent }), params);
      expect(statusOf(signedOut)).toBe(302);
      expect(locationOf(signedOut)).toMatch(/^\/login\?/);
    }
    expect(statusOf(await call(memberLoader, await request(path, { userId: otherLeader.id }), params))).toBe(404);
    expect(statusOf(await call(memberLoader, await request(path, { userId: trader.id }), params))).toBe(403);
    expect(await db.memberSmsConsent.count({ where: { memberId: member.id } })).toBe(0);

    // Bad input: a clear error on its field, nothing written.
    const bad = await call(
      memberAction,
      await request(path, { userId: fo.leader.id, form: { ...consentForm, givenHow: "rumour", givenOn: "31/02/2026" } }),
      params,
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ form: string; fieldErrors: Record<string, string> }>(bad)).toMatchObject({
      form: "consent",
      fieldErrors: { givenHow: "validation:invalidChoice", givenOn: "validation:date" },
    });
    expect(await db.memberSmsConsent.count({ where: { memberId: member.id } })).toBe(0);

    const given = await call(memberAction, await request(path, { userId: fo.leader.id, form: consentForm }), params);
    expect(locationOf(given)).toBe(`/fo/${fo.organisation.id}/members?done=smsGiven&name=${encodeURIComponent(member.name).replace(/%20/g, "+")}`);
    const register = dataOf<{ smsCount: number; members: { id: string; sms: boolean }[] }>(
      await call(registerLoader, await request(`/fo/${fo.organisation.id}/members`, { userId: fo.leader.id }), { organisationId: fo.organisation.id }),
    );
    expect(register.smsCount).toBe(1);
    expect(register.members.find((m) => m.id === member.id)?.sms).toBe(true);
    const page = dataOf<{ sms: { inForce: { phone: string; givenHow: string } | null; history: unknown[] } }>(
      await call(memberLoader, await request(path, { userId: fo.leader.id }), params),
    );
    expect(page.sms.inForce).toMatchObject({ phone: formatPhone(phone), givenHow: "meeting" });

    const withdrawn = await call(memberAction, await request(path, { userId: fo.leader.id, form: { intent: "withdrawConsent" } }), params);
    expect(locationOf(withdrawn)).toContain("done=smsWithdrawn");
    const after = dataOf<{ sms: { inForce: unknown; history: { withdrawnHow: string | null }[] } }>(
      await call(memberLoader, await request(path, { userId: fo.leader.id }), params),
    );
    expect(after.sms.inForce).toBeNull();
    expect(after.sms.history.map((h) => h.withdrawnHow)).toEqual(["leader"]);
  });
});
