// The moisture an FO expects to deliver: stated on the listing form or on the
// comparison page by the listing's own leaders only, refused when it is not a
// moisture, and used by the comparison to evaluate every offer's own table.
import { describe, expect, it } from "vitest";
import { makeOffer } from "~/domain/offers/offers.server";
import { action as compareAction, loader as compareLoader } from "~/routes/listings/compare";
import { loader as editLoader } from "~/routes/listings/edit";
import { action as newAction } from "~/routes/listings/new";
import { loader as offerLoader } from "~/routes/offers/detail";
import { db } from "~/utils/db.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, publishedListing } from "../fixtures/market";

type ComparePage = {
  expected: { permille: number; source: string };
  canSetMoisture: boolean;
  live: {
    id: string;
    company: string;
    effective: { effectiveLakPerKg: number; netLak: string };
    shortfall: { differenceLak: string } | null;
    actions: string[];
  }[];
};

async function scene() {
  const fo = await createFo();
  // Available in October: maize at harvest.
  const listing = await publishedListing(fo);
  await db.listing.update({ where: { id: listing.id }, data: { availableFrom: new Date("2026-10-05T03:00:00Z") } });
  return { fo, listing };
}

const post = async (listingId: string, userId: string, expectedMoisture: string) =>
  call(compareAction, await request(`/listings/${listingId}/offers`, { userId, form: { intent: "expectedMoisture", expectedMoisture } }), { listingId });
const page = async (listingId: string, userId: string) =>
  dataOf<ComparePage>(await call(compareLoader, await request(`/listings/${listingId}/offers`, { userId }), { listingId }));
const stored = async (listingId: string) => (await db.listing.findUniqueOrThrow({ where: { id: listingId } })).expectedMoisturePermille;

describe("setting the expected moisture on the comparison page", () => {
  it("lets the listing's leader state it, audited, and the comparison evaluates at it; blank goes back to the default", async () => {
    const { fo, listing } = await scene();
    expect((await page(listing.id, fo.leader.id)).expected).toEqual({
      permille: 220,
      source: "harvest",
      harvest: { from: expect.any(String), to: expect.any(String) },
      // maize is now quoted at 14.5 % (prisma/seed/reference-data.ts)
      standardPermille: 145,
      crop: expect.any(String),
      input: "",
    });
    const result = await post(listing.id, fo.leader.id, "18.5");
    expect(locationOf(result)).toBe(`/listings/${listing.id}/offers?saved=moisture`);
    expect(await stored(listing.id)).toBe(185);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: listing.id, action: "listing.expected_moisture_set" } });
    expect(audit.actorId).toBe(fo.leader.id);
    expect((await page(listing.id, fo.leader.id)).expected).toMatchObject({ permille: 185, source: "stated", input: "18.5" });

    expect(locationOf(await post(listing.id, fo.leader.id, ""))).toBe(`/listings/${listing.id}/offers?saved=moisture`);
    expect(await stored(listing.id)).toBeNull();
    expect((await page(listing.id, fo.leader.id)).expected).toMatchObject({ permille: 220, source: "harvest" });
  });

  it.each([
    ["above 40 %", "45", "validation:tooHigh"],
    ["not a number", "wet", "validation:percent"],
    ["negative", "-2", "validation:percent"],
    ["two decimals", "18.25", "validation:percent"],
  ])("refuses a moisture %s next to the field and changes nothing", async (_label, value, message) => {
    const { fo, listing } = await scene();
    await post(listing.id, fo.leader.id, "19");
    const version = (await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).version;
    const result = await post(listing.id, fo.leader.id, value);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result)).toMatchObject({
      fieldErrors: { expectedMoisture: message },
      values: { expectedMoisture: value },
    });
    const after = await db.listing.findUniqueOrThrow({ where: { id: listing.id } });
    expect(after).toMatchObject({ expectedMoisturePermille: 190, version });
  });

  it("refuses an unknown intent", async () => {
    const { fo, listing } = await scene();
    const result = await call(
      compareAction,
      await request(`/listings/${listing.id}/offers`, { userId: fo.leader.id, form: { intent: "accept", expectedMoisture: "20" } }),
      {
        listingId: listing.id,
      },
    );
    expect(statusOf(result)).toBe(400);
    expect(await stored(listing.id)).toBeNull();
  });

  it("denies traders, other FOs' leaders and facilitators, and changes nothing", async () => {
    const { fo, listing } = await scene();
    const { trader } = await createCompany();
    const other = await createFo();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: fo.village.districtId } });
    for (const [userId, status] of [
      [trader.id, 404],
      [other.leader.id, 404],
      [facilitator.id, 403],
    ] as const) {
      expect(statusOf(await post(listing.id, userId, "25")), userId).toBe(status);
    }
    expect(await stored(listing.id)).toBeNull();
    expect(await db.auditEvent.count({ where: { entityId: listing.id, action: "listing.expected_moisture_set" } })).toBe(0);
    // The facilitator reads the comparison but gets no form.
    expect((await page(listing.id, facilitator.id)).canSetMoisture).toBe(false);
    expect((await page(listing.id, fo.leader.id)).canSetMoisture).toBe(true);
    // Signed out: to the sign-in page.
    expect(
      locationOf(
        await call(compareAction, await request(`/listings/${listing.id}/offers`, { form: { intent: "expectedMoisture", expectedMoisture: "25" } }), {
          listingId: listing.id,
        }),
      ),
    ).toMatch(/^\/login/);
    expect(await stored(listing.id)).toBeNull();
  });

  it("refuses once the listing no longer takes offers", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo, { status: "contracted" });
    const result = await post(listing.id, fo.leader.id, "20");
    expect(statusOf(result)).toBe(409);
    expect(dataOf<{ message: string }>(result).message).toBe("compare:errors.notAllowed");
    expect(await stored(listing.id)).toBeNull();
    expect((await page(listing.id, fo.leader.id)).canSetMoisture).toBe(false);
  });
});

