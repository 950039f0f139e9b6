-- CreateTable
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "organisationId" TEXT NOT NULL,
    "cropId" TEXT NOT NULL,
    "gradeId" TEXT NOT NULL,
    "totalKg" INTEGER NOT NULL DEFAULT 0,
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

-- CreateTable
CREATE TABLE "Pledge" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listingId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "kg" INTEGER NOT NULL,
    CONSTRAINT "Pledge_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Pledge_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "listingId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'submitted',
    "currentRevision" INTEGER NOT NULL DEFAULT 1,
    "currentPriceLakPerKg" INTEGER NOT NULL,
    "acceptedRevisionId" TEXT,
    "acceptedById" TEXT,
    "acceptedAt" DATETIME,
    "closedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Offer_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Offer_companyId_fkey" FOREIGN KEY ("companyId") REFERENCES "TraderCompany" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Offer_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Offer_acceptedById_fkey" FOREIGN KEY ("acceptedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Offer_acceptedRevisionId_fkey" FOREIGN KEY ("acceptedRevisionId") REFERENCES "OfferRevision" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferRevision" (
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
    "message" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferRevision_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfferRevision_gradeId_fkey" FOREIGN KEY ("gradeId") REFERENCES "CropGrade" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "OfferRevision_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReferencePrice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cropId" TEXT NOT NULL,
    "districtId" TEXT,
    "provinceId" TEXT,
    "market" TEXT,
    "observedOn" DATETIME NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "enteredById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ReferencePrice_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReferencePrice_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReferencePrice_provinceId_fkey" FOREIGN KEY ("provinceId") REFERENCES "Province" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ReferencePrice_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "params" TEXT NOT NULL,
    "link" TEXT,
    "readAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OutboxMessage" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "subject" TEXT,
    "body" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "Listing_status_offerDeadline_idx" ON "Listing"("status", "offerDeadline");

-- CreateIndex
CREATE INDEX "Listing_cropId_status_offerDeadline_idx" ON "Listing"("cropId", "status", "offerDeadline");

-- CreateIndex
CREATE INDEX "Listing_districtId_status_offerDeadline_idx" ON "Listing"("districtId", "status", "offerDeadline");

-- CreateIndex
CREATE INDEX "Listing_provinceId_status_offerDeadline_idx" ON "Listing"("provinceId", "status", "offerDeadline");

-- CreateIndex
CREATE INDEX "Listing_organisationId_status_idx" ON "Listing"("organisationId", "status");

-- CreateIndex
CREATE INDEX "Pledge_memberId_idx" ON "Pledge"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_listingId_memberId_key" ON "Pledge"("listingId", "memberId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_acceptedRevisionId_key" ON "Offer"("acceptedRevisionId");

-- CreateIndex
CREATE INDEX "Offer_listingId_status_idx" ON "Offer"("listingId", "status");

-- CreateIndex
CREATE INDEX "Offer_companyId_status_idx" ON "Offer"("companyId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_listingId_companyId_key" ON "Offer"("listingId", "companyId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferRevision_offerId_number_key" ON "OfferRevision"("offerId", "number");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_districtId_observedOn_idx" ON "ReferencePrice"("cropId", "districtId", "observedOn");

-- CreateIndex
CREATE INDEX "ReferencePrice_cropId_provinceId_observedOn_idx" ON "ReferencePrice"("cropId", "provinceId", "observedOn");

-- CreateIndex
CREATE INDEX "Notification_userId_readAt_idx" ON "Notification"("userId", "readAt");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- CreateIndex
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");
