// Grades and foreign matter priced, tolerance negotiable, end to end through
// the domain and the pages: an offer's terms are stored on its revision, shown
// on the offer page, carried through a counter-offer and frozen into the
// contract on acceptance; an offer written before carries none of them and its
// contract reads and hashes as contracts did then.
import { describe, expect, it } from "vitest";
import { readClauses } from "~/domain/contracts/clauses";
import { renderContract } from "~/domain/contracts/render";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { acceptCounter, acceptOffer, counterOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as offerLoader } from "~/routes/offers/detail";
import { action as respondAction } from "~/routes/offers/respond";
import { db } from "~/utils/db.server";
import { call, dataOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

const custom = {
  tolerance: "8",
  "gradeAdjustment.G1": "0",
  "gradeAdjustment.G2": "-120",
  "gradeAdjustment.G3": "\u2212250",
  foreignMatterBasis: "1.5",
  "fmBand.0.from": "1.5",
  "fmBand.0.to": "4",
  "fmBand.0.rate": "10",
  "fmBand.1.from": "4",
  "fmBand.1.to": "8",
  "fmBand.1.rate": "15",
};

async function scene(overrides: Record<string, string> = custom) {
  const fo = await createFo();
  const listing = await publishedListing(fo);
  const trader = await createCompany();
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms(overrides));
  if (!made.ok) throw new Error(JSON.stringify(made));
  return { fo, listing, trader, offerId: made.offerId };
}

async function accept(fo: { leader: { id: string } }, offerId: string, revision: number) {
  const accepted = await acceptOffer(db, fo.leader as never, offerId, revision);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  return readContract(accepted.contractId);
}

