// Offers and negotiation. Every step writes a new immutable revision or moves
// the status, conditionally on the version it was decided from, so two people
// acting on the same offer or listing at once never both succeed.
import { generateContract } from "~/domain/contracts/generate.server";
import { tellContractReady } from "~/domain/contracts/notices.server";
import { inTransaction, refuse } from "~/domain/refusal";
import { isLive } from "~/domain/listings/status";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import { isContentMeasure } from "~/domain/contracts/content";
import { tellCompany, tellOrganisation } from "./notices.server";
import { foActions, isOfferLive, traderActions } from "./offer-status";
import { contractCurrencies } from "~/domain/prices/currency";
import { rateSourceKinds } from "~/domain/contracts/snapshot";
import { serialiseDeductionTable, serialiseGradeAdjustments, type OfferTerms, type Party } from "./offer-terms";
import { ledBy, staffedBy } from "~/utils/access.server";

/** The templates a contract in baht or yuan may be written from: a fixed price (docs/decisions/0021). */
export const FOREIGN_CURRENCY_TEMPLATES = ["spot_fixed", "forward_fixed"] as const;

type Actor = { id: string };

export type OfferRefusal = "notFound" | "notVerified" | "listingClosed" | "alreadyOffered" | "notAllowed" | "changed" | "alreadyDecided" | "noTemplate";

export type OfferResult = { ok: true; offerId: string; contractId?: string } | { ok: false; fieldErrors: FieldErrors } | { ok: false; reason: OfferRefusal };

const listingSelect = {
  id: true,
  status: true,
  version: true,
  offerDeadline: true,
  totalKg: true,
  cropId: true,
  organisationId: true,
} as const;

export function checkTerms(
  listing: { totalKg: number },
  grade: { cropId: string; code: string } | null,
  crop: { id: string; gradeCodes: readonly string[]; contentMeasure?: string | null },
  terms: OfferTerms,
  now: Date,
): FieldErrors {
  const errors: FieldErrors = {};
  if (terms.quantityKg > listing.totalKg) errors.quantityKg = "offers:errors.quantityAboveListing";
  if (grade?.cropId !== crop.id) errors.gradeId = "listings:errors.gradeNotOfCrop";
  if (terms.validUntil.getTime() <= now.getTime()) errors.validUntil = "offers:errors.validityPassed";
  for (const a of terms.gradeAdjustments) {
    const field = `gradeAdjustment.${a.gradeCode}`;
    if (!crop.gradeCodes.includes(a.gradeCode)) errors[field] = "offers:errors.unknownGrade";
    // The price is the price of the grade offered: a step on it would be a second price.
    else if (grade && a.gradeCode === grade.code && a.lakPerKg !== 0) errors[field] = "offers:errors.offeredGradeAdjusted";
  }
  // A crop paid on its content needs the term; any other crop cannot have one.
  const measured = isContentMeasure(crop.contentMeasure);
  if (measured && terms.contentBasisPermille === null) errors.contentBasis = "offers:errors.contentRequired";
  if (!measured && terms.contentBasisPermille !== null) errors.contentBasis = "offers:errors.contentNotTraded";
  return { ...errors, ...currencyErrors(terms) };
}

/** The currency and its exchange-rate clause: a known currency; for baht or yuan, a fixed-price template and a named rate. */
export function currencyErrors(terms: Pick<OfferTerms, "currency" | "rateSourceKind" | "rateSourceName" | "templateCode">): FieldErrors {
  const currency = terms.currency ?? "LAK";
  if (!(contractCurrencies as readonly string[]).includes(currency)) return { currency: "validation:invalidChoice" };
  if (currency === "LAK") return {};
  const errors: FieldErrors = {};
  if (!(FOREIGN_CURRENCY_TEMPLATES as readonly string[]).includes(terms.templateCode)) errors.currency = "offers:errors.currencyTemplate";
  if (!terms.rateSourceKind || !(rateSourceKinds as readonly string[]).includes(terms.rateSourceKind)) errors.rateSourceKind = "validation:invalidChoice";
  if (!terms.rateSourceName?.trim()) errors.rateSourceName = "offers:errors.rateSourceRequired";
  return errors;
}

