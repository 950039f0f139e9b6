// The price board against a real database: a crop of its own (so the seeded
// survey prices do not interfere) with reference prices and contracts in three
// districts over the last months, some of which must be left out (before the
// window, in the future, derived from contracts, contracts not in force, another
// crop); then the facilitator's reference-price form and who may post it.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { PriceBand } from "~/domain/prices/price-band";
import { boardWindow, startOfLaoMonth } from "~/domain/prices/price-board";
import { getPriceBoard } from "~/domain/prices/price-board.server";
import { action, loader } from "~/routes/prices/index";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

const DAY = 86_400_000;
const now = new Date();
const { months } = boardWindow(now, 6);
const [, , m2, m3, m4, m5] = months as [string, string, string, string, string, string];
/** A moment inside a month of the window, never after now. */
const inMonth = (month: string, days = 5) => new Date(Math.min(startOfLaoMonth(month).getTime() + days * DAY, now.getTime() - 1000));

let cropId: string;
let gradeId: string;
let maizeId: string;
let maizeGradeId: string;
let userId: string;
let companyId: string;
let templateId: string;
let sequence = 0;
const districts: Record<string, { id: string; provinceId: string }> = {};

async function referencePrice(
  price: number,
  observedOn: Date,
  place: { district?: string; province?: string },
  options: { source?: string; crop?: string } = {},
) {
  await db.referencePrice.create({
    data: {
      cropId: options.crop ?? cropId,
      districtId: place.district ? districts[place.district]!.id : null,
      provinceId: place.district ? districts[place.district]!.provinceId : place.province!,
      observedOn,
      priceLakPerKg: price,
      source: options.source ?? "market_survey",
    },
  });
}

/** A contract at this price in this district, with the smallest listing, FO and offer behind it. */
async function contract(district: string, price: number, status: string, activatedAt: Date | null, crop: "own" | "maize" = "own") {
  const place = districts[district]!;
  const village = await db.village.findFirstOrThrow({ where: { districtId: place.id } });
  const org = await db.organisation.create({
    data: { nameLo: "ກຸ່ມ", nameEn: `FO ${randomBytes(3).toString("hex")}`, type: "producer_group", villageId: village.id, status: "verified" },
  });
  const listing = await db.listing.create({
    data: {
      organisationId: org.id,
      cropId: crop === "own" ? cropId : maizeId,
      gradeId: crop === "own" ? gradeId : maizeGradeId,
      totalKg: 10_000,
      availableFrom: addDays(now, -200),
      availableUntil: now,
      districtId: place.id,
      provinceId: place.provinceId,
      offerMode: "open",
      offerDeadline: addDays(now, -190),
      status: "contracted",
      createdById: userId,
    },
  });
  const offer = await db.offer.create({ data: { listingId: listing.id, companyId, createdById: userId, status: "accepted", currentPriceLakPerKg: price } });
  sequence += 1;
  await db.contract.create({
    data: {
      number: `TEST-2099-${sequence}`,
      year: 2099,
      sequence,
      offerId: offer.id,
      acceptedRevisionId: `revision-${sequence}`,
      listingId: listing.id,
      organisationId: org.id,
      companyId,
      districtId: place.id,
      templateId,
      cropId: listing.cropId,
      quantityKg: 10_000,
      priceLakPerKg: price,
      paymentDays: 7,
      deliveryDate: activatedAt ?? now,
      document: {
        create: { snapshot: JSON.stringify({ terms: { priceLakPerKg: price, quantityKg: 10_000 } }), summaryLo: "-", summaryEn: "-", textLo: "-", textEn: "-" },
      },
      sha256: "0".repeat(64),
      valueLak: BigInt(price) * 10_000n,
      status,
      activatedAt,
    },
  });
}

const band = (count: number, median: number, min: number, max: number): PriceBand => ({ count, median, min, max });

