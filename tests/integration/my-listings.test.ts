// "My listings" tells the leader how many live offers wait on each listing,
// read with a limit from the offers' (listingId, status) index, and the
// listing page says the same on its comparison link.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { LISTINGS_LED_BY_SQL } from "~/domain/listings/search.server";
import { makeOffer, withdrawOffer } from "~/domain/offers/offers.server";
import { loader as detailLoader } from "~/routes/listings/detail";
import { loader as mineLoader } from "~/routes/listings/mine";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
afterAll(() => sqlite.close());

type Mine = { listings: { id: string; status: string; liveOffers: number | null }[] };

async function offersOn(listingId: string, n: number) {
  const offers: { offerId: string; trader: { id: string } }[] = [];
  for (let i = 0; i < n; i++) {
    const t = await createCompany();
    const made = await makeOffer(db, t.trader, { listingId, companyId: t.company.id }, await offerTerms());
    if (!made.ok) throw new Error(JSON.stringify(made));
    offers.push({ offerId: made.offerId, trader: t.trader });
  }
  return offers;
}

describe("live offers on the leader's listings", () => {
  it("counts the live offers of each listing, not the withdrawn ones, and nothing on a draft or another FO's listing", async () => {
    const fo = await createFo();
    const other = await createFo();
    const listing = await publishedListing(fo);
    const quiet = await publishedListing(fo);
    const draft = await publishedListing(fo, { status: "draft" });
    const theirs = await publishedListing(other);
    const offers = await offersOn(listing.id, 3);
    await offersOn(theirs.id, 1);
    expect((await withdrawOffer(db, offers[2]!.trader, offers[2]!.offerId)).ok).toBe(true);

    const page = dataOf<Mine>(await call(mineLoader, await request("/listings/mine", { userId: fo.leader.id })));
    const byId = new Map(page.listings.map((l) => [l.id, l]));
    expect(byId.get(listing.id)?.liveOffers).toBe(2);
    expect(byId.get(quiet.id)?.liveOffers).toBe(0);
    expect(byId.get(draft.id)?.liveOffers).toBeNull();
    expect(byId.has(theirs.id)).toBe(false);

    // The listing page counts the same live offers for its comparison link.
    const detail = dataOf<{ canCompare: boolean; liveOfferCount: number | null }>(
      await call(detailLoader, await request(`/listings/${listing.id}`, { userId: fo.leader.id }), { listingId: listing.id }),
    );
    expect(detail).toMatchObject({ canCompare: true, liveOfferCount: 2 });
  });

  it("is a leader's page: a trader and a facilitator are refused", async () => {
    const trader = await createUser({ roles: ["trader"] });
    const facilitator = await createUser({ roles: ["facilitator"] });
    for (const user of [trader, facilitator]) expect(statusOf(await call(mineLoader, await request("/listings/mine", { userId: user.id })))).toBe(403);
  });

  it("counts in the offers' index, with a limit", () => {
    const rows = sqlite.prepare(`EXPLAIN QUERY PLAN ${LISTINGS_LED_BY_SQL}`).all("someone") as { detail: string }[];
    const details = rows.map((r) => r.detail);
    expect(details.some((d) => /SEARCH x USING COVERING INDEX Offer_listingId_status_idx \(listingId=\? AND status=\?\)/.test(d))).toBe(true);
    expect(details.some((d) => /SCAN x\b/.test(d))).toBe(false);
    expect(LISTINGS_LED_BY_SQL).toMatch(/LIMIT 100\) AS live/);
  });
});
