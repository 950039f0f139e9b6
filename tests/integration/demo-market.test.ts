// The demo market on a fresh database (the template already holds the reference
// data): every demo account signs in to listings, offers and notices.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";

const now = new Date();

beforeAll(async () => {
  await seedDemoData(db);
  await seedDemoMarket(db, now);
}, 120_000);

const offersOf = (where: object) =>
  db.offer.findMany({ where, include: { revisions: { orderBy: { number: "asc" } }, company: true, listing: { include: { crop: true } } } });

describe("seedDemoMarket", () => {
  it("gives leader@demo.la's verified Beng FO an open and a sealed listing with offers from two companies, and a draft", async () => {
    const fo = await db.organisation.findFirstOrThrow({
      where: { status: "verified", leaders: { some: { user: { email: "leader@demo.la" } } } },
      include: { listings: { include: { crop: true, offers: true, pledges: true } } },
    });
    const live = fo.listings.filter((l) => ["open", "under_negotiation"].includes(l.status) && l.offerDeadline > now);
    const openMode = live.filter((l) => l.offerMode === "open");
    const sealed = live.filter((l) => l.offerMode === "sealed");
    expect(openMode.length).toBeGreaterThanOrEqual(1);
    expect(sealed.length).toBeGreaterThanOrEqual(1);
    expect(sealed.every((l) => l.offers.length >= 1)).toBe(true);
    const companies = new Set(live.flatMap((l) => l.offers.map((o) => o.companyId)));
    expect(companies.size).toBeGreaterThanOrEqual(2);

    const maize = openMode.find((l) => l.crop.code === "MAIZE")!;
    expect(maize).toBeDefined();
    expect(maize.pledges.length).toBeGreaterThanOrEqual(10);
    expect(maize.pledges.every((p) => p.kg >= 300 && p.kg <= 1500)).toBe(true);
    expect(maize.totalKg).toBe(maize.pledges.reduce((s, p) => s + p.kg, 0));
    expect(new Set(maize.offers.map((o) => o.companyId)).size).toBe(2);

    expect(fo.listings.filter((l) => l.status === "draft")).toHaveLength(1);
    // Every date lies ahead of the seeding moment.
    for (const l of fo.listings) {
      expect(l.offerDeadline.getTime()).toBeGreaterThan(now.getTime() + 4 * 86_400_000);
      expect(l.offerDeadline.getTime()).toBeLessThan(now.getTime() + 26 * 86_400_000);
      expect(l.availableUntil.getTime()).toBeGreaterThan(l.availableFrom.getTime());
    }
  });

  it("has one offer countered by the Beng FO and waiting for trader@demo.la's company", async () => {
    const countered = await offersOf({ status: "countered" });
    expect(countered).toHaveLength(1);
    const offer = countered[0]!;
    expect(offer.listing.organisationId).toBe(
      (await db.organisation.findFirstOrThrow({ where: { status: "verified", leaders: { some: { user: { email: "leader@demo.la" } } } } })).id,
    );
    expect(offer.listing.status).toBe("under_negotiation");
    expect(offer.revisions.map((r) => r.byParty)).toEqual(["trader", "fo"]);
    const staff = await db.traderStaff.findFirstOrThrow({ where: { user: { email: "trader@demo.la" } } });
    expect(offer.companyId).toBe(staff.companyId);
    expect(offer.revisions[1]!.validUntil.getTime()).toBeGreaterThan(now.getTime());
    const crop = offer.listing.crop;
    expect(offer.revisions[0]!.moistureBasisPermille).toBe(crop.standardMoisturePermille);
    const bands = await db.deductionBand.findMany({ where: { cropId: crop.id }, orderBy: { fromPermille: "asc" } });
    expect(JSON.parse(offer.revisions[0]!.deductionTable)).toEqual(
      bands.map((b) => ({ fromPermille: b.fromPermille, toPermille: b.toPermille, kgPerTonnePerPoint: b.kgPerTonnePerPoint })),
    );
  });

  it("has one offer whose counter the trader accepted, waiting for the FO (3 revisions)", async () => {
    const offers = (await offersOf({ status: "submitted" })).filter((o) => o.currentRevision === 3);
    expect(offers).toHaveLength(1);
    const offer = offers[0]!;
    expect(offer.revisions.map((r) => r.byParty)).toEqual(["trader", "fo", "trader"]);
    expect(offer.revisions[2]!.priceLakPerKg).toBe(offer.revisions[1]!.priceLakPerKg);
    expect(offer.currentPriceLakPerKg).toBe(offer.revisions[1]!.priceLakPerKg);
    const fo = await db.organisation.findUniqueOrThrow({
      where: { id: offer.listing.organisationId },
      include: { village: { include: { district: { include: { province: true } } } } },
    });
    expect(fo.status).toBe("verified");
    expect(fo.village.district.province.code).toBe("XYB");
  });

  it("has one contracted listing with an accepted and a rejected offer", async () => {
    const contracted = await db.listing.findMany({ where: { status: "contracted" }, include: { offers: true } });
    expect(contracted).toHaveLength(1);
    const statuses = contracted[0]!.offers.map((o) => o.status).sort();
    expect(statuses).toEqual(["accepted", "rejected"]);
    const accepted = contracted[0]!.offers.find((o) => o.status === "accepted")!;
    expect(accepted.acceptedRevisionId).not.toBeNull();
    expect(accepted.acceptedAt).toEqual(now);
  });

  it("adds open listings without offers in other districts and crops, and audits every step", async () => {
    const live = await db.listing.findMany({
      where: { status: { in: ["open", "under_negotiation"] } },
      include: { _count: { select: { offers: true } }, crop: true, district: true },
    });
    const bare = live.filter((l) => l._count.offers === 0);
    expect(bare.length).toBeGreaterThanOrEqual(2);
    expect(new Set(live.map((l) => l.district.code)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(live.map((l) => l.crop.code)).size).toBeGreaterThanOrEqual(5);
    for (const l of live) {
      const days = (l.offerDeadline.getTime() - now.getTime()) / 86_400_000;
      expect(days).toBeGreaterThan(4);
      expect(days).toBeLessThan(26);
    }
    const actions = new Set((await db.auditEvent.findMany({ select: { action: true } })).map((a) => a.action));
    for (const action of ["listing.created", "listing.published", "offer.submitted", "offer.countered", "offer.counter_accepted", "offer.accepted"])
      expect(actions).toContain(action);
  });

  it("leaves notifications for the demo leader and trader", async () => {
    const forUser = async (email: string) => db.notification.findMany({ where: { user: { email } }, select: { kind: true } });
    const leaderKinds = (await forUser("leader@demo.la")).map((n) => n.kind);
    expect(leaderKinds).toContain("offer_received");
    const traderKinds = (await forUser("trader@demo.la")).map((n) => n.kind);
    expect(traderKinds).toEqual(expect.arrayContaining(["offer_countered", "offer_accepted"]));
    expect((await forUser("leader2@demo.la")).map((n) => n.kind)).toContain("counter_accepted");
    expect((await forUser("trader2@demo.la")).map((n) => n.kind)).toContain("offer_rejected");
  });
});
