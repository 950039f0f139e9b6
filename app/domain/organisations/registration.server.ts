// Self-service registration: an FO leader registers their farmers' organisation,
// a trader their company. Both start *pending*: the account can sign in and
// prepare, but publishing and offering wait for a facilitator's verification.
import { z } from "zod";
import { Prisma } from "~/generated/prisma/client";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { choice, idField, optionalEmailField, optionalPhoneField, passwordField, requiredText } from "~/utils/fields";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors, type FormResult } from "~/utils/forms";
import { hashPassword } from "~/utils/password.server";
import { organisationTypes } from "./types";

const AccountSchema = z
  .object({
    name: requiredText(120),
    phone: optionalPhoneField,
    email: optionalEmailField,
    password: passwordField,
    passwordConfirm: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.phone && !v.email) ctx.addIssue({ code: "custom", path: ["phone"], message: "validation:phoneOrEmail" });
    if (v.password !== v.passwordConfirm) ctx.addIssue({ code: "custom", path: ["passwordConfirm"], message: "validation:passwordsDiffer" });
  });

const KindSchema = z.object({ kind: choice(["fo", "trader"]) });

const OrganisationSchema = z.object({
  orgNameLo: requiredText(160),
  orgNameEn: requiredText(160),
  orgType: choice(organisationTypes),
  villageId: idField,
});

const CompanySchema = z.object({
  companyName: requiredText(160),
  licenceNumber: requiredText(60),
  baseProvinceId: idField,
});

type Account = z.output<typeof AccountSchema>;
export type RegistrationInput =
  ({ kind: "fo" } & Account & z.output<typeof OrganisationSchema>) | ({ kind: "trader" } & Account & z.output<typeof CompanySchema>);

/** Parses the registration form, reporting every field's problem at once. */
export function parseRegistrationForm(formData: FormData): FormResult<RegistrationInput> {
  const raw = formDataToObject(formData);
  const kind = KindSchema.safeParse(raw);
  const account = AccountSchema.safeParse(raw);
  const specific = kind.success ? (kind.data.kind === "fo" ? OrganisationSchema.safeParse(raw) : CompanySchema.safeParse(raw)) : undefined;
  const issues = [
    ...(kind.success ? [] : kind.error.issues),
    ...(account.success ? [] : account.error.issues),
    ...(specific && !specific.success ? specific.error.issues : []),
  ];
  if (issues.length || !kind.success || !account.success || !specific?.success) {
    return { ok: false, fieldErrors: issuesToFieldErrors(issues), values: redisplayValues(raw) };
  }
  return { ok: true, data: { kind: kind.data.kind, ...account.data, ...specific.data } as RegistrationInput };
}

export type RegistrationResult = { ok: true; userId: string } | { ok: false; fieldErrors: FieldErrors };

function uniqueViolation(error: unknown): FieldErrors | null {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError) || error.code !== "P2002") return null;
  const target = JSON.stringify(error.meta ?? {});
  return target.includes("email") ? { email: "validation:emailTaken" } : { phone: "validation:phoneTaken" };
}

export async function registerAccount(db: Db, input: RegistrationInput): Promise<RegistrationResult> {
  if (input.kind === "fo") {
    const village = await db.village.findUnique({ where: { id: input.villageId }, select: { id: true } });
    if (!village) return { ok: false, fieldErrors: { villageId: "validation:invalidChoice" } };
  } else {
    const province = await db.province.findUnique({ where: { id: input.baseProvinceId }, select: { id: true } });
    if (!province) return { ok: false, fieldErrors: { baseProvinceId: "validation:invalidChoice" } };
  }

  const taken: FieldErrors = {};
  if (input.phone && (await db.user.findUnique({ where: { phone: input.phone }, select: { id: true } }))) taken.phone = "validation:phoneTaken";
  if (input.email && (await db.user.findUnique({ where: { email: input.email }, select: { id: true } }))) taken.email = "validation:emailTaken";
  if (Object.keys(taken).length) return { ok: false, fieldErrors: taken };

  const passwordHash = await hashPassword(input.password);
  try {
    const userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          passwordHash,
          roles: { create: { role: input.kind === "fo" ? "fo_leader" : "trader" } },
        },
        select: { id: true, name: true, phone: true, email: true },
      });
      await recordAudit(tx, { actorId: user.id, action: "user.registered", entityType: "User", entityId: user.id, after: user });

      if (input.kind === "fo") {
        const organisation = await tx.organisation.create({
          data: {
            nameLo: input.orgNameLo,
            nameEn: input.orgNameEn,
            type: input.orgType,
            villageId: input.villageId,
            phone: input.phone ?? null,
            leaders: { create: { userId: user.id, position: "leader" } },
          },
          select: { id: true, nameLo: true, nameEn: true, type: true, villageId: true, status: true },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: "organisation.registered",
          entityType: "Organisation",
          entityId: organisation.id,
          after: organisation,
        });
      } else {
        const company = await tx.traderCompany.create({
          data: {
            name: input.companyName,
            licenceNumber: input.licenceNumber,
            baseProvinceId: input.baseProvinceId,
            contactPhone: input.phone ?? null,
            contactEmail: input.email ?? null,
            staff: { create: { userId: user.id } },
          },
          select: { id: true, name: true, licenceNumber: true, baseProvinceId: true, status: true },
        });
        await recordAudit(tx, {
          actorId: user.id,
          action: "company.registered",
          entityType: "TraderCompany",
          entityId: company.id,
          after: company,
        });
      }
      return user.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // Two registrations with the same phone at the same moment: the second loses here.
    const fieldErrors = uniqueViolation(error);
    if (fieldErrors) return { ok: false, fieldErrors };
    throw error;
  }
}
