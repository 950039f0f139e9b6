-- What the programme report, the price board and the price band read instead
-- of history: who the contracts in force reached (ReportReach), the agreed
-- prices of accepted offers by crop and place (AgreedPrice), and a version
-- per page whose finished figures are kept in memory (DataVersion). All kept
-- by triggers in the transaction of the writes they follow; each has a test
-- comparing it with a recount of the records.

-- CreateTable
CREATE TABLE "ReportReach" (
    "kind" TEXT NOT NULL,
    "reachedId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL,
    "prevDay" TEXT,
    "memberSex" TEXT,
    "householdHeadSex" TEXT,
    "birthYear" INTEGER,

    PRIMARY KEY ("kind", "reachedId", "districtId", "day")
);

-- CreateTable
CREATE TABLE "ReportReachShared" (
    "kind" TEXT NOT NULL,
    "reachedId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "memberSex" TEXT,
    "householdHeadSex" TEXT,
    "birthYear" INTEGER,

    PRIMARY KEY ("kind", "reachedId", "districtId", "day")
);

-- CreateTable
CREATE TABLE "DataVersion" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" BIGINT NOT NULL DEFAULT 0
);

-- CreateIndex
CREATE INDEX "ReportReach_scan_idx" ON "ReportReach"("kind", "districtId", "day", "prevDay", "memberSex", "householdHeadSex", "birthYear");

-- CreateIndex
CREATE INDEX "ReportReachShared_day_idx" ON "ReportReachShared"("day", "districtId", "kind", "reachedId", "memberSex", "householdHeadSex", "birthYear");

