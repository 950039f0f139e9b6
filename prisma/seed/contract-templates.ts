// The contract templates every installation needs (spot sale at a fixed
// price, forward contract at a fixed price, forward contract with a floor
// price, input-supply contract, forward contract at export parity with a
// floor), created as published version 1.
//
// Idempotent and hands-off: a template is created only when NO row with its code
// exists (any version, any status). Existing rows are never modified: a
// published template is immutable, and a facilitator may have published a newer
// version or retired one on purpose.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { contractTemplates } from "../../app/domain/contracts/templates";
import { templateCodes } from "../../app/domain/contracts/snapshot";

export async function seedContractTemplates(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const code of templateCodes) {
      const existing = await tx.contractTemplate.findFirst({ where: { code }, select: { id: true } });
      if (existing) continue;
      const t = contractTemplates[code];
      await tx.contractTemplate.create({
        data: {
          code: t.code,
          version: t.version,
          nameLo: t.nameLo,
          nameEn: t.nameEn,
          priceMechanism: t.priceMechanism,
          requiredTerms: JSON.stringify(t.requiredTerms),
          clauses: JSON.stringify(t.clauses),
          legalBasisLo: t.legalBasisLo,
          legalBasisEn: t.legalBasisEn,
          status: "published",
          publishedAt: new Date(),
        },
      });
    }
  });
}
