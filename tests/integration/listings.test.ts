import { describe, expect, it } from "vitest";
import { publishListing, saveListingDraft, withdrawListing } from "~/domain/listings/listings.server";
import { COUNT_SHOWN_MAX, MAX_PAGE, parseListingSearch, searchListings } from "~/domain/listings/search.server";
import { makeOffer } from "~/domain/offers/offers.server";
import { loader as browseLoader } from "~/routes/listings/index";
import { action as detailAction, loader as detailLoader } from "~/routes/listings/detail";
import { action as newAction, loader as newLoader } from "~/routes/listings/new";
import { db } from "~/utils/db.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing } from "../fixtures/market";

async function listingForm(fo: Awaited<ReturnType<typeof createFo>>, overrides: Record<string, string> = {}) {
  const crop = await maize();
  const today = new Date();
  return {
    organisationId: fo.organisation.id,
    cropId: crop.id,
    gradeId: crop.grades[0]!.id,
    availableFrom: toLaoDateInput(addDays(today, 5)),
    availableUntil: toLaoDateInput(addDays(today, 40)),
    pickupVillageId: fo.village.id,
    offerMode: "open",
    offerDeadline: toLaoDateInput(addDays(today, 10)),
    [`pledge.${fo.members[0]!.id}`]: "1,200",
    [`pledge.${fo.members[1]!.id}`]: "800",
    ...overrides,
  };
}

async function listingCount(organisationId: string) {
  return db.listing.count({ where: { organisationId } });
}

describe("creating and publishing a listing", () => {
  it("saves a draft from pledges with the total equal to their sum, then publishes it", async () => {
    const fo = await createFo();
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form: await listingForm(fo) }));
    expect(statusOf(result)).toBe(302);
    const id = locationOf(result)!.split("/")[2]!.split("?")[0]!;
    const listing = await db.listing.findUniqueOrThrow({ where: { id }, include: { pledges: true } });
    expect(listing).toMatchObject({ status: "draft", totalKg: 2000, districtId: fo.village.districtId });
    expect(listing.pledges.map((p) => p.kg).sort()).toEqual([1200, 800].sort());
    expect(await db.auditEvent.count({ where: { entityId: id, action: "listing.created" } })).toBe(1);

    const published = await call(detailAction, await request(`/listings/${id}`, { userId: fo.leader.id, form: { intent: "publish" } }), { listingId: id });
    expect(dataOf<{ ok: boolean }>(published).ok).toBe(true);
    expect((await db.listing.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it.each([
    ["no pledge", { [`pledge.x`]: "" }, "pledges"],
    ["a pledge that is not a number", { pledgeBad: "" }, null],
    ["a missing deadline", { offerDeadline: "" }, "offerDeadline"],
    ["an unknown offer mode", { offerMode: "auction" }, "offerMode"],
    ["a negative asking price", { askingPriceLakPerKg: "-5" }, "askingPriceLakPerKg"],
  ])("refuses %s and writes nothing", async (_label, overrides, field) => {
    const fo = await createFo();
    const form = await listingForm(fo, overrides);
    if (field === "pledges") for (const m of fo.members) delete (form as Record<string, string>)[`pledge.${m.id}`];
    if (field === null) (form as Record<string, string>)[`pledge.${fo.members[0]!.id}`] = "a lot";
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form }));
    expect(statusOf(result)).toBe(400);
    const errors = dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors;
    expect(Object.keys(errors)).toContain(field ?? `pledge.${fo.members[0]!.id}`);
    expect(await listingCount(fo.organisation.id)).toBe(0);
  });

  it("refuses pledges of another FO's member and a grade of another crop", async () => {
    const fo = await createFo();
    const other = await createFo();
    const rice = await db.cropGrade.findFirstOrThrow({ where: { crop: { code: "PADDY" } } });
    const form = { ...(await listingForm(fo, { gradeId: rice.id })), [`pledge.${other.members[0]!.id}`]: "500" };
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({
      gradeId: "listings:errors.gradeNotOfCrop",
      [`pledge.${other.members[0]!.id}`]: "listings:errors.notAMember",
    });
    expect(await listingCount(fo.organisation.id)).toBe(0);
  });

  it("lets a pending FO save a draft but not publish it", async () => {
    const fo = await createFo({ status: "pending" });
    const saved = await saveListingDraft(db, fo.leader, { organisationId: fo.organisation.id }, await parsedListing(fo));
    expect(saved.ok).toBe(true);
    if (!saved.ok) return;
    expect(await publishListing(db, fo.leader, saved.listingId)).toEqual({ ok: false, reason: "notVerified" });
    expect((await db.listing.findUniqueOrThrow({ where: { id: saved.listingId } })).status).toBe("draft");
  });

  it("withdraws a listing and turns down its live offers", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const trader = await createCompany();
    await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms());
    expect((await withdrawListing(db, fo.leader, listing.id)).ok).toBe(true);
    expect((await db.offer.findFirstOrThrow({ where: { listingId: listing.id } })).status).toBe("rejected");
    expect(await db.notification.count({ where: { userId: trader.trader.id, kind: "offer_rejected" } })).toBe(1);
  });
});