describe("the comparison at the expected moisture", () => {
  it("ranks a harsh table below a lenient one once the lot is wet, and says how much more the best brings", async () => {
    const { fo, listing } = await scene();
    const harsh = await createCompany();
    const lenient = await createCompany();
    const a = await makeOffer(
      db,
      harsh.trader,
      { listingId: listing.id, companyId: harsh.company.id },
      await offerTerms({ priceLakPerKg: "3200", paymentDays: "0", "band.0.from": "14", "band.0.to": "30", "band.0.rate": "30" }),
    );
    const b = await makeOffer(
      db,
      lenient.trader,
      { listingId: listing.id, companyId: lenient.company.id },
      await offerTerms({
        priceLakPerKg: "3100",
        paymentDays: "0",
        "band.0.from": "14",
        "band.0.to": "18",
        "band.0.rate": "12",
        "band.1.from": "18",
        "band.1.to": "25",
        "band.1.rate": "15",
      }),
    );
    if (!a.ok || !b.ok) throw new Error("offers");

    await post(listing.id, fo.leader.id, "14");
    const dry = await page(listing.id, fo.leader.id);
    expect(dry.live.map((r) => r.id)).toEqual([a.offerId, b.offerId]);
    expect(dry.live[1]!.shortfall!.differenceLak).toBe("300000"); // 3,000 kg × 100 LAK

    await post(listing.id, fo.leader.id, "22");
    const wet = await page(listing.id, fo.leader.id);
    expect(wet.live.map((r) => r.id)).toEqual([b.offerId, a.offerId]);
    // B: 108 kg/t → 2,676 kg × 3,100 = 8,295,600; A: 240 kg/t → 2,280 kg × 3,200 = 7,296,000
    expect(wet.live.map((r) => r.effective.netLak)).toEqual(["8295600", "7296000"]);
    expect(wet.live[0]!.shortfall).toBeNull();
    expect(wet.live[1]!.shortfall!.differenceLak).toBe("999600");
    // The leader may accept or counter each from here; through the offer's pages.
    expect(wet.live.map((r) => r.actions)).toEqual([
      ["accept", "counter", "reject"],
      ["accept", "counter", "reject"],
    ]);
    // The offer's own page shows the same figure as the comparison.
    const detail = dataOf<{ effective: { netLak: string } }>(
      await call(offerLoader, await request(`/offers/${a.offerId}`, { userId: fo.leader.id }), { offerId: a.offerId }),
    );
    expect(detail.effective.netLak).toBe("7296000");
  });

  it("ranks a floor offer on its floor, with the premium beside, and counts input interest", async () => {
    const { fo, listing } = await scene();
    const floor = await createCompany();
    const inputs = await createCompany();
    const plain = await createCompany();
    const deliveryDate = toLaoDateInput(addDays(new Date(), 30));
    const f = await makeOffer(
      db,
      floor.trader,
      { listingId: listing.id, companyId: floor.company.id },
      await offerTerms({ templateCode: "forward_floor", priceLakPerKg: "3500", floorPriceLakPerKg: "2900", paymentDays: "0", deliveryDate }),
    );
    const i = await makeOffer(
      db,
      inputs.trader,
      { listingId: listing.id, companyId: inputs.company.id },
      await offerTerms({
        templateCode: "input_supply",
        priceLakPerKg: "3050",
        inputDescription: "Maize seed",
        inputValueLak: "2000000",
        inputInterest: "3",
        paymentDays: "0",
        deliveryDate,
      }),
    );
    const p = await makeOffer(
      db,
      plain.trader,
      { listingId: listing.id, companyId: plain.company.id },
      await offerTerms({ priceLakPerKg: "3000", paymentDays: "0", deliveryDate }),
    );
    if (!f.ok || !i.ok || !p.ok) throw new Error("offers");
    await post(listing.id, fo.leader.id, "14");
    const d = dataOf<
      ComparePage & { live: { effective: { floor: boolean; premium: { premiumLak: string } | null; lines: { key: string; amountLak?: string }[] } }[] }
    >(await call(compareLoader, await request(`/listings/${listing.id}/offers`, { userId: fo.leader.id }), { listingId: listing.id }));
    // Input offer: 3,000 × 3,050 = 9,150,000 − 2,000,000 × 3 % × 30 / 30 = 60,000 → 9,090,000 (3,030/kg);
    // plain: 9,000,000; floor: 3,000 × 2,900 = 8,700,000, though it quotes 3,500.
    expect(d.live.map((r) => r.id)).toEqual([i.offerId, p.offerId, f.offerId]);
    expect(d.live.map((r) => r.effective.netLak)).toEqual(["9090000", "9000000", "8700000"]);
    expect(d.live[0]!.effective.lines.find((l) => l.key === "prices:lines.inputInterest")).toMatchObject({ amountLak: "-60000" });
    expect(d.live[2]!.effective).toMatchObject({ floor: true, premium: { premiumLak: "1800000" } });
    expect(d.live.map((r) => r.shortfall?.differenceLak ?? null)).toEqual([null, "90000", "390000"]);
  });
});

