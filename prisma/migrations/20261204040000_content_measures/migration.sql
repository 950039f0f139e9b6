-- Crops paid on a content beside their weight: dry rubber content for rubber
-- cup lump, starch for fresh cassava roots. The crop carries the measure and the
-- default basis and step, an offer revision its own basis and step (a term of
-- the offer, frozen in the contract's snapshot), a listing the content the FO
-- expects, and each lot its measured content and the adjustment worked out from
-- it. Rows written before keep their meaning: no content term, no adjustment.
--
-- Columns are added in place (as 20261202170000 did): rebuilding "OfferRevision",
-- "Listing" or "Delivery" would drop the report and AgreedPrice triggers on them.

-- AlterTable
ALTER TABLE "Crop" ADD COLUMN "contentMeasure" TEXT;
ALTER TABLE "Crop" ADD COLUMN "contentBasisPermille" INTEGER;
ALTER TABLE "Crop" ADD COLUMN "contentStepLakPerKg" INTEGER;

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN "expectedContentPermille" INTEGER;

-- AlterTable
ALTER TABLE "OfferRevision" ADD COLUMN "contentBasisPermille" INTEGER;
ALTER TABLE "OfferRevision" ADD COLUMN "contentStepLakPerKg" INTEGER;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "contentAdjustmentLak" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "Delivery" ADD COLUMN "contentPermille" INTEGER;

-- AlterTable
ALTER TABLE "DeliveryLot" ADD COLUMN "contentPermille" INTEGER;
ALTER TABLE "DeliveryLot" ADD COLUMN "contentAdjustmentLak" BIGINT NOT NULL DEFAULT 0;
