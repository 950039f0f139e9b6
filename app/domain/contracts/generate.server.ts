// Turning an accepted offer into a contract: the parties and every term are
// frozen into a snapshot, rendered in Lao and English from the latest published
// version of the template the offer names, summarised in plain words and
// hashed. Runs inside the acceptance transaction, so an accepted offer always
// has its contract and a failed generation leaves the offer unaccepted.
import { z } from "zod";
import { refuse } from "~/domain/refusal";
import { contractCurrencyOf } from "~/domain/prices/currency";
import { readDeductionTable, readForeignMatter, readGradeAdjustments } from "~/domain/offers/offer-terms";
import type { Tx } from "~/utils/db.server";
import { witnessThresholdLak } from "~/utils/env.server";
import { recordAudit } from "~/utils/audit.server";
import { contractDocument, contractTermColumns } from "./document";
import { newCheckCode } from "./check-code";
import { nextContractNumber } from "./numbering.server";
import { renderContract } from "./render";
import { EXPORT_PARITY_MAX_AGE_DAYS } from "../deliveries/export-parity-price";
import { revisionContentTerm } from "./content";
import {
  exportCurrencies,
  rateSourceKinds,
  templateCodes,
  type ContractSnapshot,
  type LeaderPosition,
  type PriceMechanism,
  type SnapshotCurrency,
  type SnapshotSex,
  type SnapshotExportParity,
  type TemplateCode,
} from "./snapshot";

export const ClauseSchema = z.array(z.object({ key: z.string(), titleLo: z.string(), titleEn: z.string(), bodyLo: z.string(), bodyEn: z.string() }));

const local = (row: { nameLo: string; nameEn: string }) => ({ lo: row.nameLo, en: row.nameEn });
const sexOf = (sex: string | null): SnapshotSex | null => (sex === "female" || sex === "male" ? sex : null);
const positionOf = (position: string): LeaderPosition => (position === "secretary" ? "secretary" : "leader");

export async function latestPublishedTemplate(tx: Tx, code: string) {
  return tx.contractTemplate.findFirst({ where: { code, status: "published" }, orderBy: { version: "desc" } });
}

export function contractValueLak(terms: { quantityKg: number; priceLakPerKg: number; floorPriceLakPerKg: number | null }, mechanism: PriceMechanism): bigint {
  const floored = mechanism === "floor_premium" || mechanism === "export_parity_floor";
  const price = floored && terms.floorPriceLakPerKg ? terms.floorPriceLakPerKg : terms.priceLakPerKg;
  return BigInt(terms.quantityKg) * BigInt(price);
}

/**
 * The grade prices and foreign-matter schedule of a revision, in the snapshot's
 * optional fields. A revision written before grades and foreign matter were
 * priced has neither, and its contract leaves the fields out: it reads (and
 * renders, and hashes) exactly as contracts did then.
 */
export function gradeTerms(revision: {
  gradeAdjustments: string | null;
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: string | null;
}): Pick<ContractSnapshot["terms"], "gradeAdjustments" | "foreignMatterBasisPermille" | "foreignMatterTable"> {
  const grades = readGradeAdjustments(revision.gradeAdjustments);
  const foreignMatter = readForeignMatter(revision);
  return {
    ...(grades === null ? {} : { gradeAdjustments: grades }),
    ...(foreignMatter === null ? {} : { foreignMatterBasisPermille: foreignMatter.basisPermille, foreignMatterTable: foreignMatter.table }),
  };
}

/** The content term of a revision, in the snapshot's optional field; left out when it has none (and so before content was priced). */
export function contentTerms(
  measure: string | null,
  revision: { contentBasisPermille: number | null; contentStepLakPerKg: number | null },
): Pick<ContractSnapshot["terms"], "content"> {
  const term = revisionContentTerm(measure, revision);
  return term === null ? {} : { content: term };
}

/** The export series, rate and margin an export-parity offer stated; the offer form refuses one without them. */
export function exportParityTerms(revision: {
  exportMarket: string | null;
  exportCurrency: string | null;
  exportRateSourceKind: string | null;
  exportMarginLakPerKg: number | null;
}): SnapshotExportParity {
  const currency = exportCurrencies.find((c) => c === revision.exportCurrency);
  const rateSourceKind = rateSourceKinds.find((k) => k === revision.exportRateSourceKind);
  if (!revision.exportMarket || !currency || !rateSourceKind || revision.exportMarginLakPerKg === null)
    throw new Error("An export-parity offer must name its export market, currency, exchange rate and margin");
  return { market: revision.exportMarket, currency, rateSourceKind, marginLakPerKg: revision.exportMarginLakPerKg, maxAgeDays: EXPORT_PARITY_MAX_AGE_DAYS };
}

