-- Contract content moves to ContractDocument (the backfill below copies it);
-- the terms that lists and sums read are copied from each snapshot into
-- columns of Contract; listings keep their household count beside totalKg.
-- CreateTable
CREATE TABLE "ContractDocument" (
    "contractId" TEXT NOT NULL PRIMARY KEY,
    "snapshot" TEXT NOT NULL,
    "summaryLo" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "textLo" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    CONSTRAINT "ContractDocument_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Contract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "sequence" INTEGER NOT NULL,
    "offerId" TEXT NOT NULL,
    "acceptedRevisionId" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "amendmentNumber" INTEGER NOT NULL DEFAULT 1,
    "previousContractId" TEXT,
    "amendmentReason" TEXT,
    "sha256" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "floorPriceLakPerKg" INTEGER,
    "paymentDays" INTEGER NOT NULL,
    "advanceLak" BIGINT NOT NULL DEFAULT 0,
    "deliveryDate" DATETIME NOT NULL,
    "valueLak" BIGINT NOT NULL,
    "witnessRequired" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'awaiting_signatures',
    "activatedAt" DATETIME,
    "completedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Contract_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "TraderCompany" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "ContractTemplate" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Contract_previousContractId_fkey" FOREIGN KEY ("previousContractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "ContractDocument" ("contractId", "snapshot", "summaryLo", "summaryEn", "textLo", "textEn")
SELECT "id", "snapshot", "summaryLo", "summaryEn", "textLo", "textEn" FROM "Contract";
INSERT INTO "new_Contract" ("acceptedRevisionId", "activatedAt", "amendmentNumber", "amendmentReason", "companyId", "completedAt", "createdAt", "districtId", "id", "listingId", "number", "offerId", "organisationId", "previousContractId", "sequence", "sha256", "status", "templateId", "valueLak", "version", "witnessRequired", "year",
    "cropId", "quantityKg", "priceLakPerKg", "floorPriceLakPerKg", "paymentDays", "advanceLak", "deliveryDate")
SELECT c."acceptedRevisionId", c."activatedAt", c."amendmentNumber", c."amendmentReason", c."companyId", c."completedAt", c."createdAt", c."districtId", c."id", c."listingId", c."number", c."offerId", c."organisationId", c."previousContractId", c."sequence", c."sha256", c."status", c."templateId", c."valueLak", c."version", c."witnessRequired", c."year",
    l."cropId",
    json_extract(c."snapshot", '$.terms.quantityKg'),
    json_extract(c."snapshot", '$.terms.priceLakPerKg'),
    json_extract(c."snapshot", '$.terms.floorPriceLakPerKg'),
    json_extract(c."snapshot", '$.terms.paymentDays'),
    CAST(json_extract(c."snapshot", '$.terms.advanceLak') AS INTEGER),
    replace(json_extract(c."snapshot", '$.terms.deliveryDate'), 'Z', '+00:00')
FROM "Contract" c JOIN "Listing" l ON l."id" = c."listingId";
DROP TABLE "Contract";
ALTER TABLE "new_Contract" RENAME TO "Contract";
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");
CREATE UNIQUE INDEX "Contract_previousContractId_key" ON "Contract"("previousContractId");
CREATE INDEX "Contract_organisationId_status_idx" ON "Contract"("organisationId", "status");
CREATE INDEX "Contract_companyId_status_idx" ON "Contract"("companyId", "status");
CREATE INDEX "Contract_districtId_status_idx" ON "Contract"("districtId", "status");
CREATE INDEX "Contract_offerId_idx" ON "Contract"("offerId");
CREATE INDEX "Contract_status_activatedAt_idx" ON "Contract"("status", "activatedAt");
CREATE INDEX "Contract_cropId_activatedAt_idx" ON "Contract"("cropId", "activatedAt");
CREATE INDEX "Contract_companyId_createdAt_idx" ON "Contract"("companyId", "createdAt");
CREATE INDEX "Contract_organisationId_createdAt_idx" ON "Contract"("organisationId", "createdAt");
CREATE UNIQUE INDEX "Contract_year_sequence_key" ON "Contract"("year", "sequence");
CREATE TABLE "new_Listing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    "totalKg" INTEGER NOT NULL DEFAULT 0,
    "householdCount" INTEGER NOT NULL DEFAULT 0,
    "availableFrom" DATETIME NOT NULL,
    "availableUntil" DATETIME NOT NULL,
    "pickupVillageId" TEXT,
    "deliveryPoint" TEXT,
    "districtId" TEXT NOT NULL,
    "provinceId" TEXT NOT NULL,
    "askingPriceLakPerKg" INTEGER,
    "offerMode" TEXT NOT NULL,
    "offerDeadline" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "notes" TEXT,
    "publishedAt" DATETIME,
    "withdrawnAt" DATETIME,
    "expiryNoticeAt" DATETIME,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Listing_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "CropGrade" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_pickupVillageId_fkey" FOREIGN KEY ("pickupVillageId") REFERENCES "Village" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Listing_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Listing" ("askingPriceLakPerKg", "availableFrom", "availableUntil", "createdAt", "createdById", "cropId", "deliveryPoint", "districtId", "expiryNoticeAt", "gradeId", "id", "notes", "offerDeadline", "offerMode", "organisationId", "pickupVillageId", "provinceId", "publishedAt", "status", "totalKg", "updatedAt", "version", "withdrawnAt", "householdCount") SELECT "askingPriceLakPerKg", "availableFrom", "availableUntil", "createdAt", "createdById", "cropId", "deliveryPoint", "districtId", "expiryNoticeAt", "gradeId", "id", "notes", "offerDeadline", "offerMode", "organisationId", "pickupVillageId", "provinceId", "publishedAt", "status", "totalKg", "updatedAt", "version", "withdrawnAt", (SELECT count(*) FROM "Pledge" p WHERE p."listingId" = "Listing"."id") FROM "Listing";
DROP TABLE "Listing";
ALTER TABLE "new_Listing" RENAME TO "Listing";
CREATE INDEX "Listing_offerDeadline_idx" ON "Listing"("offerDeadline");
CREATE INDEX "Listing_cropId_offerDeadline_idx" ON "Listing"("cropId", "offerDeadline");
CREATE INDEX "Listing_districtId_offerDeadline_idx" ON "Listing"("districtId", "offerDeadline");
CREATE INDEX "Listing_provinceId_offerDeadline_idx" ON "Listing"("provinceId", "offerDeadline");
CREATE INDEX "Listing_totalKg_idx" ON "Listing"("totalKg");
CREATE INDEX "Listing_publishedAt_idx" ON "Listing"("publishedAt");
CREATE INDEX "Listing_organisationId_status_idx" ON "Listing"("organisationId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
