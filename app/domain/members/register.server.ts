// The member register: the households an FO leader records so that pledges,
// payout shares and the sex- and age-disaggregated reports have someone to
// count. Members are never deleted (pledges and payouts point at them); a member
// who leaves is deactivated and can be reactivated.
//
// Villages: a member lives in a village of the FO's own district. FOs are
// village- or district-level groups that a district (DAFO) facilitator
// verifies and supports, the district is what reports break members down by, and
// the CSV import matches village names within the district, where the seed data
// keeps them unique (the same name recurs across districts). Any programme
// village would make a typo in a select list or a spreadsheet silently place a
// household in another province.
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { duplicateKey, type MemberValues } from "./member-schema";

export const memberSnapshot = {
  id: true,
  organisationId: true,
  name: true,
  householdHeadSex: true,
  memberSex: true,
  birthYear: true,
  villageId: true,
  phone: true,
  active: true,
} as const;

type Actor = { id: string };

export type MemberWriteResult =
  | { ok: true; member: { id: string; name: string; active: boolean }; changed: boolean }
  | { ok: false; reason: "notFound" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

/** The FO, its district and the villages its members may live in. */
export async function getRegisterContext(db: Db | Tx, organisationId: string) {
  const organisation = await db.organisation.findUnique({
    where: { id: organisationId },
    select: {
      id: true,
      nameLo: true,
      nameEn: true,
      status: true,
      village: {
        select: {
          district: {
            select: {
              id: true,
              nameLo: true,
              nameEn: true,
              villages: { orderBy: { nameEn: "asc" }, select: { id: true, nameLo: true, nameEn: true } },
            },
          },
        },
      },
    },
  });
  if (!organisation) return null;
  const { district } = organisation.village;
  return {
    organisation: { id: organisation.id, nameLo: organisation.nameLo, nameEn: organisation.nameEn, status: organisation.status },
    district: { id: district.id, nameLo: district.nameLo, nameEn: district.nameEn },
    villages: district.villages,
  };
}

/** Every member of the FO, active or not, by name. */
export async function listMembers(db: Db, organisationId: string) {
  return db.member.findMany({
    where: { organisationId },
    orderBy: [{ name: "asc" }, { birthYear: "asc" }],
    select: { ...memberSnapshot, village: { select: { nameLo: true, nameEn: true } } },
  });
}

/** One member, only if it belongs to this FO. */
export async function getMember(db: Db, organisationId: string, memberId: string) {
  return db.member.findFirst({ where: { id: memberId, organisationId }, select: memberSnapshot });
}

async function ruleViolations(tx: Tx, organisationId: string, values: MemberValues, exceptId?: string): Promise<FieldErrors | null> {
  const context = await getRegisterContext(tx, organisationId);
  const errors: FieldErrors = {};
  if (!context?.villages.some((v) => v.id === values.villageId)) errors.villageId = "members:errors.villageOutsideDistrict";
  const sameYear = await tx.member.findMany({
    where: { organisationId, birthYear: values.birthYear, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { name: true, birthYear: true },
  });
  const key = duplicateKey(values.name, values.birthYear);
  if (sameYear.some((m) => duplicateKey(m.name, m.birthYear) === key)) errors.name = "members:errors.duplicate";
  return Object.keys(errors).length ? errors : null;
}

function memberData(values: MemberValues) {
  return {
    name: values.name,
    householdHeadSex: values.householdHeadSex,
    memberSex: values.memberSex,
    birthYear: values.birthYear,
    villageId: values.villageId,
    phone: values.phone ?? null,
  };
}

export async function addMember(db: Db, actor: Actor, organisationId: string, values: MemberValues): Promise<MemberWriteResult> {
  return db.$transaction(async (tx) => {
    const exists = await tx.organisation.findUnique({ where: { id: organisationId }, select: { id: true } });
    if (!exists) return { ok: false, reason: "notFound" } as const;
    const fieldErrors = await ruleViolations(tx, organisationId, values);
    if (fieldErrors) return { ok: false, reason: "invalid", fieldErrors } as const;
    const member = await tx.member.create({ data: { organisationId, ...memberData(values) }, select: memberSnapshot });
    await recordAudit(tx, { actorId: actor.id, action: "member.added", entityType: "Member", entityId: member.id, after: member });
    return { ok: true, member, changed: true } as const;
  });
}

export async function updateMember(db: Db, actor: Actor, organisationId: string, memberId: string, values: MemberValues): Promise<MemberWriteResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.member.findFirst({ where: { id: memberId, organisationId }, select: memberSnapshot });
    if (!before) return { ok: false, reason: "notFound" } as const;
    const fieldErrors = await ruleViolations(tx, organisationId, values, memberId);
    if (fieldErrors) return { ok: false, reason: "invalid", fieldErrors } as const;
    const after = await tx.member.update({ where: { id: memberId }, data: memberData(values), select: memberSnapshot });
    await recordAudit(tx, { actorId: actor.id, action: "member.updated", entityType: "Member", entityId: memberId, before, after });
    if (before.phone !== after.phone) {
      // A consent covers the number it was given for: a new number needs the household's consent again.
      await tx.memberSmsConsent.updateMany({
        where: { memberId, withdrawnAt: null },
        data: { withdrawnAt: new Date(), withdrawnHow: "leader", withdrawnById: actor.id },
      });
    }
    return { ok: true, member: after, changed: true } as const;
  });
}

async function setActive(db: Db, actor: Actor, organisationId: string, memberId: string, active: boolean): Promise<MemberWriteResult> {
  return db.$transaction(async (tx) => {
    const before = await tx.member.findFirst({ where: { id: memberId, organisationId }, select: memberSnapshot });
    if (!before) return { ok: false, reason: "notFound" } as const;
    // Conditional, so a double submit (or two leaders at once) records one change.
    const { count } = await tx.member.updateMany({ where: { id: memberId, organisationId, active: !active }, data: { active } });
    if (count === 0) return { ok: true, member: before, changed: false } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action: active ? "member.reactivated" : "member.deactivated",
      entityType: "Member",
      entityId: memberId,
      before: { active: before.active },
      after: { active },
    });
    return { ok: true, member: { ...before, active }, changed: true } as const;
  });
}

/** A household that left the FO: kept for its pledges and payouts, hidden from the register. */
export function deactivateMember(db: Db, actor: Actor, organisationId: string, memberId: string) {
  return setActive(db, actor, organisationId, memberId, false);
}

export function reactivateMember(db: Db, actor: Actor, organisationId: string, memberId: string) {
  return setActive(db, actor, organisationId, memberId, true);
}
