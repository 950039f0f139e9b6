// The district office (DAFO) registers a signed contract, as Decree No. 56/Gov
// on contract farming provides: a number, a day and the office, recorded by a
// facilitator of the contract's district. The registration sits beside the
// frozen text and never changes it: the text, its hash and the signatures stay
// as signed, and the check page still verifies them.
//
// Registering twice is refused by a conditional update of Contract.registeredAt
// (two facilitators pressing at once: one registers, the other is told it is
// done), and a number the office has already given in the district is refused
// by the unique index.
import { Prisma } from "~/generated/prisma/client";
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { laoDateField, requiredText } from "~/utils/fields";
import { parseForm, type FieldErrors, type FormResult } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { facilitatedBy } from "~/utils/access.server";

/** A contract is registered once it is signed by every party; one cancelled or replaced by an amendment no longer is to be. */
export const registrableStatuses = ["active", "completed", "disputed"] as const;

export const registrationSchema = (now: Date) =>
  z.object({
    number: requiredText(40).transform((v) => v.replace(/\s+/g, " ")),
    registeredOn: laoDateField.superRefine((day, ctx) => {
      if (day.getTime() > now.getTime()) ctx.addIssue({ code: "custom", message: "registration:errors.future" });
    }),
    office: requiredText(120),
  });
export type RegistrationInput = z.output<ReturnType<typeof registrationSchema>>;

export function parseRegistration(formData: FormData, now: Date): FormResult<RegistrationInput> {
  return parseForm(registrationSchema(now), formData);
}

export type RegistrationRecord = { number: string; registeredOn: Date; office: string; registeredBy: string };

export type RegisterResult = { ok: true } | { ok: false; reason: "notFound" | "notSigned" | "alreadyRegistered" } | { ok: false; fieldErrors: FieldErrors };

/**
 * Registers `contractId` for a facilitator of its district. Unknown contracts
 * and contracts outside the facilitator's districts are "notFound" alike.
 */
export async function registerContract(
  db: Db,
  user: Pick<SessionUser, "id" | "roles">,
  contractId: string,
  input: RegistrationInput,
  now = new Date(),
): Promise<RegisterResult> {
  if (!user.roles.includes("facilitator")) return { ok: false, reason: "notFound" };
  const contract = await db.contract.findFirst({
    where: { id: contractId, district: facilitatedBy(user.id) },
    select: { id: true, number: true, status: true, districtId: true, activatedAt: true, registeredAt: true },
  });
  if (!contract) return { ok: false, reason: "notFound" };
  if (contract.registeredAt) return { ok: false, reason: "alreadyRegistered" };
  if (!(registrableStatuses as readonly string[]).includes(contract.status) || !contract.activatedAt) return { ok: false, reason: "notSigned" };
  // A day is typed; signing has a time. The office cannot have registered it before the day it was signed.
  const signedDay = startOfLaoDay(toLaoDateInput(contract.activatedAt))!;
  if (input.registeredOn.getTime() < signedDay.getTime()) return { ok: false, fieldErrors: { registeredOn: "registration:errors.beforeSigning" } };
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.contract.updateMany({
        where: { id: contract.id, registeredAt: null, status: { in: [...registrableStatuses] } },
        data: { registeredAt: now },
      });
      if (claimed.count === 0) {
        const again = await tx.contract.findUnique({ where: { id: contract.id }, select: { registeredAt: true } });
        return { ok: false as const, reason: again?.registeredAt ? ("alreadyRegistered" as const) : ("notSigned" as const) };
      }
      const registration = await tx.contractRegistration.create({
        data: {
          contractId: contract.id,
          districtId: contract.districtId,
          number: input.number,
          registeredOn: input.registeredOn,
          office: input.office,
          registeredById: user.id,
          createdAt: now,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: user.id,
        action: "contract.registered",
        entityType: "Contract",
        entityId: contract.id,
        before: { registeredAt: null },
        after: { registrationId: registration.id, number: input.number, registeredOn: input.registeredOn, office: input.office },
      });
      return { ok: true as const };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, fieldErrors: { number: "registration:errors.numberTaken" } };
    }
    throw error;
  }
}

/** A contract's registration as its pages show it, or null while it has none. */
export async function contractRegistration(db: Db, contractId: string): Promise<RegistrationRecord | null> {
  const r = await db.contractRegistration.findUnique({
    where: { contractId },
    select: { number: true, registeredOn: true, office: true, registeredBy: { select: { name: true } } },
  });
  return r ? { number: r.number, registeredOn: r.registeredOn, office: r.office, registeredBy: r.registeredBy.name } : null;
}
