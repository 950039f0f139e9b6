// A framework with a right of first refusal holds the FO's crop of each
// season it covers for the trader: publishing a listing of that crop for such
// a season is refused with a clear error, until the FO has offered the season
// to the trader as a call-off and the trader declined it or let it lapse.
import { describe, expect, it } from "vitest";
import { answerCallOff, proposeCallOff } from "~/domain/frameworks/framework.server";
import { FIRST_REFUSAL_DAYS } from "~/domain/frameworks/framework-rules";
import { publishListing } from "~/domain/listings/listings.server";
import { action as listingAction } from "~/routes/listings/detail";
import { addDays, startOfLaoDay } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, dataOf, request, statusOf } from "../fixtures/app";
import { activeFramework, frameworkTerms } from "../fixtures/frameworks";
import { publishedListing } from "../fixtures/market";

type World = Awaited<ReturnType<typeof activeFramework>>;

/** A draft of the framework's crop (maize) by its FO, available from a day of `season`. */
async function draft(world: World, season: number) {
  const listing = await publishedListing(world.fo, { status: "draft", deadlineDays: 20 });
  return db.listing.update({ where: { id: listing.id }, data: { availableFrom: startOfLaoDay(`${season}-01-15`)!, publishedAt: null } });
}

describe("a right of first refusal", () => {
  it("refuses to publish the crop for a covered season, with the reason, and changes nothing", async () => {
    const world = await activeFramework();
    const listing = await draft(world, 2027);
    const posted = await call(listingAction, await request(`/listings/${listing.id}`, { userId: world.fo.leader.id, form: { intent: "publish" } }), {
      listingId: listing.id,
    });
    expect(statusOf(posted)).toBe(409);
    expect(dataOf<{ message: string }>(posted).message).toBe("listings:errors.firstRefusal");
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).status).toBe("draft");
  });

  it("lets the FO publish a season not covered, and a season the trader declined or did not answer within the days it has", async () => {
    const world = await activeFramework();
    const { foActor, traderActor, frameworkId } = world;
    // Before the framework's first season.
    expect(await publishListing(db, foActor, (await draft(world, 2026)).id)).toMatchObject({ ok: true });

    // A call-off the trader proposed and the FO declined does not free the FO.
    const theirs = await proposeCallOff(db, traderActor, frameworkId, { season: 2027, quantityKg: 500, deliveryDate: addDays(new Date(), 30) });
    if (!theirs.ok) throw new Error(JSON.stringify(theirs));
    expect((await answerCallOff(db, foActor, theirs.callOffId, "decline")).ok).toBe(true);
    const held = await draft(world, 2027);
    expect(await publishListing(db, foActor, held.id)).toEqual({ ok: false, reason: "firstRefusal" });

    // The FO offers the season; the trader declines it: the FO may sell elsewhere.
    const offered = await proposeCallOff(db, foActor, frameworkId, { season: 2027, quantityKg: 3000, deliveryDate: addDays(new Date(), 30) });
    if (!offered.ok) throw new Error(JSON.stringify(offered));
    expect(await publishListing(db, foActor, held.id)).toEqual({ ok: false, reason: "firstRefusal" });
    expect((await answerCallOff(db, traderActor, offered.callOffId, "decline")).ok).toBe(true);
    expect(await publishListing(db, foActor, held.id)).toMatchObject({ ok: true });

    // Next season: offered, not answered; free once the trader's days have passed.
    const next = await proposeCallOff(db, foActor, frameworkId, { season: 2028, quantityKg: 3000, deliveryDate: addDays(new Date(), 40) });
    if (!next.ok) throw new Error(JSON.stringify(next));
    const waiting = await draft(world, 2028);
    expect(await publishListing(db, foActor, waiting.id, addDays(new Date(), FIRST_REFUSAL_DAYS - 1))).toEqual({ ok: false, reason: "firstRefusal" });
    expect(await publishListing(db, foActor, waiting.id, addDays(new Date(), FIRST_REFUSAL_DAYS + 0.01))).toMatchObject({ ok: true });
  });

  it("does not hold the crop without the right, or another crop", async () => {
    const without = await activeFramework({ ...frameworkTerms, rightOfFirstRefusal: false });
    expect(await publishListing(db, without.foActor, (await draft(without, 2027)).id)).toMatchObject({ ok: true });
    const world = await activeFramework();
    const other = await db.crop.findFirstOrThrow({ where: { id: { not: world.listing.cropId } }, include: { grades: true } });
    const listing = await draft(world, 2027);
    await db.listing.update({ where: { id: listing.id }, data: { cropId: other.id, gradeId: other.grades[0]!.id } });
    expect(await publishListing(db, world.foActor, listing.id)).toMatchObject({ ok: true });
  });
});
