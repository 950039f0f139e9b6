-- The summary tables' triggers of the SQLite migrations, on PostgreSQL, with the
-- same names and the same effects, in the transaction of every write whoever
-- writes: the price tally (20261202084422_overdue_and_price_tally), the monthly
-- report volumes (20261202090037_report_monthly_and_ledger_dates), the report's
-- reach, the agreed prices and the data versions (20261202150200_report_reach).
-- What each one counts is described in those migrations. The ports differ only
-- where the engines do:
--  * strftime('%Y-%m'|'%Y-%m-%d', t, '+7 hours') is "portal_vientiane_month"
--    and "portal_vientiane_day" (timestamps are stored in UTC on both);
--  * a trigger's WHEN cannot hold a subquery: such a condition is in the body;
--  * one INSERT … ON CONFLICT DO UPDATE may not touch a row twice, which SQLite
--    allows: where the rows inserted can repeat a key (several contracts of a
--    listing on one day and district), they are counted first (GROUP BY);
--  * row triggers run after their statement instead of after each row, so the
--    reach rows' "prevDay" is recomputed from the rows that remain instead of
--    handed from the row that goes (the same result when several go at once).

CREATE FUNCTION "portal_vientiane_month"(t TIMESTAMP) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t + interval '7 hours', 'YYYY-MM') $$;
CREATE FUNCTION "portal_vientiane_day"(t TIMESTAMP) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$ SELECT to_char(t + interval '7 hours', 'YYYY-MM-DD') $$;

-- The price tally.
CREATE FUNCTION "PriceTally_reference_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  VALUES (NEW."cropId", COALESCE(NEW."districtId", 'province:' || NEW."provinceId", 'all'), "portal_vientiane_month"(NEW."observedOn"), 'reference', NEW."priceLakPerKg", 1)
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "PriceTally"."count" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "PriceTally_reference_insert" AFTER INSERT ON "ReferencePrice" FOR EACH ROW
WHEN (NEW."source" IN ('market_survey', 'facilitator_entry')) EXECUTE FUNCTION "PriceTally_reference_insert"();

CREATE FUNCTION "PriceTally_reference_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE "cropId" = OLD."cropId" AND "place" = COALESCE(OLD."districtId", 'province:' || OLD."provinceId", 'all')
    AND "month" = "portal_vientiane_month"(OLD."observedOn") AND "kind" = 'reference' AND "priceLakPerKg" = OLD."priceLakPerKg";
  RETURN NULL;
END $$;
CREATE TRIGGER "PriceTally_reference_delete" AFTER DELETE ON "ReferencePrice" FOR EACH ROW
WHEN (OLD."source" IN ('market_survey', 'facilitator_entry')) EXECUTE FUNCTION "PriceTally_reference_delete"();

CREATE FUNCTION "PriceTally_reference_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE OLD."source" IN ('market_survey', 'facilitator_entry')
    AND "cropId" = OLD."cropId" AND "place" = COALESCE(OLD."districtId", 'province:' || OLD."provinceId", 'all')
    AND "month" = "portal_vientiane_month"(OLD."observedOn") AND "kind" = 'reference' AND "priceLakPerKg" = OLD."priceLakPerKg";
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  SELECT NEW."cropId", COALESCE(NEW."districtId", 'province:' || NEW."provinceId", 'all'), "portal_vientiane_month"(NEW."observedOn"), 'reference', NEW."priceLakPerKg", 1
  WHERE NEW."source" IN ('market_survey', 'facilitator_entry')
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "PriceTally"."count" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "PriceTally_reference_update" AFTER UPDATE OF "cropId", "districtId", "provinceId", "observedOn", "priceLakPerKg", "source" ON "ReferencePrice"
FOR EACH ROW EXECUTE FUNCTION "PriceTally_reference_update"();

CREATE FUNCTION "PriceTally_contract_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  VALUES (NEW."cropId", NEW."districtId", "portal_vientiane_month"(NEW."activatedAt"), 'contract', NEW."priceLakPerKg", 1)
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "PriceTally"."count" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "PriceTally_contract_insert" AFTER INSERT ON "Contract" FOR EACH ROW
WHEN (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL) EXECUTE FUNCTION "PriceTally_contract_insert"();

