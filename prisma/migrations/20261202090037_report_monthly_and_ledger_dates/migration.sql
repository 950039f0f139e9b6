-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "dueFrom" DATETIME;
ALTER TABLE "Contract" ADD COLUMN "lateFrom" DATETIME;

-- CreateIndex
CREATE INDEX "Delivery_deliveredOn_idx" ON "Delivery"("deliveredOn");
CREATE INDEX "Offer_status_acceptedAt_idx" ON "Offer"("status", "acceptedAt");

-- CreateTable
CREATE TABLE "ReportMonthly" (
    "month" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "contracts" INTEGER NOT NULL DEFAULT 0,
    "contractedKg" BIGINT NOT NULL DEFAULT 0,
    "contractedLak" BIGINT NOT NULL DEFAULT 0,
    "deliveries" INTEGER NOT NULL DEFAULT 0,
    "deliveredKg" BIGINT NOT NULL DEFAULT 0,
    "deliveredLak" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("month", "districtId", "cropId")
);

-- ReportMonthly is kept by the database in the transaction of every write it
-- counts. A contract counts while in force or done (active, completed,
-- disputed), in the Vientiane month of activatedAt; a delivery counts while
-- confirmed, in the month of its delivery day, under its contract's district
-- and crop (which never change: they are frozen).
CREATE TRIGGER "ReportMonthly_contract_insert" AFTER INSERT ON "Contract"
WHEN NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  VALUES (strftime('%Y-%m', NEW."activatedAt", '+7 hours'), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", NEW."valueLak")
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "contracts" + 1, "contractedKg" = "contractedKg" + excluded."contractedKg", "contractedLak" = "contractedLak" + excluded."contractedLak";
END;

CREATE TRIGGER "ReportMonthly_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract"
WHEN (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL)
BEGIN
  UPDATE "ReportMonthly" SET "contracts" = "contracts" - 1, "contractedKg" = "contractedKg" - OLD."quantityKg", "contractedLak" = "contractedLak" - OLD."valueLak"
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "month" = strftime('%Y-%m', OLD."activatedAt", '+7 hours') AND "districtId" = OLD."districtId" AND "cropId" = OLD."cropId";
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  SELECT strftime('%Y-%m', NEW."activatedAt", '+7 hours'), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", NEW."valueLak"
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "contracts" + 1, "contractedKg" = "contractedKg" + excluded."contractedKg", "contractedLak" = "contractedLak" + excluded."contractedLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_insert" AFTER INSERT ON "Delivery"
WHEN NEW."status" = 'confirmed'
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT strftime('%Y-%m', NEW."deliveredOn", '+7 hours'), c."districtId", c."cropId", 1, NEW."netKg", NEW."amountDueLak" FROM "Contract" c WHERE c."id" = NEW."contractId"
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "deliveries" + 1, "deliveredKg" = "deliveredKg" + excluded."deliveredKg", "deliveredLak" = "deliveredLak" + excluded."deliveredLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_update" AFTER UPDATE OF "status", "deliveredOn", "netKg", "amountDueLak", "contractId" ON "Delivery"
WHEN OLD."status" = 'confirmed' OR NEW."status" = 'confirmed'
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg", "deliveredLak" = "deliveredLak" - OLD."amountDueLak"
  WHERE OLD."status" = 'confirmed' AND "month" = strftime('%Y-%m', OLD."deliveredOn", '+7 hours')
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT strftime('%Y-%m', NEW."deliveredOn", '+7 hours'), c."districtId", c."cropId", 1, NEW."netKg", NEW."amountDueLak" FROM "Contract" c
  WHERE c."id" = NEW."contractId" AND NEW."status" = 'confirmed'
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "deliveries" + 1, "deliveredKg" = "deliveredKg" + excluded."deliveredKg", "deliveredLak" = "deliveredLak" + excluded."deliveredLak";
END;

CREATE TRIGGER "ReportMonthly_delivery_delete" AFTER DELETE ON "Delivery"
WHEN OLD."status" = 'confirmed'
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg", "deliveredLak" = "deliveredLak" - OLD."amountDueLak"
  WHERE "month" = strftime('%Y-%m', OLD."deliveredOn", '+7 hours')
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
END;

-- What is already there.
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
SELECT strftime('%Y-%m', "activatedAt", '+7 hours'), "districtId", "cropId", count(*), sum("quantityKg"), sum("valueLak")
FROM "Contract" WHERE "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
SELECT strftime('%Y-%m', d."deliveredOn", '+7 hours'), c."districtId", c."cropId", count(*), sum(d."netKg"), sum(d."amountDueLak")
FROM "Delivery" d JOIN "Contract" c ON c."id" = d."contractId" WHERE d."status" = 'confirmed' GROUP BY 1, 2, 3
ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
  "deliveries" = excluded."deliveries", "deliveredKg" = excluded."deliveredKg", "deliveredLak" = excluded."deliveredLak";
