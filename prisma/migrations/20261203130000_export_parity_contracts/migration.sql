-- Export parity with a floor: the offer names the export reference series, the
-- kind of exchange rate and the margin; a delivery keeps the figures its price
-- was worked out from. Columns are added in place: both tables carry summary
-- triggers that a redefinition of the table would drop.
ALTER TABLE "OfferRevision" ADD COLUMN "exportMarket" TEXT;
ALTER TABLE "OfferRevision" ADD COLUMN "exportCurrency" TEXT;
ALTER TABLE "OfferRevision" ADD COLUMN "exportRateSourceKind" TEXT;
ALTER TABLE "OfferRevision" ADD COLUMN "exportMarginLakPerKg" INTEGER;
ALTER TABLE "Delivery" ADD COLUMN "exportPriceHundredthsPerKg" INTEGER;
ALTER TABLE "Delivery" ADD COLUMN "exportObservedOn" DATETIME;
ALTER TABLE "Delivery" ADD COLUMN "exportSourceName" TEXT;
ALTER TABLE "Delivery" ADD COLUMN "exchangeLakPerHundred" INTEGER;
ALTER TABLE "Delivery" ADD COLUMN "exchangeObservedOn" DATETIME;
ALTER TABLE "Delivery" ADD COLUMN "exchangeSourceName" TEXT;