CREATE FUNCTION "PriceTally_contract_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "PriceTally" SET "count" = "count" - 1
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "cropId" = OLD."cropId" AND "place" = OLD."districtId" AND "month" = "portal_vientiane_month"(OLD."activatedAt")
    AND "kind" = 'contract' AND "priceLakPerKg" = OLD."priceLakPerKg";
  INSERT INTO "PriceTally" ("cropId", "place", "month", "kind", "priceLakPerKg", "count")
  SELECT NEW."cropId", NEW."districtId", "portal_vientiane_month"(NEW."activatedAt"), 'contract', NEW."priceLakPerKg", 1
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("cropId", "month", "kind", "place", "priceLakPerKg") DO UPDATE SET "count" = "PriceTally"."count" + 1;
  RETURN NULL;
END $$;
CREATE TRIGGER "PriceTally_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract" FOR EACH ROW
WHEN ((OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL))
EXECUTE FUNCTION "PriceTally_contract_update"();

-- The monthly report volumes.
CREATE FUNCTION "ReportMonthly_contract_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  VALUES ("portal_vientiane_month"(NEW."activatedAt"), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", NEW."valueLak")
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "ReportMonthly"."contracts" + 1, "contractedKg" = "ReportMonthly"."contractedKg" + excluded."contractedKg", "contractedLak" = "ReportMonthly"."contractedLak" + excluded."contractedLak";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportMonthly_contract_insert" AFTER INSERT ON "Contract" FOR EACH ROW
WHEN (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL) EXECUTE FUNCTION "ReportMonthly_contract_insert"();

CREATE FUNCTION "ReportMonthly_contract_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "contracts" = "contracts" - 1, "contractedKg" = "contractedKg" - OLD."quantityKg", "contractedLak" = "contractedLak" - OLD."valueLak"
  WHERE OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND "month" = "portal_vientiane_month"(OLD."activatedAt") AND "districtId" = OLD."districtId" AND "cropId" = OLD."cropId";
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "contracts", "contractedKg", "contractedLak")
  SELECT "portal_vientiane_month"(NEW."activatedAt"), NEW."districtId", NEW."cropId", 1, NEW."quantityKg", NEW."valueLak"
  WHERE NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "contracts" = "ReportMonthly"."contracts" + 1, "contractedKg" = "ReportMonthly"."contractedKg" + excluded."contractedKg", "contractedLak" = "ReportMonthly"."contractedLak" + excluded."contractedLak";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportMonthly_contract_update" AFTER UPDATE OF "status", "activatedAt" ON "Contract" FOR EACH ROW
WHEN ((OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) OR (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL))
EXECUTE FUNCTION "ReportMonthly_contract_update"();

CREATE FUNCTION "ReportMonthly_delivery_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT "portal_vientiane_month"(NEW."deliveredOn"), c."districtId", c."cropId", 1, NEW."netKg", NEW."amountDueLak" FROM "Contract" c WHERE c."id" = NEW."contractId"
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "ReportMonthly"."deliveries" + 1, "deliveredKg" = "ReportMonthly"."deliveredKg" + excluded."deliveredKg", "deliveredLak" = "ReportMonthly"."deliveredLak" + excluded."deliveredLak";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportMonthly_delivery_insert" AFTER INSERT ON "Delivery" FOR EACH ROW
WHEN (NEW."status" = 'confirmed') EXECUTE FUNCTION "ReportMonthly_delivery_insert"();

CREATE FUNCTION "ReportMonthly_delivery_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg", "deliveredLak" = "deliveredLak" - OLD."amountDueLak"
  WHERE OLD."status" = 'confirmed' AND "month" = "portal_vientiane_month"(OLD."deliveredOn")
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  INSERT INTO "ReportMonthly" ("month", "districtId", "cropId", "deliveries", "deliveredKg", "deliveredLak")
  SELECT "portal_vientiane_month"(NEW."deliveredOn"), c."districtId", c."cropId", 1, NEW."netKg", NEW."amountDueLak" FROM "Contract" c
  WHERE c."id" = NEW."contractId" AND NEW."status" = 'confirmed'
  ON CONFLICT ("month", "districtId", "cropId") DO UPDATE SET
    "deliveries" = "ReportMonthly"."deliveries" + 1, "deliveredKg" = "ReportMonthly"."deliveredKg" + excluded."deliveredKg", "deliveredLak" = "ReportMonthly"."deliveredLak" + excluded."deliveredLak";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportMonthly_delivery_update" AFTER UPDATE OF "status", "deliveredOn", "netKg", "amountDueLak", "contractId" ON "Delivery" FOR EACH ROW
