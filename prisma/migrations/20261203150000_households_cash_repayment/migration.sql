-- CreateTable
CREATE TABLE "InputCashRepayment" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "contractId" TEXT NOT NULL,
    "memberId" TEXT NOT NULL,
    "amountLak" BIGINT NOT NULL,
    "interestLak" BIGINT NOT NULL,
    "paidOn" DATETIME NOT NULL,
    "note" TEXT,
    "recordedById" TEXT NOT NULL,
    "formToken" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "InputCashRepayment_contractId_fkey" FOREIGN KEY ("contractId") REFERENCES "Contract" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InputCashRepayment_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InputCashRepayment_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InputCashRepayment_contractId_memberId_idx" ON "InputCashRepayment"("contractId", "memberId");

-- CreateIndex
CREATE INDEX "InputCashRepayment_memberId_idx" ON "InputCashRepayment"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "InputCashRepayment_contractId_formToken_key" ON "InputCashRepayment"("contractId", "formToken");

