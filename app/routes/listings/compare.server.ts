// The comparison page's reads, as prepared statements: the listing with
// whether this user leads its FO or facilitates its district, and every offer
// on it with its revisions, newest first. Two queries for the offers whatever
// their number: the page is benchmarked.
import { fromSqlDate, reads } from "~/utils/reads.server";
import { facilitatesSql, leadsSql } from "~/utils/access.server";

export async function comparisonListing(listingId: string, userId: string) {
  const row = await reads().get<{
    id: string;
    status: string;
    offerDeadline: string;
    totalKg: number;
    availableFrom: string;
    expectedMoisturePermille: number | null;
    expectedContentPermille: number | null;
    cropCode: string;
    contentMeasure: string | null;
    contentBasisPermille: number | null;
    standardMoisturePermille: number;
    cropLo: string;
    cropEn: string;
    gradeLo: string;
    gradeEn: string;
    leads: number;
    facilitates: number;
  }>(
    `SELECT l.id, l.status, l.offerDeadline, l.totalKg, l.availableFrom, l.expectedMoisturePermille, l.expectedContentPermille,
       c.code AS cropCode, c.contentMeasure, c.contentBasisPermille, c.standardMoisturePermille, c.nameLo AS cropLo, c.nameEn AS cropEn, g.nameLo AS gradeLo, g.nameEn AS gradeEn,
       ${leadsSql("l.organisationId")} AS leads,
       ${facilitatesSql("l.districtId")} AS facilitates
     FROM Listing l JOIN Crop c ON c.id = l.cropId JOIN CropGrade g ON g.id = l.gradeId WHERE l.id = ?`,
    userId,
    userId,
    listingId,
  );
  if (!row) return null;
  return {
    id: row.id,
    status: row.status,
    offerDeadline: fromSqlDate(row.offerDeadline),
    totalKg: row.totalKg,
    availableFrom: fromSqlDate(row.availableFrom),
    expectedMoisturePermille: row.expectedMoisturePermille,
    expectedContentPermille: row.expectedContentPermille,
    crop: {
      code: row.cropCode,
      standardMoisturePermille: row.standardMoisturePermille,
      contentMeasure: row.contentMeasure,
      contentBasisPermille: row.contentBasisPermille,
      nameLo: row.cropLo,
      nameEn: row.cropEn,
    },
    grade: { nameLo: row.gradeLo, nameEn: row.gradeEn },
    leads: row.leads === 1,
    facilitates: row.facilitates === 1,
  };
}

type RevisionRow = {
  offerId: string;
  number: number;
  byParty: string;
  priceLakPerKg: number;
  quantityKg: number;
  tolerancePermille: number;
  moistureBasisPermille: number;
  deductionTable: string;
  transportPaidBy: string;
  transportCostLak: number;
  bagsPaidBy: string;
  bagsCostLak: number;
  advanceLak: number;
  paymentDays: number;
  validUntil: string;
  deliveryDate: string;
  createdAt: string;
  templateCode: string;
  floorPriceLakPerKg: number | null;
  inputValueLak: number | null;
  inputInterestPermillePerMonth: number | null;
  exportMarket: string | null;
  exportCurrency: string | null;
  exportRateSourceKind: string | null;
  exportMarginLakPerKg: number | null;
  contentBasisPermille: number | null;
  contentStepLakPerKg: number | null;
};

export async function offersToCompare(listingId: string) {
  const [offers, revisions] = await Promise.all([
    reads().all<{ id: string; companyId: string; company: string; status: string; currentRevision: number; createdAt: string }>(
      "SELECT o.id, o.companyId, t.name AS company, o.status, o.currentRevision, o.createdAt FROM Offer o JOIN TraderCompany t ON t.id = o.companyId WHERE o.listingId = ? ORDER BY o.createdAt ASC, o.id ASC",
      listingId,
    ),
    reads().all<RevisionRow>(
      `SELECT r.offerId, r.number, r.byParty, r.priceLakPerKg, r.quantityKg, r.tolerancePermille, r.moistureBasisPermille, r.deductionTable, r.transportPaidBy, r.transportCostLak,
         r.bagsPaidBy, r.bagsCostLak, r.advanceLak, r.paymentDays, r.validUntil, r.deliveryDate, r.createdAt,
         r.templateCode, r.floorPriceLakPerKg, r.inputValueLak, r.inputInterestPermillePerMonth,
         r.exportMarket, r.exportCurrency, r.exportRateSourceKind, r.exportMarginLakPerKg, r.contentBasisPermille, r.contentStepLakPerKg
       FROM OfferRevision r JOIN Offer o ON o.id = r.offerId WHERE o.listingId = ? ORDER BY r.offerId ASC, r.number DESC`,
      listingId,
    ),
  ]);
  const byOffer = new Map<string, ReturnType<typeof revisionOf>[]>();
  for (const r of revisions) (byOffer.get(r.offerId) ?? byOffer.set(r.offerId, []).get(r.offerId)!).push(revisionOf(r));
  return offers.map((o) => ({ ...o, createdAt: fromSqlDate(o.createdAt), revisions: byOffer.get(o.id) ?? [] }));
}

function revisionOf(r: RevisionRow) {
  return {
    ...r,
    transportCostLak: BigInt(r.transportCostLak),
    bagsCostLak: BigInt(r.bagsCostLak),
    advanceLak: BigInt(r.advanceLak),
    inputValueLak: r.inputValueLak === null ? null : BigInt(r.inputValueLak),
    validUntil: fromSqlDate(r.validUntil),
    deliveryDate: fromSqlDate(r.deliveryDate),
    createdAt: fromSqlDate(r.createdAt),
  };
}
