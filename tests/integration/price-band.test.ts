// getPriceBand against a real database: a crop of its own (so the seeded survey
// prices of the real crops do not interfere), prices in three districts of two
// provinces, and accepted, pending and refused offers.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PriceBand } from "~/domain/prices/price-band";
import { getPriceBand, recountAgreedPrices, storedAgreedPrices } from "~/domain/prices/price-band.server";
import { db } from "~/utils/db.server";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";
import { createUser } from "../fixtures/app";

const DAY = 86_400_000;
const now = new Date("2025-06-30T12:00:00Z");
const ago = (days: number) => new Date(now.getTime() - days * DAY);

let cropId: string;
let gradeId: string;
let otherCropId: string;
let otherGradeId: string;
let userId: string;
let companyId: string;
const districts: Record<string, { id: string; provinceId: string }> = {};

async function referencePrice(price: number, observedOn: Date, place: { district?: string; province?: string }, crop = cropId) {
  await db.referencePrice.create({
    data: {
      cropId: crop,
      districtId: place.district ? districts[place.district]!.id : null,
      provinceId: place.district ? districts[place.district]!.provinceId : place.province!,
      observedOn,
      priceLakPerKg: price,
      source: "facilitator_entry",
    },
  });
}

/** A listing with one offer of two revisions: the first at price − 200, the second at price. */
async function offer(district: string, price: number, options: { status?: string; acceptedAt?: Date | null; crop?: "own" | "other" } = {}) {
  const { status = "accepted", acceptedAt = null, crop = "own" } = options;
  const place = districts[district]!;
  const village = await db.village.findFirstOrThrow({ where: { districtId: place.id } });
  const org = await db.organisation.create({
    data: { nameLo: "ກຸ່ມ", nameEn: `FO ${randomBytes(3).toString("hex")}`, type: "producer_group", villageId: village.id, status: "verified" },
  });
  const listing = await db.listing.create({
    data: {
      organisationId: org.id,
      cropId: crop === "own" ? cropId : otherCropId,
      gradeId: crop === "own" ? gradeId : otherGradeId,
      totalKg: 10_000,
      availableFrom: ago(120),
      availableUntil: now,
      districtId: place.id,
      provinceId: place.provinceId,
      offerMode: "open",
      offerDeadline: ago(110),
      status: status === "accepted" ? "under_negotiation" : "open",
      createdById: userId,
    },
  });
  const created = await db.offer.create({
    data: { listingId: listing.id, companyId, createdById: userId, status, currentRevision: 2, currentPriceLakPerKg: price },
  });
  const revision = (number: number, priceLakPerKg: number) =>
    db.offerRevision.create({
      data: {
        offerId: created.id,
        number,
        byParty: "trader",
        byUserId: userId,
        priceLakPerKg,
        quantityKg: 10_000,
        gradeId: crop === "own" ? gradeId : otherGradeId,
        moistureBasisPermille: 140,
        deductionTable: "[]",
        deliveryDate: now,
        deliveryPlace: "Village",
        transportPaidBy: "trader",
        bagsPaidBy: "trader",
        paymentDays: 7,
        validUntil: now,
      },
    });
  await revision(1, price - 200);
  const live = await revision(2, price);
  if (acceptedAt) await db.offer.update({ where: { id: created.id }, data: { acceptedRevisionId: live.id, acceptedAt, acceptedById: userId } });
}

beforeAll(async () => {
  for (const d of await db.district.findMany({ where: { nameEn: { in: ["Beng", "Houn", "Hongsa", "Ngeun"] } } }))
    districts[d.nameEn] = { id: d.id, provinceId: d.provinceId };
  const crop = await db.crop.create({
    data: {
      code: "PRICE_BAND_TEST",
      nameLo: "ພືດທົດລອງ",
      nameEn: "Test crop",
      standardMoisturePermille: 140,
      grades: { create: { code: "G1", nameLo: "ຊັ້ນ 1", nameEn: "Grade 1", specLo: "-", specEn: "-" } },
    },
    include: { grades: true },
  });
  cropId = crop.id;
  gradeId = crop.grades[0]!.id;
  const maize = await db.crop.findUniqueOrThrow({ where: { code: "MAIZE" }, include: { grades: true } });
  otherCropId = maize.id;
  otherGradeId = maize.grades[0]!.id;
  userId = (await createUser({ roles: ["trader"] })).id;
  companyId = (
    await db.traderCompany.create({ data: { name: "Test trading", licenceNumber: "L-1", baseProvinceId: districts.Beng!.provinceId, status: "verified" } })
  ).id;

  // Reference prices. Beng: three in the 90-day window, one just before it, one after now.
  await referencePrice(3_000, ago(1), { district: "Beng" });
  await referencePrice(3_100, ago(20), { district: "Beng" });
  await referencePrice(3_200, ago(90), { district: "Beng" }); // first instant of the window
  await referencePrice(9_999, new Date(ago(90).getTime() - 1), { district: "Beng" });
  await referencePrice(8_888, new Date(now.getTime() + 1), { district: "Beng" });
  // Houn (same province): two.
  await referencePrice(2_800, ago(5), { district: "Houn" });
  await referencePrice(2_900, ago(60), { district: "Houn" });
  // Oudomxay as a whole, on the last instant of the window.
  await referencePrice(3_300, now, { province: districts.Beng!.provinceId });
  // Sayabouly: one, in Ngeun.
  await referencePrice(4_000, ago(2), { district: "Ngeun" });

  // Agreed prices.
  await offer("Beng", 3_150, { acceptedAt: ago(3) }); // the accepted revision's price, not the first revision's
  await offer("Beng", 3_250, { acceptedAt: ago(100) }); // outside the window
  await offer("Beng", 5_000, { status: "submitted" }); // not accepted
  await offer("Beng", 5_100, { status: "rejected" });
  await offer("Beng", 3_500, { acceptedAt: ago(1), crop: "other" }); // another crop
  await offer("Houn", 2_950, { acceptedAt: ago(10) });
  await offer("Ngeun", 3_900, { acceptedAt: ago(1) });
});

