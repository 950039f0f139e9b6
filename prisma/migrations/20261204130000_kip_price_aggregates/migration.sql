-- The price board, the price band and the programme report's value columns are
-- in kip. A contract or an accepted offer written in baht or yuan holds
-- hundredths of its own currency in the same columns (decision 0021): counted
-- as kip, 9.85 THB/kg would enter the board as 985 LAK/kg. Such prices are left
-- out of the kip aggregates (the board and the band show prices in kip only). A
-- contract's kilograms still count in the report's volumes (a kilogram is a
-- kilogram), its value does not enter the kip sums. A contract's and a
-- revision's currency never change after they are written.

DROP TRIGGER "PriceTally_contract_insert";
DROP TRIGGER "PriceTally_contract_update";
DROP TRIGGER "ReportMonthly_contract_insert";
DROP TRIGGER "ReportMonthly_contract_update";
DROP TRIGGER "ReportMonthly_delivery_insert";
DROP TRIGGER "ReportMonthly_delivery_update";
DROP TRIGGER "ReportMonthly_delivery_delete";
DROP TRIGGER "AgreedPrice_offer_insert";
DROP TRIGGER "AgreedPrice_offer_update";
DROP TRIGGER "AgreedPrice_revision_insert";
DROP TRIGGER "AgreedPrice_listing_insert";