async function parsedListing(fo: Awaited<ReturnType<typeof createFo>>) {
  const { parseListingForm } = await import("~/domain/listings/listing-form");
  const form = new FormData();
  for (const [k, v] of Object.entries(await listingForm(fo))) form.append(k, v);
  const parsed = parseListingForm(form);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.fieldErrors));
  return parsed.data;
}

describe("who may see and act on listings", () => {
  it("answers 403 to a trader opening the new-listing page and 404 to a leader naming another FO", async () => {
    const { trader } = await createCompany();
    expect(statusOf(await call(newLoader, await request("/listings/new", { userId: trader.id })))).toBe(403);
    const fo = await createFo();
    const other = await createFo();
    expect(statusOf(await call(newLoader, await request(`/listings/new?organisationId=${other.organisation.id}`, { userId: fo.leader.id })))).toBe(404);
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form: await listingForm(other) }));
    expect(statusOf(result)).toBe(404);
    expect(await listingCount(other.organisation.id)).toBe(0);
  });

  it("hides drafts from everyone but the FO's leaders", async () => {
    const fo = await createFo();
    const draft = await publishedListing(fo, { status: "draft" });
    const { trader } = await createCompany();
    const otherLeader = (await createFo()).leader;
    for (const userId of [trader.id, otherLeader.id]) {
      expect(statusOf(await call(detailLoader, await request(`/listings/${draft.id}`, { userId }), { listingId: draft.id }))).toBe(404);
    }
    expect(statusOf(await call(detailLoader, await request(`/listings/${draft.id}`, { userId: fo.leader.id }), { listingId: draft.id }))).toBe(200);
  });

  it("refuses another FO's leader publishing or withdrawing, and changes nothing", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const other = await createFo();
    const result = await call(detailAction, await request(`/listings/${listing.id}`, { userId: other.leader.id, form: { intent: "withdraw" } }), {
      listingId: listing.id,
    });
    expect(statusOf(result)).toBe(404);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
  });

  it("withdraws only from the confirmation, which counts the open offers it turns down", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const { trader, company } = await createCompany();
    const made = await makeOffer(db, trader, { listingId: listing.id, companyId: company.id }, await offerTerms());
    if (!made.ok) throw new Error("offer");
    const path = `/listings/${listing.id}`;
    const audits = await db.auditEvent.count();
    for (const form of [{ intent: "withdraw" }, { intent: "withdraw", confirmed: "no" }] as Record<string, string>[]) {
      const result = await call(detailAction, await request(path, { userId: fo.leader.id, form }), { listingId: listing.id });
      expect(locationOf(result)).toBe(`${path}?confirm=withdraw#confirm`);
    }
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
    expect((await db.offer.findUniqueOrThrow({ where: { id: made.offerId } })).status).toBe("submitted");
    expect(await db.auditEvent.count()).toBe(audits);

    const page = dataOf<{ actions: string[]; liveOfferCount: number }>(
      await call(detailLoader, await request(`${path}?confirm=withdraw`, { userId: fo.leader.id }), { listingId: listing.id }),
    );
    expect(page).toMatchObject({ actions: expect.arrayContaining(["withdraw"]), liveOfferCount: 1 });
    const done = await call(detailAction, await request(path, { userId: fo.leader.id, form: { intent: "withdraw", confirmed: "yes" } }), {
      listingId: listing.id,
    });
    expect(dataOf<{ ok: boolean; message: string }>(done)).toEqual({ ok: true, message: "listings:detail.withdrawn" });
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("withdrawn");
    expect((await db.offer.findUniqueOrThrow({ where: { id: made.offerId } })).status).toBe("rejected");
    expect(await db.notification.count({ where: { userId: trader.id, kind: "offer_rejected" } })).toBe(1);
  });

  it("refuses a confirmed withdrawal from a trader and another FO's leader, and changes nothing", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const { trader } = await createCompany();
    const other = await createFo();
    const form = { intent: "withdraw", confirmed: "yes" };
    // A trader lacks the role (403); another FO's leader does not lead this one (404, as for a record they cannot see).
    for (const [userId, expected] of [
      [trader.id, 403],
      [other.leader.id, 404],
    ] as const) {
      expect(statusOf(await call(detailAction, await request(`/listings/${listing.id}`, { userId, form }), { listingId: listing.id }))).toBe(expected);
    }
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("open");
  });

  it("shows member names to the FO and its district's facilitator only, never to traders", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const { trader } = await createCompany();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: fo.village.districtId } });
    const seen = async (userId: string) =>
      dataOf<{ pledges: unknown[] | null }>(await call(detailLoader, await request(`/listings/${listing.id}`, { userId }), { listingId: listing.id })).pledges;
    expect(await seen(trader.id)).toBeNull();
    expect(await seen(fo.leader.id)).toHaveLength(3);
    expect(await seen(facilitator.id)).toHaveLength(3);
  });

  it("shows a trader the best price on an open listing but nothing of others' offers on a sealed one", async () => {
    const fo = await createFo();
    const open = await publishedListing(fo, { offerMode: "open" });
    const sealed = await publishedListing(fo, { offerMode: "sealed" });
    const a = await createCompany();
    const b = await createCompany();
    for (const listing of [open, sealed]) {
      await makeOffer(db, a.trader, { listingId: listing.id, companyId: a.company.id }, await offerTerms({ priceLakPerKg: "3300" }));
    }
    const view = async (listingId: string) =>
      dataOf<{ bestPrice: number | null; ownOffers: unknown[]; view: string }>(
        await call(detailLoader, await request(`/listings/${listingId}`, { userId: b.trader.id }), { listingId }),
      );
    expect(await view(open.id)).toMatchObject({ view: "ownWithBestPrice", bestPrice: 3300, ownOffers: [] });
    expect(await view(sealed.id)).toMatchObject({ view: "ownOnly", bestPrice: null, ownOffers: [] });
    const own = dataOf<{ ownOffers: { price: number }[] }>(
      await call(detailLoader, await request(`/listings/${sealed.id}`, { userId: a.trader.id }), { listingId: sealed.id }),
    );
    expect(own.ownOffers.map((o) => o.price)).toEqual([3300]);
  });
});

