// A facilitator verifies or rejects a pending farmers' organisation (in one of
// their districts) or trader company (based in one of their provinces). The
// update is conditional on the record still being pending, so two facilitators
// deciding at once produce one decision and a clear message for the other.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { choice, idField, optionalText } from "~/utils/fields";

export type FacilitatorScope = { districtIds: string[]; provinceIds: string[] };

export const DecisionSchema = z
  .object({
    intent: choice(["verify", "reject"]),
    kind: choice(["organisation", "company"]),
    id: idField,
    reason: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "reject" && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "validation:reasonRequired" });
  });
export type Decision = z.output<typeof DecisionSchema>;

export type DecisionResult =
  | { ok: true; name: string }
  | { ok: false; reason: "notFound" | "outOfScope" | "alreadyDecided" };

export async function listPendingRegistrations(db: Db, scope: FacilitatorScope) {
  const [organisations, companies] = await Promise.all([
    db.organisation.findMany({
      where: { status: "pending", village: { districtId: { in: scope.districtIds } } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        nameLo: true,
        nameEn: true,
        type: true,
        createdAt: true,
        village: { select: { nameLo: true, nameEn: true, district: { select: { nameLo: true, nameEn: true } } } },
        leaders: { select: { user: { select: { name: true, phone: true, email: true } } } },
      },
    }),
    db.traderCompany.findMany({
      where: { status: "pending", baseProvinceId: { in: scope.provinceIds } },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        name: true,
        licenceNumber: true,
        createdAt: true,
        baseProvince: { select: { nameLo: true, nameEn: true } },
        staff: { select: { user: { select: { name: true, phone: true, email: true } } } },
      },
    }),
  ]);
  return { organisations, companies };
}

export async function decideRegistration(
  db: Db,
  actor: { id: string },
  scope: FacilitatorScope,
  decision: Decision,
  now = new Date(),
): Promise<DecisionResult> {
  const status = decision.intent === "verify" ? "verified" : "rejected";
  const change = {
    status,
    statusReason: decision.intent === "reject" ? (decision.reason ?? null) : null,
    verifiedById: actor.id,
    verifiedAt: now,
  };

  return db.$transaction(async (tx) => {
    if (decision.kind === "organisation") {
      const found = await tx.organisation.findUnique({
        where: { id: decision.id },
        select: { nameEn: true, nameLo: true, status: true, village: { select: { districtId: true } } },
      });
      if (!found) return { ok: false, reason: "notFound" } as const;
      if (!scope.districtIds.includes(found.village.districtId)) return { ok: false, reason: "outOfScope" } as const;
      const { count } = await tx.organisation.updateMany({ where: { id: decision.id, status: "pending" }, data: change });
      if (count === 0) return { ok: false, reason: "alreadyDecided" } as const;
      await recordAudit(tx, {
        actorId: actor.id,
        action: `organisation.${status}`,
        entityType: "Organisation",
        entityId: decision.id,
        before: { status: found.status },
        after: change,
      });
      return { ok: true, name: found.nameEn } as const;
    }

    const found = await tx.traderCompany.findUnique({
      where: { id: decision.id },
      select: { name: true, status: true, baseProvinceId: true },
    });
    if (!found) return { ok: false, reason: "notFound" } as const;
    if (!scope.provinceIds.includes(found.baseProvinceId)) return { ok: false, reason: "outOfScope" } as const;
    const { count } = await tx.traderCompany.updateMany({ where: { id: decision.id, status: "pending" }, data: change });
    if (count === 0) return { ok: false, reason: "alreadyDecided" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action: `company.${status}`,
      entityType: "TraderCompany",
      entityId: decision.id,
      before: { status: found.status },
      after: change,
    });
    return { ok: true, name: found.name } as const;
  });
}