-- CreateTable
CREATE TABLE "AgreedPrice" (
    "offerId" TEXT NOT NULL PRIMARY KEY,
    "cropId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "acceptedAt" DATETIME,
    "priceLakPerKg" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_districtId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "districtId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_provinceId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "provinceId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "AgreedPrice_cropId_acceptedAt_priceLakPerKg_idx" ON "AgreedPrice"("cropId", "acceptedAt", "priceLakPerKg");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_observedOn_idx" ON "ReferencePrice"("cropId", "observedOn");

-- CreateIndex
CREATE INDEX "Contract_listingId_idx" ON "Contract"("listingId");

-- CreateIndex
CREATE INDEX "Contract_report_idx" ON "Contract"("districtId", "status", "activatedAt", "dueFrom", "lateFrom");

-- ReportReach: who a contract reached, for the programme report's distinct
-- counts (~/domain/reports/reports.server). One row per kind ('organisation':
-- the contract's FO; 'household': a member who pledged more than 0 kg to the
-- contract's listing), reached id, district and Vientiane day, for the
-- contracts in force or done (active, completed, disputed) activated that day
-- in that district; "contracts" counts them, and the row goes when it reaches
-- none. "prevDay" is the day the same FO or household was last reached before
-- in the same district (null: never), so the distinct count over a period is
-- the rows of the period whose prevDay falls before it: one per FO or
-- household, read in index order without sorting. A household's sex and
-- year of birth are copied for the sex and youth figures.
--
-- ReportReachShared: a copy of the rows of the FOs and households reached in
-- more than one district, the only ones a total over several districts must
-- not count twice (usually none: a table of its own, so that reading it never
-- depends on the planner guessing how rare they are).
--
-- Kept by the database in the transaction of every write that changes it:
-- a contract entering or leaving force (signature, completion, dispute,
-- cancellation, an amendment superseding it) or being dated again, a pledge
-- added, removed or changed on a listing with a contract in force (the portal
-- only changes the pledges of drafts, but whoever writes is counted), and a
-- member's sex or year of birth corrected. The rows' own triggers keep prevDay
-- and ReportReachShared when a row comes or goes.
--
-- DataVersion: a counter per page whose finished figures are kept in memory
-- ("programmeReport", "priceBoard"), bumped in the same transaction as every
-- write that could change one of them, so what is kept can be trusted until
-- its version moves.

-- What is already there (before the triggers, which would otherwise fire for
-- every row).
INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts")
SELECT 'organisation', c."organisationId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), count(*)
FROM "Contract" c
WHERE c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
GROUP BY c."organisationId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours');

INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
SELECT 'household', p."memberId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), count(*), m."memberSex", m."householdHeadSex", m."birthYear"
FROM "Contract" c JOIN "Pledge" p ON p."listingId" = c."listingId" JOIN "Member" m ON m."id" = p."memberId"
WHERE c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL AND p."kg" > 0
GROUP BY p."memberId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), m."memberSex", m."householdHeadSex", m."birthYear";

UPDATE "ReportReach" SET "prevDay" = (
  SELECT max(q."day") FROM "ReportReach" q
  WHERE q."kind" = "ReportReach"."kind" AND q."reachedId" = "ReportReach"."reachedId" AND q."districtId" = "ReportReach"."districtId" AND q."day" < "ReportReach"."day"
);

INSERT INTO "ReportReachShared" ("kind", "reachedId", "districtId", "day", "memberSex", "householdHeadSex", "birthYear")
SELECT r."kind", r."reachedId", r."districtId", r."day", r."memberSex", r."householdHeadSex", r."birthYear" FROM "ReportReach" r
WHERE EXISTS (SELECT 1 FROM "ReportReach" q WHERE q."kind" = r."kind" AND q."reachedId" = r."reachedId" AND q."districtId" <> r."districtId");

INSERT INTO "DataVersion" ("name", "version") VALUES ('programmeReport', 0), ('priceBoard', 0);

-- The rows' own bookkeeping. A row that comes in takes the day of the row
-- before it and becomes the "before" of the row after it; a row that goes
-- hands its prevDay to the row after it. The rows of an FO or household
-- reached in two districts or more are copied to ReportReachShared, and
-- leave it when it no longer is. (Count changes are updates, which touch
-- neither.)
CREATE TRIGGER "ReportReach_row_insert" AFTER INSERT ON "ReportReach"
BEGIN
  UPDATE "ReportReach" SET "prevDay" = (
    SELECT max(q."day") FROM "ReportReach" q
    WHERE q."kind" = NEW."kind" AND q."reachedId" = NEW."reachedId" AND q."districtId" = NEW."districtId" AND q."day" < NEW."day"
  )
  WHERE "kind" = NEW."kind" AND "reachedId" = NEW."reachedId" AND "districtId" = NEW."districtId" AND "day" = NEW."day";
  UPDATE "ReportReach" SET "prevDay" = NEW."day"
  WHERE "kind" = NEW."kind" AND "reachedId" = NEW."reachedId" AND "districtId" = NEW."districtId" AND "day" = (
    SELECT min(q."day") FROM "ReportReach" q
    WHERE q."kind" = NEW."kind" AND q."reachedId" = NEW."reachedId" AND q."districtId" = NEW."districtId" AND q."day" > NEW."day"
  );
  INSERT INTO "ReportReachShared" ("kind", "reachedId", "districtId", "day", "memberSex", "householdHeadSex", "birthYear")
  SELECT r."kind", r."reachedId", r."districtId", r."day", r."memberSex", r."householdHeadSex", r."birthYear" FROM "ReportReach" r
  WHERE r."kind" = NEW."kind" AND r."reachedId" = NEW."reachedId"
    AND EXISTS (SELECT 1 FROM "ReportReach" q WHERE q."kind" = NEW."kind" AND q."reachedId" = NEW."reachedId" AND q."districtId" <> NEW."districtId")
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO NOTHING;
END;

CREATE TRIGGER "ReportReach_row_delete" AFTER DELETE ON "ReportReach"
BEGIN
  UPDATE "ReportReach" SET "prevDay" = OLD."prevDay"
  WHERE "kind" = OLD."kind" AND "reachedId" = OLD."reachedId" AND "districtId" = OLD."districtId" AND "day" = (
    SELECT min(q."day") FROM "ReportReach" q
    WHERE q."kind" = OLD."kind" AND q."reachedId" = OLD."reachedId" AND q."districtId" = OLD."districtId" AND q."day" > OLD."day"
  );
  DELETE FROM "ReportReachShared"
  WHERE "kind" = OLD."kind" AND "reachedId" = OLD."reachedId" AND "districtId" = OLD."districtId" AND "day" = OLD."day";
  DELETE FROM "ReportReachShared"
  WHERE "kind" = OLD."kind" AND "reachedId" = OLD."reachedId"
    AND NOT EXISTS (SELECT 1 FROM "ReportReach" q WHERE q."kind" = OLD."kind" AND q."reachedId" = OLD."reachedId" AND q."districtId" <> "ReportReachShared"."districtId");
END;

-- A contract comes into force (or is written in force).
CREATE TRIGGER "ReportReach_contract_insert" AFTER INSERT ON "Contract"
WHEN NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts")
  VALUES ('organisation', NEW."organisationId", NEW."districtId", strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours'), 1)
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', p."memberId", NEW."districtId", strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours'), 1, m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Pledge" p JOIN "Member" m ON m."id" = p."memberId"
  WHERE p."listingId" = NEW."listingId" AND p."kg" > 0
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
END;

-- A contract leaves force, or what it counts under changes (its day, listing,
-- district or FO): it stops counting where it counted. An update that keeps
-- it in force under the same key (active → disputed → active → completed)
-- changes nothing here.
CREATE TRIGGER "ReportReach_contract_leave" AFTER UPDATE OF "status", "activatedAt", "listingId", "districtId", "organisationId" ON "Contract"
WHEN OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
  AND NOT (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
    AND NEW."listingId" = OLD."listingId" AND NEW."districtId" = OLD."districtId" AND NEW."organisationId" = OLD."organisationId"
    AND strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours') = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours'))
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'organisation' AND "reachedId" = OLD."organisationId" AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours');
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'household' AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours')
    AND "reachedId" IN (SELECT p."memberId" FROM "Pledge" p WHERE p."listingId" = OLD."listingId" AND p."kg" > 0);
  DELETE FROM "ReportReach"
  WHERE "kind" IN ('organisation', 'household') AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours') AND "contracts" <= 0;
END;

CREATE TRIGGER "ReportReach_contract_enter" AFTER UPDATE OF "status", "activatedAt", "listingId", "districtId", "organisationId" ON "Contract"
WHEN NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  AND NOT (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND NEW."listingId" = OLD."listingId" AND NEW."districtId" = OLD."districtId" AND NEW."organisationId" = OLD."organisationId"
    AND strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours') = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours'))
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts")
  VALUES ('organisation', NEW."organisationId", NEW."districtId", strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours'), 1)
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', p."memberId", NEW."districtId", strftime('%Y-%m-%d', NEW."activatedAt", '+7 hours'), 1, m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Pledge" p JOIN "Member" m ON m."id" = p."memberId"
  WHERE p."listingId" = NEW."listingId" AND p."kg" > 0
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
END;

CREATE TRIGGER "ReportReach_contract_delete" AFTER DELETE ON "Contract"
WHEN OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'organisation' AND "reachedId" = OLD."organisationId" AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours');
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'household' AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours')
    AND "reachedId" IN (SELECT p."memberId" FROM "Pledge" p WHERE p."listingId" = OLD."listingId" AND p."kg" > 0);
  DELETE FROM "ReportReach"
  WHERE "kind" IN ('organisation', 'household') AND "districtId" = OLD."districtId" AND "day" = strftime('%Y-%m-%d', OLD."activatedAt", '+7 hours') AND "contracts" <= 0;
END;

-- A pledge (of more than 0 kg) counts once for every contract in force on
-- its listing.
CREATE TRIGGER "ReportReach_pledge_insert" AFTER INSERT ON "Pledge"
WHEN NEW."kg" > 0
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', NEW."memberId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), 1, m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Contract" c JOIN "Member" m ON m."id" = NEW."memberId"
  WHERE c."listingId" = NEW."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
END;

CREATE TRIGGER "ReportReach_pledge_delete" AFTER DELETE ON "Pledge"
WHEN OLD."kg" > 0
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - (
    SELECT count(*) FROM "Contract" c
    WHERE c."listingId" = OLD."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
      AND c."districtId" = "ReportReach"."districtId" AND strftime('%Y-%m-%d', c."activatedAt", '+7 hours') = "ReportReach"."day"
  )
  WHERE "kind" = 'household' AND "reachedId" = OLD."memberId";
  DELETE FROM "ReportReach" WHERE "kind" = 'household' AND "reachedId" = OLD."memberId" AND "contracts" <= 0;
END;

CREATE TRIGGER "ReportReach_pledge_update" AFTER UPDATE OF "kg", "listingId", "memberId" ON "Pledge"
WHEN (OLD."kg" > 0) <> (NEW."kg" > 0) OR NEW."listingId" <> OLD."listingId" OR NEW."memberId" <> OLD."memberId"
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - (
    SELECT count(*) FROM "Contract" c
    WHERE c."listingId" = OLD."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
      AND c."districtId" = "ReportReach"."districtId" AND strftime('%Y-%m-%d', c."activatedAt", '+7 hours') = "ReportReach"."day"
  )
  WHERE OLD."kg" > 0 AND "kind" = 'household' AND "reachedId" = OLD."memberId";
  DELETE FROM "ReportReach" WHERE OLD."kg" > 0 AND "kind" = 'household' AND "reachedId" = OLD."memberId" AND "contracts" <= 0;
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', NEW."memberId", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), 1, m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Contract" c JOIN "Member" m ON m."id" = NEW."memberId"
  WHERE NEW."kg" > 0 AND c."listingId" = NEW."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
END;

-- A member written after their pledges (a bulk load checks its keys at
-- commit): the pledges found nobody to count until now.
CREATE TRIGGER "ReportReach_member_insert" AFTER INSERT ON "Member"
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', NEW."id", c."districtId", strftime('%Y-%m-%d', c."activatedAt", '+7 hours'), 1, NEW."memberSex", NEW."householdHeadSex", NEW."birthYear"
  FROM "Pledge" p JOIN "Contract" c ON c."listingId" = p."listingId"
  WHERE p."memberId" = NEW."id" AND p."kg" > 0 AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "contracts" + 1;
END;

-- A member's sex or year of birth corrected: the report counts them as they are now.
CREATE TRIGGER "ReportReach_member_update" AFTER UPDATE OF "memberSex", "householdHeadSex", "birthYear" ON "Member"
BEGIN
  UPDATE "ReportReach" SET "memberSex" = NEW."memberSex", "householdHeadSex" = NEW."householdHeadSex", "birthYear" = NEW."birthYear"
  WHERE "kind" = 'household' AND "reachedId" = NEW."id";
  UPDATE "ReportReachShared" SET "memberSex" = NEW."memberSex", "householdHeadSex" = NEW."householdHeadSex", "birthYear" = NEW."birthYear"
  WHERE "kind" = 'household' AND "reachedId" = NEW."id";
END;

-- The report's data version: every write to what the report reads (contracts,
-- deliveries, pledges, members' sex and age, districts, provinces and crops by
-- name), whoever writes.
CREATE TRIGGER "DataVersion_report_contract_insert" AFTER INSERT ON "Contract" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_contract_update" AFTER UPDATE OF "status", "activatedAt", "dueFrom", "lateFrom", "listingId", "districtId", "organisationId", "cropId", "quantityKg", "valueLak" ON "Contract"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_contract_delete" AFTER DELETE ON "Contract" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_delivery_insert" AFTER INSERT ON "Delivery" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_delivery_update" AFTER UPDATE OF "status", "deliveredOn", "netKg", "amountDueLak", "contractId" ON "Delivery"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_delivery_delete" AFTER DELETE ON "Delivery" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_pledge_insert" AFTER INSERT ON "Pledge" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_pledge_update" AFTER UPDATE OF "kg", "listingId", "memberId" ON "Pledge"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_pledge_delete" AFTER DELETE ON "Pledge" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_member_insert" AFTER INSERT ON "Member" WHEN EXISTS (SELECT 1 FROM "Pledge" p WHERE p."memberId" = NEW."id") BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_member_update" AFTER UPDATE OF "memberSex", "householdHeadSex", "birthYear" ON "Member"
BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_district_insert" AFTER INSERT ON "District" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_district_update" AFTER UPDATE ON "District" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_district_delete" AFTER DELETE ON "District" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_province_update" AFTER UPDATE ON "Province" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_crop_insert" AFTER INSERT ON "Crop" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_crop_update" AFTER UPDATE ON "Crop" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;
CREATE TRIGGER "DataVersion_report_crop_delete" AFTER DELETE ON "Crop" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport'; END;

