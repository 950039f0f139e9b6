-- AlterTable
ALTER TABLE "InputHandover" ADD COLUMN "correctsId" TEXT;
ALTER TABLE "InputHandover" ADD COLUMN "voidReason" TEXT;
ALTER TABLE "InputHandover" ADD COLUMN "voidedAt" DATETIME;
ALTER TABLE "InputHandover" ADD COLUMN "voidedById" TEXT;