CREATE TRIGGER "PriceTally_contract_insert" AFTER INSERT ON "Contract"
WHEN NEW."currency" = 'LAK' AND NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
BEGIN
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  VALUES (NEW."cropId", NEW."districtId", strftime('%Y-%m', NEW."activatedAt", '+7 hours'), 'contract', NEW."priceLakPerKg", 1)
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "PriceTally_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract"
WHEN NEW."currency" = 'LAK' AND ((OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL))
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "cropId" = OLD."cropId" AND "place" = OLD."districtId" AND "month" = strftime('%Y-%m', OLD."activatedAt", '+7 hours')
    AND "kind" = 'contract' AND "priceLakPerKg" = OLD."priceLakPerKg";
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  SELECT NEW."cropId", NEW."districtId", strftime('%Y-%m', NEW."activatedAt", '+7 hours'), 'contract', NEW."priceLakPerKg", 1
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "ReportMonthly_contract_insert" AFTER INSERT ON "Contract"
WHEN NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  VALUES (strftime('%Y-%m', NEW."activatedAt", '+7 hours'), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", CASE WHEN NEW."currency" = 'LAK' THEN NEW."valueLak" ELSE 0 END)
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "contracts" + 1, "contractedKg" = "contractedKg" + excluded."contractedKg", "contractedLak" = "contractedLak" + excluded."contractedLak";
END;

CREATE TRIGGER "ReportMonthly_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract"
WHEN (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL)
BEGIN
  UPDATE "ReportMonthly" SET "contracts" = "contracts" - 1, "contractedKg" = "contractedKg" - OLD."quantityKg",
    "contractedLak" = "contractedLak" - CASE WHEN OLD."currency" = 'LAK' THEN OLD."valueLak" ELSE 0 END
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "month" = strftime('%Y-%m', OLD."activatedAt", '+7 hours') AND "districtId" = OLD."districtId" AND "cropId" = OLD."cropId";
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  SELECT strftime('%Y-%m', NEW."activatedAt", '+7 hours'), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", CASE WHEN NEW."currency" = 'LAK' THEN NEW."valueLak" ELSE 0 END
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "contracts" + 1, "contractedKg" = "contractedKg" + excluded."contractedKg", "contractedLak" = "contractedLak" + excluded."contractedLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_insert" AFTER INSERT ON "Delivery"
WHEN NEW."status" = 'confirmed'
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT strftime('%Y-%m', NEW."deliveredOn", '+7 hours'), c."districtId", c."cropId", 1, NEW."netKg", CASE WHEN c."currency" = 'LAK' THEN NEW."amountDueLak" ELSE 0 END
  FROM "Contract" c WHERE c."id" = NEW."contractId"
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "deliveries" + 1, "deliveredKg" = "deliveredKg" + excluded."deliveredKg", "deliveredLak" = "deliveredLak" + excluded."deliveredLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_update" AFTER UPDATE OF "status", "deliveredOn", "netKg", "amountDueLak", "contractId" ON "Delivery"
WHEN OLD."status" = 'confirmed' OR NEW."status" = 'confirmed'
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg",
    "deliveredLak" = "deliveredLak" - CASE WHEN EXISTS (SELECT 1 FROM "Contract" c WHERE c."id" = OLD."contractId" AND c."currency" = 'LAK') THEN OLD."amountDueLak" ELSE 0 END
  WHERE OLD."status" = 'confirmed' AND "month" = strftime('%Y-%m', OLD."deliveredOn", '+7 hours')
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT strftime('%Y-%m', NEW."deliveredOn", '+7 hours'), c."districtId", c."cropId", 1, NEW."netKg", CASE WHEN c."currency" = 'LAK' THEN NEW."amountDueLak" ELSE 0 END
  FROM "Contract" c
  WHERE c."id" = NEW."contractId" AND NEW."status" = 'confirmed'
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "deliveries" + 1, "deliveredKg" = "deliveredKg" + excluded."deliveredKg", "deliveredLak" = "deliveredLak" + excluded."deliveredLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_delete" AFTER DELETE ON "Delivery"
WHEN OLD."status" = 'confirmed'
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg",
    "deliveredLak" = "deliveredLak" - CASE WHEN EXISTS (SELECT 1 FROM "Contract" c WHERE c."id" = OLD."contractId" AND c."currency" = 'LAK') THEN OLD."amountDueLak" ELSE 0 END
  WHERE "month" = strftime('%Y-%m', OLD."deliveredOn", '+7 hours')
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
END;

CREATE TRIGGER "AgreedPrice_offer_insert" AFTER INSERT ON "Offer"
WHEN NEW."status" = 'accepted'
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId" AND r."currency" = 'LAK';
END;

CREATE TRIGGER "AgreedPrice_offer_update" AFTER UPDATE OF "status", "acceptedAt", "acceptedRevisionId", "listingId" ON "Offer"
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId"
  WHERE l."id" = NEW."listingId" AND NEW."status" = 'accepted' AND r."currency" = 'LAK';
END;

CREATE TRIGGER "AgreedPrice_revision_insert" AFTER INSERT ON "OfferRevision"
WHEN NEW."currency" = 'LAK'
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
  FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE o."listingId" = NEW."id" AND o."status" = 'accepted' AND r."currency" = 'LAK'
  ON CONFLICT ("offerId") DO NOTHING;
END;

-- What is already there, counted again without the prices in baht or yuan.
DELETE FROM "PriceTally" WHERE "kind" = 'contract';
INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
SELECT "cropId", "districtId", strftime('%Y-%m', "activatedAt", '+7 hours'), 'contract', "priceLakPerKg", count(*)
FROM "Contract" WHERE "currency" = 'LAK' AND "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3, 5;

DELETE FROM "ReportMonthly";
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
SELECT strftime('%Y-%m', "activatedAt", '+7 hours'), "districtId", "cropId", count(*), sum("quantityKg"), sum(CASE WHEN "currency" = 'LAK' THEN "valueLak" ELSE 0 END)
FROM "Contract" WHERE "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
SELECT strftime('%Y-%m', d."deliveredOn", '+7 hours'), c."districtId", c."cropId", count(*), sum(d."netKg"), sum(CASE WHEN c."currency" = 'LAK' THEN d."amountDueLak" ELSE 0 END)
FROM "Delivery" d JOIN "Contract" c ON c."id" = d."contractId" WHERE d."status" = 'confirmed' GROUP BY 1, 2, 3
ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
  "deliveries" = excluded."deliveries", "deliveredKg" = excluded."deliveredKg", "deliveredLak" = excluded."deliveredLak";

DELETE FROM "AgreedPrice" WHERE "offerId" IN (
  SELECT o."id" FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE r."currency" <> 'LAK'
);
