// The contract templates every installation needs (spot sale at a fixed
// price, forward contract at a fixed price, forward contract with a floor
// price, input-supply contract, forward contract at export parity with a
// floor), created as published versions 1 and 2.
//
// Idempotent and hands-off: a shipped version is created only when NO row with
// its code has that version or a later one (any status). Existing rows are
// never modified: a published template is immutable, and a facilitator may have
// published a newer version or retired one on purpose. So an installation that
// holds version 1 gets version 2 beside it on the next start, and new contracts
// are written from version 2; its contracts of version 1 keep their text.
import type { PrismaClient } from "../../app/generated/prisma/client";
import { shippedTemplateVersions } from "../../app/domain/contracts/templates";

export async function seedContractTemplates(db: PrismaClient): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const t of shippedTemplateVersions) {
      const existing = await tx.contractTemplate.findFirst({ where: { code: t.code, version: { gte: t.version } }, select: { id: true } });
      if (existing) continue;
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
