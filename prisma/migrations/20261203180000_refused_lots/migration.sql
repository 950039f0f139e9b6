-- A lot the buyer refused at the scale, with its reason (issue 13: rejection seen per household).
-- CreateTable
CREATE TABLE "RefusedLot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deliveryId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "memberId" TEXT,
    "bags" INTEGER NOT NULL,
    "grossKg" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "note" TEXT,
    CONSTRAINT "RefusedLot_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "Delivery" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RefusedLot_memberId_fkey" FOREIGN KEY ("memberId") REFERENCES "Member" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RefusedLot_memberId_idx" ON "RefusedLot"("memberId");

-- CreateIndex
CREATE UNIQUE INDEX "RefusedLot_deliveryId_position_key" ON "RefusedLot"("deliveryId", "position");

