// Rubber paid on its dry rubber content: the offer states the DRC its price
// assumes and the step per point, the contract freezes them, the leader types
// each household's DRC at the scale instead of moisture, and the payout sheet
// pays each household its own DRC. A contract without the term (written before)
// pays on weight as it always did.
import { describe, expect, it } from "vitest";
import { confirmDelivery } from "~/domain/deliveries/deliveries.server";
import { signContract } from "~/domain/contracts/signing.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { action as compareAction, loader as compareLoader } from "~/routes/listings/compare";
import { addDays } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { as, daysAgo } from "../fixtures/inputs";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

async function rubber() {
  return db.crop.findUniqueOrThrow({ where: { code: "RUBBER_CUP_LUMP" }, include: { grades: { orderBy: { sortOrder: "asc" } } } });
}

async function rubberListing(fo: Awaited<ReturnType<typeof createFo>>) {
  const crop = await rubber();
  const now = new Date();
  return db.listing.create({
    data: {
      organisationId: fo.organisation.id,
      cropId: crop.id,
      gradeId: crop.grades[0]!.id,
      totalKg: 3000,
      householdCount: 3,
      availableFrom: now,
      availableUntil: addDays(now, 60),
      pickupVillageId: fo.village.id,
      districtId: fo.village.districtId,
      provinceId: (await db.district.findUniqueOrThrow({ where: { id: fo.village.districtId } })).provinceId,
      offerMode: "open",
      offerDeadline: addDays(now, 10),
      status: "open",
      publishedAt: now,
      createdById: fo.leader.id,
      pledges: { create: fo.members.map((m) => ({ memberId: m.id, kg: 1000 })) },
    },
  });
}

/** Rubber terms as the form sends them: 7,000 LAK/kg, no moisture table. */
async function rubberTerms(overrides: Record<string, string> = {}) {
  const crop = await rubber();
  return offerTerms({
    priceLakPerKg: "7000",
    gradeId: crop.grades[0]!.id,
    moistureBasis: "0",
    "band.0.from": "",
    "band.0.to": "",
    "band.0.rate": "",
    ...overrides,
  });
}