describe("grade prices, foreign matter and tolerance in offers and contracts", () => {
  it("stores them on the revision, shows them on the offer page and freezes them into the contract", async () => {
    const { fo, offerId } = await scene();
    const revision = await db.offerRevision.findFirstOrThrow({ where: { offerId } });
    expect(revision).toMatchObject({ tolerancePermille: 80, foreignMatterBasisPermille: 15 });
    expect(JSON.parse(revision.gradeAdjustments!)).toEqual([
      { gradeCode: "G1", lakPerKg: 0 },
      { gradeCode: "G2", lakPerKg: -120 },
      { gradeCode: "G3", lakPerKg: -250 },
    ]);

    const page = dataOf<{
      revisions: {
        tolerancePermille: number;
        gradeAdjustments: { gradeCode: string; lakPerKg: number; grade: string }[];
        foreignMatterBasisPermille: number;
      }[];
    }>(await call(offerLoader, await request(`/offers/${offerId}`, { userId: fo.leader.id }), { offerId }));
    expect(page.revisions[0]).toMatchObject({ tolerancePermille: 80, foreignMatterBasisPermille: 15 });
    expect(page.revisions[0]!.gradeAdjustments.map((a) => [a.grade, a.lakPerKg])).toEqual([
      // Named in the user's language (Lao by default).
      ["ຊັ້ນ 1", 0],
      ["ຊັ້ນ 2", -120],
      ["ຊັ້ນ 3", -250],
    ]);

    const contract = await accept(fo, offerId, 1);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.terms.tolerancePermille).toBe(80);
    expect(snapshot.terms.gradeAdjustments).toEqual([
      { gradeCode: "G1", lakPerKg: 0 },
      { gradeCode: "G2", lakPerKg: -120 },
      { gradeCode: "G3", lakPerKg: -250 },
    ]);
    expect(snapshot.terms.foreignMatterBasisPermille).toBe(15);
    expect(snapshot.terms.foreignMatterTable).toEqual([
      { fromPermille: 15, toPermille: 40, kgPerTonnePerPoint: 10 },
      { fromPermille: 40, toPermille: 80, kgPerTonnePerPoint: 15 },
    ]);
    // 3,000 kg ± 8 %: 2,760 to 3,240 kg.
    expect(contract.textEn).toContain("8.0 % more or less; any net quantity from 2,760 kg to 3,240 kg counts as full delivery");
    expect(contract.textEn).toContain("up to 1.5 % is not deducted");
    expect(contract.textEn).toContain("  - Grade 3: the contract price less 250 LAK per kg");
    expect(contract.summaryEn).toContain("Quality:");
    const template = await db.contractTemplate.findUniqueOrThrow({ where: { id: contract.templateId } });
    expect(renderContract(snapshot, readClauses(template.clauses)).sha256).toBe(contract.sha256);
  });

  it("freezes the FO's counter-offer terms when the trader agrees to them", async () => {
    const { fo, trader, offerId } = await scene();
    const countered = await counterOffer(db, fo.leader as never, offerId, 1, await offerTerms({ tolerance: "2", "gradeAdjustment.G2": "-50" }));
    expect(countered.ok).toBe(true);
    expect((await acceptCounter(db, trader.trader as never, offerId, 2)).ok).toBe(true);
    const contract = await accept(fo, offerId, 3);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.terms.tolerancePermille).toBe(20);
    expect(snapshot.terms.gradeAdjustments).toEqual([{ gradeCode: "G2", lakPerKg: -50 }]);
    // The counter gave no foreign-matter basis: no schedule.
    expect(snapshot.terms).not.toHaveProperty("foreignMatterBasisPermille");
    expect(snapshot.terms).not.toHaveProperty("foreignMatterTable");
  });

  it("refuses a grade step on the grade offered, and a grade the crop lacks, writing nothing", async () => {
    const fo = await createFo();
    const listing = await publishedListing(fo);
    const trader = await createCompany();
    const made = await makeOffer(
      db,
      trader.trader,
      { listingId: listing.id, companyId: trader.company.id },
      await offerTerms({ "gradeAdjustment.G1": "+100", "gradeAdjustment.G7": "-10" }),
    );
    expect(made).toEqual({
      ok: false,
      fieldErrors: { "gradeAdjustment.G1": "offers:errors.offeredGradeAdjusted", "gradeAdjustment.G7": "offers:errors.unknownGrade" },
    });
    expect(await db.offer.count({ where: { listingId: listing.id } })).toBe(0);
  });

  it("answers a bad tolerance on the counter-offer page with a field error and changes nothing", async () => {
    const { fo, offerId } = await scene();
    const form: Record<string, string> = { revision: "1" };
    const terms = await offerTerms();
    form.priceLakPerKg = String(terms.priceLakPerKg);
    const result = await call(
      respondAction,
      await request(`/offers/${offerId}/respond`, {
        userId: fo.leader.id,
        form: {
          ...form,
          quantityKg: "3000",
          gradeId: terms.gradeId,
          moistureBasis: "14",
          deliveryDate: "2030-01-01",
          deliveryPlace: "x",
          transportPaidBy: "trader",
          bagsPaidBy: "trader",
          paymentDays: "7",
          validUntil: "2030-01-01",
          templateCode: "spot_fixed",
          tolerance: "30",
        },
      }),
      { offerId },
    );
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toMatchObject({ tolerance: "validation:tooHigh" });
    expect(await db.offerRevision.count({ where: { offerId } })).toBe(1);
  });

  it("writes a contract from an offer made before these terms exactly as then: 5 %, no grade prices, no schedule", async () => {
    const { fo, offerId } = await scene({});
    // A revision as the migration leaves one written before it.
    await db.$executeRaw`UPDATE "OfferRevision" SET "gradeAdjustments" = NULL, "foreignMatterBasisPermille" = NULL, "foreignMatterTable" = NULL, "tolerancePermille" = 50 WHERE "offerId" = ${offerId}`;
    const contract = await accept(fo, offerId, 1);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.terms.tolerancePermille).toBe(50);
    for (const key of ["gradeAdjustments", "foreignMatterBasisPermille", "foreignMatterTable"]) expect(snapshot.terms).not.toHaveProperty(key);
    expect(contract.textEn).not.toContain("Foreign matter");
    expect(contract.textEn).not.toContain("Price by grade");
    expect(contract.summaryEn).toContain("Nothing else is deducted except the weight of the empty bags.");
    const template = await db.contractTemplate.findUniqueOrThrow({ where: { id: contract.templateId } });
    expect(renderContract(snapshot, readClauses(template.clauses)).sha256).toBe(contract.sha256);
  });
});
