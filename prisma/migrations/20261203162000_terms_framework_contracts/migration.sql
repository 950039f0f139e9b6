-- Framework contracts and their seasonal call-offs. Contract gains two columns
-- by ALTER TABLE: redefining it would drop its triggers.
CREATE TABLE "FrameworkContract" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "number" TEXT NOT NULL,
    "baseContractId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "companyId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "firstSeason" INTEGER NOT NULL,
    "seasons" INTEGER NOT NULL,
    "renewal" TEXT NOT NULL,
    "noticeDays" INTEGER NOT NULL,
    "rightOfFirstRefusal" BOOLEAN NOT NULL,
    "textLo" TEXT NOT NULL,
    "textEn" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "proposedByParty" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "FrameworkContract_baseContractId_fkey" FOREIGN KEY ("baseContractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "FrameworkCallOff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "frameworkId" TEXT NOT NULL,
    "season" INTEGER NOT NULL,
    "quantityKg" INTEGER NOT NULL,
    "deliveryDate" DATETIME NOT NULL,
    "proposedByParty" TEXT NOT NULL,
    "proposedById" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'proposed',
    "answeredById" TEXT,
    "answeredAt" DATETIME,
    "contractId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FrameworkCallOff_frameworkId_fkey" FOREIGN KEY ("frameworkId") REFERENCES "FrameworkContract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

ALTER TABLE "Contract" ADD COLUMN "frameworkId" TEXT REFERENCES "FrameworkContract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Contract" ADD COLUMN "season" INTEGER;
CREATE UNIQUE INDEX "Contract_frameworkId_season_key" ON "Contract"("frameworkId", "season");
CREATE UNIQUE INDEX "FrameworkContract_number_key" ON "FrameworkContract"("number");
CREATE UNIQUE INDEX "FrameworkContract_baseContractId_key" ON "FrameworkContract"("baseContractId");
CREATE INDEX "FrameworkContract_organisationId_status_idx" ON "FrameworkContract"("organisationId", "status");
CREATE INDEX "FrameworkContract_companyId_status_idx" ON "FrameworkContract"("companyId", "status");
CREATE UNIQUE INDEX "FrameworkCallOff_contractId_key" ON "FrameworkCallOff"("contractId");
CREATE INDEX "FrameworkCallOff_frameworkId_status_idx" ON "FrameworkCallOff"("frameworkId", "status");
