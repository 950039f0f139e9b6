-- The logistics margin an export reference is stated with, so the board's
-- export-parity price names it beside the reference it belongs to.
ALTER TABLE "ExportReferencePrice" ADD COLUMN "marginLakPerKg" INTEGER NOT NULL DEFAULT 0;

-- The entry page lists the latest entries of each, by when they were recorded.
CREATE INDEX "ExportReferencePrice_createdAt_idx" ON "ExportReferencePrice"("createdAt");
CREATE INDEX "ExchangeRate_createdAt_idx" ON "ExchangeRate"("createdAt");