describe("browsing", () => {
  it("shows only live listings, filtered and sorted, twenty to a page", async () => {
    const fo = await createFo({ district: "Hongsa" });
    const created = [];
    for (let i = 0; i < 23; i++) created.push(await publishedListing(fo, { deadlineDays: 30 + i, kg: [100 * (i + 1), 0, 0].filter((k) => k > 0) }));
    await publishedListing(fo, { status: "draft" });
    await publishedListing(fo, { deadlineDays: -1 });
    const district = fo.village.districtId;
    const page1 = await searchListings(parseListingSearch(new URL(`http://x/listings?district=${district}`)));
    expect(page1.total).toBe(23);
    expect(page1.capped).toBe(false);
    expect(page1.rows[0]).toMatchObject({ totalKg: 100, householdCount: 1 });
    expect(page1.rows).toHaveLength(20);
    expect(page1.pages).toBe(2);
    expect(page1.rows[0]!.id).toBe(created[0]!.id);
    const big = await searchListings(parseListingSearch(new URL(`http://x/listings?district=${district}&minKg=2000&sort=quantity`)));
    expect(big.rows.map((r) => r.totalKg)).toEqual([2300, 2200, 2100, 2000]);
    const garbage = parseListingSearch(new URL("http://x/listings?minKg=lots&sort=price&page=-3&month=2026-13"));
    expect(garbage).toMatchObject({ minKg: undefined, sort: "deadline", page: 1, month: undefined });
  });

  it("counts a large market only up to 1,000 and offers its first 50 pages", async () => {
    const fo = await createFo({ district: "Namor", members: 1 });
    const listing = await publishedListing(fo, { deadlineDays: 20 });
    const copies = Array.from({ length: COUNT_SHOWN_MAX + 5 }, (_, i) => {
      const { id: _id, crop: _crop, createdAt: _c, updatedAt: _u, ...row } = listing;
      return { ...row, totalKg: 1000 + i };
    });
    await db.listing.createMany({ data: copies });
    const search = (q: string) => searchListings(parseListingSearch(new URL(`http://x/listings?district=${fo.village.districtId}${q}`)));
    const first = await search("");
    expect(first).toMatchObject({ total: COUNT_SHOWN_MAX + 1, capped: true, pages: MAX_PAGE });
    const beyond = await search("&page=70&sort=quantity");
    expect(beyond.page).toBe(MAX_PAGE);
    expect(beyond.rows).toHaveLength(20);
    expect(beyond.rows[0]!.totalKg).toBe(1000 + COUNT_SHOWN_MAX + 4 - (MAX_PAGE - 1) * 20);
    const page = dataOf<{ found: { key: string; count: string } }>(
      await call(browseLoader, await request(`/listings?district=${fo.village.districtId}`, { userId: fo.leader.id })),
    );
    expect(page.found).toEqual({ key: "browse.foundMany", count: "1.000" });
  });

  it("sends an anonymous visitor to sign in", async () => {
    const result = await call(browseLoader, await request("/listings?crop=x"));
    expect(locationOf(result)).toBe("/login?redirectTo=%2Flistings%3Fcrop%3Dx");
  });
});
