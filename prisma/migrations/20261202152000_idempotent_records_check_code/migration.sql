-- Recording a delivery or a payment once, however often its form is sent: each
-- form carries a token, unique per contract (NULL for records written before,
-- or by the seed: NULLs never collide).
-- AlterTable
ALTER TABLE "Delivery" ADD COLUMN "formToken" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN "formToken" TEXT;
ALTER TABLE "Payment" ADD COLUMN "overpayment" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_contractId_formToken_key" ON "Delivery"("contractId", "formToken");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_contractId_formToken_key" ON "Payment"("contractId", "formToken");

-- A check code printed beside each contract's number: the public check page
-- shows the parties only to someone holding both.
-- AlterTable
ALTER TABLE "Contract" ADD COLUMN "checkCode" TEXT;

-- Every contract written before gets one now: 8 characters of Crockford base 32
-- (no I, L, O or U), each drawn from SQLite's random() (a ChaCha20 stream seeded
-- from the operating system), low 5 bits. Existing papers carry no code; their
-- parties print the contract again to get one.
UPDATE "Contract" SET "checkCode" =
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1) ||
  substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (random() & 31) + 1, 1)
WHERE "checkCode" IS NULL;