async function signedContract(
  fo: Awaited<ReturnType<typeof createFo>>,
  trader: Awaited<ReturnType<typeof createCompany>>,
  listingId: string,
  terms: Awaited<ReturnType<typeof rubberTerms>>,
) {
  const made = await makeOffer(db, trader.trader, { listingId, companyId: trader.company.id }, terms);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await readContract(accepted.contractId);
  for (const [user, role, party] of [
    [fo.leader, "fo_leader", "fo"],
    [trader.trader, "trader", "trader"],
  ] as const) {
    const signed = await signContract(db, as(user, role), contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    if (!signed.ok) throw new Error(JSON.stringify(signed));
  }
  return readContract(contract.id);
}

function sheetForm(formToken: string, lots: [memberId: string, grossKg: string, drc: string][]) {
  const form: Record<string, string> = {
    deliveredOn: daysAgo(0),
    bagGrams: "0",
    measuredBy: "Buyer's sampler",
    instrument: "Platform scale No. 2; sample dried in the oven",
    formToken,
    rows: "20",
    intent: "record",
  };
  lots.forEach(([member, grossKg, drc], i) =>
    Object.assign(form, { [`lot.${i}.member`]: member, [`lot.${i}.bags`]: "4", [`lot.${i}.grossKg`]: grossKg, [`lot.${i}.content`]: drc }),
  );
  return form;
}

describe("rubber paid on its dry rubber content", () => {
  it("needs the content term in the offer, and starts from the crop's 60 % and 120 LAK a point", async () => {
    const fo = await createFo();
    const trader = await createCompany();
    const listing = await rubberListing(fo);
    const without = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await rubberTerms());
    expect(without).toEqual({ ok: false, fieldErrors: { contentBasis: "offers:errors.contentRequired" } });
    expect(await db.offer.count({ where: { listingId: listing.id } })).toBe(0);
    const crop = await rubber();
    expect([crop.contentMeasure, crop.contentBasisPermille, crop.contentStepLakPerKg]).toEqual(["drc", 600, 120]);
    expect(crop.grades.find((g) => g.code === "G2")!.premiumLakPerKg).toBe(-350);
  });

  it("freezes the term in the contract and pays each household its own DRC on the payout sheet", async () => {
    const fo = await createFo();
    const trader = await createCompany();
    const listing = await rubberListing(fo);
    const contract = await signedContract(fo, trader, listing.id, await rubberTerms({ contentBasis: "60", contentStep: "120" }));
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.terms.content).toEqual({ measure: "drc", basisPermille: 600, stepLakPerKgPerPoint: 120 });
    expect(contract.textEn).toContain("Dry rubber content (DRC: the rubber left when the water is dried out): the contract price assumes 60.0 %.");
    expect(contract.textLo).toContain("ເນື້ອຢາງແຫ້ງ (DRC");

    const params = { contractId: contract.id };
    const path = `/contracts/${contract.id}/deliveries`;
    const page = dataOf<{ formToken: string; terms: { contentMeasure: string | null; moisture: boolean } }>(
      await call(deliveriesLoader, await request(path, { userId: fo.leader.id }), params),
    );
    // The sheet asks DRC, not moisture: cup lump is not traded on moisture.
    expect(page.terms).toMatchObject({ contentMeasure: "drc", moisture: false });

    const [m0, m1, m2] = fo.members.map((m) => m.id) as [string, string, string];
    const lots: [string, string, string][] = [
      [m0, "100", "55.3"],
      [m1, "300", "62.5"],
      [m2, "200", "60"],
    ];
    // A lot without its DRC: a clear error, nothing recorded.
    const missing = sheetForm(page.formToken, lots);
    delete missing["lot.1.content"];
    const refused = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: missing }), params);
    expect(statusOf(refused)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(refused).fieldErrors).toEqual({ "lot.1.content": "validation:required" });
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);

    const recorded = await call(deliveriesAction, await request(path, { userId: fo.leader.id, form: sheetForm(page.formToken, lots) }), params);
    expect(locationOf(recorded)).toBe(`${path}?done=recorded`);
    const delivery = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id }, include: { lots: { orderBy: { position: "asc" } } } });
    // (DRC − 60) × 120 × net kg ÷ 10: −4.7 × 120 × 100 = −56,400; +2.5 × 120 × 300 = +90,000; 0.
    const adjustments = [-56_400n, 90_000n, 0n];
    const weights = [100n, 300n, 200n];
    expect(delivery.lots.map((l) => [l.memberId, l.contentPermille, l.netKg, l.moisturePermille, l.contentAdjustmentLak, l.amountLak])).toEqual([
      [m0, 553, 100, 0, adjustments[0], 100n * 7000n + adjustments[0]!],
      [m1, 625, 300, 0, adjustments[1], 300n * 7000n + adjustments[1]!],
      [m2, 600, 200, 0, adjustments[2], 200n * 7000n],
    ]);
    const due = weights.reduce((s, w) => s + w * 7000n, 0n) + 33_600n;
    // (553 × 100 + 625 × 300 + 600 × 200) / 600 = 604.7 → 605
    expect(delivery).toMatchObject({ netKg: 600, amountDueLak: due, contentAdjustmentLak: 33_600n, contentPermille: 605, lotCount: 3 });

    // The trader confirms the grade sheet; the payout sheet pays each household its own DRC.
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);
    type Payout = {
      households: {
        content: string | null;
        rows: { memberId: string; ownNetKg: number; ownContentLak: string; grossLak: string; payableLak: string }[];
        totals: { ownContentLak: string; grossLak: string; payableLak: string };
      };
    };
    const payout = dataOf<Payout>(await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), params));
    expect(payout.households.content).toBe("drc");
    const byMember = new Map(payout.households.rows.map((r) => [r.memberId, r]));
    expect([m0, m1, m2].map((m) => [byMember.get(m)!.ownNetKg, byMember.get(m)!.ownContentLak, byMember.get(m)!.grossLak])).toEqual([
      [100, "-56400", "643600"],
      [300, "90000", "2190000"],
      [200, "0", "1400000"],
    ]);
    expect(payout.households.totals).toMatchObject({ ownContentLak: "33600", grossLak: due.toString(), payableLak: due.toString() });
    const sum = payout.households.rows.reduce((s, r) => s + BigInt(r.payableLak), 0n);
    expect(sum).toBe(due);

    // The trader may not read the payout sheet (it names the households).
    expect(statusOf(await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: trader.trader.id }), params))).toBe(404);
  });

  it("pays a contract without the term on weight, as before: the sheet asks moisture and nothing is adjusted", async () => {
    const fo = await createFo();
    const trader = await createCompany();
    const listing = await rubberListing(fo);
    // A revision as written before content was priced: no term. The offer is made
    // with one, and its columns emptied as a revision of then had them.
    const made = await makeOffer(
      db,
      trader.trader,
      { listingId: listing.id, companyId: trader.company.id },
      await rubberTerms({ contentBasis: "60", contentStep: "120" }),
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    await db.offerRevision.updateMany({ where: { offerId: made.offerId }, data: { contentBasisPermille: null, contentStepLakPerKg: null } });
    const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
    if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
    const contract = await readContract(accepted.contractId);
    for (const [user, role, party] of [
      [fo.leader, "fo_leader", "fo"],
      [trader.trader, "trader", "trader"],
    ] as const) {
      const signed = await signContract(db, as(user, role), contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
      if (!signed.ok) throw new Error(JSON.stringify(signed));
    }
    expect(JSON.parse(contract.snapshot).terms).not.toHaveProperty("content");
    expect(contract.textEn).not.toContain("Dry rubber content (DRC:");

    const params = { contractId: contract.id };
    const path = `/contracts/${contract.id}/deliveries`;
    const page = dataOf<{ formToken: string; terms: { contentMeasure: string | null; moisture: boolean } }>(
      await call(deliveriesLoader, await request(path, { userId: fo.leader.id }), params),
    );
    expect(page.terms).toMatchObject({ contentMeasure: null, moisture: true });
    const form: Record<string, string> = {
      ...sheetForm(page.formToken, [[fo.members[0]!.id, "100", "55.3"]]),
      "lot.0.moisture": "0",
    };
    expect(locationOf(await call(deliveriesAction, await request(path, { userId: fo.leader.id, form }), params))).toBe(`${path}?done=recorded`);
    const d = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id }, include: { lots: true } });
    // Weight × price only: a DRC typed on a contract without the term is not kept.
    expect(d).toMatchObject({ netKg: 100, amountDueLak: 700_000n, contentAdjustmentLak: 0n, contentPermille: null });
    expect(d.lots[0]).toMatchObject({ contentPermille: null, contentAdjustmentLak: 0n, amountLak: 700_000n });
  });
});