beforeAll(async () => {
  for (const d of await db.district.findMany({ where: { nameEn: { in: ["Beng", "Houn", "Ngeun"] } } }))
    districts[d.nameEn] = { id: d.id, provinceId: d.provinceId };
  const crop = await db.crop.create({
    data: {
      code: "PRICE_BOARD_TEST",
      nameLo: "ພືດທົດລອງ",
      nameEn: "Board test crop",
      standardMoisturePermille: 140,
      sortOrder: 9_999,
      grades: { create: { code: "G1", nameLo: "ຊັ້ນ 1", nameEn: "Grade 1", specLo: "-", specEn: "-" } },
    },
    include: { grades: true },
  });
  cropId = crop.id;
  gradeId = crop.grades[0]!.id;
  const maize = await db.crop.findUniqueOrThrow({ where: { code: "MAIZE" }, include: { grades: true } });
  maizeId = maize.id;
  maizeGradeId = maize.grades[0]!.id;
  userId = (await createUser({ roles: ["trader"] })).id;
  companyId = (
    await db.traderCompany.create({ data: { name: "Board trading", licenceNumber: "L-B", baseProvinceId: districts.Beng!.provinceId, status: "verified" } })
  ).id;
  templateId = (await db.contractTemplate.findFirstOrThrow({ where: { status: "published" } })).id;

  // Reference prices.
  await referencePrice(3_000, inMonth(m5), { district: "Beng" });
  await referencePrice(3_200, inMonth(m5), { district: "Beng" });
  await referencePrice(3_100, inMonth(m5), { district: "Beng" });
  await referencePrice(2_900, inMonth(m4), { district: "Beng" });
  await referencePrice(3_000, inMonth(m4, 20), { district: "Beng" });
  await referencePrice(2_800, inMonth(m5), { district: "Houn" });
  await referencePrice(4_000, inMonth(m3), { district: "Ngeun" });
  await referencePrice(5_000, inMonth(m5), { province: districts.Beng!.provinceId }); // Oudomxay as a whole
  await referencePrice(9_999, new Date(startOfLaoMonth(months[0]!).getTime() - 1), { district: "Beng" }); // before the window
  // No price is observed in the future: the entry form refuses it (priceboard:entry.errors.future).
  await referencePrice(7_777, inMonth(m5), { district: "Beng" }, { source: "signed_contract" }); // the contract itself counts

  // Contracts.
  await contract("Beng", 3_150, "active", inMonth(m5));
  await contract("Beng", 3_250, "completed", inMonth(m5));
  await contract("Beng", 3_050, "disputed", inMonth(m4));
  await contract("Houn", 2_950, "active", inMonth(m2));
  await contract("Beng", 9_000, "awaiting_signatures", null);
  await contract("Beng", 9_100, "cancelled", inMonth(m5));
  await contract("Beng", 9_200, "superseded", inMonth(m5));
  await contract("Beng", 9_300, "active", new Date(startOfLaoMonth(months[0]!).getTime() - 1)); // before the window
  await contract("Beng", 9_400, "active", inMonth(m5), "maize"); // another crop
});

type Page = Extract<Awaited<ReturnType<typeof loader>>, { data: unknown }>["data"];
const load = async (query: string, userRoles: ("trader" | "fo_leader" | "facilitator")[] = ["trader"]) => {
  const user = await createUser({ roles: userRoles, locale: "en" });
  return dataOf<Page>(await call(loader, await request(`/prices${query}`, { userId: user.id })));
};
const monthOf = (page: Page, month: string) => page.board!.months.find((m) => m.month === month)!;