WHEN (OLD."status" = 'confirmed' OR NEW."status" = 'confirmed') EXECUTE FUNCTION "ReportMonthly_delivery_update"();

CREATE FUNCTION "ReportMonthly_delivery_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportMonthly" SET "deliveries" = "deliveries" - 1, "deliveredKg" = "deliveredKg" - OLD."netKg", "deliveredLak" = "deliveredLak" - OLD."amountDueLak"
  WHERE "month" = "portal_vientiane_month"(OLD."deliveredOn")
    AND ("districtId", "cropId") = (SELECT c."districtId", c."cropId" FROM "Contract" c WHERE c."id" = OLD."contractId");
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportMonthly_delivery_delete" AFTER DELETE ON "Delivery" FOR EACH ROW
WHEN (OLD."status" = 'confirmed') EXECUTE FUNCTION "ReportMonthly_delivery_delete"();

-- The report's reach: the rows' own bookkeeping.
CREATE FUNCTION "portal_reach_recompute_prev"(k TEXT, reached TEXT, district TEXT, after_day TEXT, inclusive BOOLEAN) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- The first row of the chain from after_day on (inclusive) or after it: its
  -- prevDay is the latest day before it that remains.
  UPDATE "ReportReach" r SET "prevDay" = (
    SELECT max(q."day") FROM "ReportReach" q
    WHERE q."kind" = k AND q."reachedId" = reached AND q."districtId" = district AND q."day" < r."day"
  )
  WHERE r."kind" = k AND r."reachedId" = reached AND r."districtId" = district AND r."day" = (
    SELECT min(q."day") FROM "ReportReach" q
    WHERE q."kind" = k AND q."reachedId" = reached AND q."districtId" = district AND (q."day" > after_day OR (inclusive AND q."day" = after_day))
  );
END $$;

CREATE FUNCTION "ReportReach_row_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_recompute_prev"(NEW."kind", NEW."reachedId", NEW."districtId", NEW."day", TRUE);
  PERFORM "portal_reach_recompute_prev"(NEW."kind", NEW."reachedId", NEW."districtId", NEW."day", FALSE);
  INSERT INTO "ReportReachShared" ("kind", "reachedId", "districtId", "day", "memberSex", "householdHeadSex", "birthYear")
  SELECT r."kind", r."reachedId", r."districtId", r."day", r."memberSex", r."householdHeadSex", r."birthYear" FROM "ReportReach" r
  WHERE r."kind" = NEW."kind" AND r."reachedId" = NEW."reachedId"
    AND EXISTS (SELECT 1 FROM "ReportReach" q WHERE q."kind" = NEW."kind" AND q."reachedId" = NEW."reachedId" AND q."districtId" <> NEW."districtId")
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_row_insert" AFTER INSERT ON "ReportReach" FOR EACH ROW EXECUTE FUNCTION "ReportReach_row_insert"();

CREATE FUNCTION "ReportReach_row_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_recompute_prev"(OLD."kind", OLD."reachedId", OLD."districtId", OLD."day", FALSE);
  DELETE FROM "ReportReachShared"
  WHERE "kind" = OLD."kind" AND "reachedId" = OLD."reachedId" AND "districtId" = OLD."districtId" AND "day" = OLD."day";
  DELETE FROM "ReportReachShared"
  WHERE "kind" = OLD."kind" AND "reachedId" = OLD."reachedId"
    AND NOT EXISTS (SELECT 1 FROM "ReportReach" q WHERE q."kind" = OLD."kind" AND q."reachedId" = OLD."reachedId" AND q."districtId" <> "ReportReachShared"."districtId");
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_row_delete" AFTER DELETE ON "ReportReach" FOR EACH ROW EXECUTE FUNCTION "ReportReach_row_delete"();

-- The report's reach: contracts.
CREATE FUNCTION "portal_reach_contract_add"(c "Contract") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts")
  VALUES ('organisation', c."organisationId", c."districtId", "portal_vientiane_day"(c."activatedAt"), 1)
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "ReportReach"."contracts" + 1;
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', p."memberId", c."districtId", "portal_vientiane_day"(c."activatedAt"), count(*), m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Pledge" p JOIN "Member" m ON m."id" = p."memberId"
  WHERE p."listingId" = c."listingId" AND p."kg" > 0
  GROUP BY p."memberId", m."memberSex", m."householdHeadSex", m."birthYear"
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "ReportReach"."contracts" + excluded."contracts";
END $$;

