import { describe, expect, it } from "vitest";
import { acceptCounter, acceptOffer, counterOffer, makeOffer, rejectOffer, reviseOffer, withdrawOffer } from "~/domain/offers/offers.server";
import { db } from "~/utils/db.server";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

async function market(options: Parameters<typeof publishedListing>[1] = {}) {
  const fo = await createFo();
  const listing = await publishedListing(fo, options);
  const a = await createCompany();
  const b = await createCompany();
  return { fo, listing, a, b };
}

async function offerBy(company: Awaited<ReturnType<typeof createCompany>>, listingId: string, overrides: Record<string, string> = {}) {
  const result = await makeOffer(db, company.trader, { listingId, companyId: company.company.id }, await offerTerms(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.offerId;
}

describe("making offers", () => {
  it("creates the offer with revision 1 by the trader, notifies the FO's leaders and audits", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id, { priceLakPerKg: "3150" });
    const offer = await db.offer.findUniqueOrThrow({ where: { id: offerId }, include: { revisions: true } });
    expect(offer).toMatchObject({ status: "submitted", currentRevision: 1, currentPriceLakPerKg: 3150 });
    expect(offer.revisions).toHaveLength(1);
    expect(offer.revisions[0]).toMatchObject({ number: 1, byParty: "trader", priceLakPerKg: 3150, quantityKg: 3000, moistureBasisPermille: 140 });
    expect(JSON.parse(offer.revisions[0]!.deductionTable)).toEqual([{ fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 }]);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "offer_received" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: offerId, action: "offer.submitted" } })).toBe(1);
  });

  it("refuses a pending company, a company the trader does not buy for, a draft and a closed listing", async () => {
    const { fo, listing, a, b } = await market();
    const pending = await createCompany({ status: "pending" });
    const terms = await offerTerms();
    expect(await makeOffer(db, pending.trader, { listingId: listing.id, companyId: pending.company.id }, terms)).toEqual({ ok: false, reason: "notVerified" });
    expect(await makeOffer(db, a.trader, { listingId: listing.id, companyId: b.company.id }, terms)).toEqual({ ok: false, reason: "notFound" });
    const draft = await publishedListing(fo, { status: "draft" });
    expect(await makeOffer(db, a.trader, { listingId: draft.id, companyId: a.company.id }, terms)).toEqual({ ok: false, reason: "notFound" });
    const expired = await publishedListing(fo, { deadlineDays: -1 });
    expect(await makeOffer(db, a.trader, { listingId: expired.id, companyId: a.company.id }, terms)).toEqual({ ok: false, reason: "listingClosed" });
    expect(await db.offer.count({ where: { listing: { organisationId: fo.organisation.id } } })).toBe(0);
  });

  it("refuses more than the listing holds and a grade of another crop, writing nothing", async () => {
    const { listing, a } = await market();
    const rice = await db.cropGrade.findFirstOrThrow({ where: { crop: { code: "PADDY" } } });
    const result = await makeOffer(
      db,
      a.trader,
      { listingId: listing.id, companyId: a.company.id },
      await offerTerms({ quantityKg: "3001", gradeId: rice.id }),
    );
    expect(result).toEqual({ ok: false, fieldErrors: { quantityKg: "offers:errors.quantityAboveListing", gradeId: "listings:errors.gradeNotOfCrop" } });
    expect(await db.offer.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("sends a second offer from the same company to revision instead", async () => {
    const { listing, a } = await market();
    await offerBy(a, listing.id);
    expect(await makeOffer(db, a.trader, { listingId: listing.id, companyId: a.company.id }, await offerTerms())).toEqual({
      ok: false,
      reason: "alreadyOffered",
    });
  });
});

describe("negotiation", () => {
  it("runs offer → counter → trader accepts the counter → FO accepts, keeping every revision", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id, { priceLakPerKg: "3000" });

    const counter = await counterOffer(db, fo.leader, offerId, 1, await offerTerms({ priceLakPerKg: "3200", paymentDays: "3" }));
    expect(counter.ok).toBe(true);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ status: "countered", currentRevision: 2, currentPriceLakPerKg: 3200 });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("under_negotiation");
    expect(await db.notification.count({ where: { userId: a.trader.id, kind: "offer_countered" } })).toBe(1);

    // The FO cannot accept its own counter; the trader must answer first.
    expect(await acceptOffer(db, fo.leader, offerId, 2)).toEqual({ ok: false, reason: "notAllowed" });

    expect((await acceptCounter(db, a.trader, offerId, 2)).ok).toBe(true);
    const revisions = await db.offerRevision.findMany({ where: { offerId }, orderBy: { number: "asc" } });
    expect(revisions.map((r) => [r.number, r.byParty, r.priceLakPerKg, r.paymentDays])).toEqual([
      [1, "trader", 3000, 7],
      [2, "fo", 3200, 3],
      [3, "trader", 3200, 3],
    ]);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "counter_accepted" } })).toBe(1);

    expect((await acceptOffer(db, fo.leader, offerId, 3)).ok).toBe(true);
    const accepted = await db.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(accepted).toMatchObject({ status: "accepted", acceptedRevisionId: revisions[2]!.id, acceptedById: fo.leader.id });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("contracted");
    expect(await db.notification.count({ where: { userId: a.trader.id, kind: "offer_accepted" } })).toBe(1);
  });

  it("lets the trader counter again and withdraw", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id);
    await counterOffer(db, fo.leader, offerId, 1, await offerTerms({ priceLakPerKg: "3400" }));
    expect((await reviseOffer(db, a.trader, offerId, 2, await offerTerms({ priceLakPerKg: "3250" }))).ok).toBe(true);
    expect(await db.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ status: "submitted", currentRevision: 3, currentPriceLakPerKg: 3250 });
    expect((await withdrawOffer(db, a.trader, offerId)).ok).toBe(true);
    expect((await db.offer.findUniqueOrThrow({ where: { id: offerId } })).status).toBe("withdrawn");
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "offer_withdrawn" } })).toBe(1);
    // Nothing more can happen to a withdrawn offer.
    expect(await counterOffer(db, fo.leader, offerId, 3, await offerTerms())).toEqual({ ok: false, reason: "notAllowed" });
  });

  it("refuses to act on a revision that is no longer the live one", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id);
    await reviseOffer(db, a.trader, offerId, 1, await offerTerms({ priceLakPerKg: "3300" }));
    expect(await acceptOffer(db, fo.leader, offerId, 1)).toEqual({ ok: false, reason: "changed" });
    expect(await counterOffer(db, fo.leader, offerId, 1, await offerTerms())).toEqual({ ok: false, reason: "changed" });
  });

  it("lets only the listing's FO counter, accept or reject, and only the company's staff revise", async () => {
    const { listing, a, b } = await market();
    const other = await createFo();
    const offerId = await offerBy(a, listing.id);
    const terms = await offerTerms();
    expect(await counterOffer(db, other.leader, offerId, 1, terms)).toEqual({ ok: false, reason: "notFound" });
    expect(await acceptOffer(db, other.leader, offerId, 1)).toEqual({ ok: false, reason: "notFound" });
    expect(await rejectOffer(db, other.leader, offerId)).toEqual({ ok: false, reason: "notFound" });
    expect(await reviseOffer(db, b.trader, offerId, 1, terms)).toEqual({ ok: false, reason: "notFound" });
    expect(await withdrawOffer(db, b.trader, offerId)).toEqual({ ok: false, reason: "notFound" });
    expect(await acceptOffer(db, a.trader, offerId, 1)).toEqual({ ok: false, reason: "notFound" });
    const offer = await db.offer.findUniqueOrThrow({ where: { id: offerId } });
    expect(offer).toMatchObject({ status: "submitted", currentRevision: 1 });
  });
});