/** Builds the snapshot of an accepted offer revision: everything the contract says. */
export async function snapshotOfAcceptedOffer(
  tx: Tx,
  input: {
    offerId: string;
    revisionId: string;
    number: string;
    now: Date;
    template: {
      code: string;
      version: number;
      nameLo: string;
      nameEn: string;
      priceMechanism: string;
      legalBasisLo?: string | null;
      legalBasisEn?: string | null;
    };
  },
): Promise<ContractSnapshot> {
  const offer = await tx.offer.findUniqueOrThrow({
    where: { id: input.offerId },
    select: {
      company: {
        select: {
          name: true,
          licenceNumber: true,
          baseProvince: { select: { nameLo: true, nameEn: true } },
          staff: { select: { user: { select: { name: true, phone: true, sex: true } } } },
        },
      },
      listing: {
        select: {
          // The members annex: bounded by the listing's own pledges (one per household).
          pledges: {
            orderBy: [{ member: { name: "asc" } }, { memberId: "asc" }],
            select: {
              kg: true,
              areaM2: true,
              siteVillage: { select: { nameLo: true, nameEn: true } },
              member: { select: { name: true, memberSex: true, village: { select: { nameLo: true, nameEn: true } } } },
            },
          },
          crop: { select: { code: true, nameLo: true, nameEn: true, standardMoisturePermille: true, contentMeasure: true } },
          organisation: {
            select: {
              nameLo: true,
              nameEn: true,
              type: true,
              village: {
                select: {
                  nameLo: true,
                  nameEn: true,
                  district: { select: { nameLo: true, nameEn: true, province: { select: { nameLo: true, nameEn: true } } } },
                },
              },
              leaders: { select: { position: true, user: { select: { name: true, phone: true, sex: true } } } },
            },
          },
        },
      },
    },
  });
  const revision = await tx.offerRevision.findUniqueOrThrow({ where: { id: input.revisionId }, include: { grade: true } });
  const { organisation } = offer.listing;
  const mechanism = input.template.priceMechanism as PriceMechanism;
  const terms: ContractSnapshot["terms"] = {
    priceLakPerKg: revision.priceLakPerKg,
    quantityKg: revision.quantityKg,
    // Negotiated in the offer; revisions written before carry the 5 % that was fixed then.
    tolerancePermille: revision.tolerancePermille,
    moistureBasisPermille: revision.moistureBasisPermille,
    deductionTable: readDeductionTable(revision.deductionTable),
    deliveryDate: revision.deliveryDate.toISOString(),
    deliveryPlace: revision.deliveryPlace,
    transportPaidBy: revision.transportPaidBy === "fo" ? "fo" : "trader",
    transportCostLak: revision.transportCostLak.toString(),
    bagsPaidBy: revision.bagsPaidBy === "fo" ? "fo" : "trader",
    bagsCostLak: revision.bagsCostLak.toString(),
    advanceLak: revision.advanceLak.toString(),
    paymentDays: revision.paymentDays,
    latePenaltyPermillePerMonth: revision.latePenaltyPermillePerMonth,
    floorPriceLakPerKg: revision.floorPriceLakPerKg,
    inputDescription: revision.inputDescription,
    inputValueLak: revision.inputValueLak?.toString() ?? null,
    inputInterestPermillePerMonth: revision.inputInterestPermillePerMonth,
    ...gradeTerms(revision),
    ...contentTerms(offer.listing.crop.contentMeasure, revision),
    ...(mechanism === "export_parity_floor" ? { exportParity: exportParityTerms(revision) } : {}),
  };
  const valueLak = contractValueLak(terms, mechanism);
  const currency = currencyTerms(revision);
  return {
    number: input.number,
    amendmentNumber: 1,
    amends: null,
    amendmentReason: null,
    date: input.now.toISOString(),
    template: {
      code: input.template.code as TemplateCode,
      version: input.template.version,
      name: local(input.template),
      priceMechanism: mechanism,
      ...(input.template.legalBasisLo && input.template.legalBasisEn
        ? { legalBasis: { lo: input.template.legalBasisLo, en: input.template.legalBasisEn } }
        : {}),
    },
    fo: {
      name: local(organisation),
      type: organisation.type,
      village: local(organisation.village),
      district: local(organisation.village.district),
      province: local(organisation.village.district.province),
      leaders: organisation.leaders.map((l) => ({ name: l.user.name, phone: l.user.phone, sex: sexOf(l.user.sex), position: positionOf(l.position) })),
    },
    trader: {
      name: offer.company.name,
      licenceNumber: offer.company.licenceNumber,
      province: local(offer.company.baseProvince),
      staff: offer.company.staff.map((s) => ({ name: s.user.name, phone: s.user.phone, sex: sexOf(s.user.sex) })),
    },
    members: offer.listing.pledges.map((p) => ({
      name: p.member.name,
      sex: p.member.memberSex === "male" ? "male" : "female",
      village: local(p.member.village),
      pledgedKg: p.kg,
      ...(p.areaM2 !== null ? { site: { village: local(p.siteVillage ?? p.member.village), areaM2: p.areaM2 } } : {}),
    })),
    crop: { code: offer.listing.crop.code, name: local(offer.listing.crop), standardMoisturePermille: offer.listing.crop.standardMoisturePermille },
    grade: { code: revision.grade.code, name: local(revision.grade), spec: { lo: revision.grade.specLo, en: revision.grade.specEn } },
    terms,
    valueLak: valueLak.toString(),
    ...(currency ? { currency } : {}),
    // A contract in baht or yuan is always witnessed: the facilitator checks its exchange-rate clause (docs/decisions/0021).
    witnessRequired: currency !== null || valueLak >= witnessThresholdLak(),
    writing: 2,
  };
}

