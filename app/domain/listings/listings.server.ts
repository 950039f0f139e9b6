// Writing listings: an FO leader saves a draft built from member pledges,
// publishes it once the FO is verified, and may withdraw it. Every write checks
// leadership in the query itself, runs in one transaction and is audited.
import { firstRefusalOn } from "~/domain/frameworks/first-refusal.server";
import { listingTitle, notify } from "~/domain/notifications/notify.server";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type { ListingInput } from "./listing-form";
import { pledgeTotal } from "./pledges";
import { aboveYield } from "./production-site";
import { allowedListingActions, isLive } from "./status";
import { ledBy } from "~/utils/access.server";

type Actor = { id: string };

export type ListingWriteResult =
  | { ok: true; listingId: string }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: "notFound" | "notDraft" | "notVerified" | "deadlinePassed" | "notAllowed" | "changed" | "firstRefusal" };

async function checkReferences(tx: Tx, organisationId: string, input: ListingInput): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const grade = await tx.cropGrade.findUnique({ where: { id: input.gradeId }, select: { cropId: true, crop: { select: { active: true } } } });
  if (!grade || grade.cropId !== input.cropId || !grade.crop.active) errors.gradeId = "listings:errors.gradeNotOfCrop";
  if (input.pickupVillageId) {
    const village = await tx.village.findUnique({ where: { id: input.pickupVillageId }, select: { id: true } });
    if (!village) errors.pickupVillageId = "validation:invalidChoice";
  }
  const members = await tx.member.findMany({
    where: { organisationId, active: true, id: { in: input.pledges.map((p) => p.memberId) } },
    select: { id: true },
  });
  const known = new Set(members.map((m) => m.id));
  for (const p of input.pledges) if (!known.has(p.memberId)) errors[`pledge.${p.memberId}`] = "listings:errors.notAMember";
  // The production site: a village that exists, and no more kg than the area can plausibly grow.
  const siteIds = [...new Set(input.pledges.flatMap((p) => (p.siteVillageId ? [p.siteVillageId] : [])))];
  const sites = siteIds.length ? await tx.village.findMany({ where: { id: { in: siteIds } }, select: { id: true } }) : [];
  const knownSites = new Set(sites.map((v) => v.id));
  for (const p of input.pledges) if (p.siteVillageId && !knownSites.has(p.siteVillageId)) errors[`site.${p.memberId}`] = "validation:invalidChoice";
  const crop = await tx.crop.findUnique({ where: { id: input.cropId }, select: { code: true } });
  if (crop) for (const p of input.pledges) if (aboveYield(crop.code, p.kg, p.areaM2)) errors[`pledge.${p.memberId}`] = "listings:errors.aboveYield";
  return errors;
}

async function placeOf(tx: Tx, organisationId: string, pickupVillageId: string | undefined) {
  const village = pickupVillageId
    ? await tx.village.findUniqueOrThrow({ where: { id: pickupVillageId }, select: { district: { select: { id: true, provinceId: true } } } })
    : (
        await tx.organisation.findUniqueOrThrow({
          where: { id: organisationId },
          select: { village: { select: { district: { select: { id: true, provinceId: true } } } } },
        })
      ).village;
  return { districtId: village.district.id, provinceId: village.district.provinceId };
}

function listingData(input: ListingInput) {
  return {
    cropId: input.cropId,
    gradeId: input.gradeId,
    availableFrom: input.availableFrom,
    availableUntil: input.availableUntil,
    pickupVillageId: input.pickupVillageId ?? null,
    deliveryPoint: input.deliveryPoint ?? null,
    askingPriceLakPerKg: input.askingPriceLakPerKg ?? null,
    expectedMoisturePermille: input.expectedMoisture ?? null,
    offerMode: input.offerMode,
    offerDeadline: input.offerDeadline,
    notes: input.notes ?? null,
    totalKg: pledgeTotal(input.pledges),
    householdCount: input.pledges.length,
  };
}

/** Creates a draft, or replaces a draft's terms and pledges when listingId is given. */
export async function saveListingDraft(
  db: Db,
  actor: Actor,
  target: { organisationId: string; listingId?: string },
  input: ListingInput,
): Promise<ListingWriteResult> {
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.findFirst({ where: { id: target.organisationId, ...ledBy(actor.id) }, select: { id: true } });
    if (!organisation) return { ok: false, reason: "notFound" } as const;
    const fieldErrors = await checkReferences(tx, organisation.id, input);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors } as const;
    const data = { ...listingData(input), ...(await placeOf(tx, organisation.id, input.pickupVillageId)) };

    if (!target.listingId) {
      const listing = await tx.listing.create({
        data: { ...data, organisationId: organisation.id, createdById: actor.id, pledges: { create: input.pledges } },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "listing.created",
        entityType: "Listing",
        entityId: listing.id,
        after: { ...data, pledges: input.pledges },
      });
      return { ok: true, listingId: listing.id } as const;
    }

    const before = await tx.listing.findFirst({
      where: { id: target.listingId, organisationId: organisation.id },
      include: { pledges: { select: { memberId: true, kg: true, areaM2: true, siteVillageId: true } } },
    });
    if (!before) return { ok: false, reason: "notFound" } as const;
    const { count } = await tx.listing.updateMany({
      where: { id: before.id, status: "draft", version: before.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: before.status === "draft" ? "changed" : "notDraft" } as const;
    await tx.pledge.deleteMany({ where: { listingId: before.id } });
    await tx.pledge.createMany({ data: input.pledges.map((p) => ({ ...p, listingId: before.id })) });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "listing.updated",
      entityType: "Listing",
      entityId: before.id,
      before,
      after: { ...data, pledges: input.pledges },
    });
    return { ok: true, listingId: before.id } as const;
  });
}

