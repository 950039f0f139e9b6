-- The market's read indexes (~/domain/listings/search.server): each begins
-- with a search's equality filters and the page's order, and carries every
-- other column a search filters on, so a page of the market reads its 20
-- entries in order and the capped count of matches stays inside one index.
-- They replace the single-order indexes, whose leading columns they keep.

-- DropIndex
DROP INDEX "Listing_offerDeadline_idx";

-- DropIndex
DROP INDEX "Listing_cropId_offerDeadline_idx";

-- DropIndex
DROP INDEX "Listing_districtId_offerDeadline_idx";

-- DropIndex
DROP INDEX "Listing_provinceId_offerDeadline_idx";

-- DropIndex
DROP INDEX "Listing_totalKg_idx";

-- DropIndex
DROP INDEX "Listing_publishedAt_idx";

-- CreateIndex
CREATE INDEX "Listing_market_deadline_idx" ON "Listing"("offerDeadline", "id", "status", "totalKg", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_crop_idx" ON "Listing"("cropId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "provinceId", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_district_idx" ON "Listing"("districtId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_province_idx" ON "Listing"("provinceId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_crop_district_idx" ON "Listing"("cropId", "districtId", "offerDeadline", "id", "status", "totalKg", "publishedAt", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_quantity_idx" ON "Listing"("totalKg" DESC, "id", "status", "offerDeadline", "availableFrom", "availableUntil");

-- CreateIndex
CREATE INDEX "Listing_market_newest_idx" ON "Listing"("publishedAt" DESC, "id", "status", "offerDeadline", "totalKg", "availableFrom", "availableUntil");

-- Statistics for the new indexes, like those ANALYZE keeps for the others
-- (the scale data set is analyzed when it is made). Without them SQLite
-- guesses ten listings per crop and drives the price band's agreed-price
-- query from every listing of the crop instead of from the offers accepted
-- in its window. A fraction of a second at ten times the programme; nothing
-- on an empty table.
ANALYZE "Listing_market_deadline_idx";
ANALYZE "Listing_market_crop_idx";
ANALYZE "Listing_market_district_idx";
ANALYZE "Listing_market_province_idx";
ANALYZE "Listing_market_crop_district_idx";
ANALYZE "Listing_market_quantity_idx";
ANALYZE "Listing_market_newest_idx";