describe("the price board loader", () => {
  it("shows an anonymous visitor the same board, without the entry form", async () => {
    const result = await call(loader, await request(`/prices?crop=${cropId}`));
    expect(statusOf(result)).toBe(200);
    const anonymous = dataOf<Page>(result);
    const signedIn = await load(`?crop=${cropId}`);
    expect(anonymous.board!.months).toEqual(signedIn.board!.months);
    expect(anonymous.entry).toBeNull();
    expect(anonymous.canRecordExport).toBe(false);
  });

  it("gives every district's prices month by month, leaving out what is not a price of the window", async () => {
    const page = await load(`?crop=${cropId}`);
    expect(page.filters).toEqual({ crop: cropId, district: "", months: 6 });
    expect(page.board!.months.map((m) => m.month)).toEqual(months);
    // Beng 3,000 3,100 3,200, Houn 2,800, Oudomxay 5,000
    expect(monthOf(page, m5)).toEqual({ month: m5, reference: band(5, 3_100, 2_800, 5_000), contract: band(2, 3_200, 3_150, 3_250) });
    expect(monthOf(page, m4)).toEqual({ month: m4, reference: band(2, 2_950, 2_900, 3_000), contract: band(1, 3_050, 3_050, 3_050) });
    expect(monthOf(page, m3)).toEqual({ month: m3, reference: band(1, 4_000, 4_000, 4_000), contract: null });
    expect(monthOf(page, m2)).toEqual({ month: m2, reference: null, contract: band(1, 2_950, 2_950, 2_950) });
    expect(page.board!.months.slice(0, 2)).toEqual([
      { month: months[0], reference: null, contract: null },
      { month: months[1], reference: null, contract: null },
    ]);
  });

  it("narrows the months to the chosen district but keeps every district in the summary", async () => {
    const page = await load(`?crop=${cropId}&district=${districts.Beng!.id}`);
    expect(page.district).toEqual({ id: districts.Beng!.id, name: "Beng" });
    expect(monthOf(page, m5)).toEqual({ month: m5, reference: band(3, 3_100, 3_000, 3_200), contract: band(2, 3_200, 3_150, 3_250) });
    expect(monthOf(page, m3)).toEqual({ month: m3, reference: null, contract: null });
    expect(monthOf(page, m2)).toEqual({ month: m2, reference: null, contract: null });

    const row = (name: string) => page.board!.summary.find((r) => r.name === name)!;
    expect(page.board!.summary).toHaveLength(await db.district.count());
    expect(row("Beng")).toMatchObject({ reference: band(5, 3_000, 2_900, 3_200), contract: band(3, 3_150, 3_050, 3_250), province: "Oudomxay" });
    expect(row("Houn")).toMatchObject({ reference: band(1, 2_800, 2_800, 2_800), contract: band(1, 2_950, 2_950, 2_950) });
    expect(row("Ngeun")).toMatchObject({ reference: band(1, 4_000, 4_000, 4_000), contract: null });
    expect(row("Pakbeng")).toMatchObject({ reference: null, contract: null });
    // 2,800 2,900 3,000 3,000 3,100 3,200 4,000 5,000; contracts 2,950 3,050 3,150 3,250
    expect(page.board!.total).toEqual({ reference: band(8, 3_050, 2_800, 5_000), contract: band(4, 3_100, 2_950, 3_250) });
  });

  it("takes 3 or 12 months, falls back to 6 for anything else, and defaults to the first crop", async () => {
    expect((await load(`?crop=${cropId}&months=3`)).board!.months.map((m) => m.month)).toEqual([m3, m4, m5]);
    expect((await load(`?crop=${cropId}&months=12`)).board!.months).toHaveLength(12);
    expect((await load(`?crop=${cropId}&months=7`)).filters.months).toBe(6);
    const first = await db.crop.findFirstOrThrow({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { nameEn: "asc" }] });
    const page = await load("?crop=nonsense&district=nonsense");
    expect(page.filters).toEqual({ crop: first.id, district: "", months: 6 });
    expect(page.crop?.id).toBe(first.id);
  });

  it("shows the entry form only to facilitators, with only their districts", async () => {
    expect((await load(`?crop=${cropId}`)).entry).toBeNull();
    const facilitator = await createUser({ roles: ["facilitator"], locale: "en" });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: districts.Beng!.id } });
    const page = dataOf<Page>(await call(loader, await request(`/prices?crop=${cropId}`, { userId: facilitator.id })));
    expect(page.entry?.districts).toEqual([{ value: districts.Beng!.id, label: "Beng, Oudomxay" }]);
    expect(page.entry?.defaults).toMatchObject({ cropId, districtId: districts.Beng!.id, observedOn: toLaoDateInput(now) });
  });

  it("reads the same numbers through getPriceBoard with two queries' worth of data", async () => {
    const board = await getPriceBoard(db, { cropId, districtId: districts.Houn!.id, districtIds: [districts.Houn!.id], months: 6, now });
    expect(board.series.find((m) => m.month === m5)).toEqual({ month: m5, reference: band(1, 2_800, 2_800, 2_800), contract: null });
    expect(board.summary.rows).toEqual([{ districtId: districts.Houn!.id, reference: band(1, 2_800, 2_800, 2_800), contract: band(1, 2_950, 2_950, 2_950) }]);
  });
});

