-- CreateTable
CREATE TABLE "ContractTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "nameLo" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "priceMechanism" TEXT NOT NULL,
    "requiredTerms" TEXT NOT NULL,
    "clauses" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "publishedAt" DATETIME,
    "publishedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractTemplate_publishedById_fkey" FOREIGN KEY ("publishedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Contract" (
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
    "snapshot" TEXT NOT NULL,
    "summaryLo" TEXT NOT NULL,
    "summaryEn" TEXT NOT NULL,
    "textLo" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
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
    CONSTRAINT "Contract_previousContractId_fkey" FOREIGN KEY ("previousContractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ContractSignature" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "party" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "onBehalfOf" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "signedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractSignature_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ContractSignature_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "deliveredOn" DATETIME NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "moisturePermille" INTEGER NOT NULL,
    "gradeCode" TEXT,
    "foreignMatterPermille" INTEGER,
    "measuredBy" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "deductedKg" INTEGER NOT NULL,
    "netKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "referencePriceLakPerKg" INTEGER,
    "amountDueLak" BIGINT NOT NULL,
    "inputDeductionLak" BIGINT NOT NULL DEFAULT 0,
    "recordedByParty" TEXT NOT NULL,
    "recordedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    "contestReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Delivery_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delivery_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delivery_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Payment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "amountLak" BIGINT NOT NULL,
    "paidOn" DATETIME NOT NULL,
    "method" TEXT NOT NULL,
    "reference" TEXT,
    "recordedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'recorded',
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    "contestReason" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Payment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Payment_answeredById_fkey" FOREIGN KEY ("answeredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Dispute" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "raisedByParty" TEXT NOT NULL,
    "raisedById" TEXT NOT NULL,
    "statement" TEXT NOT NULL,
    "answer" TEXT,
    "answeredAt" DATETIME,
    "status" TEXT NOT NULL DEFAULT 'open',
    "outcome" TEXT,
    "resolvedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Dispute_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Dispute_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "DisputeEntry" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "disputeId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "DisputeEntry_disputeId_fkey" FOREIGN KEY ("disputeId") REFERENCES "Dispute" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DisputeEntry_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OfferRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "byParty" TEXT NOT NULL,
    "byUserId" TEXT NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "gradeId" TEXT NOT NULL,
    "moistureBasisPermille" INTEGER NOT NULL,
    "deductionTable" TEXT NOT NULL,
    "deliveryDate" DATETIME NOT NULL,
    "deliveryPlace" TEXT NOT NULL,
    "transportPaidBy" TEXT NOT NULL,
    "transportCostLak" BIGINT NOT NULL DEFAULT 0,
    "bagsPaidBy" TEXT NOT NULL,
    "bagsCostLak" BIGINT NOT NULL DEFAULT 0,
    "advanceLak" BIGINT NOT NULL DEFAULT 0,
    "paymentDays" INTEGER NOT NULL,
    "latePenaltyPermillePerMonth" INTEGER NOT NULL DEFAULT 0,
    "validUntil" DATETIME NOT NULL,
    "templateCode" TEXT NOT NULL DEFAULT 'spot_fixed',
    "floorPriceLakPerKg" INTEGER,
    "inputDescription" TEXT,
    "inputValueLak" BIGINT,
    "inputInterestPermillePerMonth" INTEGER,
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferRevision_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfferRevision_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "CropGrade" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfferRevision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_OfferRevision" ("advanceLak", "bagsCostLak", "bagsPaidBy", "byParty", "byUserId", "createdAt", "deductionTable", "deliveryDate", "deliveryPlace", "gradeId", "id", "latePenaltyPermillePerMonth", "message", "moistureBasisPermille", "number", "offerId", "paymentDays", "priceLakPerKg", "quantityKg", "transportCostLak", "transportPaidBy", "validUntil") SELECT "advanceLak", "bagsCostLak", "bagsPaidBy", "byParty", "byUserId", "createdAt", "deductionTable", "deliveryDate", "deliveryPlace", "gradeId", "id", "latePenaltyPermillePerMonth", "message", "moistureBasisPermille", "number", "offerId", "paymentDays", "priceLakPerKg", "quantityKg", "transportCostLak", "transportPaidBy", "validUntil" FROM "OfferRevision";
DROP TABLE "OfferRevision";
ALTER TABLE "new_OfferRevision" RENAME TO "OfferRevision";
CREATE UNIQUE INDEX "OfferRevision_offerId_number_key" ON "OfferRevision"("offerId", "number");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ContractTemplate_code_status_idx" ON "ContractTemplate"("code", "status");

-- CreateIndex
CREATE UNIQUE INDEX "ContractTemplate_code_version_key" ON "ContractTemplate"("code", "version");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_number_key" ON "Contract"("number");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_previousContractId_key" ON "Contract"("previousContractId");

-- CreateIndex
CREATE INDEX "Contract_organisationId_status_idx" ON "Contract"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Contract_companyId_status_idx" ON "Contract"("companyId", "status");

-- CreateIndex
CREATE INDEX "Contract_districtId_status_idx" ON "Contract"("districtId", "status");

-- CreateIndex
CREATE INDEX "Contract_offerId_idx" ON "Contract"("offerId");

-- CreateIndex
CREATE UNIQUE INDEX "Contract_year_sequence_key" ON "Contract"("year", "sequence");

-- CreateIndex
CREATE UNIQUE INDEX "ContractSignature_contractId_party_key" ON "ContractSignature"("contractId", "party");

-- CreateIndex
CREATE INDEX "Delivery_contractId_idx" ON "Delivery"("contractId");

-- CreateIndex
CREATE INDEX "Payment_contractId_idx" ON "Payment"("contractId");

-- CreateIndex
CREATE INDEX "Dispute_contractId_status_idx" ON "Dispute"("contractId", "status");

-- CreateIndex
CREATE INDEX "DisputeEntry_disputeId_idx" ON "DisputeEntry"("disputeId");
