// Contract templates as facilitators keep them. A published version is never
// changed: every write below is conditional on the version still being a
// draft. A change to a template is a new version, copied from the latest and
// edited as a draft, then published; contracts already written keep the
// version they were written from, new contracts use the latest published one.
import { Prisma } from "~/generated/prisma/client";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { placeholderNames } from "./placeholder-values";
import { placeholdersIn, readClauses, type ContractClause } from "./clauses";
import { priceMechanisms, templateCodes, type PriceMechanism, type TemplateCode } from "./snapshot";
import { checkTemplate, type TemplateCheck } from "./template-check";

type Actor = { id: string };
export type TemplateRefusal = "notFound" | "notDraft" | "draftExists" | "incomplete";
export type TemplateResult = { ok: true; templateId: string } | { ok: false; reason: TemplateRefusal } | { ok: false; fieldErrors: FieldErrors };

export async function listTemplates(db: Db) {
  return db.contractTemplate.findMany({
    orderBy: [{ code: "asc" }, { version: "desc" }],
    select: { id: true, code: true, version: true, nameLo: true, nameEn: true, status: true, publishedAt: true, _count: { select: { contracts: true } } },
  });
}

/** Checks edited clauses: every text present, and only placeholders the renderer knows. */
export function clauseErrors(clauses: readonly ContractClause[]): FieldErrors {
  const errors: FieldErrors = {};
  const known = new Set<string>(placeholderNames);
  clauses.forEach((clause, i) => {
    for (const field of ["titleLo", "titleEn", "bodyLo", "bodyEn"] as const) {
      const text = clause[field];
      const name = `clause.${i}.${field}`;
      if (!text.trim()) errors[name] = "validation:required";
      else if (text.length > 5000) errors[name] = "validation:tooLong";
      else if (placeholdersIn(text).some((p) => !known.has(p)) || text.replace(/\{\{\s*[a-zA-Z]+\s*\}\}/g, "").match(/\{\{|\}\}/))
        errors[name] = "templates:errors.unknownPlaceholder";
    }
  });
  return errors;
}

/** A new draft version of a template, copied from its latest version. */
export async function draftNewVersion(db: Db, actor: Actor, code: string): Promise<TemplateResult> {
  try {
    return await inTransaction<TemplateResult, TemplateRefusal>(db, async (tx) => {
      const latest = await tx.contractTemplate.findFirst({ where: { code }, orderBy: { version: "desc" } });
      if (!latest) refuse("notFound");
      if (latest.status === "draft") refuse("draftExists");
      const draft = await tx.contractTemplate.create({
        data: {
          code,
          version: latest.version + 1,
          nameLo: latest.nameLo,
          nameEn: latest.nameEn,
          priceMechanism: latest.priceMechanism,
          requiredTerms: latest.requiredTerms,
          clauses: latest.clauses,
          legalBasisLo: latest.legalBasisLo,
          legalBasisEn: latest.legalBasisEn,
        },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "template.drafted",
        entityType: "ContractTemplate",
        entityId: draft.id,
        after: { code, version: latest.version + 1 },
      });
      return { ok: true, templateId: draft.id };
    });
  } catch (error) {
    // Two facilitators starting a new version at once: the (code, version) pair keeps one.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return { ok: false, reason: "draftExists" };
    throw error;
  }
}

/** The legal basis as edited: both languages, each at most LEGAL_BASIS_MAX characters. */
export const LEGAL_BASIS_MAX = 500;
export type LegalBasis = { lo: string; en: string };

function legalBasisErrors(basis: LegalBasis | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!basis) return errors;
  for (const [field, text] of [
    ["legalBasisLo", basis.lo],
    ["legalBasisEn", basis.en],
  ] as const) {
    if (!text.trim()) errors[field] = "validation:required";
    else if (text.length > LEGAL_BASIS_MAX) errors[field] = "validation:tooLong";
  }
  return errors;
}

/** Saves a draft's wording: its clauses and, when given, its legal basis. */
export async function saveDraftClauses(db: Db, actor: Actor, templateId: string, clauses: ContractClause[], legalBasis?: LegalBasis): Promise<TemplateResult> {
  const fieldErrors = { ...legalBasisErrors(legalBasis), ...clauseErrors(clauses) };
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
  return inTransaction<TemplateResult, TemplateRefusal>(db, async (tx) => {
    const template = await tx.contractTemplate.findUnique({ where: { id: templateId }, select: { clauses: true, status: true } });
    if (!template) refuse("notFound");
    const keys = readClauses(template.clauses).map((c) => c.key);
    // The clause list is the template's structure; only the wording changes here.
    if (keys.join() !== clauses.map((c) => c.key).join()) refuse("notDraft");
    const basis = legalBasis ? { legalBasisLo: legalBasis.lo.trim(), legalBasisEn: legalBasis.en.trim() } : {};
    const { count } = await tx.contractTemplate.updateMany({
      where: { id: templateId, status: "draft" },
      data: { clauses: JSON.stringify(clauses), ...basis },
    });
    if (count === 0) refuse("notDraft");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "template.edited",
      entityType: "ContractTemplate",
      entityId: templateId,
      before: readClauses(template.clauses),
      after: clauses,
    });
    return { ok: true, templateId };
  });
}

/** The completeness check of a stored version (./template-check); null when the row is not one the portal can render. */
export function checkStoredTemplate(row: {
  code: string;
  version: number;
  nameLo: string;
  nameEn: string;
  priceMechanism: string;
  clauses: string;
  legalBasisLo: string | null;
  legalBasisEn: string | null;
}): TemplateCheck | null {
  if (!(templateCodes as readonly string[]).includes(row.code) || !(priceMechanisms as readonly string[]).includes(row.priceMechanism)) return null;
  return checkTemplate({ ...row, code: row.code as TemplateCode, priceMechanism: row.priceMechanism as PriceMechanism, clauses: readClauses(row.clauses) });
}

/** Publishes a draft that passes the completeness check; one that fails stays a draft, unchanged. */
export async function publishTemplate(db: Db, actor: Actor, templateId: string, now = new Date()): Promise<TemplateResult> {
  return inTransaction<TemplateResult, TemplateRefusal>(db, async (tx) => {
    const row = await tx.contractTemplate.findUnique({
      where: { id: templateId },
      select: {
        code: true,
        version: true,
        nameLo: true,
        nameEn: true,
        priceMechanism: true,
        clauses: true,
        legalBasisLo: true,
        legalBasisEn: true,
        status: true,
      },
    });
    if (!row) refuse("notFound");
    if (row.status !== "draft") refuse("notDraft");
    if (!checkStoredTemplate(row)?.passed) refuse("incomplete");
    const { count } = await tx.contractTemplate.updateMany({
      where: { id: templateId, status: "draft" },
      data: { status: "published", publishedAt: now, publishedById: actor.id },
    });
    if (count === 0) refuse("notDraft");
    await recordAudit(tx, {
      actorId: actor.id,
      action: "template.published",
      entityType: "ContractTemplate",
      entityId: templateId,
      after: { status: "published" },
    });
    return { ok: true, templateId };
  });
}