async function termErrors(tx: Tx, listing: { totalKg: number; cropId: string }, terms: OfferTerms, now: Date) {
  const grade = await tx.cropGrade.findUnique({ where: { id: terms.gradeId }, select: { cropId: true, code: true } });
  const grades = await tx.cropGrade.findMany({ where: { cropId: listing.cropId }, select: { code: true } });
  const crop = await tx.crop.findUnique({ where: { id: listing.cropId }, select: { contentMeasure: true } });
  const errors = checkTerms(
    listing,
    grade,
    { id: listing.cropId, gradeCodes: grades.map((g) => g.code), contentMeasure: crop?.contentMeasure ?? null },
    terms,
    now,
  );
  // The rate must come from a source the facilitators record, of this currency and kind: a name nobody records converts nothing.
  if ((terms.currency ?? "LAK") !== "LAK" && !errors.currency && !errors.rateSourceKind && !errors.rateSourceName) {
    const known = await tx.exchangeRate.findFirst({
      where: { currency: terms.currency, sourceKind: terms.rateSourceKind ?? undefined, sourceName: terms.rateSourceName ?? undefined },
      select: { id: true },
    });
    if (!known) errors.rateSourceName = "offers:errors.rateSourceUnknown";
  }
  return errors;
}

/** A negotiation stays in the currency it started in: a counter or a revision in another would read the same figures as other money. */
function sameCurrency(live: { currency: string }, terms: OfferTerms): FieldErrors {
  return (terms.currency ?? "LAK") === live.currency ? {} : { currency: "offers:errors.currencyChanged" };
}

function revisionData(terms: OfferTerms, number: number, byParty: Party, byUserId: string) {
  return {
    number,
    byParty,
    byUserId,
    priceLakPerKg: terms.priceLakPerKg,
    quantityKg: terms.quantityKg,
    gradeId: terms.gradeId,
    moistureBasisPermille: terms.moistureBasisPermille,
    deductionTable: serialiseDeductionTable(terms.deductionTable),
    deliveryDate: terms.deliveryDate,
    deliveryPlace: terms.deliveryPlace,
    transportPaidBy: terms.transportPaidBy,
    transportCostLak: terms.transportCostLak,
    bagsPaidBy: terms.bagsPaidBy,
    bagsCostLak: terms.bagsCostLak,
    advanceLak: terms.advanceLak,
    paymentDays: terms.paymentDays,
    latePenaltyPermillePerMonth: terms.latePenaltyPermillePerMonth,
    validUntil: terms.validUntil,
    message: terms.message ?? null,
    templateCode: terms.templateCode,
    floorPriceLakPerKg: terms.floorPriceLakPerKg,
    exportMarket: terms.exportMarket,
    exportCurrency: terms.exportCurrency,
    exportRateSourceKind: terms.exportRateSourceKind,
    exportMarginLakPerKg: terms.exportMarginLakPerKg,
    inputDescription: terms.inputDescription,
    inputValueLak: terms.inputValueLak,
    inputInterestPermillePerMonth: terms.inputInterestPermillePerMonth,
    tolerancePermille: terms.tolerancePermille,
    gradeAdjustments: serialiseGradeAdjustments(terms.gradeAdjustments),
    foreignMatterBasisPermille: terms.foreignMatterBasisPermille,
    foreignMatterTable: terms.foreignMatterBasisPermille === null ? null : serialiseDeductionTable(terms.foreignMatterTable),
    contentBasisPermille: terms.contentBasisPermille,
    contentStepLakPerKg: terms.contentBasisPermille === null ? null : terms.contentStepLakPerKg,
    currency: terms.currency ?? "LAK",
    rateSourceKind: (terms.currency ?? "LAK") === "LAK" ? null : (terms.rateSourceKind ?? null),
    rateSourceName: (terms.currency ?? "LAK") === "LAK" ? null : (terms.rateSourceName?.trim() ?? null),
  };
}

/** The offer with its live revision, reachable only by staff of its company. */
async function traderOffer(tx: Tx, actor: Actor, offerId: string) {
  const offer = await tx.offer.findFirst({
    where: { id: offerId, company: staffedBy(actor.id) },
    include: {
      company: { select: { status: true } },
      listing: { select: listingSelect },
      revisions: { orderBy: { number: "desc" }, take: 1 },
    },
  });
  if (!offer) refuse("notFound");
  if (offer.company.status !== "verified") refuse("notVerified");
  return { offer, live: offer.revisions[0]! };
}

/** The offer with its live revision, reachable only by leaders of the listing's FO. */
async function foOffer(tx: Tx, actor: Actor, offerId: string) {
  const offer = await tx.offer.findFirst({
    where: { id: offerId, listing: { organisation: ledBy(actor.id) } },
    include: { listing: { select: listingSelect }, revisions: { orderBy: { number: "desc" }, take: 1 } },
  });
  if (!offer) refuse("notFound");
  return { offer, live: offer.revisions[0]! };
}

