-- The moisture an FO expects its lot to have at delivery; NULL keeps the default
-- for the crop and season, so listings written before keep a meaning.
-- AlterTable
ALTER TABLE "Listing" ADD COLUMN "expectedMoisturePermille" INTEGER;