export async function publishListing(db: Db, actor: Actor, listingId: string, now = new Date()): Promise<ListingWriteResult> {
  return db.$transaction(async (tx) => {
    const listing = await tx.listing.findFirst({
      where: { id: listingId, organisation: ledBy(actor.id) },
      select: {
        id: true,
        status: true,
        version: true,
        offerDeadline: true,
        totalKg: true,
        organisationId: true,
        cropId: true,
        availableFrom: true,
        organisation: { select: { status: true } },
      },
    });
    if (!listing) return { ok: false, reason: "notFound" } as const;
    if (listing.status !== "draft") return { ok: false, reason: "notDraft" } as const;
    if (listing.organisation.status !== "verified") return { ok: false, reason: "notVerified" } as const;
    if (listing.offerDeadline.getTime() <= now.getTime()) return { ok: false, reason: "deadlinePassed" } as const;
    // A framework's right of first refusal: the season's crop goes to the trader first (docs/decisions/0019).
    if (await firstRefusalOn(tx, listing, now)) return { ok: false, reason: "firstRefusal" } as const;
    const { count } = await tx.listing.updateMany({
      where: { id: listing.id, status: "draft", version: listing.version },
      data: { status: "open", publishedAt: now, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "changed" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "listing.published",
      entityType: "Listing",
      entityId: listing.id,
      before: { status: "draft" },
      after: { status: "open", publishedAt: now },
    });
    return { ok: true, listingId: listing.id } as const;
  });
}

/** Withdraws the listing; offers still in play end as rejected and their traders are told. */
export async function withdrawListing(db: Db, actor: Actor, listingId: string, now = new Date()): Promise<ListingWriteResult> {
  return db.$transaction(async (tx) => {
    const listing = await tx.listing.findFirst({
      where: { id: listingId, organisation: ledBy(actor.id) },
      select: {
        id: true,
        status: true,
        version: true,
        offerDeadline: true,
        totalKg: true,
        crop: { select: { nameLo: true, nameEn: true } },
        grade: { select: { nameLo: true, nameEn: true } },
      },
    });
    if (!listing) return { ok: false, reason: "notFound" } as const;
    if (!allowedListingActions(listing, now).includes("withdraw")) return { ok: false, reason: "notAllowed" } as const;
    const { count } = await tx.listing.updateMany({
      where: { id: listing.id, version: listing.version, status: listing.status },
      data: { status: "withdrawn", withdrawnAt: now, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "changed" } as const;
    const live = await tx.offer.findMany({
      where: { listingId: listing.id, status: { in: ["submitted", "countered"] } },
      select: { id: true, companyId: true },
    });
    await tx.offer.updateMany({
      where: { id: { in: live.map((o) => o.id) } },
      data: { status: "rejected", closedAt: now, version: { increment: 1 } },
    });
    for (const offer of live) {
      const staff = await tx.traderStaff.findMany({ where: { companyId: offer.companyId }, select: { userId: true } });
      await notify(tx, {
        userIds: staff.map((s) => s.userId),
        kind: "offer_rejected",
        params: listingTitle(listing),
        link: `/offers/${offer.id}`,
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: "listing.withdrawn",
      entityType: "Listing",
      entityId: listing.id,
      before: { status: listing.status },
      after: { status: "withdrawn", rejectedOffers: live.map((o) => o.id) },
    });
    return { ok: true, listingId: listing.id } as const;
  });
}

/**
 * The FO's leaders state the moisture they expect to deliver at (null: back to
 * the crop-and-season default), while the listing takes offers: the comparison
 * then evaluates every offer at it. Changes no offer; audited.
 */
export function setExpectedMoisture(db: Db, actor: Actor, listingId: string, expectedMoisturePermille: number | null, now = new Date()) {
  return setExpectation(db, actor, listingId, "expectedMoisturePermille", expectedMoisturePermille, "listing.expected_moisture_set", now);
}

/** The DRC or starch the FO expects, for crops paid on their content (null: back to the crop's basis). */
export function setExpectedContent(db: Db, actor: Actor, listingId: string, expectedContentPermille: number | null, now = new Date()) {
  return setExpectation(db, actor, listingId, "expectedContentPermille", expectedContentPermille, "listing.expected_content_set", now);
}

/** What the FO's leaders expect of their lot, stated while the listing takes offers; audited, version-checked. */
async function setExpectation(
  db: Db,
  actor: Actor,
  listingId: string,
  field: "expectedMoisturePermille" | "expectedContentPermille",
  value: number | null,
  action: string,
  now: Date,
): Promise<ListingWriteResult> {
  return db.$transaction(async (tx) => {
    const listing = await tx.listing.findFirst({
      where: { id: listingId, organisation: ledBy(actor.id) },
      select: { id: true, status: true, version: true, offerDeadline: true, expectedMoisturePermille: true, expectedContentPermille: true },
    });
    if (!listing) return { ok: false, reason: "notFound" } as const;
    if (!isLive(listing, now)) return { ok: false, reason: "notAllowed" } as const;
    const { count } = await tx.listing.updateMany({
      where: { id: listing.id, version: listing.version },
      data: { [field]: value, version: { increment: 1 } },
    });
    if (count === 0) return { ok: false, reason: "changed" } as const;
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      entityType: "Listing",
      entityId: listing.id,
      before: { [field]: listing[field] },
      after: { [field]: value },
    });
    return { ok: true, listingId: listing.id } as const;
  });
}
