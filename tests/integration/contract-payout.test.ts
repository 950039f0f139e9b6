import { describe, expect, it } from "vitest";
import { confirmPayment, recordPayment } from "~/domain/contracts/contract-payments.server";
import { confirmDelivery, contestDelivery, recordDelivery, type DeliveryInput } from "~/domain/contracts/deliveries.server";
import { signContract } from "~/domain/contracts/signing.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

/** An input-supply contract in force on a listing pledged 1,000, 1,500 and 500 kg by three members. */
async function scene() {
  const fo = await createFo({ members: 3 });
  const listing = await publishedListing(fo, { kg: [1000, 1500, 500] });
  const trader = await createCompany();
  const terms = await offerTerms({ templateCode: "input_supply", priceLakPerKg: "3100", quantityKg: "3000", inputDescription: "Fertiliser NPK 15-15-15, 20 bags", inputValueLak: "1000000", inputInterest: "0" });
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, terms);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await db.contract.findUniqueOrThrow({ where: { id: accepted.contractId } });
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  for (const [actor, party] of [[foActor, "fo"], [traderActor, "trader"]] as const)
    await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
  return { fo, trader, foActor, traderActor, contract };
}

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;

async function delivered(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<DeliveryInput>) {
  const result = await recordDelivery(db, actor, contractId, { deliveredOn: today(), grossKg: 1000, moisturePermille: 140, gradeCode: "G1", foreignMatterPermille: null, measuredBy: "A", instrument: "B", ...input });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.deliveryId;
}

type Row = { memberId: string; name: string; pledgedKg: number; netKg: number; grossLak: string; inputDeductionLak: string; payableLak: string };
type Page = { draft: boolean; rows: Row[] | null; totals: Omit<Row, "memberId" | "name"> | null; confirmedDeliveries: number; otherDeliveries: number };

describe("the member payout sheet", () => {
  it("splits the confirmed net kg, input deduction and LAK pro rata to the pledges, with totals that add up exactly", async () => {
    const { fo, foActor, traderActor, contract } = await scene();
    // 1,000 kg at 15.0 %: 15 kg deducted, 985 kg × 3,100 = 3,053,500, of which the 1,000,000 owed for inputs is deducted.
    const d1 = await delivered(traderActor, contract.id, { moisturePermille: 150 });
    // 700 kg the FO contests: it counts for nothing (and leaves room under the 3,150 kg the contract allows).
    const contested = await delivered(traderActor, contract.id, { grossKg: 700 });
    await contestDelivery(db, foActor, contested, "Wrong scale");
    // 2,000 kg at 14.0 %: 6,200,000, nothing left to deduct.
    const d2 = await delivered(traderActor, contract.id, { grossKg: 2000 });
    const waiting = await delivered(traderActor, contract.id, { grossKg: 100 });
    await confirmDelivery(db, foActor, d1);
    await confirmDelivery(db, foActor, d2);

    const path = `/contracts/${contract.id}/payout`;
    const page = dataOf<Page>(await call(payoutLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ draft: true, confirmedDeliveries: 2, otherDeliveries: 2 });
    // Totals: 2,985 kg net; 9,253,500 LAK; 1,000,000 deducted; 8,253,500 to pay.
    expect(page.totals).toEqual({ pledgedKg: 3000, netKg: 2985, grossLak: "9253500", inputDeductionLak: "1000000", payableLak: "8253500" });
    const byMember = Object.fromEntries(page.rows!.map((r) => [r.memberId, r]));
    const [m0, m1, m2] = fo.members.map((m) => byMember[m.id]!);
    // Net kg: 995, 1,492.5, 497.5 → 995, 1,492, 497 and the one kg left goes to the larger pledge of the tied remainders.
    expect([m0!.netKg, m1!.netKg, m2!.netKg]).toEqual([995, 1493, 497]);
    // To pay: 2,751,166.67, 4,126,750, 1,375,583.33 → the LAK left goes to the largest remainder.
    expect([m0!.payableLak, m1!.payableLak, m2!.payableLak]).toEqual(["2751167", "4126750", "1375583"]);
    // Input deduction: 333,333.33, 500,000, 166,666.67.
    expect([m0!.inputDeductionLak, m1!.inputDeductionLak, m2!.inputDeductionLak]).toEqual(["333333", "500000", "166667"]);
    expect([m0!.grossLak, m1!.grossLak, m2!.grossLak]).toEqual(["3084500", "4626750", "1542250"]);
    for (const column of ["netKg", "grossLak", "inputDeductionLak", "payableLak"] as const)
      expect(page.rows!.reduce((s, r) => s + BigInt(r[column]), 0n).toString(), column).toBe(String(page.totals![column]));

    // Once everything is delivered (2,985 kg ≥ 2,850) and paid, the sheet is final.
    await contestDelivery(db, foActor, waiting, "Never arrived");
    const payment = await recordPayment(db, traderActor, contract.id, { amountLak: 8_253_500n, paidOn: today(), method: "cash", reference: null });
    if (!payment.ok) throw new Error(JSON.stringify(payment));
    expect(await confirmPayment(db, foActor, payment.paymentId)).toEqual({ ok: true, completed: true });
    const final = dataOf<Page>(await call(payoutLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    expect(final.draft).toBe(false);
    expect(final.totals).toEqual(page.totals);
  });

  it("is the FO's: its leaders and the district's facilitators read it; the trader and everyone else get a 404", async () => {
    const { fo, trader, contract } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    const otherDistrict = await db.district.findFirstOrThrow({ where: { id: { not: contract.districtId } } });
    await db.facilitatorDistrict.create({ data: { userId: elsewhere.id, districtId: otherDistrict.id } });
    const path = `/contracts/${contract.id}/payout`;
    const cases: [string, number][] = [
      [fo.leader.id, 200],
      [facilitator.id, 200],
      [trader.trader.id, 404],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [elsewhere.id, 404],
    ];
    for (const [userId, status] of cases) expect(statusOf(await call(payoutLoader, await request(path, { userId }), { contractId: contract.id })), userId).toBe(status);
    expect(statusOf(await call(payoutLoader, await request(path), { contractId: contract.id }))).toBe(302);
    // Before any confirmed delivery the draft sheet shows zeros that still add up.
    const page = dataOf<Page>(await call(payoutLoader, await request(path, { userId: facilitator.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ draft: true, confirmedDeliveries: 0, totals: { pledgedKg: 3000, netKg: 0, payableLak: "0" } });
    expect(page.rows!.map((r) => r.pledgedKg)).toEqual([1000, 1500, 500]);
  });
});
