// A contract written in Thai baht, against a real database: the trader's offer
// names the currency and the exchange rate (its kind and recorded source); the
// contract carries the clause; deliveries and payments are in satang; the
// member payout sheet is in kip at the named source's rate of each delivery
// day, and refuses to be drawn up while a day has none.
import { describe, expect, it } from "vitest";
import { confirmPayment, recordPayment } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { payoutFor } from "~/domain/payments/payout.server";
import { counterOffer, makeOffer } from "~/domain/offers/offers.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { loader as detailLoader } from "~/routes/contracts/detail";
import { action as paymentsAction, loader as paymentsLoader } from "~/routes/contracts/payments";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { loader as payoutExport } from "~/routes/contracts/payout-export";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { activeBahtContract, as, bahtTerms, gradeSheet, laoDay, market, rate, SOURCE } from "../fixtures/baht";
import { offerTerms } from "../fixtures/market";

describe("a contract in Thai baht", () => {
  it("refuses an offer in baht whose rate names a source nobody records, a price rule other than fixed, or an unknown currency", async () => {
    const since = addDays(new Date(), -30);
    const { trader, target } = await market(since);
    await rate(laoDay(addDays(since, -1)), 68_350);
    const unnamed = await makeOffer(db, trader.trader, target, await bahtTerms({ rateSourceName: "a friend's rate" }), since);
    expect(unnamed).toEqual({ ok: false, fieldErrors: { rateSourceName: "offers:errors.rateSourceUnknown" } });
    const blank = await makeOffer(db, trader.trader, target, await bahtTerms({ rateSourceName: " " }), since);
    expect(blank).toEqual({ ok: false, fieldErrors: { rateSourceName: "offers:errors.rateSourceRequired" } });
    // the source is recorded, but as a commercial bank's: not the central bank's reference rate
    const otherKind = await makeOffer(db, trader.trader, target, await bahtTerms({ rateSourceKind: "bol_reference" }), since);
    expect(otherKind).toEqual({ ok: false, fieldErrors: { rateSourceName: "offers:errors.rateSourceUnknown" } });
    const floor = await makeOffer(db, trader.trader, target, { ...(await bahtTerms()), templateCode: "forward_floor", floorPriceLakPerKg: 900 }, since);
    expect(floor).toMatchObject({ ok: false, fieldErrors: { currency: "offers:errors.currencyTemplate" } });
    const dollars = await makeOffer(db, trader.trader, target, { ...(await bahtTerms()), currency: "USD" as never }, since);
    expect(dollars).toEqual({ ok: false, fieldErrors: { currency: "validation:invalidChoice" } });
    expect(await db.offer.count({ where: { listingId: target.listingId } })).toBe(0);
  });

  it("keeps a negotiation in its currency: a counter-offer in kip on a baht offer is refused", async () => {
    const since = addDays(new Date(), -30);
    const { fo, trader, target } = await market(since);
    await rate(laoDay(addDays(since, -1)), 68_350);
    const made = await makeOffer(db, trader.trader, target, await bahtTerms(), since);
    if (!made.ok) throw new Error(JSON.stringify(made));
    const counter = await counterOffer(db, fo.leader, made.offerId, 1, await offerTerms({ priceLakPerKg: "7000", quantityKg: "2000" }), since);
    expect(counter).toEqual({ ok: false, fieldErrors: { currency: "offers:errors.currencyChanged" } });
    expect((await db.offer.findUniqueOrThrow({ where: { id: made.offerId } })).currentRevision).toBe(1);
  });

  it("goes from offer to contract to delivery and payment in baht, and pays the households in kip at each delivery day's named rate", async () => {
    const { contract, snapshot, foActor, traderActor } = await activeBahtContract();
    expect(contract.currency).toBe("THB");
    expect(snapshot.currency).toEqual({ code: "THB", rateSourceKind: "commercial_bank", rateSourceName: SOURCE, convertsOn: "delivery_day" });
    expect(contract.valueLak).toBe(1_970_000n); // 2,000 kg × 9.85 THB = 19,700.00 THB
    expect(contract.witnessRequired).toBe(true);
    expect(contract.textEn).toContain("9.85 THB per kg");
    expect(contract.textEn).toContain(`source "${SOURCE}"`);
    expect(contract.textLo).toContain("ສະກຸນເງິນ ແລະ ອັດຕາແລກປ່ຽນ");
    expect(contract.summaryEn).toContain("Contract value: 19,700.00 THB.");

    const [day1, day2] = [5, 3].map((n) => laoDay(addDays(new Date(), -n))) as [Date, Date];
    const deliveryIds: string[] = [];
    for (const day of [day1, day2]) {
      const recorded = await recordDelivery(db, traderActor, contract.id, gradeSheet(day));
      if (!recorded.ok) throw new Error(JSON.stringify(recorded));
      deliveryIds.push(recorded.deliveryId);
      await confirmDelivery(db, foActor, recorded.deliveryId);
    }
    const deliveries = await db.delivery.findMany({ where: { id: { in: deliveryIds } }, orderBy: { deliveredOn: "asc" } });
    const dueSatang = deliveries.map((d) => d.amountDueLak);
    expect(deliveries.map((d) => d.priceLakPerKg)).toEqual([985, 985]);
    expect(dueSatang[0]).toBe(BigInt(deliveries[0]!.netKg) * 985n);

    // A payment in baht: 5,000.00 THB, in satang.
    const paid = await recordPayment(db, traderActor, contract.id, {
      amountLak: 500_000n,
      paidOn: addDays(day2, 0.5),
      method: "bank_transfer",
      reference: "TT-1",
    });
    if (!paid.ok) throw new Error(JSON.stringify(paid));
    await confirmPayment(db, foActor, paid.paymentId);
    expect((await db.payment.findUniqueOrThrow({ where: { id: paid.paymentId } })).amountLak).toBe(500_000n);

    // Day 1 has its rate; day 2 has only another bank's and the central bank's: the sheet refuses.
    await rate(addDays(day1, 0.3), 68_350);
    await rate(addDays(day2, 0.3), 70_000, "LDB buying rate");
    await rate(addDays(day2, 0.3), 69_000, "Bank of the Lao PDR reference rate", "bol_reference");
    const refused = await payoutFor(db, { ...contract, status: "completed" });
    expect(refused.conversion?.complete).toBe(false);
    expect(refused.conversion?.days.map((d) => d.rate?.lakPerHundred ?? null)).toEqual([68_350, null]);
    expect(refused.sheet).toBeNull();
    expect(refused.households).toBeNull();
    expect(refused.draft).toBe(true);

    // Day 2's rate recorded: the sheet is in kip, each delivery at its own day's rate.
    await rate(addDays(day2, 0.3), 68_500);
    const report = await payoutFor(db, { ...contract, status: "completed" }, snapshot);
    expect(report.conversion?.complete).toBe(true);
    const kip = (satang: bigint, lakPerHundred: bigint) => (2n * satang * lakPerHundred + 10_000n) / 20_000n;
    const expectedLak = kip(dueSatang[0]!, 68_350n) + kip(dueSatang[1]!, 68_500n);
    // recorded without household lots: one pooled lot each, shared by pledge
    const sheet = report.households!;
    expect(sheet.totals.payableLak).toBe(expectedLak);
    expect(sheet.rows.map((r) => r.pledgedKg).sort()).toEqual([1200, 800]);
    expect(sheet.rows.reduce((s, r) => s + r.payableLak, 0n)).toBe(expectedLak);
    expect(report.draft).toBe(false);
  });

  it("through the pages: the contract and its payments read in baht, a payment is typed in baht, and the payout sheet says which rate is missing", async () => {
    const { contract, trader, fo } = await activeBahtContract();
    const params = { contractId: contract.id };
    const detail = dataOf<{ contract: { valueLak: string; currency: string } }>(
      await call(detailLoader, await request(`/contracts/${contract.id}`, { userId: fo.leader.id }), params),
    );
    expect(detail.contract).toMatchObject({ valueLak: "1970000", currency: "THB" });
    const path = `/contracts/${contract.id}/payments`;
    expect(
      dataOf<{ contract: { currency: string } }>(await call(paymentsLoader, await request(path, { userId: trader.trader.id }), params)).contract.currency,
    ).toBe("THB");
    const form = (amountLak: string) => ({
      intent: "record",
      amountLak,
      paidOn: toLaoDateInput(new Date()),
      method: "cash",
      formToken: `a-form-token-of-a-test-${amountLak.replace(/\D/g, "")}`,
      confirmed: "yes",
    });
    const three = await call(paymentsAction, await request(path, { userId: trader.trader.id, form: form("5000.505") }), params);
    expect(statusOf(three)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(three).fieldErrors).toEqual({ amountLak: "deliveries:errors.decimalAmount" });
    expect(await db.payment.count({ where: { contractId: contract.id } })).toBe(0);
    const day = laoDay(addDays(new Date(), -2));
    const delivered = await recordDelivery(db, as(trader.trader, "trader"), contract.id, gradeSheet(day, 500));
    if (!delivered.ok) throw new Error(JSON.stringify(delivered));
    await confirmDelivery(db, as(fo.leader, "fo_leader"), delivered.deliveryId);
    const recorded = await call(paymentsAction, await request(path, { userId: trader.trader.id, form: form("2000,50") }), params);
    expect(locationOf(recorded)).toBe(`${path}?done=paymentRecorded`);
    expect((await db.payment.findFirstOrThrow({ where: { contractId: contract.id } })).amountLak).toBe(200_050n);
    // the FO is told the amount in baht
    const notice = await db.notification.findFirstOrThrow({ where: { userId: fo.leader.id, kind: "payment_recorded" } });
    expect(JSON.parse(notice.params)).toMatchObject({ amount: 200_050, currency: "THB" });

    const sheet = dataOf<{ conversion: { complete: boolean; source: string; days: { rate: unknown }[] }; households: unknown }>(
      await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), params),
    );
    expect(sheet.conversion).toMatchObject({ complete: false, source: SOURCE, days: [{ rate: null }] });
    expect(sheet.households).toBeNull();
    const exported = await call(payoutExport, await request(`/contracts/${contract.id}/payout/export?format=csv`, { userId: fo.leader.id }), params);
    expect(statusOf(exported)).toBe(409);
  });
});
