-- AlterTable
ALTER TABLE "Crop" ADD COLUMN     "contentBasisPermille" INTEGER,
ADD COLUMN     "contentMeasure" TEXT,
ADD COLUMN     "contentStepLakPerKg" INTEGER;

-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN     "contentAdjustmentLak" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "contentPermille" INTEGER;

-- AlterTable
ALTER TABLE "DeliveryLot" ADD COLUMN     "contentAdjustmentLak" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "contentPermille" INTEGER;

-- AlterTable
ALTER TABLE "Listing" ADD COLUMN     "expectedContentPermille" INTEGER;

-- AlterTable
ALTER TABLE "OfferRevision" ADD COLUMN     "contentBasisPermille" INTEGER,
ADD COLUMN     "contentStepLakPerKg" INTEGER;