CREATE FUNCTION "portal_reach_contract_remove"(c "Contract") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'organisation' AND "reachedId" = c."organisationId" AND "districtId" = c."districtId" AND "day" = "portal_vientiane_day"(c."activatedAt");
  UPDATE "ReportReach" SET "contracts" = "contracts" - 1
  WHERE "kind" = 'household' AND "districtId" = c."districtId" AND "day" = "portal_vientiane_day"(c."activatedAt")
    AND "reachedId" IN (SELECT p."memberId" FROM "Pledge" p WHERE p."listingId" = c."listingId" AND p."kg" > 0);
  DELETE FROM "ReportReach"
  WHERE "kind" IN ('organisation', 'household') AND "districtId" = c."districtId" AND "day" = "portal_vientiane_day"(c."activatedAt") AND "contracts" <= 0;
END $$;

CREATE FUNCTION "ReportReach_contract_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_contract_add"(NEW);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_contract_insert" AFTER INSERT ON "Contract" FOR EACH ROW
WHEN (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL) EXECUTE FUNCTION "ReportReach_contract_insert"();

CREATE FUNCTION "ReportReach_contract_leave"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_contract_remove"(OLD);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_contract_leave" AFTER UPDATE OF "status", "activatedAt", "listingId", "districtId", "organisationId" ON "Contract" FOR EACH ROW
WHEN (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
  AND NOT (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
    AND NEW."listingId" = OLD."listingId" AND NEW."districtId" = OLD."districtId" AND NEW."organisationId" = OLD."organisationId"
    AND "portal_vientiane_day"(NEW."activatedAt") = "portal_vientiane_day"(OLD."activatedAt")))
EXECUTE FUNCTION "ReportReach_contract_leave"();

CREATE FUNCTION "ReportReach_contract_enter"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_contract_add"(NEW);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_contract_enter" AFTER UPDATE OF "status", "activatedAt", "listingId", "districtId", "organisationId" ON "Contract" FOR EACH ROW
WHEN (NEW."status" IN ('active', 'completed', 'disputed') AND NEW."activatedAt" IS NOT NULL
  AND NOT (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL
    AND NEW."listingId" = OLD."listingId" AND NEW."districtId" = OLD."districtId" AND NEW."organisationId" = OLD."organisationId"
    AND "portal_vientiane_day"(NEW."activatedAt") = "portal_vientiane_day"(OLD."activatedAt")))
EXECUTE FUNCTION "ReportReach_contract_enter"();

CREATE FUNCTION "ReportReach_contract_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_contract_remove"(OLD);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_contract_delete" AFTER DELETE ON "Contract" FOR EACH ROW
WHEN (OLD."status" IN ('active', 'completed', 'disputed') AND OLD."activatedAt" IS NOT NULL) EXECUTE FUNCTION "ReportReach_contract_delete"();

-- The report's reach: pledges and members.
CREATE FUNCTION "portal_reach_pledge_remove"(p "Pledge") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportReach" SET "contracts" = "contracts" - (
    SELECT count(*) FROM "Contract" c
    WHERE c."listingId" = p."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
      AND c."districtId" = "ReportReach"."districtId" AND "portal_vientiane_day"(c."activatedAt") = "ReportReach"."day"
  )
  WHERE "kind" = 'household' AND "reachedId" = p."memberId";
  DELETE FROM "ReportReach" WHERE "kind" = 'household' AND "reachedId" = p."memberId" AND "contracts" <= 0;
END $$;

CREATE FUNCTION "portal_reach_pledge_add"(p "Pledge") RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', p."memberId", c."districtId", "portal_vientiane_day"(c."activatedAt"), count(*), m."memberSex", m."householdHeadSex", m."birthYear"
  FROM "Contract" c JOIN "Member" m ON m."id" = p."memberId"
  WHERE c."listingId" = p."listingId" AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
  GROUP BY c."districtId", "portal_vientiane_day"(c."activatedAt"), m."memberSex", m."householdHeadSex", m."birthYear"
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "ReportReach"."contracts" + excluded."contracts";
END $$;

CREATE FUNCTION "ReportReach_pledge_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_pledge_add"(NEW);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_pledge_insert" AFTER INSERT ON "Pledge" FOR EACH ROW WHEN (NEW."kg" > 0) EXECUTE FUNCTION "ReportReach_pledge_insert"();

