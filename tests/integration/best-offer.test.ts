// What a trader sees of other companies' offers on a listing: in open mode the
// best price any trader has offered (each live offer's latest revision by its
// trader), never the FO's counter to one of them; in sealed mode, before the
// deadline, nothing at all.
import { describe, expect, it } from "vitest";
import { loadListingFor } from "~/domain/listings/listing-view.server";
import { acceptCounter, makeOffer, reviseOffer, withdrawOffer } from "~/domain/offers/offers.server";
import { action as respondAction } from "~/routes/offers/respond";
import { loader as detailLoader } from "~/routes/listings/detail";
import { db } from "~/utils/db.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing } from "../fixtures/market";

type Company = Awaited<ReturnType<typeof createCompany>>;
type Page = {
  view: string;
  bestPrice: number | null;
  liveOfferCount: number | null;
  ownOffers: { id: string; status: string; price: number; company: string }[];
  band: unknown;
};

async function offerBy(company: Company, listingId: string, price: string) {
  const result = await makeOffer(db, company.trader, { listingId, companyId: company.company.id }, await offerTerms({ priceLakPerKg: price }));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.offerId;
}

/** The FO's counter sent through the offer's respond page, as a leader's browser would. */
async function counterThroughPage(leaderId: string, offerId: string, price: string) {
  const crop = await maize();
  const form = {
    priceLakPerKg: price,
    quantityKg: "3000",
    gradeId: crop.grades[0]!.id,
    moistureBasis: "14",
    "band.0.from": "14",
    "band.0.to": "18",
    "band.0.rate": "15",
    deliveryDate: toLaoDateInput(addDays(new Date(), 20)),
    deliveryPlace: "FO warehouse",
    transportPaidBy: "trader",
    bagsPaidBy: "trader",
    paymentDays: "7",
    validUntil: toLaoDateInput(addDays(new Date(), 5)),
    templateCode: "spot_fixed",
    revision: "1",
  };
  const result = await call(respondAction, await request(`/offers/${offerId}/respond`, { userId: leaderId, form }), { offerId });
  expect(locationOf(result)).toBe(`/offers/${offerId}?done=countered`);
}

async function page(userId: string, listingId: string): Promise<Page> {
  const result = await call(detailLoader, await request(`/listings/${listingId}`, { userId }), { listingId });
  expect(statusOf(result)).toBe(200);
  return dataOf<Page>(result);
}

/** Everything the page sends the browser except the price band (reference prices may hold any figure). */
function withoutBand(p: Page): string {
  const { band: _band, ...rest } = p;
  return JSON.stringify(rest);
}

/** A listing where trader A offers 3,250, trader B 3,100, and the FO counters A at 3,300. */
async function scene(offerMode: "open" | "sealed") {
  const fo = await createFo();
  const listing = await publishedListing(fo, { offerMode });
  const a = await createCompany();
  const b = await createCompany();
  const c = await createCompany(); // a trader with no offer on the listing
  const offerA = await offerBy(a, listing.id, "3250");
  const offerB = await offerBy(b, listing.id, "3100");
  await counterThroughPage(fo.leader.id, offerA, "3300");
  const counter = await db.offer.findUniqueOrThrow({ where: { id: offerA }, include: { revisions: { orderBy: { number: "asc" } } } });
  // The counter is in place: the offer's current price is now the FO's.
  expect(counter).toMatchObject({ status: "countered", currentRevision: 2, currentPriceLakPerKg: 3300 });
  expect(counter.revisions.map((r) => [r.byParty, r.priceLakPerKg])).toEqual([
    ["trader", 3250],
    ["fo", 3300],
  ]);
  return { fo, listing, a, b, c, offerA, offerB };
}