/** Moves the offer on from the version it was read at; anything else means someone acted first. */
async function advanceOffer(tx: Tx, offer: { id: string; version: number; status: string }, data: Record<string, unknown>) {
  const { count } = await tx.offer.updateMany({
    where: { id: offer.id, version: offer.version, status: offer.status },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) refuse("changed");
}

export async function makeOffer(
  db: Db,
  actor: Actor,
  target: { listingId: string; companyId: string },
  terms: OfferTerms,
  now = new Date(),
): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const company = await tx.traderCompany.findFirst({ where: { id: target.companyId, ...staffedBy(actor.id) }, select: { status: true } });
    if (!company) refuse("notFound");
    if (company.status !== "verified") refuse("notVerified");
    const listing = await tx.listing.findUnique({ where: { id: target.listingId }, select: listingSelect });
    if (!listing || listing.status === "draft") refuse("notFound");
    if (!isLive(listing, now)) refuse("listingClosed");
    const fieldErrors = await termErrors(tx, listing, terms, now);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

    const existing = await tx.offer.findUnique({ where: { listingId_companyId: { listingId: listing.id, companyId: target.companyId } } });
    if (existing && isOfferLive(existing)) refuse("alreadyOffered");
    let offerId: string;
    if (existing) {
      // A company that withdrew (or was turned down) may come back with new terms.
      const number = existing.currentRevision + 1;
      await advanceOffer(tx, existing, { status: "submitted", currentRevision: number, currentPriceLakPerKg: terms.priceLakPerKg, closedAt: null });
      await tx.offerRevision.create({ data: { offerId: existing.id, ...revisionData(terms, number, "trader", actor.id) } });
      offerId = existing.id;
    } else {
      const offer = await tx.offer.create({
        data: {
          listingId: listing.id,
          companyId: target.companyId,
          createdById: actor.id,
          currentPriceLakPerKg: terms.priceLakPerKg,
          revisions: { create: revisionData(terms, 1, "trader", actor.id) },
        },
        select: { id: true },
      });
      offerId = offer.id;
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.submitted",
      entityType: "Offer",
      entityId: offerId,
      after: revisionData(terms, 0, "trader", actor.id),
    });
    await tellOrganisation(tx, listing.organisationId, "offer_received", offerId);
    return { ok: true, offerId };
  });
}

/** The trader's new terms: a plain revision, or a counter to the FO's counter. */
export async function reviseOffer(db: Db, actor: Actor, offerId: string, expectedRevision: number, terms: OfferTerms, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await traderOffer(tx, actor, offerId);
    if (offer.currentRevision !== expectedRevision) refuse("changed");
    if (!traderActions({ status: offer.status, validUntil: live.validUntil }, isLive(offer.listing, now), now).includes("revise")) refuse("notAllowed");
    const fieldErrors = { ...(await termErrors(tx, offer.listing, terms, now)), ...sameCurrency(live, terms) };
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const number = offer.currentRevision + 1;
    await advanceOffer(tx, offer, { status: "submitted", currentRevision: number, currentPriceLakPerKg: terms.priceLakPerKg });
    await tx.offerRevision.create({ data: { offerId, ...revisionData(terms, number, "trader", actor.id) } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.revised",
      entityType: "Offer",
      entityId: offerId,
      before: { revision: offer.currentRevision, status: offer.status },
      after: { revision: number, priceLakPerKg: terms.priceLakPerKg },
    });
    await tellOrganisation(tx, offer.listing.organisationId, offer.status === "countered" ? "offer_countered" : "offer_received", offerId);
    return { ok: true, offerId };
  });
}

/** The trader agrees to the FO's counter: its terms become the trader's live terms, for the FO to accept. */
export async function acceptCounter(db: Db, actor: Actor, offerId: string, expectedRevision: number, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await traderOffer(tx, actor, offerId);
    if (offer.currentRevision !== expectedRevision) refuse("changed");
    if (!traderActions({ status: offer.status, validUntil: live.validUntil }, isLive(offer.listing, now), now).includes("acceptCounter")) refuse("notAllowed");
    const number = offer.currentRevision + 1;
    const { id: _id, offerId: _offerId, number: _n, byParty: _b, byUserId: _u, createdAt: _c, ...terms } = live;
    await advanceOffer(tx, offer, { status: "submitted", currentRevision: number });
    await tx.offerRevision.create({ data: { ...terms, offerId, number, byParty: "trader", byUserId: actor.id, message: null } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.counter_accepted",
      entityType: "Offer",
      entityId: offerId,
      before: { revision: live.number },
      after: { revision: number },
    });
    await tellOrganisation(tx, offer.listing.organisationId, "counter_accepted", offerId);
    return { ok: true, offerId };
  });
}

