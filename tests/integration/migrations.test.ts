// Migrations that move data: applied to a database written at the schema
// before them, they must keep every contract readable and every figure equal.
import Database from "better-sqlite3";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/contract-hash";

const MIGRATIONS = path.resolve("prisma/migrations");
const folders = readdirSync(MIGRATIONS)
  .filter((f) => /^\d{14}_/.test(f))
  .sort();
const file = path.resolve("tests/.tmp", `migrations-${process.pid}.db`);

function apply(db: Database.Database, upTo: (folder: string) => boolean) {
  for (const folder of folders.filter(upTo)) db.exec(readFileSync(path.join(MIGRATIONS, folder, "migration.sql"), "utf8"));
}

afterAll(() => rmSync(file, { force: true }));

describe("moving contract content to ContractDocument", () => {
  it("copies every contract's snapshot and texts, fills the term columns from the snapshot, and counts each listing's households", () => {
    const target = folders.findIndex((f) => f.endsWith("_contract_documents_and_market_indexes"));
    expect(target).toBeGreaterThan(0);
    rmSync(file, { force: true });
    const db = new Database(file);
    apply(db, (f) => folders.indexOf(f) < target);
    // The rows below stand alone: no users, offers or templates behind them.
    db.pragma("foreign_keys = OFF");

    const at = "2026-10-01T03:00:00.000+00:00";
    db.exec(`INSERT INTO "Crop" (id, code, nameLo, nameEn, standardMoisturePermille) VALUES ('crop', 'MAIZE', 'ສາລີ', 'Maize', 140)`);
    db.exec(`INSERT INTO "Listing" (id, organisationId, cropId, gradeId, totalKg, availableFrom, availableUntil, districtId, provinceId, offerMode, offerDeadline, status, createdById, updatedAt)
             VALUES ('listing', 'fo', 'crop', 'grade', 3000, '${at}', '${at}', 'district', 'province', 'open', '${at}', 'contracted', 'user', '${at}')`);
    for (const [i, kg] of [1000, 1500, 500].entries())
      db.exec(`INSERT INTO "Pledge" (id, listingId, memberId, kg) VALUES ('p${i}', 'listing', 'm${i}', ${kg})`);
    const snapshot = JSON.stringify({
      terms: {
        quantityKg: 3000,
        priceLakPerKg: 3100,
        floorPriceLakPerKg: 2800,
        paymentDays: 7,
        advanceLak: "2000000",
        deliveryDate: "2026-11-15T00:00:00.000Z",
      },
    });
    const textLo = "ສັນຍາ";
    const textEn = "Contract";
    db.prepare(
      `INSERT INTO "Contract" (id, number, year, sequence, offerId, acceptedRevisionId, listingId, organisationId, companyId, districtId, templateId, snapshot, summaryLo, summaryEn, textLo, textEn, sha256, valueLak, status, activatedAt, createdAt)
       VALUES ('contract', 'SSJ-2026-0001', 2026, 1, 'offer', 'revision', 'listing', 'fo', 'company', 'district', 'template', ?, 'ສະຫຼຸບ', 'Summary', ?, ?, ?, 8400000, 'active', ?, ?)`,
    ).run(snapshot, textLo, textEn, contractHash(textLo, textEn), at, at);

    apply(db, (f) => folders.indexOf(f) >= target);
    const contract = db.prepare(`SELECT * FROM "Contract" WHERE id = 'contract'`).get() as Record<string, unknown>;
    expect(contract).toMatchObject({
      cropId: "crop",
      quantityKg: 3000,
      priceLakPerKg: 3100,
      floorPriceLakPerKg: 2800,
      paymentDays: 7,
      advanceLak: 2_000_000,
      deliveryDate: "2026-11-15T00:00:00.000+00:00",
      sha256: contractHash(textLo, textEn),
      status: "active",
      activatedAt: at,
    });
    expect(contract).not.toHaveProperty("textEn");
    expect(db.prepare(`SELECT * FROM "ContractDocument"`).all()).toEqual([
      { contractId: "contract", snapshot, summaryLo: "ສະຫຼຸບ", summaryEn: "Summary", textLo, textEn },
    ]);
    expect(db.prepare(`SELECT totalKg, householdCount FROM "Listing"`).get()).toEqual({ totalKg: 3000, householdCount: 3 });
    db.close();
  });
});

describe("offer grade terms (20261202170000_offer_grade_terms)", () => {
  it("gives revisions written before the fixed 5 % tolerance and no grade prices or schedule, and keeps the AgreedPrice triggers on OfferRevision", () => {
    const target = folders.findIndex((f) => f.endsWith("_offer_grade_terms"));
    expect(target).toBeGreaterThan(0);
    rmSync(file, { force: true });
    const db = new Database(file);
    apply(db, (f) => folders.indexOf(f) < target);
    db.pragma("foreign_keys = OFF");
    const at = "2026-10-01T03:00:00.000+00:00";
    db.exec(`INSERT INTO "OfferRevision" (id, offerId, number, byParty, byUserId, priceLakPerKg, quantityKg, gradeId, moistureBasisPermille, deductionTable, deliveryDate, deliveryPlace, transportPaidBy, bagsPaidBy, paymentDays, validUntil)
             VALUES ('r1', 'o1', 1, 'trader', 'u', 3100, 3000, 'g', 140, '[]', '${at}', 'x', 'trader', 'trader', 7, '${at}')`);
    const triggersBefore = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all();
    apply(db, (f) => folders.indexOf(f) >= target);
    expect(
      db.prepare(`SELECT tolerancePermille, gradeAdjustments, foreignMatterBasisPermille, foreignMatterTable FROM "OfferRevision" WHERE id = 'r1'`).get(),
    ).toEqual({
      tolerancePermille: 50,
      gradeAdjustments: null,
      foreignMatterBasisPermille: null,
      foreignMatterTable: null,
    });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).all()).toEqual(triggersBefore);
    expect(triggersBefore).toContainEqual({ name: "AgreedPrice_revision_insert" });
    db.close();
  });
});