type ComparePage = {
  asksMoisture: boolean;
  content: { measure: string; permille: number; source: string; input: string } | null;
  live: { company: string; effective: { effectiveLakPerKg: number; lines: { key: string; amountLak?: string }[] } }[];
};
const comparePage = async (listingId: string, userId: string) =>
  dataOf<ComparePage>(await call(compareLoader, await request(`/listings/${listingId}/offers`, { userId }), { listingId }));
const statePost = async (listingId: string, userId: string, expectedContent: string) =>
  call(compareAction, await request(`/listings/${listingId}/offers`, { userId, form: { intent: "expectedContent", expectedContent } }), { listingId });

describe("rubber offers compared at the DRC the FO expects", () => {
  it("adjusts each offer from its own basis, ranks the richer assumption below, and lets only the leaders state the DRC", async () => {
    const fo = await createFo({ members: 3 });
    const listing = await rubberListing(fo);
    const rich = await createCompany();
    const plain = await createCompany();
    // 7,300 LAK/kg for lump at 65 % against 7,000 at the crop's 60 %, both 120 LAK a point, both paid on delivery.
    for (const [company, terms] of [
      [rich, await rubberTerms({ priceLakPerKg: "7300", contentBasis: "65", contentStep: "120", paymentDays: "0" })],
      [plain, await rubberTerms({ priceLakPerKg: "7000", contentBasis: "60", contentStep: "120", paymentDays: "0" })],
    ] as const) {
      const made = await makeOffer(db, company.trader, { listingId: listing.id, companyId: company.company.id }, terms);
      if (!made.ok) throw new Error(JSON.stringify(made));
    }
    const before = await comparePage(listing.id, fo.leader.id);
    expect(before.content).toEqual({ measure: "drc", permille: 600, source: "crop", input: "" });
    // Cup lump has no moisture standard: the page asks the DRC, not a moisture.
    expect(before.asksMoisture).toBe(false);
    // At 60 %: the rich offer 7,300 − 5 × 120 = 6,700 against 7,000.
    expect(before.live.map((r) => [r.company, r.effective.effectiveLakPerKg])).toEqual([
      [plain.company.name, 7_000],
      [rich.company.name, 6_700],
    ]);
    expect(before.live[1]!.effective.lines.find((l) => l.key === "prices:lines.content.drc")?.amountLak).toBe(String(-5 * 120 * 3000));

    expect(locationOf(await statePost(listing.id, fo.leader.id, "57.5"))).toBe(`/listings/${listing.id}/offers?saved=content`);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).expectedContentPermille).toBe(575);
    await db.auditEvent.findFirstOrThrow({ where: { entityId: listing.id, action: "listing.expected_content_set", actorId: fo.leader.id } });
    const after = await comparePage(listing.id, fo.leader.id);
    expect(after.content).toMatchObject({ permille: 575, source: "listing", input: "57.5" });
    // At 57.5 %: the rich offer 7,300 − 7.5 × 120 = 6,400, the plain one 7,000 − 2.5 × 120 = 6,700.
    expect(after.live.map((r) => r.effective.effectiveLakPerKg)).toEqual([6_700, 6_400]);

    // Not a percentage: refused, nothing written. Another FO's leader and the district's facilitator: refused.
    expect(statusOf(await statePost(listing.id, fo.leader.id, "abc"))).toBe(400);
    expect(statusOf(await statePost(listing.id, fo.leader.id, "120"))).toBe(400);
    expect(statusOf(await statePost(listing.id, (await createFo()).leader.id, "50"))).toBe(404);
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: listing.districtId } });
    expect((await comparePage(listing.id, facilitator.id)).content).toMatchObject({ permille: 575 });
    expect(statusOf(await statePost(listing.id, facilitator.id, "50"))).toBe(403);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).expectedContentPermille).toBe(575);
  });

  it("has no content to state on a crop paid on weight", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    expect((await comparePage(listing.id, fo.leader.id)).content).toBeNull();
    expect((await comparePage(listing.id, fo.leader.id)).asksMoisture).toBe(true);
    expect(statusOf(await statePost(listing.id, fo.leader.id, "50"))).toBe(400);
    expect((await db.listing.findUniqueOrThrow({ where: { id: listing.id } })).expectedContentPermille).toBeNull();
  });
});