describe("getPriceBand", () => {
  it("uses the district when it has at least three prices in the window, window ends included", async () => {
    const band = await getPriceBand(db, { cropId, districtId: districts.Beng!.id, now });
    expect(band).toMatchObject({
      cropId,
      days: 90,
      from: ago(90),
      to: now,
      scope: "district",
      district: { id: districts.Beng!.id, nameEn: "Beng", nameLo: "ແບ່ງ" },
      province: { id: districts.Beng!.provinceId, nameEn: "Oudomxay", nameLo: "ອຸດົມໄຊ" },
      reference: { count: 3, median: 3_100, min: 3_000, max: 3_200 },
      agreed: { count: 1, median: 3_150, min: 3_150, max: 3_150 },
    });
  });

  it("widens to the province (its districts and the province as a whole) when the district has fewer than three", async () => {
    const band = await getPriceBand(db, { cropId, districtId: districts.Houn!.id, now });
    expect(band?.scope).toBe("province");
    // 2,800 2,900 3,000 3,100 3,200 3,300 → (3,000 + 3,100) / 2
    expect(band?.reference).toEqual({ count: 6, median: 3_050, min: 2_800, max: 3_300 });
    // Beng 3,150 and Houn 2,950
    expect(band?.agreed).toEqual({ count: 2, median: 3_050, min: 2_950, max: 3_150 });
  });

  it("widens to all districts when the province has fewer than three", async () => {
    const band = await getPriceBand(db, { cropId, districtId: districts.Hongsa!.id, now });
    expect(band?.scope).toBe("all");
    expect(band?.province.nameEn).toBe("Sayabouly");
    // 2,800 2,900 3,000 3,100 3,200 3,300 4,000
    expect(band?.reference).toEqual({ count: 7, median: 3_100, min: 2_800, max: 4_000 });
    // 3,150 2,950 3,900
    expect(band?.agreed).toEqual({ count: 3, median: 3_150, min: 2_950, max: 3_900 });
  });

  it("follows a shorter window", async () => {
    // 10 days: Beng has only 3,000; the province has 3,000, 2,800 and 3,300.
    const ten = await getPriceBand(db, { cropId, districtId: districts.Beng!.id, now, days: 10 });
    expect(ten).toMatchObject({ days: 10, from: ago(10), scope: "province" });
    expect(ten?.reference).toEqual({ count: 3, median: 3_000, min: 2_800, max: 3_300 });
    expect(ten?.agreed).toEqual({ count: 2, median: 3_050, min: 2_950, max: 3_150 }); // Houn's at exactly 10 days counts

    // 3 days: the province has 3,000 and 3,300 only; everywhere adds Ngeun's 4,000.
    const three = await getPriceBand(db, { cropId, districtId: districts.Beng!.id, now, days: 3 });
    expect(three?.scope).toBe("all");
    expect(three?.reference).toEqual({ count: 3, median: 3_300, min: 3_000, max: 4_000 });
    expect(three?.agreed).toEqual({ count: 2, median: 3_525, min: 3_150, max: 3_900 });
  });

  it("has no band for a crop without prices", async () => {
    const crop = await db.crop.create({ data: { code: "NO_PRICES", nameLo: "ບໍ່ມີລາຄາ", nameEn: "No prices", standardMoisturePermille: 0 } });
    const band = await getPriceBand(db, { cropId: crop.id, districtId: districts.Beng!.id, now });
    expect(band).toMatchObject({ scope: "all", reference: null, agreed: null });
  });

  it("returns null for an unknown district", async () => {
    expect(await getPriceBand(db, { cropId, districtId: "nope", now })).toBeNull();
  });

  it("reads agreed prices the database keeps with every offer, listing and revision, equal to a recount", async () => {
    expect(await storedAgreedPrices(db)).toEqual(await recountAgreedPrices(db));
    const beng = () => getPriceBand(db, { cropId, districtId: districts.Beng!.id, now });
    const accepted = await db.offer.findFirstOrThrow({ where: { status: "accepted", currentPriceLakPerKg: 3_150 } });
    const steps: [string, () => Promise<unknown>, PriceBand | null][] = [
      ["the offer no longer accepted", () => db.offer.update({ where: { id: accepted.id }, data: { status: "withdrawn" } }), null],
      [
        "accepted again",
        () => db.offer.update({ where: { id: accepted.id }, data: { status: "accepted" } }),
        { count: 1, median: 3_150, min: 3_150, max: 3_150 },
      ],
      [
        "its accepted revision's price changed",
        () => db.offerRevision.updateMany({ where: { id: accepted.acceptedRevisionId! }, data: { priceLakPerKg: 3_160 } }),
        { count: 1, median: 3_160, min: 3_160, max: 3_160 },
      ],
      ["accepted outside the window", () => db.offer.update({ where: { id: accepted.id }, data: { acceptedAt: ago(91) } }), null],
      [
        "accepted inside it again",
        () => db.offer.update({ where: { id: accepted.id }, data: { acceptedAt: ago(3) } }),
        { count: 1, median: 3_160, min: 3_160, max: 3_160 },
      ],
      ["its listing moved to Houn", () => db.listing.update({ where: { id: accepted.listingId }, data: { districtId: districts.Houn!.id } }), null],
      [
        "and back",
        () => db.listing.update({ where: { id: accepted.listingId }, data: { districtId: districts.Beng!.id } }),
        { count: 1, median: 3_160, min: 3_160, max: 3_160 },
      ],
    ];
    // Written in the other order, as a bulk load does (keys checked at commit): an accepted offer before its revision.
    steps.push([
      "an accepted offer written before its revision",
      () =>
        db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
          const listing = await tx.listing.findUniqueOrThrow({ where: { id: accepted.listingId } });
          const other = await tx.listing.create({ data: { ...listing, id: undefined, createdAt: undefined, updatedAt: undefined } });
          await tx.offer.create({
            data: {
              id: "bulk-offer",
              listingId: other.id,
              companyId,
              createdById: userId,
              status: "accepted",
              currentRevision: 1,
              currentPriceLakPerKg: 3_300,
              acceptedRevisionId: "bulk-revision",
              acceptedAt: ago(2),
            },
          });
          const revision = await tx.offerRevision.findFirstOrThrow({ where: { id: accepted.acceptedRevisionId! } });
          await tx.offerRevision.create({
            data: { ...revision, id: "bulk-revision", offerId: "bulk-offer", number: 1, priceLakPerKg: 3_300, createdAt: undefined },
          });
        }),
      { count: 2, median: 3_230, min: 3_160, max: 3_300 },
    ]);
    for (const [what, write, agreed] of steps) {
      await write();
      expect(await storedAgreedPrices(db), what).toEqual(await recountAgreedPrices(db));
      expect((await beng())?.agreed, what).toEqual(agreed);
    }
  });
});

