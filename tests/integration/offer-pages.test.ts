import { describe, expect, it } from "vitest";
import { makeOffer } from "~/domain/offers/offers.server";
import { loader as compareLoader } from "~/routes/listings/compare";
import { action as newOfferAction, loader as newOfferLoader } from "~/routes/listings/new-offer";
import { action as offerAction, loader as offerLoader } from "~/routes/offers/detail";
import { action as respondAction, loader as respondLoader } from "~/routes/offers/respond";
import { db } from "~/utils/db.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing } from "../fixtures/market";

async function termsForm(overrides: Record<string, string> = {}) {
  const crop = await maize();
  return {
    priceLakPerKg: "3,150",
    quantityKg: "3000",
    gradeId: crop.grades[0]!.id,
    moistureBasis: "14",
    "band.0.from": "14",
    "band.0.to": "18",
    "band.0.rate": "15",
    deliveryDate: toLaoDateInput(addDays(new Date(), 20)),
    deliveryPlace: "FO warehouse",
    transportPaidBy: "fo",
    transportCostLak: "600000",
    bagsPaidBy: "trader",
    paymentDays: "14",
    validUntil: toLaoDateInput(addDays(new Date(), 5)),
    templateCode: "spot_fixed",
    ...overrides,
  };
}

async function scene() {
  const fo = await createFo();
  const listing = await publishedListing(fo);
  const a = await createCompany();
  const b = await createCompany();
  const made = await makeOffer(db, a.trader, { listingId: listing.id, companyId: a.company.id }, await offerTerms({ priceLakPerKg: "3000" }));
  if (!made.ok) throw new Error("offer");
  return { fo, listing, a, b, offerId: made.offerId };
}

describe("the offer form", () => {
  it("starts from the listing and the crop's standard table, and sends the offer", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const a = await createCompany();
    const page = dataOf<{ values: Record<string, string> }>(
      await call(newOfferLoader, await request(`/listings/${listing.id}/offers/new`, { userId: a.trader.id }), { listingId: listing.id }),
    );
    // The seeded maize defaults (prisma/seed/reference-data.ts): priced at 14.5 %, 12 kg per tonne per
    // point up to 18 %; grade 2 is 150 and grade 3 300 LAK/kg below grade 1, the grade listed;
    // 2 % foreign matter free, then 10 kg per point up to 5 % and 12 up to 10 %; ±5 % tolerance.
    expect(page.values).toMatchObject({
      quantityKg: "3000",
      moistureBasis: "14.5",
      "band.0.from": "14.5",
      "band.0.to": "18",
      "band.0.rate": "12",
      "gradeAdjustment.G1": "0",
      "gradeAdjustment.G2": "-150",
      "gradeAdjustment.G3": "-300",
      foreignMatterBasis: "2",
      "fmBand.0.from": "2",
      "fmBand.0.to": "5",
      "fmBand.0.rate": "10",
      "fmBand.1.from": "5",
      "fmBand.1.to": "10",
      "fmBand.1.rate": "12",
      tolerance: "5",
    });
    const result = await call(
      newOfferAction,
      await request(`/listings/${listing.id}/offers/new`, { userId: a.trader.id, form: { ...(await termsForm()), companyId: a.company.id } }),
      { listingId: listing.id },
    );
    expect(locationOf(result)).toMatch(/^\/offers\/\w+\?done=sent$/);
    const revision = await db.offerRevision.findFirstOrThrow({ where: { offer: { listingId: listing.id } } });
    expect(revision).toMatchObject({ priceLakPerKg: 3150, transportPaidBy: "fo", transportCostLak: 600000n, paymentDays: 14 });
  });

  it("refuses bad terms with field errors and writes nothing", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const a = await createCompany();
    const result = await call(
      newOfferAction,
      await request(`/listings/${listing.id}/offers/new`, {
        userId: a.trader.id,
        form: { ...(await termsForm({ priceLakPerKg: "", transportCostLak: "", validUntil: "tomorrow", "band.0.to": "12" })), companyId: a.company.id },
      }),
      { listingId: listing.id },
    );
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({
      priceLakPerKg: "validation:required",
      transportCostLak: "offers:errors.costRequired",
      validUntil: "validation:date",
      "band.0.to": "offers:errors.bandReversed",
    });
    expect(await db.offer.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("refuses an offer for a company the trader does not buy for, and an FO leader", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const a = await createCompany();
    const b = await createCompany();
    const forOther = await call(
      newOfferAction,
      await request(`/listings/${listing.id}/offers/new`, { userId: a.trader.id, form: { ...(await termsForm()), companyId: b.company.id } }),
      { listingId: listing.id },
    );
    expect(statusOf(forOther)).toBe(404);
    expect(statusOf(await call(newOfferLoader, await request(`/listings/${listing.id}/offers/new`, { userId: fo.leader.id }), { listingId: listing.id }))).toBe(
      403,
    );
    expect(await db.offer.count({ where: { listingId: listing.id } })).toBe(0);
  });
});