describe("entering a reference price", () => {
  let facilitatorId: string;
  const entries = () => db.referencePrice.count({ where: { cropId: maizeId, source: "facilitator_entry" } });
  const audits = () => db.auditEvent.count({ where: { entityType: "ReferencePrice" } });
  const form = (overrides: Record<string, string> = {}) => ({
    cropId: maizeId,
    districtId: districts.Beng!.id,
    market: "Muang Beng market",
    observedOn: toLaoDateInput(now),
    priceLakPerKg: "3,400",
    ...overrides,
  });
  const post = async (userId: string, fields: Record<string, string>) => call(action, await request("/prices?months=12", { userId, form: fields }));

  beforeAll(async () => {
    facilitatorId = (await createUser({ roles: ["facilitator"] })).id;
    await db.facilitatorDistrict.create({ data: { userId: facilitatorId, districtId: districts.Beng!.id } });
  });

  it("records a facilitator's price for one of their districts, with who entered it and an audit event", async () => {
    const before = await entries();
    const result = await post(facilitatorId, form());
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe(`/prices?crop=${maizeId}&district=${districts.Beng!.id}&months=12&entered=1`);
    expect(await entries()).toBe(before + 1);
    const row = await db.referencePrice.findFirstOrThrow({ where: { cropId: maizeId, source: "facilitator_entry" }, orderBy: { createdAt: "desc" } });
    expect(row).toMatchObject({
      districtId: districts.Beng!.id,
      provinceId: districts.Beng!.provinceId,
      market: "Muang Beng market",
      priceLakPerKg: 3_400,
      source: "facilitator_entry",
      enteredById: facilitatorId,
      observedOn: new Date(`${toLaoDateInput(now)}T00:00:00+07:00`),
    });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "ReferencePrice", entityId: row.id } });
    expect(audit).toMatchObject({ actorId: facilitatorId, action: "reference_price.entered" });
  });

  it("refuses a district outside the facilitator's scope and writes nothing", async () => {
    const [before, auditBefore] = [await entries(), await audits()];
    const result = await post(facilitatorId, form({ districtId: districts.Ngeun!.id }));
    expect(statusOf(result)).toBe(403);
    expect(await entries()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it("answers bad input with field errors and writes nothing", async () => {
    const [before, auditBefore] = [await entries(), await audits()];
    const tomorrow = toLaoDateInput(addDays(now, 1));
    const bad = await post(facilitatorId, form({ market: " ", observedOn: tomorrow, priceLakPerKg: "abc" }));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      market: "validation:required",
      observedOn: "priceboard:entry.errors.future",
      priceLakPerKg: "validation:wholeNumber",
    });
    const cases: [Record<string, string>, string, string][] = [
      [{ priceLakPerKg: "5" }, "priceLakPerKg", "validation:tooLow"],
      [{ priceLakPerKg: "2000000" }, "priceLakPerKg", "validation:tooHigh"],
      [{ priceLakPerKg: "-300" }, "priceLakPerKg", "validation:wholeNumber"],
      [{ observedOn: "2026-02-30" }, "observedOn", "validation:date"],
      [{ observedOn: toLaoDateInput(addDays(now, -400)) }, "observedOn", "priceboard:entry.errors.tooOld"],
      [{ cropId: "no-such-crop" }, "cropId", "validation:invalidChoice"],
    ];
    for (const [overrides, field, key] of cases) {
      const result = await post(facilitatorId, form(overrides));
      expect(statusOf(result), JSON.stringify(overrides)).toBe(400);
      expect(dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result).fieldErrors[field]).toBe(key);
      expect(dataOf<{ values: Record<string, string> }>(result).values.market).toBe("Muang Beng market");
    }
    expect(await entries()).toBe(before);
    expect(await audits()).toBe(auditBefore);
  });

  it("does not let a trader or an FO leader post a reference price (403), nor an anonymous visitor", async () => {
    const before = await entries();
    for (const role of ["trader", "fo_leader"] as const) {
      const user = await createUser({ roles: [role] });
      expect(statusOf(await post(user.id, form()))).toBe(403);
    }
    const anonymous = await call(action, await request("/prices", { form: form() }));
    expect(statusOf(anonymous)).toBe(302);
    expect(await entries()).toBe(before);
  });
});