export async function withdrawOffer(db: Db, actor: Actor, offerId: string, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await traderOffer(tx, actor, offerId);
    if (!traderActions({ status: offer.status, validUntil: live.validUntil }, isLive(offer.listing, now), now).includes("withdraw")) refuse("notAllowed");
    await advanceOffer(tx, offer, { status: "withdrawn", closedAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.withdrawn",
      entityType: "Offer",
      entityId: offerId,
      before: { status: offer.status },
      after: { status: "withdrawn" },
    });
    await tellOrganisation(tx, offer.listing.organisationId, "offer_withdrawn", offerId);
    return { ok: true, offerId };
  });
}

/** The FO's counter-offer: a new revision by the FO; the listing is now under negotiation. */
export async function counterOffer(db: Db, actor: Actor, offerId: string, expectedRevision: number, terms: OfferTerms, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await foOffer(tx, actor, offerId);
    if (offer.currentRevision !== expectedRevision) refuse("changed");
    if (!foActions({ status: offer.status, validUntil: live.validUntil }, isLive(offer.listing, now), now).includes("counter")) refuse("notAllowed");
    const fieldErrors = { ...(await termErrors(tx, offer.listing, terms, now)), ...sameCurrency(live, terms) };
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const number = offer.currentRevision + 1;
    await advanceOffer(tx, offer, { status: "countered", currentRevision: number, currentPriceLakPerKg: terms.priceLakPerKg });
    await tx.offerRevision.create({ data: { offerId, ...revisionData(terms, number, "fo", actor.id) } });
    await tx.listing.updateMany({ where: { id: offer.listing.id, status: "open" }, data: { status: "under_negotiation", version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.countered",
      entityType: "Offer",
      entityId: offerId,
      before: { revision: offer.currentRevision },
      after: { revision: number, priceLakPerKg: terms.priceLakPerKg },
    });
    await tellCompany(tx, offer.companyId, "offer_countered", offerId);
    return { ok: true, offerId };
  });
}

/**
 * The FO accepts a trader's live terms: the offer is accepted, the listing
 * contracted, every other live offer rejected and the contract generated, all
 * or nothing. The listing moves only from a live status, so of two
 * acceptances at once one wins.
 */
export async function acceptOffer(db: Db, actor: Actor, offerId: string, expectedRevision: number, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await foOffer(tx, actor, offerId);
    const listingLive = isLive(offer.listing, now);
    if (!listingLive && offer.listing.status === "contracted") refuse("alreadyDecided");
    if (offer.currentRevision !== expectedRevision) refuse("changed");
    if (!foActions({ status: offer.status, validUntil: live.validUntil }, listingLive, now).includes("accept")) refuse("notAllowed");

    const { count } = await tx.listing.updateMany({
      where: { id: offer.listing.id, status: { in: ["open", "under_negotiation"] }, offerDeadline: { gt: now } },
      data: { status: "contracted", version: { increment: 1 } },
    });
    if (count === 0) refuse("alreadyDecided");
    await advanceOffer(tx, offer, { status: "accepted", acceptedRevisionId: live.id, acceptedById: actor.id, acceptedAt: now, closedAt: now });

    const others = await tx.offer.findMany({
      where: { listingId: offer.listing.id, id: { not: offer.id }, status: { in: ["submitted", "countered"] } },
      select: { id: true, companyId: true },
    });
    await tx.offer.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { status: "rejected", closedAt: now, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.accepted",
      entityType: "Offer",
      entityId: offer.id,
      before: { status: offer.status, listingStatus: offer.listing.status },
      after: { status: "accepted", acceptedRevisionId: live.id, listingStatus: "contracted", rejectedOffers: others.map((o) => o.id) },
    });
    await tellCompany(tx, offer.companyId, "offer_accepted", offer.id);
    for (const other of others) await tellCompany(tx, other.companyId, "offer_rejected", other.id);
    const contract = await generateContract(tx, actor, offer.id, now);
    await tellContractReady(tx, contract.contractId);
    return { ok: true, offerId: offer.id, contractId: contract.contractId };
  });
}

export async function rejectOffer(db: Db, actor: Actor, offerId: string, now = new Date()): Promise<OfferResult> {
  return inTransaction<OfferResult, OfferRefusal>(db, async (tx) => {
    const { offer, live } = await foOffer(tx, actor, offerId);
    if (!foActions({ status: offer.status, validUntil: live.validUntil }, isLive(offer.listing, now), now).includes("reject")) refuse("notAllowed");
    await advanceOffer(tx, offer, { status: "rejected", closedAt: now });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "offer.rejected",
      entityType: "Offer",
      entityId: offerId,
      before: { status: offer.status },
      after: { status: "rejected" },
    });
    await tellCompany(tx, offer.companyId, "offer_rejected", offerId);
    return { ok: true, offerId };
  });
}
