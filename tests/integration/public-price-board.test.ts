// The price board as a signed-out reader gets it: the aggregates and the export
// parity, never a party, a contract number or a listing; cached publicly only
// when no one is signed in; its SMS text; and the export-reference forms, for
// facilitators and administrators only.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { headers as boardRouteHeaders, loader as boardLoader } from "~/routes/prices/index";
import { loader as textLoader } from "~/routes/prices/text";
import { action as exportAction, loader as exportLoader } from "~/routes/prices/export";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { seedExportPrices } from "../../prisma/seed/export-prices";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

let cropId: string;
let facilitatorId: string;
const now = new Date();

beforeAll(async () => {
  const tag = randomBytes(3).toString("hex");
  const crop = await db.crop.create({
    data: {
      code: `EXP_${tag}`,
      nameLo: `ພືດ${tag}`,
      nameEn: `Export crop ${tag}`,
      standardMoisturePermille: 140,
      grades: { create: { code: "G1", nameLo: "ຊັ້ນ 1", nameEn: "Grade 1", specLo: "-", specEn: "-" } },
    },
    include: { grades: true },
  });
  cropId = crop.id;
  facilitatorId = (await createUser({ roles: ["facilitator"] })).id;
  await signedContract(crop.id, crop.grades[0]!.id, tag);
  const base = { cropId, currency: "THB", moistureBasisPermille: 145, enteredById: facilitatorId };
  await db.exportReferencePrice.create({
    data: { ...base, market: "Older quotation", priceHundredthsPerKg: 900, sourceName: "Old bulletin", observedOn: addDays(now, -10), marginLakPerKg: 500 },
  });
  await db.exportReferencePrice.create({
    data: {
      ...base,
      market: "Thai feed corn",
      priceHundredthsPerKg: 985,
      sourceName: "Thai Ministry of Commerce",
      observedOn: addDays(now, -2),
      marginLakPerKg: 900,
    },
  });
  const rate = { currency: "THB", enteredById: facilitatorId };
  await db.exchangeRate.create({
    data: { ...rate, lakPerHundred: 60000, sourceKind: "bol_reference", sourceName: "An older reference rate", observedOn: addDays(now, -30) },
  });
  await db.exchangeRate.create({
    data: { ...rate, lakPerHundred: 68350, sourceKind: "bol_reference", sourceName: "Bank of the Lao PDR reference rate", observedOn: addDays(now, -1) },
  });
  await db.exchangeRate.create({
    data: { ...rate, lakPerHundred: 69000, sourceKind: "commercial_bank", sourceName: "BCEL buying rate", observedOn: addDays(now, -1) },
  });
});

/** A contract in force this month on the crop, with names that must never reach the board. */
async function signedContract(crop: string, gradeId: string, tag: string) {
  const district = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
  const village = await db.village.findFirstOrThrow({ where: { districtId: district.id } });
  const userId = (await createUser({ roles: ["trader"] })).id;
  const org = await db.organisation.create({
    data: { nameLo: `ກຸ່ມລັບ${tag}`, nameEn: `Secret FO ${tag}`, type: "producer_group", villageId: village.id, status: "verified" },
  });
  const company = await db.traderCompany.create({
    data: { name: `Secret Trading ${tag}`, licenceNumber: `L-${tag}`, baseProvinceId: district.provinceId, status: "verified" },
  });
  const listing = await db.listing.create({
    data: {
      organisationId: org.id,
      cropId: crop,
      gradeId,
      totalKg: 10_000,
      availableFrom: addDays(now, -20),
      availableUntil: now,
      districtId: district.id,
      provinceId: district.provinceId,
      offerMode: "open",
      offerDeadline: addDays(now, -10),
      status: "contracted",
      createdById: userId,
    },
  });
  const offer = await db.offer.create({
    data: { listingId: listing.id, companyId: company.id, createdById: userId, status: "accepted", currentPriceLakPerKg: 3300 },
  });
  const template = await db.contractTemplate.findFirstOrThrow({ where: { status: "published" } });
  await db.contract.create({
    data: {
      number: `LEAK-2099-${tag}`,
      year: 2099,
      sequence: 1,
      offerId: offer.id,
      acceptedRevisionId: `revision-${tag}`,
      listingId: listing.id,
      organisationId: org.id,
      companyId: company.id,
      districtId: district.id,
      templateId: template.id,
      cropId: crop,
      quantityKg: 10_000,
      priceLakPerKg: 3300,
      paymentDays: 7,
      deliveryDate: now,
      document: {
        create: { snapshot: JSON.stringify({ terms: { priceLakPerKg: 3300, quantityKg: 10_000 } }), summaryLo: "-", summaryEn: "-", textLo: "-", textEn: "-" },
      },
      sha256: "0".repeat(64),
      valueLak: 33_000_000n,
      status: "active",
      activatedAt: new Date(now.getTime() - 60_000),
    },
  });
}