/** The exchange-rate clause of terms written in baht or yuan; null for kip. */
function currencyTerms(revision: { currency: string; rateSourceKind: string | null; rateSourceName: string | null }): SnapshotCurrency | null {
  const code = contractCurrencyOf(revision.currency);
  if (code === "LAK") return null;
  const kind = rateSourceKinds.find((k) => k === revision.rateSourceKind);
  if (!kind || !revision.rateSourceName) throw new Error(`Terms in ${code} without a named exchange rate`);
  return { code, rateSourceKind: kind, rateSourceName: revision.rateSourceName, convertsOn: "delivery_day" };
}

/** Writes the contract for an offer just accepted (inside the acceptance transaction). */
export async function generateContract(tx: Tx, actor: { id: string }, offerId: string, now: Date): Promise<{ contractId: string; number: string }> {
  const offer = await tx.offer.findUniqueOrThrow({
    where: { id: offerId },
    select: { acceptedRevisionId: true, companyId: true, listing: { select: { id: true, organisationId: true, districtId: true, cropId: true } } },
  });
  if (!offer.acceptedRevisionId) refuse("notAccepted");
  const revision = await tx.offerRevision.findUniqueOrThrow({ where: { id: offer.acceptedRevisionId }, select: { templateCode: true } });
  const code = (templateCodes as readonly string[]).includes(revision.templateCode) ? revision.templateCode : "spot_fixed";
  const template = await latestPublishedTemplate(tx, code);
  if (!template) refuse("noTemplate");

  const { year, sequence, number } = await nextContractNumber(tx, now);
  const snapshot = await snapshotOfAcceptedOffer(tx, { offerId, revisionId: offer.acceptedRevisionId, number, now, template });
  const rendered = renderContract(snapshot, ClauseSchema.parse(JSON.parse(template.clauses)));
  const contract = await tx.contract.create({
    data: {
      number,
      checkCode: newCheckCode(),
      year,
      sequence,
      offerId,
      acceptedRevisionId: offer.acceptedRevisionId,
      listingId: offer.listing.id,
      organisationId: offer.listing.organisationId,
      companyId: offer.companyId,
      districtId: offer.listing.districtId,
      templateId: template.id,
      cropId: offer.listing.cropId,
      ...contractTermColumns(snapshot),
      document: { create: contractDocument(snapshot, rendered) },
      sha256: rendered.sha256,
      valueLak: BigInt(snapshot.valueLak),
      witnessRequired: snapshot.witnessRequired,
      createdAt: now,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.id,
    action: "contract.generated",
    entityType: "Contract",
    entityId: contract.id,
    after: { number, offerId, template: `${template.code} v${template.version}`, sha256: rendered.sha256, valueLak: snapshot.valueLak },
  });
  return { contractId: contract.id, number };
}