-- The price board reads the price tally alone: every change to it.
CREATE TRIGGER "DataVersion_board_tally_insert" AFTER INSERT ON "PriceTally" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'priceBoard'; END;
CREATE TRIGGER "DataVersion_board_tally_update" AFTER UPDATE ON "PriceTally" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'priceBoard'; END;
CREATE TRIGGER "DataVersion_board_tally_delete" AFTER DELETE ON "PriceTally" BEGIN UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'priceBoard'; END;

-- AgreedPrice: the price band's agreed prices (~/domain/prices/price-band.server):
-- one row per accepted offer, at its accepted revision's price, with its
-- listing's crop, district and province, so the band reads the offers of one
-- crop and place accepted in its window instead of every offer accepted in it.
-- Kept by the database: an offer accepted, no longer accepted, re-dated or
-- deleted; its listing's crop or place changed; its accepted revision changed.
INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
SELECT o."id", l."cropId", l."districtId", l."provinceId", o."acceptedAt", r."priceLakPerKg"
FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" JOIN "Listing" l ON l."id" = o."listingId"
WHERE o."status" = 'accepted';

CREATE TRIGGER "AgreedPrice_offer_insert" AFTER INSERT ON "Offer"
WHEN NEW."status" = 'accepted'
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId";
END;

