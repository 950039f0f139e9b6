-- The production site of a pledge: the field's area (m²) and village. Added
-- column by column: redefining Pledge would drop its ReportReach triggers.
ALTER TABLE "Pledge" ADD COLUMN "areaM2" INTEGER;
ALTER TABLE "Pledge" ADD COLUMN "siteVillageId" TEXT REFERENCES "Village" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
