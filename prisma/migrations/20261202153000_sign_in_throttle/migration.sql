-- Sign-in failures are now counted per client address and per account (the
-- identifier column holds "user:<id>" or "text:<identifier>"). Rows written
-- under the old meaning would be counted against nobody; they only ever lived
-- fifteen minutes, so they go.
DELETE FROM "SignInFailure";

-- AlterTable
ALTER TABLE "SignInFailure" ADD COLUMN "address" TEXT NOT NULL DEFAULT 'unknown';

-- CreateIndex
CREATE INDEX "SignInFailure_identifier_address_createdAt_idx" ON "SignInFailure"("identifier", "address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_address_createdAt_idx" ON "SignInFailure"("address", "createdAt");

-- CreateIndex
CREATE INDEX "SignInFailure_createdAt_idx" ON "SignInFailure"("createdAt");