describe("seedReferencePrices", () => {
  it("filled the test template: nine district markets per crop, none in the future", async () => {
    const maize = await db.crop.findUniqueOrThrow({ where: { code: "MAIZE" } });
    const rows = await db.referencePrice.findMany({
      where: { cropId: maize.id },
      select: { market: true, source: true, observedOn: true, priceLakPerKg: true },
    });
    expect(rows).toHaveLength(9 * 27);
    expect(new Set(rows.map((r) => r.market)).size).toBe(9);
    expect(rows.map((r) => r.market)).toContain("Beng district market");
    expect(rows.every((r) => r.source === "market_survey" && r.observedOn.getTime() <= Date.now())).toBe(true);
    for (const r of rows) expect(r.priceLakPerKg).toBeGreaterThanOrEqual(2_600);
    for (const r of rows) expect(r.priceLakPerKg).toBeLessThanOrEqual(3_400);
  });

  it("is idempotent and leaves a crop with prices alone", async () => {
    const before = await db.referencePrice.count();
    await seedReferencePrices(db);
    await seedReferencePrices(db, new Date("2020-01-01T00:00:00Z"));
    expect(await db.referencePrice.count()).toBe(before);
  });

  it("gives a seeded district a band of its own", async () => {
    const maize = await db.crop.findUniqueOrThrow({ where: { code: "MAIZE" } });
    const band = await getPriceBand(db, { cropId: maize.id, districtId: districts.Beng!.id, now: new Date() });
    expect(band?.scope).toBe("district");
    expect(band?.reference?.count).toBeGreaterThanOrEqual(13);
  });
});
