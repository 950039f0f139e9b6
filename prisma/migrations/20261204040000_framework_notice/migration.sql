-- A framework contract's notice of termination, a recorded act beside its frozen text.
ALTER TABLE "FrameworkContract" ADD COLUMN "noticeGivenAt" DATETIME;
ALTER TABLE "FrameworkContract" ADD COLUMN "noticeGivenByParty" TEXT;
ALTER TABLE "FrameworkContract" ADD COLUMN "noticeGivenById" TEXT;
ALTER TABLE "FrameworkContract" ADD COLUMN "noticeLastDay" DATETIME;
