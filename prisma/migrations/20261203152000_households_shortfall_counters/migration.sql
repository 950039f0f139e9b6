-- Households short of their pledge, kept on the contract for the track record.
-- Hand-written: Contract has triggers, which a redefined table would lose.
ALTER TABLE "Contract" ADD COLUMN "shortHouseholds" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Contract" ADD COLUMN "shortHouseholdKg" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Contract" ADD COLUMN "lotHouseholds" INTEGER NOT NULL DEFAULT 0;

-- Contracts with confirmed deliveries made of lots get their figures now, as
-- the portal keeps them from here on (~/domain/contracts/household-shortfall):
-- each pledge less the net kg of the member's own lots in confirmed deliveries;
-- none where pooled bags are among those lots (no one household's grain).
UPDATE "Contract" SET
  "lotHouseholds" = (SELECT COUNT(*) FROM "Pledge" p WHERE p."listingId" = "Contract"."listingId" AND p."kg" > 0),
  "shortHouseholds" = (
    SELECT COUNT(*) FROM "Pledge" p
    WHERE p."listingId" = "Contract"."listingId" AND p."kg" > COALESCE((
      SELECT SUM(l."netKg") FROM "DeliveryLot" l JOIN "Delivery" d ON d."id" = l."deliveryId"
      WHERE d."contractId" = "Contract"."id" AND d."status" = 'confirmed' AND l."memberId" = p."memberId"), 0)
  ),
  "shortHouseholdKg" = (
    SELECT COALESCE(SUM(p."kg" - MIN(p."kg", COALESCE((
      SELECT SUM(l."netKg") FROM "DeliveryLot" l JOIN "Delivery" d ON d."id" = l."deliveryId"
      WHERE d."contractId" = "Contract"."id" AND d."status" = 'confirmed' AND l."memberId" = p."memberId"), 0))), 0)
    FROM "Pledge" p WHERE p."listingId" = "Contract"."listingId" AND p."kg" > 0
  )
WHERE EXISTS (SELECT 1 FROM "Delivery" d WHERE d."contractId" = "Contract"."id" AND d."status" = 'confirmed' AND d."lotCount" > 0)
  AND NOT EXISTS (
    SELECT 1 FROM "DeliveryLot" l JOIN "Delivery" d ON d."id" = l."deliveryId"
    WHERE d."contractId" = "Contract"."id" AND d."status" = 'confirmed' AND l."memberId" IS NULL);
