-- AlterTable
ALTER TABLE "ContractTemplate" ADD COLUMN "legalBasisEn" TEXT;
ALTER TABLE "ContractTemplate" ADD COLUMN "legalBasisLo" TEXT;