CREATE TRIGGER "AgreedPrice_offer_update" AFTER UPDATE OF "status", "acceptedAt", "acceptedRevisionId", "listingId" ON "Offer"
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId" AND NEW."status" = 'accepted';
END;

-- Written in the other order (a bulk load checks its keys at commit: an offer
-- before its accepted revision, or before its listing).
CREATE TRIGGER "AgreedPrice_revision_insert" AFTER INSERT ON "OfferRevision"
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT o."id", l."cropId", l."districtId", l."provinceId", o."acceptedAt", NEW."priceLakPerKg"
  FROM "Offer" o JOIN "Listing" l ON l."id" = o."listingId" WHERE o."acceptedRevisionId" = NEW."id" AND o."status" = 'accepted'
  ON CONFLICT ("offerId") DO NOTHING;
END;

CREATE TRIGGER "AgreedPrice_listing_insert" AFTER INSERT ON "Listing"
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT o."id", NEW."cropId", NEW."districtId", NEW."provinceId", o."acceptedAt", r."priceLakPerKg"
  FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE o."listingId" = NEW."id" AND o."status" = 'accepted'
  ON CONFLICT ("offerId") DO NOTHING;
END;

CREATE TRIGGER "AgreedPrice_offer_delete" AFTER DELETE ON "Offer"
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
END;

CREATE TRIGGER "AgreedPrice_listing_update" AFTER UPDATE OF "cropId", "districtId", "provinceId" ON "Listing"
BEGIN
  UPDATE "AgreedPrice" SET "cropId" = NEW."cropId", "districtId" = NEW."districtId", "provinceId" = NEW."provinceId"
  WHERE "offerId" IN (SELECT o."id" FROM "Offer" o WHERE o."listingId" = NEW."id");
END;

CREATE TRIGGER "AgreedPrice_revision_update" AFTER UPDATE OF "priceLakPerKg" ON "OfferRevision"
BEGIN
  UPDATE "AgreedPrice" SET "priceLakPerKg" = NEW."priceLakPerKg"
  WHERE "offerId" IN (SELECT o."id" FROM "Offer" o WHERE o."acceptedRevisionId" = NEW."id");
END;

-- Statistics for the new indexes, like those ANALYZE keeps for the others.
ANALYZE "AgreedPrice";
ANALYZE "ReferencePrice_cropId_observedOn_idx";
ANALYZE "ReportReach";
ANALYZE "ReportReachShared";
ANALYZE "Contract_listingId_idx";
ANALYZE "Contract_report_idx";