describe("acceptance", () => {
  it("accepts one offer, contracts the listing and rejects every other live offer, telling each trader", async () => {
    const { fo, listing, a, b } = await market();
    const c = await createCompany();
    const winner = await offerBy(a, listing.id, { priceLakPerKg: "3200" });
    const loser = await offerBy(b, listing.id, { priceLakPerKg: "3100" });
    const withdrawn = await offerBy(c, listing.id);
    await withdrawOffer(db, c.trader, withdrawn);

    expect((await acceptOffer(db, fo.leader, winner, 1)).ok).toBe(true);
    expect((await db.offer.findUniqueOrThrow({ where: { id: loser } })).status).toBe("rejected");
    expect((await db.offer.findUniqueOrThrow({ where: { id: withdrawn } })).status).toBe("withdrawn");
    expect(await db.notification.count({ where: { userId: b.trader.id, kind: "offer_rejected" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: c.trader.id, kind: "offer_rejected" } })).toBe(0);
    // Once contracted, the listing takes no more offers.
    expect(await makeOffer(db, c.trader, { listingId: listing.id, companyId: c.company.id }, await offerTerms())).toEqual({
      ok: false,
      reason: "listingClosed",
    });
  });

  it("produces exactly one winner when two offers are accepted at the same moment", async () => {
    const { fo, listing, a, b } = await market();
    const second = await db.user.create({ data: { name: "Second leader", passwordHash: "x", roles: { create: { role: "fo_leader" } } } });
    await db.organisationLeader.create({ data: { organisationId: fo.organisation.id, userId: second.id, position: "secretary" } });
    const first = await offerBy(a, listing.id);
    const other = await offerBy(b, listing.id);

    const results = await Promise.all([acceptOffer(db, fo.leader, first, 1), acceptOffer(db, second, other, 1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: "alreadyDecided" });
    const offers = await db.offer.findMany({ where: { listingId: listing.id } });
    expect(offers.filter((o) => o.status === "accepted")).toHaveLength(1);
    expect(offers.filter((o) => o.status === "rejected")).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "offer.accepted", entityId: { in: [first, other] } } })).toBe(1);
  });

  it("produces one winner when the same offer is accepted twice at once", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id);
    const results = await Promise.all([acceptOffer(db, fo.leader, offerId, 1), acceptOffer(db, fo.leader, offerId, 1)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { action: "offer.accepted", entityId: offerId } })).toBe(1);
  });

  it("refuses to accept terms past their validity or after the listing's deadline", async () => {
    const { fo, listing, a } = await market();
    const offerId = await offerBy(a, listing.id);
    const later = new Date(Date.now() + 8 * 24 * 3600_000);
    expect(await acceptOffer(db, fo.leader, offerId, 1, later)).toEqual({ ok: false, reason: "notAllowed" });
    const afterDeadline = new Date(Date.now() + 11 * 24 * 3600_000);
    expect(await acceptOffer(db, fo.leader, offerId, 1, afterDeadline)).toEqual({ ok: false, reason: "notAllowed" });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
  });
});
