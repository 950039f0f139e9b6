-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "registeredAt" DATETIME;

-- CreateTable
CREATE TABLE "ContractRegistration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "registeredOn" DATETIME NOT NULL,
    "office" TEXT NOT NULL,
    "registeredById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ContractRegistration_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ContractRegistration_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "ContractRegistration_registeredById_fkey" FOREIGN KEY ("registeredById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ContractRegistration_contractId_key" ON "ContractRegistration"("contractId");

-- CreateIndex
CREATE UNIQUE INDEX "ContractRegistration_districtId_number_key" ON "ContractRegistration"("districtId", "number");

-- CreateIndex
CREATE INDEX "Contract_registeredAt_activatedAt_number_idx" ON "Contract"("registeredAt", "activatedAt", "number");