CREATE FUNCTION "ReportReach_pledge_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "portal_reach_pledge_remove"(OLD);
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_pledge_delete" AFTER DELETE ON "Pledge" FOR EACH ROW WHEN (OLD."kg" > 0) EXECUTE FUNCTION "ReportReach_pledge_delete"();

CREATE FUNCTION "ReportReach_pledge_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD."kg" > 0 THEN PERFORM "portal_reach_pledge_remove"(OLD); END IF;
  IF NEW."kg" > 0 THEN PERFORM "portal_reach_pledge_add"(NEW); END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_pledge_update" AFTER UPDATE OF "kg", "listingId", "memberId" ON "Pledge" FOR EACH ROW
WHEN ((OLD."kg" > 0) <> (NEW."kg" > 0) OR NEW."listingId" <> OLD."listingId" OR NEW."memberId" <> OLD."memberId")
EXECUTE FUNCTION "ReportReach_pledge_update"();

CREATE FUNCTION "ReportReach_member_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "ReportReach" ("kind", "reachedId", "districtId", "day", "contracts", "memberSex", "householdHeadSex", "birthYear")
  SELECT 'household', NEW."id", c."districtId", "portal_vientiane_day"(c."activatedAt"), count(*), NEW."memberSex", NEW."householdHeadSex", NEW."birthYear"
  FROM "Pledge" p JOIN "Contract" c ON c."listingId" = p."listingId"
  WHERE p."memberId" = NEW."id" AND p."kg" > 0 AND c."status" IN ('active', 'completed', 'disputed') AND c."activatedAt" IS NOT NULL
  GROUP BY c."districtId", "portal_vientiane_day"(c."activatedAt")
  ON CONFLICT ("kind", "reachedId", "districtId", "day") DO UPDATE SET "contracts" = "ReportReach"."contracts" + excluded."contracts";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_member_insert" AFTER INSERT ON "Member" FOR EACH ROW EXECUTE FUNCTION "ReportReach_member_insert"();

CREATE FUNCTION "ReportReach_member_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReportReach" SET "memberSex" = NEW."memberSex", "householdHeadSex" = NEW."householdHeadSex", "birthYear" = NEW."birthYear"
  WHERE "kind" = 'household' AND "reachedId" = NEW."id";
  UPDATE "ReportReachShared" SET "memberSex" = NEW."memberSex", "householdHeadSex" = NEW."householdHeadSex", "birthYear" = NEW."birthYear"
  WHERE "kind" = 'household' AND "reachedId" = NEW."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "ReportReach_member_update" AFTER UPDATE OF "memberSex", "householdHeadSex", "birthYear" ON "Member" FOR EACH ROW
EXECUTE FUNCTION "ReportReach_member_update"();

-- The data versions: the counter named by the trigger's argument moves by one
-- for every row written.
INSERT INTO "DataVersion" ("name", "version") VALUES ('programmeReport', 0), ('priceBoard', 0);

CREATE FUNCTION "portal_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER "DataVersion_report_contract_insert" AFTER INSERT ON "Contract" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_contract_update" AFTER UPDATE OF "status", "activatedAt", "dueFrom", "lateFrom", "listingId", "districtId", "organisationId", "cropId", "quantityKg", "valueLak" ON "Contract"
FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_contract_delete" AFTER DELETE ON "Contract" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_delivery_insert" AFTER INSERT ON "Delivery" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_delivery_update" AFTER UPDATE OF "status", "deliveredOn", "netKg", "amountDueLak", "contractId" ON "Delivery"
FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_delivery_delete" AFTER DELETE ON "Delivery" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_pledge_insert" AFTER INSERT ON "Pledge" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_pledge_update" AFTER UPDATE OF "kg", "listingId", "memberId" ON "Pledge"
FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_pledge_delete" AFTER DELETE ON "Pledge" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');

CREATE FUNCTION "DataVersion_report_member_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "Pledge" p WHERE p."memberId" = NEW."id") THEN
    UPDATE "DataVersion" SET "version" = "version" + 1 WHERE "name" = 'programmeReport';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "DataVersion_report_member_insert" AFTER INSERT ON "Member" FOR EACH ROW EXECUTE FUNCTION "DataVersion_report_member_insert"();