describe("offer pages", () => {
  it("shows the offer to its company, the listing's FO and the district's facilitator only", async () => {
    const { fo, b, a, offerId } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: fo.village.districtId } });
    const outsider = await createUser({ roles: ["facilitator"] });
    for (const [userId, status] of [
      [a.trader.id, 200],
      [fo.leader.id, 200],
      [facilitator.id, 200],
      [b.trader.id, 404],
      [outsider.id, 404],
      [(await createFo()).leader.id, 404],
    ] as const) {
      expect(statusOf(await call(offerLoader, await request(`/offers/${offerId}`, { userId }), { offerId })), userId).toBe(status);
    }
  });

  it("ranks offers by effective price on the comparison page, for the FO only", async () => {
    const { fo, listing, b, offerId } = await scene();
    // A higher price, but paid late with transport on the FO: lower effective price.
    await makeOffer(
      db,
      b.trader,
      { listingId: listing.id, companyId: b.company.id },
      await offerTerms({ priceLakPerKg: "3050", paymentDays: "90", transportPaidBy: "fo", transportCostLak: "900000" }),
    );
    const page = dataOf<{ live: { id: string; priceLakPerKg: number; effective: { effectiveLakPerKg: number; lines: unknown[] } }[] }>(
      await call(compareLoader, await request(`/listings/${listing.id}/offers`, { userId: fo.leader.id }), { listingId: listing.id }),
    );
    expect(page.live.map((r) => r.priceLakPerKg)).toEqual([3000, 3050]);
    expect(page.live[0]!.id).toBe(offerId);
    expect(page.live[0]!.effective.effectiveLakPerKg).toBeGreaterThan(page.live[1]!.effective.effectiveLakPerKg);
    expect(page.live[0]!.effective.lines.length).toBeGreaterThan(2);
    expect(statusOf(await call(compareLoader, await request(`/listings/${listing.id}/offers`, { userId: b.trader.id }), { listingId: listing.id }))).toBe(404);
  });

  it("runs the FO's counter and the trader's answers through the pages", async () => {
    const { fo, a, offerId } = await scene();
    const counter = await call(
      respondAction,
      await request(`/offers/${offerId}/respond`, { userId: fo.leader.id, form: { ...(await termsForm({ priceLakPerKg: "3300" })), revision: "1" } }),
      { offerId },
    );
    expect(locationOf(counter)).toBe(`/offers/${offerId}?done=countered`);
    const traderView = dataOf<{ traderActions: string[]; offer: { status: string } }>(
      await call(offerLoader, await request(`/offers/${offerId}`, { userId: a.trader.id }), { offerId }),
    );
    expect(traderView).toMatchObject({ traderActions: ["acceptCounter", "revise", "withdraw"], offer: { status: "countered" } });
    const accepted = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: a.trader.id, form: { intent: "acceptCounter", revision: "2", confirmed: "yes" } }),
      { offerId },
    );
    expect(dataOf<{ ok: boolean }>(accepted).ok).toBe(true);
    const final = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: fo.leader.id, form: { intent: "accept", revision: "3", confirmed: "yes" } }),
      { offerId },
    );
    expect(dataOf<{ ok: boolean }>(final).ok).toBe(true);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("accepted");
  });

  it("sends an accept that did not come through the confirmation to it, and changes nothing", async () => {
    const { fo, listing, b, offerId } = await scene();
    const other = await makeOffer(db, b.trader, { listingId: listing.id, companyId: b.company.id }, await offerTerms({ priceLakPerKg: "2900" }));
    if (!other.ok) throw new Error("offer");
    const audits = await db.auditEvent.count();
    for (const form of [
      { intent: "accept", revision: "1" },
      { intent: "accept", revision: "1", confirmed: "no" },
    ] as Record<string, string>[]) {
      const result = await call(offerAction, await request(`/offers/${offerId}`, { userId: fo.leader.id, form }), { offerId });
      expect(locationOf(result)).toBe(`/offers/${offerId}?confirm=accept#confirm`);
    }
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("submitted");
    expect((await db.offer.findUniqueOrThrow({ where: { id: other.offerId } })).status).toBe("submitted");
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
    expect(await db.contract.count({ where: { offerId } })).toBe(0);
    expect(await db.auditEvent.count()).toBe(audits);

    // The confirmation says how many other offers it turns down; confirmed, it does.
    const page = dataOf<{ otherLiveOffers: number; foActions: string[] }>(
      await call(offerLoader, await request(`/offers/${offerId}?confirm=accept`, { userId: fo.leader.id }), { offerId }),
    );
    expect(page).toMatchObject({ otherLiveOffers: 1, foActions: expect.arrayContaining(["accept"]) });
    const accepted = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: fo.leader.id, form: { intent: "accept", revision: "1", confirmed: "yes" } }),
      { offerId },
    );
    expect(dataOf<{ ok: boolean; message: string }>(accepted)).toEqual({ ok: true, message: "offers:detail.accepted" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: other.offerId } })).status).toBe("rejected");
    expect(await db.contract.count({ where: { offerId } })).toBe(1);
  });

  it("refuses a confirmed accept from a trader, another FO's leader and a facilitator, and changes nothing", async () => {
    const { a, listing, offerId } = await scene();
    const other = await createFo();
    const facilitator = await createUser({ roles: ["facilitator"] });
    const form = { intent: "accept", revision: "1", confirmed: "yes" };
    expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: a.trader.id, form }), { offerId }))).toBe(403);
    expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: other.leader.id, form }), { offerId }))).toBe(404);
    expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: facilitator.id, form }), { offerId }))).toBe(404);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("submitted");
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
    // Their pages carry no accept and count nothing.
    const traderPage = dataOf<{ otherLiveOffers: number; foActions: string[] }>(
      await call(offerLoader, await request(`/offers/${offerId}`, { userId: a.trader.id }), { offerId }),
    );
    expect(traderPage).toMatchObject({ otherLiveOffers: 0, foActions: [] });
  });

  it("sends a trader's acceptance of a counter-offer and a withdrawal that did not come through their confirmation to it, and changes nothing", async () => {
    const { fo, a, b, offerId } = await scene();
    await call(
      respondAction,
      await request(`/offers/${offerId}/respond`, { userId: fo.leader.id, form: { ...(await termsForm({ priceLakPerKg: "3300" })), revision: "1" } }),
      { offerId },
    );
    const audits = await db.auditEvent.count();
    const revisions = await db.offerRevision.count({ where: { offerId } });
    for (const intent of ["acceptCounter", "withdraw"]) {
      for (const form of [
        { intent, revision: "2" },
        { intent, revision: "2", confirmed: "no" },
      ] as Record<string, string>[]) {
        const result = await call(offerAction, await request(`/offers/${offerId}`, { userId: a.trader.id, form }), { offerId });
        expect(locationOf(result)).toBe(`/offers/${offerId}?confirm=${intent}#confirm`);
      }
    }
    expect(await db.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ status: "countered", currentRevision: 2 });
    expect(await db.offerRevision.count({ where: { offerId } })).toBe(revisions);
    expect(await db.auditEvent.count()).toBe(audits);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: { in: ["counter_accepted", "offer_withdrawn"] } } })).toBe(0);

    // Another company's trader and the FO are refused even when confirmed.
    for (const intent of ["acceptCounter", "withdraw"]) {
      const form = { intent, revision: "2", confirmed: "yes" };
      expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: b.trader.id, form }), { offerId }))).toBe(404);
      expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: fo.leader.id, form }), { offerId }))).toBe(403);
    }
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("countered");

    // Confirmed by the offer's trader: the counter's terms become the offer's, then the offer is withdrawn.
    const accepted = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: a.trader.id, form: { intent: "acceptCounter", revision: "2", confirmed: "yes" } }),
      { offerId },
    );
    expect(dataOf<{ ok: boolean; message: string }>(accepted)).toEqual({ ok: true, message: "offers:detail.counterAccepted" });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ status: "submitted", currentRevision: 3 });
    const withdrawn = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: a.trader.id, form: { intent: "withdraw", revision: "3", confirmed: "yes" } }),
      { offerId },
    );
    expect(dataOf<{ ok: boolean; message: string }>(withdrawn)).toEqual({ ok: true, message: "offers:detail.withdrawn" });
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("withdrawn");
  });

  it("refuses a trader accepting (an FO action) and an FO withdrawing (a trader action)", async () => {
    const { fo, a, offerId } = await scene();
    expect(
      statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: a.trader.id, form: { intent: "accept", revision: "1" } }), { offerId })),
    ).toBe(403);
    expect(statusOf(await call(offerAction, await request(`/offers/${offerId}`, { userId: fo.leader.id, form: { intent: "withdraw" } }), { offerId }))).toBe(
      403,
    );
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("submitted");
  });

  it("tells the FO clearly when the offer changed under it", async () => {
    const { fo, offerId } = await scene();
    const stale = await call(
      offerAction,
      await request(`/offers/${offerId}`, { userId: fo.leader.id, form: { intent: "accept", revision: "7", confirmed: "yes" } }),
      { offerId },
    );
    expect(statusOf(stale)).toBe(409);
    expect(dataOf<{ message: string }>(stale).message).toBe("offers:errors.changed");
  });

  it("refuses a facilitator answering an offer and another company revising it", async () => {
    const { fo, b, offerId } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: fo.village.districtId } });
    expect(statusOf(await call(respondLoader, await request(`/offers/${offerId}/respond`, { userId: facilitator.id }), { offerId }))).toBe(403);
    expect(
      statusOf(
        await call(respondAction, await request(`/offers/${offerId}/respond`, { userId: b.trader.id, form: { ...(await termsForm()), revision: "1" } }), {
          offerId,
        }),
      ),
    ).toBe(404);
    expect(await db.offerRevision.count({ where: { offerId } })).toBe(1);
  });
});
