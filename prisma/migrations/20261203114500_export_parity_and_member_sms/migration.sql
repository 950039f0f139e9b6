-- CreateTable
CREATE TABLE "ExportReferencePrice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cropId" TEXT NOT NULL,
    "market" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "priceHundredthsPerKg" INTEGER NOT NULL,
    "moistureBasisPermille" INTEGER,
    "sourceName" TEXT NOT NULL,
    "observedOn" DATETIME NOT NULL,
    "enteredById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExportReferencePrice_cropId_fkey" FOREIGN KEY ("cropId") REFERENCES "Crop" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ExportReferencePrice_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExchangeRate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "currency" TEXT NOT NULL,
    "lakPerHundred" INTEGER NOT NULL,
    "sourceKind" TEXT NOT NULL,
    "sourceName" TEXT NOT NULL,
    "observedOn" DATETIME NOT NULL,
    "enteredById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ExchangeRate_enteredById_fkey" FOREIGN KEY ("enteredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MemberSmsConsent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "memberId" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "givenAt" DATETIME NOT NULL,
    "givenHow" TEXT NOT NULL,
    "recordedById" TEXT,
    "withdrawnAt" DATETIME,
    "withdrawnHow" TEXT,
    "withdrawnById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "MemberSmsConsent_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberSmsConsent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "MemberSmsConsent_withdrawnById_fkey" FOREIGN KEY ("withdrawnById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_OutboxMessage" (
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "memberId" TEXT,
    "dedupeKey" TEXT,
    "leaseUntil" DATETIME,
    "providerMessageId" TEXT,
    "deliveredAt" DATETIME,
    CONSTRAINT "OutboxMessage_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_OutboxMessage" ("attempts", "body", "channel", "createdAt", "id", "lastError", "recipient", "sentAt", "status", "subject", "userId") SELECT "attempts", "body", "channel", "createdAt", "id", "lastError", "recipient", "sentAt", "status", "subject", "userId" FROM "OutboxMessage";
DROP TABLE "OutboxMessage";
ALTER TABLE "new_OutboxMessage" RENAME TO "OutboxMessage";
CREATE UNIQUE INDEX "OutboxMessage_dedupeKey_key" ON "OutboxMessage"("dedupeKey");
CREATE INDEX "OutboxMessage_status_createdAt_idx" ON "OutboxMessage"("status", "createdAt");
CREATE INDEX "OutboxMessage_providerMessageId_idx" ON "OutboxMessage"("providerMessageId");
CREATE INDEX "OutboxMessage_memberId_createdAt_idx" ON "OutboxMessage"("memberId", "createdAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ExportReferencePrice_cropId_observedOn_idx" ON "ExportReferencePrice"("cropId", "observedOn");

-- CreateIndex
CREATE INDEX "ExchangeRate_currency_sourceKind_observedOn_idx" ON "ExchangeRate"("currency", "sourceKind", "observedOn");

-- CreateIndex
CREATE INDEX "MemberSmsConsent_memberId_createdAt_idx" ON "MemberSmsConsent"("memberId", "createdAt");

-- CreateIndex
CREATE INDEX "MemberSmsConsent_phone_idx" ON "MemberSmsConsent"("phone");