CREATE TRIGGER "DataVersion_report_member_update" AFTER UPDATE OF "memberSex", "householdHeadSex", "birthYear" ON "Member"
FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_district_insert" AFTER INSERT ON "District" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_district_update" AFTER UPDATE ON "District" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_district_delete" AFTER DELETE ON "District" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_province_update" AFTER UPDATE ON "Province" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_crop_insert" AFTER INSERT ON "Crop" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_crop_update" AFTER UPDATE ON "Crop" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');
CREATE TRIGGER "DataVersion_report_crop_delete" AFTER DELETE ON "Crop" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('programmeReport');

CREATE TRIGGER "DataVersion_board_tally_insert" AFTER INSERT ON "PriceTally" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('priceBoard');
CREATE TRIGGER "DataVersion_board_tally_update" AFTER UPDATE ON "PriceTally" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('priceBoard');
CREATE TRIGGER "DataVersion_board_tally_delete" AFTER DELETE ON "PriceTally" FOR EACH ROW EXECUTE FUNCTION "portal_bump_data_version"('priceBoard');

-- The agreed prices.
CREATE FUNCTION "AgreedPrice_offer_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId";
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_offer_insert" AFTER INSERT ON "Offer" FOR EACH ROW WHEN (NEW."status" = 'accepted') EXECUTE FUNCTION "AgreedPrice_offer_insert"();

CREATE FUNCTION "AgreedPrice_offer_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT NEW."id", l."cropId", l."districtId", l."provinceId", NEW."acceptedAt", r."priceLakPerKg"
  FROM "Listing" l JOIN "OfferRevision" r ON r."id" = NEW."acceptedRevisionId" WHERE l."id" = NEW."listingId" AND NEW."status" = 'accepted';
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_offer_update" AFTER UPDATE OF "status", "acceptedAt", "acceptedRevisionId", "listingId" ON "Offer" FOR EACH ROW
EXECUTE FUNCTION "AgreedPrice_offer_update"();

CREATE FUNCTION "AgreedPrice_revision_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT o."id", l."cropId", l."districtId", l."provinceId", o."acceptedAt", NEW."priceLakPerKg"
  FROM "Offer" o JOIN "Listing" l ON l."id" = o."listingId" WHERE o."acceptedRevisionId" = NEW."id" AND o."status" = 'accepted'
  ON CONFLICT ("offerId") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_revision_insert" AFTER INSERT ON "OfferRevision" FOR EACH ROW EXECUTE FUNCTION "AgreedPrice_revision_insert"();

CREATE FUNCTION "AgreedPrice_listing_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AgreedPrice" ("offerId", "cropId", "districtId", "provinceId", "acceptedAt", "priceLakPerKg")
  SELECT o."id", NEW."cropId", NEW."districtId", NEW."provinceId", o."acceptedAt", r."priceLakPerKg"
  FROM "Offer" o JOIN "OfferRevision" r ON r."id" = o."acceptedRevisionId" WHERE o."listingId" = NEW."id" AND o."status" = 'accepted'
  ON CONFLICT ("offerId") DO NOTHING;
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_listing_insert" AFTER INSERT ON "Listing" FOR EACH ROW EXECUTE FUNCTION "AgreedPrice_listing_insert"();

CREATE FUNCTION "AgreedPrice_offer_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "AgreedPrice" WHERE "offerId" = OLD."id";
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_offer_delete" AFTER DELETE ON "Offer" FOR EACH ROW EXECUTE FUNCTION "AgreedPrice_offer_delete"();

CREATE FUNCTION "AgreedPrice_listing_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AgreedPrice" SET "cropId" = NEW."cropId", "districtId" = NEW."districtId", "provinceId" = NEW."provinceId"
  WHERE "offerId" IN (SELECT o."id" FROM "Offer" o WHERE o."listingId" = NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_listing_update" AFTER UPDATE OF "cropId", "districtId", "provinceId" ON "Listing" FOR EACH ROW
EXECUTE FUNCTION "AgreedPrice_listing_update"();

CREATE FUNCTION "AgreedPrice_revision_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "AgreedPrice" SET "priceLakPerKg" = NEW."priceLakPerKg"
  WHERE "offerId" IN (SELECT o."id" FROM "Offer" o WHERE o."acceptedRevisionId" = NEW."id");
  RETURN NULL;
END $$;
CREATE TRIGGER "AgreedPrice_revision_update" AFTER UPDATE OF "priceLakPerKg" ON "OfferRevision" FOR EACH ROW
EXECUTE FUNCTION "AgreedPrice_revision_update"();
