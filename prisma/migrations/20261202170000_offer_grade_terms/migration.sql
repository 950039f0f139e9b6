-- Offers and contracts price grades and foreign matter, and the quantity tolerance
-- becomes a term of the offer. Crops carry the defaults: a price step per grade,
-- a foreign-matter basis and schedule. Revisions written before keep their meaning:
-- tolerance 5 % (as fixed until now), no grade prices, no foreign-matter schedule.
--
-- Columns are added in place (ALTER TABLE … ADD COLUMN, as 20261202152000 did)
-- rather than by the table rebuild `prisma migrate diff` prints for a NOT NULL
-- column with a default: a rebuild of "OfferRevision" would drop its AgreedPrice
-- triggers and break those on "Offer" and "Listing" that read it
-- (20261202150200_report_reach). The resulting schema is the same, so
-- `migrate diff --exit-code` reports no drift.

-- AlterTable
ALTER TABLE "Crop" ADD COLUMN "foreignMatterBasisPermille" INTEGER;

-- AlterTable
ALTER TABLE "CropGrade" ADD COLUMN "premiumLakPerKg" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "OfferRevision" ADD COLUMN "tolerancePermille" INTEGER NOT NULL DEFAULT 50;
ALTER TABLE "OfferRevision" ADD COLUMN "gradeAdjustments" TEXT;
ALTER TABLE "OfferRevision" ADD COLUMN "foreignMatterBasisPermille" INTEGER;
ALTER TABLE "OfferRevision" ADD COLUMN "foreignMatterTable" TEXT;

-- CreateTable
CREATE TABLE "ForeignMatterBand" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cropId" TEXT NOT NULL,
    "fromPermille" INTEGER NOT NULL,
    "toPermille" INTEGER NOT NULL,
    "kgPerTonnePerPoint" INTEGER NOT NULL,
    CONSTRAINT "ForeignMatterBand_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ForeignMatterBand_cropId_fromPermille_key" ON "ForeignMatterBand"("cropId", "fromPermille");
