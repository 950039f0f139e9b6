-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'LAK';

-- AlterTable
ALTER TABLE "FrameworkContract" ADD COLUMN     "noticeGivenAt" TIMESTAMP(3),
ADD COLUMN     "noticeGivenById" TEXT,
ADD COLUMN     "noticeGivenByParty" TEXT,
ADD COLUMN     "noticeLastDay" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "OfferRevision" ADD COLUMN     "currency" TEXT NOT NULL DEFAULT 'LAK',
ADD COLUMN     "rateSourceKind" TEXT,
ADD COLUMN     "rateSourceName" TEXT;