describe("the best offer a trader sees on an open listing", () => {
  it("is the best price a trader offered, not the FO's counter to one of them", async () => {
    const { listing, b } = await scene("open");
    const user = { id: b.trader.id, name: b.trader.name, email: b.trader.email, phone: b.trader.phone, locale: null, roles: ["trader" as const] };
    const found = (await loadListingFor(db, user, listing.id))!;
    expect(found).toMatchObject({ view: "ownWithBestPrice", bestPrice: 3250, liveOfferCount: null });
  });

  it("shows trader B 3,250 as the best on the listing page, and nothing of the 3,300 counter", async () => {
    const { listing, b, offerB } = await scene("open");
    const seen = await page(b.trader.id, listing.id);
    expect(seen).toMatchObject({ view: "ownWithBestPrice", bestPrice: 3250, liveOfferCount: null });
    expect(seen.ownOffers).toEqual([{ id: offerB, status: "submitted", price: 3100, company: b.company.name }]);
    expect(withoutBand(seen)).not.toContain("3300");
  });

  it("shows another trader, with no offer of its own, the same 3,250 and nothing of the counter", async () => {
    const { listing, c } = await scene("open");
    const seen = await page(c.trader.id, listing.id);
    expect(seen).toMatchObject({ view: "ownWithBestPrice", bestPrice: 3250, ownOffers: [] });
    expect(withoutBand(seen)).not.toContain("3300");
  });

  it("shows trader A its own negotiation (the FO's 3,300 to it) beside the best trader price", async () => {
    const { listing, a, offerA } = await scene("open");
    const seen = await page(a.trader.id, listing.id);
    expect(seen).toMatchObject({ bestPrice: 3250 });
    expect(seen.ownOffers).toEqual([{ id: offerA, status: "countered", price: 3300, company: a.company.name }]);
  });

  it("follows the traders' own terms as they move: a trader accepting the counter, revising, withdrawing", async () => {
    const { listing, a, b, c, offerA, offerB } = await scene("open");
    // A agrees to the FO's 3,300: that is now A's own price.
    expect((await acceptCounter(db, a.trader, offerA, 2)).ok).toBe(true);
    expect((await page(c.trader.id, listing.id)).bestPrice).toBe(3300);
    // B goes above it, then A withdraws and B lowers its terms: the best is B's latest.
    expect((await reviseOffer(db, b.trader, offerB, 1, await offerTerms({ priceLakPerKg: "3350" }))).ok).toBe(true);
    expect((await page(c.trader.id, listing.id)).bestPrice).toBe(3350);
    expect((await withdrawOffer(db, a.trader, offerA)).ok).toBe(true);
    expect((await reviseOffer(db, b.trader, offerB, 2, await offerTerms({ priceLakPerKg: "3120" }))).ok).toBe(true);
    expect((await page(c.trader.id, listing.id)).bestPrice).toBe(3120);
    // With no live offer left, there is no best price.
    expect((await withdrawOffer(db, b.trader, offerB)).ok).toBe(true);
    expect((await page(c.trader.id, listing.id)).bestPrice).toBeNull();
  });

  it("still shows the FO every live offer, counted", async () => {
    const { fo, listing } = await scene("open");
    expect(await page(fo.leader.id, listing.id)).toMatchObject({ view: "all", liveOfferCount: 2, bestPrice: null });
  });
});

describe("a sealed listing before its deadline", () => {
  it("shows other traders no best price at all, neither a trader's nor the FO's counter", async () => {
    const { listing, a, b, c, offerB } = await scene("sealed");
    for (const trader of [b, c]) {
      const seen = await page(trader.trader.id, listing.id);
      expect(seen).toMatchObject({ view: "ownOnly", bestPrice: null, liveOfferCount: null });
      expect(withoutBand(seen)).not.toContain("3250");
      expect(withoutBand(seen)).not.toContain("3300");
    }
    expect((await page(b.trader.id, listing.id)).ownOffers.map((o) => o.id)).toEqual([offerB]);
    // A sees its own offer (with the FO's counter to it) and nothing of B's.
    const own = await page(a.trader.id, listing.id);
    expect(own).toMatchObject({ view: "ownOnly", bestPrice: null });
    expect(own.ownOffers.map((o) => o.price)).toEqual([3300]);
    expect(withoutBand(own)).not.toContain("3100");
  });
});
