
-- CreateTable
CREATE TABLE "DeliveryLot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT,
    "bags" INTEGER NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "bagTareGrams" INTEGER NOT NULL,
    "moisturePermille" INTEGER NOT NULL,
    "foreignMatterPermille" INTEGER,
    "gradeCode" TEXT NOT NULL,
    "tareKg" INTEGER NOT NULL,
    "moistureDeductedKg" INTEGER NOT NULL,
    "foreignMatterDeductedKg" INTEGER NOT NULL,
    "netKg" INTEGER NOT NULL,
    "priceLakPerKg" INTEGER NOT NULL,
    "amountLak" BIGINT NOT NULL,
    CONSTRAINT "DeliveryLot_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "DeliveryLot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InputHandover" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "item" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unit" TEXT NOT NULL,
    "valueLak" BIGINT NOT NULL,
    "handedOn" DATETIME NOT NULL,
    "recordedById" TEXT NOT NULL,
    "formToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InputHandover_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InputHandover_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InputHandover_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "InputRepayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "memberId" TEXT,
    "amountLak" BIGINT NOT NULL,
    "interestLak" BIGINT NOT NULL,
    CONSTRAINT "InputRepayment_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InputRepayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- AlterTable: columns added, never a redefinition, which would drop the
-- summary triggers on "Delivery"
ALTER TABLE "Delivery" ADD COLUMN "lotCount" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Delivery" ADD COLUMN "tareKg" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Delivery" ADD COLUMN "foreignMatterDeductedKg" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "DeliveryLot_memberId_idx" ON "DeliveryLot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "DeliveryLot_deliveryId_position_key" ON "DeliveryLot"("deliveryId", "position");

-- CreateIndex
CREATE INDEX "InputHandover_contractId_memberId_idx" ON "InputHandover"("contractId", "memberId");

-- CreateIndex
CREATE INDEX "InputHandover_memberId_idx" ON "InputHandover"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "InputHandover_contractId_formToken_key" ON "InputHandover"("contractId", "formToken");

-- CreateIndex
CREATE INDEX "InputRepayment_deliveryId_idx" ON "InputRepayment"("deliveryId");

-- CreateIndex
CREATE INDEX "InputRepayment_memberId_idx" ON "InputRepayment"("memberId");

