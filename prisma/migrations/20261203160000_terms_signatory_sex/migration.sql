-- The sex of a user, stated for the signatories of the contracts they sign (Legal Guide on Contract Farming).
ALTER TABLE "User" ADD COLUMN "sex" TEXT;