describe("the tolerance in the comparison", () => {
  it("shows each offer's own quantity tolerance as the net kg a delivery may come to, read from its revision", async () => {
    const { fo, listing } = await scene();
    const tight = await createCompany();
    const loose = await createCompany();
    const t = await makeOffer(db, tight.trader, { listingId: listing.id, companyId: tight.company.id }, await offerTerms({ tolerance: "0" }));
    const l = await makeOffer(db, loose.trader, { listingId: listing.id, companyId: loose.company.id }, await offerTerms({ tolerance: "12.5" }));
    if (!t.ok || !l.ok) throw new Error("offers");
    const rows = dataOf<{ live: { id: string; effective: { quantityRange: unknown } }[] }>(
      await call(compareLoader, await request(`/listings/${listing.id}/offers`, { userId: fo.leader.id }), { listingId: listing.id }),
    ).live;
    const range = (id: string) => rows.find((r) => r.id === id)!.effective.quantityRange;
    expect(range(t.offerId)).toEqual({ tolerancePermille: 0, minKg: 3000, maxKg: 3000 });
    // 3,000 kg ± 12.5 %: 2,625 to 3,375 net
    expect(range(l.offerId)).toEqual({ tolerancePermille: 125, minKg: 2625, maxKg: 3375 });
  });
});

describe("the listing form", () => {
  it("saves the expected moisture with the draft, blank as the default, and refuses a bad one next to the field", async () => {
    const fo = await createFo();
    const crop = await maize();
    const today = new Date();
    const form = (expectedMoisture: string) => ({
      organisationId: fo.organisation.id,
      cropId: crop.id,
      gradeId: crop.grades[0]!.id,
      availableFrom: toLaoDateInput(addDays(today, 5)),
      availableUntil: toLaoDateInput(addDays(today, 40)),
      pickupVillageId: fo.village.id,
      offerMode: "open",
      offerDeadline: toLaoDateInput(addDays(today, 10)),
      expectedMoisture,
      [`pledge.${fo.members[0]!.id}`]: "1000",
    });
    const saved = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form: form("21,5") }));
    const id = locationOf(saved)!.split("/")[2]!.split("?")[0]!;
    expect(await stored(id)).toBe(215);
    // The draft's edit form shows it again as typed.
    const edit = dataOf<{ values: Record<string, string> }>(
      await call(editLoader, await request(`/listings/${id}/edit`, { userId: fo.leader.id }), { listingId: id }),
    );
    expect(edit.values.expectedMoisture).toBe("21.5");
    const blank = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form: form("") }));
    expect(await stored(locationOf(blank)!.split("/")[2]!.split("?")[0]!)).toBeNull();

    const before = await db.listing.count({ where: { organisationId: fo.organisation.id } });
    const bad = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form: form("99") }));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({ expectedMoisture: "validation:tooHigh" });
    expect(await db.listing.count({ where: { organisationId: fo.organisation.id } })).toBe(before);
  });
});
