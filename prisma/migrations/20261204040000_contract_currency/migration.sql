-- Contracts written in LAK, THB or CNY (issue 12): the currency of the terms and the named exchange rate.
-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'LAK';

-- AlterTable
ALTER TABLE "OfferRevision" ADD COLUMN "currency" TEXT NOT NULL DEFAULT 'LAK';
ALTER TABLE "OfferRevision" ADD COLUMN "rateSourceKind" TEXT;
ALTER TABLE "OfferRevision" ADD COLUMN "rateSourceName" TEXT;
