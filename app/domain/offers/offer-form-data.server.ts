// What the offer form needs to know about the listing and its crop.
import { cropContentTerm } from "~/domain/contracts/content";
import { localName } from "~/utils/i18n";
import type { Db } from "~/utils/db.server";
import type { Locale } from "~/utils/i18n";
import { staffedBy } from "~/utils/access.server";

export async function offerFormContext(db: Db, listingId: string, locale: Locale) {
  const listing = await db.listing.findUnique({
    where: { id: listingId },
    select: {
      id: true,
      status: true,
      totalKg: true,
      gradeId: true,
      availableFrom: true,
      offerDeadline: true,
      deliveryPoint: true,
      askingPriceLakPerKg: true,
      organisationId: true,
      pickupVillage: { select: { nameLo: true, nameEn: true } },
      crop: {
        select: {
          nameLo: true,
          nameEn: true,
          standardMoisturePermille: true,
          foreignMatterBasisPermille: true,
          contentMeasure: true,
          contentBasisPermille: true,
          contentStepLakPerKg: true,
          grades: { orderBy: { sortOrder: "asc" }, select: { id: true, code: true, nameLo: true, nameEn: true, premiumLakPerKg: true } },
          deductionBands: { orderBy: { fromPermille: "asc" }, select: { fromPermille: true, toPermille: true, kgPerTonnePerPoint: true } },
          foreignMatterBands: { orderBy: { fromPermille: "asc" }, select: { fromPermille: true, toPermille: true, kgPerTonnePerPoint: true } },
        },
      },
      grade: { select: { nameLo: true, nameEn: true } },
    },
  });
  if (!listing) return null;
  return {
    listing,
    title: `${localName(listing.crop, locale)}, ${localName(listing.grade, locale)}`,
    grades: listing.crop.grades.map((g) => ({ value: g.id, label: localName(g, locale) })),
    /** one row of the grade price table per grade of the crop */
    gradeRows: listing.crop.grades.map((g) => ({ code: g.code, label: localName(g, locale) })),
    /** what cropOfferDefaults needs */
    cropDefaults: {
      standardMoisturePermille: listing.crop.standardMoisturePermille,
      bands: listing.crop.deductionBands,
      grades: listing.crop.grades,
      foreignMatterBasisPermille: listing.crop.foreignMatterBasisPermille,
      foreignMatterBands: listing.crop.foreignMatterBands,
      content: cropContentTerm(listing.crop),
    },
    /** the crop's content measure: the form shows the content term only then */
    contentMeasure: cropContentTerm(listing.crop)?.measure ?? null,
    pickupVillageName: listing.pickupVillage ? localName(listing.pickupVillage, locale) : null,
  };
}

/** The verified companies this trader works for that have no live offer on the listing yet: those that may offer on it. */
export function companiesThatMayOffer(db: Db, userId: string, listingId: string) {
  return db.traderCompany.findMany({
    where: { ...staffedBy(userId), status: "verified", offers: { none: { listingId, status: { in: ["submitted", "countered"] } } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true },
  });
}