type Board = Extract<Awaited<ReturnType<typeof boardLoader>>, { data: unknown }>;

describe("the public price board", () => {
  it("gives a signed-out reader the export parity of the latest reference at the latest rate of each source", async () => {
    const result = (await call(boardLoader, await request(`/prices?crop=${cropId}`))) as Board;
    expect(statusOf(result)).toBe(200);
    const parity = dataOf<Board["data"]>(result).parity!;
    expect(parity.reference).toMatchObject({
      market: "Thai feed corn",
      priceHundredthsPerKg: 985,
      marginLakPerKg: 900,
      sourceName: "Thai Ministry of Commerce",
    });
    expect(parity.lines.map((l) => [l.rate.sourceName, l.grossLakPerKg, l.netLakPerKg])).toEqual([
      ["Bank of the Lao PDR reference rate", 6732, 5832],
      ["BCEL buying rate", 6797, 5897],
    ]);
  });

  it("lets shared caches keep the board only for a signed-out reader", async () => {
    const anonymous = (await call(boardLoader, await request(`/prices?crop=${cropId}`))) as Board;
    const anonymousHeaders = new Headers(anonymous.init?.headers);
    expect(anonymousHeaders.get("Cache-Control")).toBe("public, max-age=300");
    expect(anonymousHeaders.get("Vary")).toBe("Cookie, Accept-Language");
    const trader = await createUser({ roles: ["trader"] });
    const signedIn = (await call(boardLoader, await request(`/prices?crop=${cropId}`, { userId: trader.id }))) as Board;
    expect(new Headers(signedIn.init?.headers).get("Cache-Control")).toBe("private, no-store");
    // The route's headers pass the loader's rule on, and store nothing they were not told to.
    const routeHeaders = (loaderHeaders: Headers) => boardRouteHeaders({ loaderHeaders } as never);
    expect(routeHeaders(new Headers(signedIn.init?.headers)).get("Cache-Control")).toBe("private, no-store");
    expect(routeHeaders(new Headers()).get("Cache-Control")).toBe("private, no-store");
    expect(routeHeaders(new Headers(anonymous.init?.headers)).get("Cache-Control")).toBe("public, max-age=300");
  });

  it("names no party, contract or listing to a signed-out reader, for any crop of the demo market", async () => {
    const [companies, organisations, contracts, listings, crops] = await Promise.all([
      db.traderCompany.findMany({ select: { name: true } }),
      db.organisation.findMany({ select: { nameLo: true, nameEn: true } }),
      db.contract.findMany({ select: { number: true, id: true } }),
      db.listing.findMany({ select: { id: true } }),
      db.crop.findMany({ where: { active: true }, select: { id: true } }),
    ]);
    expect(contracts.length).toBeGreaterThan(0);
    // The contract is on the board, as a figure.
    const own = dataOf<Board["data"]>(await call(boardLoader, await request(`/prices?crop=${cropId}`)));
    expect(own.board!.total.contract).toMatchObject({ count: 1, median: 3300 });
    const secrets = [
      ...companies.map((c) => c.name),
      ...organisations.flatMap((o) => [o.nameLo, o.nameEn]),
      ...contracts.flatMap((c) => [c.number, c.id]),
      ...listings.map((l) => l.id),
    ].filter((s) => s.length >= 4);
    for (const crop of crops) {
      for (const months of [3, 12]) {
        const page = JSON.stringify(dataOf(await call(boardLoader, await request(`/prices?crop=${crop.id}&months=${months}`))));
        for (const secret of secrets) expect(page.includes(secret), `${secret} on the board of ${crop.id}`).toBe(false);
        expect(page).not.toMatch(/\/listings\/|\/contracts\/|\/companies\/|\/organisations\//);
      }
    }
  });

  it("answers the SMS text as plain text within one part, in the reader's language", async () => {
    const lao = (await call(textLoader, await request(`/prices/text?crop=${cropId}`))) as Response;
    expect(lao.status).toBe(200);
    expect(lao.headers.get("Content-Type")).toBe("text/plain; charset=utf-8");
    expect(lao.headers.get("Cache-Control")).toBe("public, max-age=300");
    const text = await lao.text();
    expect(text.startsWith("ລາຄາພືດ")).toBe(true);
    expect(text).toContain("ສົ່ງອອກ 5.832");
    expect(text.length).toBeLessThanOrEqual(70);
    const english = (await call(textLoader, await request(`/prices/text?crop=${cropId}`, { headers: { "Accept-Language": "en" } }))) as Response;
    expect(await english.text()).toContain("export 5,832 LAK/kg");
  });
});

describe("recording export references and exchange rates", () => {
  const today = toLaoDateInput(now);
  const reference = (over: Record<string, string> = {}) => ({
    intent: "reference",
    cropId,
    market: "Thai feed corn",
    currency: "THB",
    price: "10.05",
    moisture: "14.5",
    marginLakPerKg: "2,800",
    sourceName: "Thai Ministry of Commerce",
    observedOn: today,
    ...over,
  });
  const rate = (over: Record<string, string> = {}) => ({
    intent: "rate",
    currency: "CNY",
    rate: "3045.5",
    sourceKind: "commercial_bank",
    sourceName: "BCEL buying rate",
    observedOn: today,
    ...over,
  });
  const post = async (userId: string | undefined, form: Record<string, string>) => call(exportAction, await request("/prices/export", { userId, form }));

  it("records a facilitator's reference in exact hundredths with its margin, and an audit event", async () => {
    const result = await post(facilitatorId, reference({ observedOn: today.split("-").reverse().join("/") }));
    expect(locationOf(result)).toBe("/prices/export?saved=1");
    const saved = await db.exportReferencePrice.findFirstOrThrow({ where: { cropId, priceHundredthsPerKg: 1005 } });
    expect(saved).toMatchObject({
      currency: "THB",
      moistureBasisPermille: 145,
      marginLakPerKg: 2800,
      enteredById: facilitatorId,
      sourceName: "Thai Ministry of Commerce",
    });
    expect(await db.auditEvent.count({ where: { entityId: saved.id, action: "export_reference.recorded" } })).toBe(1);
  });

  it("records an administrator's exchange rate with its named source", async () => {
    const admin = await createUser({ roles: ["admin"] });
    expect(locationOf(await post(admin.id, rate()))).toBe("/prices/export?saved=1");
    const saved = await db.exchangeRate.findFirstOrThrow({ where: { enteredById: admin.id } });
    expect(saved).toMatchObject({ currency: "CNY", lakPerHundred: 304550, sourceKind: "commercial_bank", sourceName: "BCEL buying rate" });
  });

  it("answers bad input with an error on each field and writes nothing", async () => {
    const before = [await db.exportReferencePrice.count(), await db.exchangeRate.count()];
    const bad = await post(
      facilitatorId,
      reference({ price: "9.855", currency: "EUR", marginLakPerKg: "-5", sourceName: " ", observedOn: toLaoDateInput(addDays(now, 3)), moisture: "abc" }),
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({
      price: "priceboard:exportEntry.errors.decimal",
      currency: "validation:invalidChoice",
      marginLakPerKg: "validation:wholeNumber",
      sourceName: "validation:required",
      observedOn: "priceboard:entry.errors.future",
      moisture: "validation:percent",
    });
    const badRate = await post(facilitatorId, rate({ rate: "0", sourceKind: "street", observedOn: "31/02/2026" }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(badRate).fieldErrors).toMatchObject({
      rate: "priceboard:exportEntry.errors.tooLow",
      sourceKind: "validation:invalidChoice",
      observedOn: "validation:date",
    });
    const unknownCrop = await post(facilitatorId, reference({ cropId: "no-such-crop" }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(unknownCrop).fieldErrors).toEqual({ cropId: "validation:invalidChoice" });
    expect(statusOf(await post(facilitatorId, { intent: "other" }))).toBe(400);
    expect([await db.exportReferencePrice.count(), await db.exchangeRate.count()]).toEqual(before);
  });

  it("refuses traders and FO leaders (403) and sends a signed-out visitor to sign in, writing nothing", async () => {
    const before = [await db.exportReferencePrice.count(), await db.exchangeRate.count()];
    for (const role of ["trader", "fo_leader"] as const) {
      const user = await createUser({ roles: [role] });
      expect(statusOf(await post(user.id, reference()))).toBe(403);
      expect(statusOf(await post(user.id, rate()))).toBe(403);
      expect(statusOf(await call(exportLoader, await request("/prices/export", { userId: user.id })))).toBe(403);
    }
    const anonymous = await post(undefined, rate());
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toMatch(/^\/login/);
    expect(locationOf(await call(exportLoader, await request("/prices/export")))).toMatch(/^\/login/);
    expect([await db.exportReferencePrice.count(), await db.exchangeRate.count()]).toEqual(before);
  });

  it("shows a facilitator the latest entries, newest first, and privately", async () => {
    const result = await call(exportLoader, await request("/prices/export", { userId: facilitatorId }));
    const page = dataOf<{ references: { priceHundredthsPerKg: number }[]; rates: unknown[] }>(result);
    expect(page.references[0]!.priceHundredthsPerKg).toBe(1005);
    expect(page.rates.length).toBeGreaterThan(0);
    expect(new Headers((result as { init?: ResponseInit }).init?.headers).get("Cache-Control")).toBe("private, no-store");
  });
});

describe("the demo export prices", () => {
  it("are seeded once, by a facilitator, with named sources", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const count = await db.exportReferencePrice.count();
    await seedExportPrices(db as never, facilitator.email!);
    // References already exist (this file's), so the seed adds nothing.
    expect(await db.exportReferencePrice.count()).toBe(count);
  });
});
