// A facilitator verifies or rejects a pending farmers' organisation (in one of
// their districts) or trader company (based in one of their provinces). The
// update is conditional on the record still being pending, so two facilitators
// deciding at once produce one decision and a clear message for the other.
// A verified FO or company can later be suspended, with the reason, by a
// facilitator of its district (province): again conditionally on it still
// being verified, and audited.
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
    if (v.intent === "reject" && !v.reason) ctx.addIssue({ code: "custom", path: ["reason"], message: "validation:reasonRequired" });
  });
export type Decision = z.output<typeof DecisionSchema>;

export type DecisionResult = { ok: true; name: string } | { ok: false; reason: "notFound" | "outOfScope" | "alreadyDecided" };

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

// ---------------------------------------------------------------------------
// Suspension
// ---------------------------------------------------------------------------

const suspensionReason = z
  .string({ error: "reports:suspend.reasonRequired" })
  .trim()
  .min(1, { error: "reports:suspend.reasonRequired" })
  .max(500, { error: "validation:tooLong" });

export const SuspensionSchema = z.object({
  intent: choice(["suspend"]),
  kind: choice(["organisation", "company"]),
  id: idField,
  reason: suspensionReason,
});
export type Suspension = z.output<typeof SuspensionSchema>;

export type SuspensionResult = { ok: true; name: string } | { ok: false; reason: "notFound" | "outOfScope" | "notVerified" };

/** The verified FOs of the facilitator's districts and companies of their provinces: what they may suspend. */
export async function listVerifiedRegistrations(db: Db, scope: FacilitatorScope) {
  const [organisations, companies] = await Promise.all([
    db.organisation.findMany({
      where: { status: "verified", village: { districtId: { in: scope.districtIds } } },
      orderBy: [{ nameEn: "asc" }, { id: "asc" }],
      select: {
        id: true,
        nameLo: true,
        nameEn: true,
        village: { select: { nameLo: true, nameEn: true, district: { select: { nameLo: true, nameEn: true } } } },
      },
    }),
    db.traderCompany.findMany({
      where: { status: "verified", baseProvinceId: { in: scope.provinceIds } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      select: { id: true, name: true, licenceNumber: true, baseProvince: { select: { nameLo: true, nameEn: true } } },
    }),
  ]);
  return { organisations, companies };
}

/** Suspends a verified FO or company, with the reason; refused when it is no longer verified. */
export async function suspendRegistration(db: Db, actor: { id: string }, scope: FacilitatorScope, suspension: Suspension): Promise<SuspensionResult> {
  const change = { status: "suspended", statusReason: suspension.reason };
  return db.$transaction(async (tx) => {
    if (suspension.kind === "organisation") {
      const found = await tx.organisation.findUnique({
        where: { id: suspension.id },
        select: { nameEn: true, status: true, statusReason: true, village: { select: { districtId: true } } },
      });
      if (!found) return { ok: false, reason: "notFound" } as const;
      if (!scope.districtIds.includes(found.village.districtId)) return { ok: false, reason: "outOfScope" } as const;
      const { count } = await tx.organisation.updateMany({ where: { id: suspension.id, status: "verified" }, data: change });
      if (count === 0) return { ok: false, reason: "notVerified" } as const;
      await recordAudit(tx, {
        actorId: actor.id,
        action: "organisation.suspended",
        entityType: "Organisation",
        entityId: suspension.id,
        before: { status: "verified", statusReason: found.statusReason },
        after: change,
      });
      return { ok: true, name: found.nameEn } as const;
    }

    const found = await tx.traderCompany.findUnique({
      where: { id: suspension.id },
      select: { name: true, status: true, statusReason: true, baseProvinceId: true },
    });
    if (!found) return { ok: false, reason: "notFound" } as const;
    if (!scope.provinceIds.includes(found.baseProvinceId)) return { ok: false, reason: "outOfScope" } as const;
    const { count } = await tx.traderCompany.updateMany({ where: { id: suspension.id, status: "verified" }, data: change });
    if (count === 0) return { ok: false, reason: "notVerified" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "company.suspended",
      entityType: "TraderCompany",
      entityId: suspension.id,
      before: { status: "verified", statusReason: found.statusReason },
      after: change,
    });
    return { ok: true, name: found.name } as const;
  });
}
