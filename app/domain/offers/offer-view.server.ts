// Reading offers for the people who may see them: the trader company's staff,
// the leaders of the listing's FO and the facilitators of its district.
import { contractCurrencyOf } from "~/domain/prices/currency";
import type { Prisma } from "~/generated/prisma/client";
import { localName } from "~/utils/i18n";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { facilitatesDistrict, leadsOrganisation, staffsCompany } from "~/utils/access.server";
import type { SessionUser } from "~/utils/request-state.server";
import type { ExpectedContent } from "~/domain/listings/expected-content";
import type { ExpectedMoisture } from "~/domain/listings/expected-moisture";
import { DEFAULT_MONTHLY_RATE_PERMILLE, serialiseLines } from "./effective-price";
import { evaluateOffer, type ComparableTerms, type ComparisonContext, type OfferEvaluation } from "./offer-comparison";
import { readDeductionTable, readRevisionTables, type Party } from "./offer-terms";
import { revisionContentTerm } from "~/domain/contracts/content";

type Revision = Prisma.OfferRevisionGetPayload<{ include: { grade: { select: { nameLo: true; nameEn: true } } } }>;

/**
 * One revision as the offer page shows it. `grades` names the crop's grades
 * (code → name in the user's language) for the grade price table; a code the
 * crop no longer has is shown as its code.
 */
export function serialiseRevision(revision: Revision, locale: Locale, grades: ReadonlyMap<string, string> = new Map(), cropContentMeasure?: string | null) {
  const tables = readRevisionTables(revision);
  return {
    id: revision.id,
    number: revision.number,
    byParty: revision.byParty as Party,
    createdAt: revision.createdAt.toISOString(),
    /** the unit of every amount of the revision (~/domain/prices/currency) */
    currency: contractCurrencyOf(revision.currency),
    rateSourceName: revision.rateSourceName,
    priceLakPerKg: revision.priceLakPerKg,
    quantityKg: revision.quantityKg,
    grade: localName(revision.grade, locale),
    moistureBasisPermille: revision.moistureBasisPermille,
    deductionTable: readDeductionTable(revision.deductionTable),
    deliveryDate: revision.deliveryDate.toISOString(),
    deliveryPlace: revision.deliveryPlace,
    transportPaidBy: revision.transportPaidBy as Party,
    transportCostLak: revision.transportCostLak.toString(),
    bagsPaidBy: revision.bagsPaidBy as Party,
    bagsCostLak: revision.bagsCostLak.toString(),
    advanceLak: revision.advanceLak.toString(),
    paymentDays: revision.paymentDays,
    latePenaltyPermillePerMonth: revision.latePenaltyPermillePerMonth,
    validUntil: revision.validUntil.toISOString(),
    message: revision.message,
    templateCode: revision.templateCode,
    floorPriceLakPerKg: revision.floorPriceLakPerKg,
    exportMarket: revision.exportMarket,
    exportCurrency: revision.exportCurrency,
    exportRateSourceKind: revision.exportRateSourceKind,
    exportMarginLakPerKg: revision.exportMarginLakPerKg,
    inputDescription: revision.inputDescription,
    inputValueLak: revision.inputValueLak?.toString() ?? null,
    inputInterestPermillePerMonth: revision.inputInterestPermillePerMonth,
    tolerancePermille: revision.tolerancePermille,
    /** null: written before grades were priced (every grade at the price) */
    gradeAdjustments: tables.gradeAdjustments?.map((a) => ({ ...a, grade: grades.get(a.gradeCode) ?? a.gradeCode })) ?? null,
    foreignMatterBasisPermille: tables.foreignMatterBasisPermille,
    foreignMatterTable: tables.foreignMatterTable,
    /** the content term (DRC, starch); null when the revision has none */
    content: revisionContentTerm(cropContentMeasure ?? null, revision),
  };
}

/** code → name of a crop's grades, for serialiseRevision. */
export function gradeNames(grades: readonly { code: string; nameLo: string; nameEn: string }[], locale: Locale): Map<string, string> {
  return new Map(grades.map((g) => [g.code, localName(g, locale)]));
}
export type SerialisedRevision = ReturnType<typeof serialiseRevision>;

/** The terms an offer is evaluated on (a revision as Prisma or the comparison's prepared reads give it). */
export type EvaluatedTerms = Pick<
  Revision,
  | "templateCode"
  | "priceLakPerKg"
  | "floorPriceLakPerKg"
  | "quantityKg"
  | "tolerancePermille"
  | "moistureBasisPermille"
  | "deductionTable"
  | "transportPaidBy"
  | "transportCostLak"
  | "bagsPaidBy"
  | "bagsCostLak"
  | "advanceLak"
  | "paymentDays"
  | "deliveryDate"
  | "createdAt"
  | "inputValueLak"
  | "inputInterestPermillePerMonth"
