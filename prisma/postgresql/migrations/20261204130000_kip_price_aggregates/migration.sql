-- The SQLite migration 20261204130000_kip_price_aggregates, in plpgsql: prices
-- in baht or yuan (hundredths of their own currency, decision 0021) stay out of
-- the kip aggregates; a contract's kilograms still count in the report's
-- volumes, its value does not enter the kip sums.

DROP TRIGGER "PriceTally_contract_insert" ON "Contract";
CREATE TRIGGER "PriceTally_contract_insert" AFTER INSERT ON "Contract" FOR EACH ROW
WHEN (NEW."currency" = 'LAK' AND NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL) EXECUTE FUNCTION "PriceTally_contract_insert"();

DROP TRIGGER "PriceTally_contract_update" ON "Contract";
CREATE TRIGGER "PriceTally_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract" FOR EACH ROW
WHEN (NEW."currency" = 'LAK' AND ((OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL)))
EXECUTE FUNCTION "PriceTally_contract_update"();

CREATE OR REPLACE FUNCTION "ReportMonthly_contract_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  VALUES ("portal_vientiane_month"(NEW."activatedAt"), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", CASE WHEN NEW."currency" = 'LAK' THEN NEW."valueLak" ELSE 0 END)
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "ReportMonthly"."contracts" + 1, "contractedKg" = "ReportMonthly"."contractedKg" + excluded."contractedKg", "contractedLak" = "ReportMonthly"."contractedLak" + excluded."contractedLak";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "ReportMonthly_contract_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "contracts" = "contracts" - 1, "contractedKg" = "contractedKg" - OLD."quantityKg",
    "contractedLak" = "contractedLak" - CASE WHEN OLD."currency" = 'LAK' THEN OLD."valueLak" ELSE 0 END
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "month" = "portal_vientiane_month"(OLD."activatedAt") AND "districtId" = OLD."districtId" AND "cropId" = OLD."cropId";
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  SELECT "portal_vientiane_month"(NEW."activatedAt"), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", CASE WHEN NEW."currency" = 'LAK' THEN NEW."valueLak" ELSE 0 END
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "ReportMonthly"."contracts" + 1, "contractedKg" = "ReportMonthly"."contractedKg" + excluded."contractedKg", "contractedLak" = "ReportMonthly"."contractedLak" + excluded."contractedLak";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "ReportMonthly_delivery_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT "portal_vientiane_month"(NEW."deliveredOn"), c."districtId", c."cropId", 1, NEW."netKg", CASE WHEN c."currency" = 'LAK' THEN NEW."amountDueLak" ELSE 0 END
  FROM "Contract" c WHERE c."id" = NEW."contractId"
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "ReportMonthly"."deliveries" + 1, "deliveredKg" = "ReportMonthly"."deliveredKg" + excluded."deliveredKg", "deliveredLak" = "ReportMonthly"."deliveredLak" + excluded."deliveredLak";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "ReportMonthly_delivery_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg",
    "deliveredLak" = "deliveredLak" - CASE WHEN EXISTS (SELECT 1 FROM "Contract" c WHERE c."id" = OLD."contractId" AND c."currency" = 'LAK') THEN OLD."amountDueLak" ELSE 0 END
  WHERE OLD."status" = 'confirmed' AND "month" = "portal_vientiane_month"(OLD."deliveredOn")
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT "portal_vientiane_month"(NEW."deliveredOn"), c."districtId", c."cropId", 1, NEW."netKg", CASE WHEN c."currency" = 'LAK' THEN NEW."amountDueLak" ELSE 0 END
  FROM "Contract" c
  WHERE c."id" = NEW."contractId" AND NEW."status" = 'confirmed'
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "ReportMonthly"."deliveries" + 1, "deliveredKg" = "ReportMonthly"."deliveredKg" + excluded."deliveredKg", "deliveredLak" = "ReportMonthly"."deliveredLak" + excluded."deliveredLak";
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "ReportMonthly_delivery_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg",
    "deliveredLak" = "deliveredLak" - CASE WHEN EXISTS (SELECT 1 FROM "Contract" c WHERE c."id" = OLD."contractId" AND c."currency" = 'LAK') THEN OLD."amountDueLak" ELSE 0 END
  WHERE "month" = "portal_vientiane_month"(OLD."deliveredOn")
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "AgreedPrice_offer_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId" AND r."currency" = 'LAK';
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "AgreedPrice_offer_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId"
  WHERE l."id" = NEW."listingId" AND NEW."status" = 'accepted' AND r."currency" = 'LAK';
  RETURN NULL;
END $$;

DROP TRIGGER "AgreedPrice_revision_insert" ON "OfferRevision";
CREATE TRIGGER "AgreedPrice_revision_insert" AFTER INSERT ON "OfferRevision" FOR EACH ROW
WHEN (NEW."currency" = 'LAK') EXECUTE FUNCTION "AgreedPrice_revision_insert"();

CREATE OR REPLACE FUNCTION "AgreedPrice_listing_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT o."id", NEW."cropId", NEW."districtId", NEW."provinceId", o."acceptedAt", r."priceLakPerKg"
  FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE o."listingId" = NEW."id" AND o."status" = 'accepted' AND r."currency" = 'LAK'
  ON CONFLICT ("offerId") DO NOTHING;
  RETURN NULL;
END $$;

-- What is already there, counted again without the prices in baht or yuan.
DELETE FROM "PriceTally" WHERE "kind" = 'contract';
INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
SELECT "cropId", "districtId", "portal_vientiane_month"("activatedAt"), 'contract', "priceLakPerKg", count(*)
FROM "Contract" WHERE "currency" = 'LAK' AND "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3, 5;

DELETE FROM "ReportMonthly";
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
SELECT "portal_vientiane_month"("activatedAt"), "districtId", "cropId", count(*), sum("quantityKg"), sum(CASE WHEN "currency" = 'LAK' THEN "valueLak" ELSE 0 END)
FROM "Contract" WHERE "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
SELECT "portal_vientiane_month"(d."deliveredOn"), c."districtId", c."cropId", count(*), sum(d."netKg"), sum(CASE WHEN c."currency" = 'LAK' THEN d."amountDueLak" ELSE 0 END)
FROM "Delivery" d JOIN "Contract" c ON c."id" = d."contractId" WHERE d."status" = 'confirmed' GROUP BY 1, 2, 3
ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
  "deliveries" = excluded."deliveries", "deliveredKg" = excluded."deliveredKg", "deliveredLak" = excluded."deliveredLak";

DELETE FROM "AgreedPrice" WHERE "offerId" IN (
  SELECT o."id" FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE r."currency" <> 'LAK'
);
