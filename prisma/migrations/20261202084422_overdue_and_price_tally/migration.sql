-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "overdueFrom" DATETIME;

-- CreateTable
CREATE TABLE "PriceTally" (
    "cropId" TEXT NOT NULL,
    "place" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("cropId", "month", "kind", "place", "priceLakPerKg")
);

-- CreateTable
CREATE TABLE "SummaryState" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "version" INTEGER NOT NULL
);

-- CreateIndex
CREATE INDEX "Contract_overdueFrom_idx" ON "Contract"("overdueFrom");

-- The price board's tally is kept by the database itself, in the transaction
-- of every write to the prices it counts, whoever writes (the portal, the seed,
-- an import): a reference price counts in the Vientiane month it was observed;
-- a contract counts at its frozen price in the month it became binding, while
-- it is in force or done (active, completed, disputed).
CREATE TRIGGER "PriceTally_reference_insert" AFTER INSERT ON "ReferencePrice"
WHEN NEW."source" IN ('market_survey', 'facilitator_entry')
BEGIN
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  VALUES (NEW."cropId", COALESCE(NEW."districtId", 'province:' || NEW."provinceId", 'all'), strftime('%Y-%m', NEW."observedOn", '+7 hours'), 'reference', NEW."priceLakPerKg", 1)
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "PriceTally_reference_delete" AFTER DELETE ON "ReferencePrice"
WHEN OLD."source" IN ('market_survey', 'facilitator_entry')
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE "cropId" = OLD."cropId" AND "place" = COALESCE(OLD."districtId", 'province:' || OLD."provinceId", 'all')
    AND "month" = strftime('%Y-%m', OLD."observedOn", '+7 hours') AND "kind" = 'reference' AND "priceLakPerKg" = OLD."priceLakPerKg";
END;

CREATE TRIGGER "PriceTally_reference_update" AFTER UPDATE OF "cropId", "districtId", "provinceId", "observedOn", "priceLakPerKg", "source" ON "ReferencePrice"
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE OLD."source" IN ('market_survey', 'facilitator_entry')
    AND "cropId" = OLD."cropId" AND "place" = COALESCE(OLD."districtId", 'province:' || OLD."provinceId", 'all')
    AND "month" = strftime('%Y-%m', OLD."observedOn", '+7 hours') AND "kind" = 'reference' AND "priceLakPerKg" = OLD."priceLakPerKg";
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  SELECT NEW."cropId", COALESCE(NEW."districtId", 'province:' || NEW."provinceId", 'all'), strftime('%Y-%m', NEW."observedOn", '+7 hours'), 'reference', NEW."priceLakPerKg", 1
  WHERE NEW."source" IN ('market_survey', 'facilitator_entry')
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "PriceTally_contract_insert" AFTER INSERT ON "Contract"
WHEN NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
BEGIN
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  VALUES (NEW."cropId", NEW."districtId", strftime('%Y-%m', NEW."activatedAt", '+7 hours'), 'contract', NEW."priceLakPerKg", 1)
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "count" + 1;
END;

CREATE TRIGGER "PriceTally_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract"
WHEN (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL)
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

-- What is already there.
INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
SELECT "cropId", COALESCE("districtId", 'province:' || "provinceId", 'all'), strftime('%Y-%m', "observedOn", '+7 hours'), 'reference', "priceLakPerKg", count(*)
FROM "ReferencePrice" WHERE "source" IN ('market_survey', 'facilitator_entry') GROUP BY 1, 2, 3, 5;
INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
SELECT "cropId", "districtId", strftime('%Y-%m', "activatedAt", '+7 hours'), 'contract', "priceLakPerKg", count(*)
FROM "Contract" WHERE "status" IN ('active', 'completed', 'disputed') AND "activatedAt" IS NOT NULL GROUP BY 1, 2, 3, 5;