> &
  Partial<Pick<Revision, "contentBasisPermille" | "contentStepLakPerKg">>;

/** `cropContentMeasure`: the crop's measure (DRC, starch), which gives the revision's content term its meaning. */
export function comparableTerms(revision: EvaluatedTerms, cropContentMeasure: string | null = null): ComparableTerms {
  return {
    templateCode: revision.templateCode,
    priceLakPerKg: revision.priceLakPerKg,
    floorPriceLakPerKg: revision.floorPriceLakPerKg,
    quantityKg: revision.quantityKg,
    tolerancePermille: revision.tolerancePermille,
    moistureBasisPermille: revision.moistureBasisPermille,
    deductionTable: readDeductionTable(revision.deductionTable),
    transportPaidBy: revision.transportPaidBy as Party,
    transportCostLak: revision.transportCostLak,
    bagsPaidBy: revision.bagsPaidBy as Party,
    bagsCostLak: revision.bagsCostLak,
    advanceLak: revision.advanceLak,
    paymentDays: revision.paymentDays,
    deliveryDate: revision.deliveryDate,
    termsDate: revision.createdAt,
    inputValueLak: revision.inputValueLak,
    inputInterestPermillePerMonth: revision.inputInterestPermillePerMonth,
    content: revisionContentTerm(cropContentMeasure, {
      contentBasisPermille: revision.contentBasisPermille ?? null,
      contentStepLakPerKg: revision.contentStepLakPerKg ?? null,
    }),
  };
}

/** An evaluation ready for a loader's JSON. */
export function evaluationView(evaluation: OfferEvaluation) {
  const { ranked, floor, expectedPremium, quantityRange } = evaluation;
  return {
    effectiveLakPerKg: ranked.effectiveLakPerKg,
    netLak: ranked.netLak.toString(),
    lines: serialiseLines(ranked.lines),
    floor,
    premium: expectedPremium ? { premiumLak: expectedPremium.premiumLak.toString(), lines: serialiseLines(expectedPremium.lines) } : null,
    quantityRange,
  };
}
export type EvaluationView = ReturnType<typeof evaluationView>;

/** The comparison's terms for a listing: its expected moisture (and content, for crops paid on it) and the default cost of waiting. */
export function comparisonContext(expected: ExpectedMoisture, content: ExpectedContent | null = null): ComparisonContext {
  return {
    expectedMoisturePermille: expected.permille,
    expectedContentPermille: content?.permille ?? null,
    monthlyRatePermille: DEFAULT_MONTHLY_RATE_PERMILLE,
  };
}

/** One offer's terms evaluated as the comparison evaluates them, with the view for a loader. */
export function effectivePriceOf(revision: EvaluatedTerms, expected: ExpectedMoisture, content: ExpectedContent | null = null) {
  const evaluation = evaluateOffer(comparableTerms(revision, content?.measure ?? null), comparisonContext(expected, content));
  return { evaluation, view: evaluationView(evaluation) };
}

/** One offer with its whole history, or null when the user may not see it. */
export async function loadOfferFor(db: Db, user: SessionUser, offerId: string) {
  const offer = await db.offer.findUnique({
    where: { id: offerId },
    include: {
      company: { select: { id: true, name: true, status: true } },
      revisions: { orderBy: { number: "desc" }, include: { grade: { select: { nameLo: true, nameEn: true } } } },
      listing: {
        select: {
          id: true,
          status: true,
          offerDeadline: true,
          districtId: true,
          cropId: true,
          totalKg: true,
          organisationId: true,
          availableFrom: true,
          expectedMoisturePermille: true,
          expectedContentPermille: true,
          crop: {
            select: {
              code: true,
              nameLo: true,
              nameEn: true,
              standardMoisturePermille: true,
              contentMeasure: true,
              contentBasisPermille: true,
              grades: { orderBy: { sortOrder: "asc" }, select: { code: true, nameLo: true, nameEn: true } },
            },
          },
          grade: { select: { nameLo: true, nameEn: true } },
          organisation: { select: { nameLo: true, nameEn: true } },
        },
      },
    },
  });
  if (!offer) return null;
  const [isTrader, isFo, isFacilitator] = await Promise.all([
    user.roles.includes("trader") && staffsCompany(db, user.id, offer.companyId),
    user.roles.includes("fo_leader") && leadsOrganisation(db, user.id, offer.listing.organisationId),
    user.roles.includes("facilitator") && facilitatesDistrict(db, user.id, offer.listing.districtId),
  ]);
  if (!isTrader && !isFo && !isFacilitator) return null;
  return { offer, isTrader, isFo, isFacilitator };
}
