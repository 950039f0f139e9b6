// Reading one listing for the person looking at it: drafts only for the FO's
// leaders, member names only for them and the district's facilitators, and
// offers according to the listing's mode (see offers/visibility.ts). Prepared
// statements (~/utils/reads.server): it is opened by every trader browsing.
import { offerViewFor } from "~/domain/offers/visibility";
import type { Db } from "~/utils/db.server";
import { fromSqlDate, reads } from "~/utils/reads.server";
import type { SessionUser } from "~/utils/request-state.server";
import { displayStatus, isLive } from "./status";
import { facilitatesSql, leadsSql, staffsSql } from "~/utils/access.server";

type ListingRow = {
  id: string;
  cropId: string;
  districtId: string;
  status: string;
  totalKg: number;
  householdCount: number;
  availableFrom: string;
  availableUntil: string;
  askingPriceLakPerKg: number | null;
  offerMode: string;
  offerDeadline: string;
  deliveryPoint: string | null;
  notes: string | null;
  cropLo: string;
  cropEn: string;
  standardMoisturePermille: number;
  gradeLo: string;
  gradeEn: string;
  specLo: string;
  specEn: string;
  organisationId: string;
  organisationLo: string;
  organisationEn: string;
  organisationStatus: string;
  districtLo: string;
  districtEn: string;
  provinceLo: string;
  provinceEn: string;
  villageLo: string | null;
  villageEn: string | null;
  leads: number;
  facilitates: number;
};

const LISTING_SQL = `
  SELECT l.id, l.cropId, l.districtId, l.status, l.totalKg, l.householdCount, l.availableFrom, l.availableUntil, l.askingPriceLakPerKg,
    l.offerMode, l.offerDeadline, l.deliveryPoint, l.notes,
    c.nameLo AS cropLo, c.nameEn AS cropEn, c.standardMoisturePermille, g.nameLo AS gradeLo, g.nameEn AS gradeEn, g.specLo, g.specEn,
    o.id AS organisationId, o.nameLo AS organisationLo, o.nameEn AS organisationEn, o.status AS organisationStatus,
    d.nameLo AS districtLo, d.nameEn AS districtEn, p.nameLo AS provinceLo, p.nameEn AS provinceEn, v.nameLo AS villageLo, v.nameEn AS villageEn,
    ${leadsSql("l.organisationId")} AS leads,
    ${facilitatesSql("l.districtId")} AS facilitates
  FROM Listing l
  JOIN Crop c ON c.id = l.cropId JOIN CropGrade g ON g.id = l.gradeId JOIN Organisation o ON o.id = l.organisationId
  JOIN District d ON d.id = l.districtId JOIN Province p ON p.id = l.provinceId LEFT JOIN Village v ON v.id = l.pickupVillageId
  WHERE l.id = ?`;

// The live offers of a listing, and the best price traders have offered on them:
// for each live offer the price of its latest revision by the trader
// (OfferRevision.byParty = 'trader'), never Offer.currentPriceLakPerKg, which an
// FO counter-offer overwrites with the FO's own terms for that one trader.
// Offer(listingId, status), then OfferRevision(offerId, number) read backwards
// from the live revision: at most two rows per offer, as an FO counter is
// always answered by a trader revision before the FO may counter again.
const LIVE_OFFERS_SQL = `
  SELECT count(*) AS n, max(traderPrice) AS best FROM (
    SELECT (SELECT r.priceLakPerKg FROM OfferRevision r WHERE r.offerId = o.id AND r.byParty = 'trader' ORDER BY r.number DESC LIMIT 1) AS traderPrice
    FROM Offer o WHERE o.listingId = ? AND o.status IN ('submitted', 'countered')
  ) AS live`;

export async function loadListingFor(_db: Db, user: SessionUser, listingId: string, now = new Date()) {
  const row = await reads().get<ListingRow>(LISTING_SQL, user.id, user.id, listingId);
  if (!row) return null;
  const leadsFo = row.leads === 1 && user.roles.includes("fo_leader");
  if (row.status === "draft" && !leadsFo) return null;
  const facilitatesDistrict = row.facilitates === 1 && user.roles.includes("facilitator");
  const isTrader = user.roles.includes("trader");
  const listing = {
    id: row.id,
    cropId: row.cropId,
    districtId: row.districtId,
    status: row.status,
    totalKg: row.totalKg,
    householdCount: row.householdCount,
    availableFrom: fromSqlDate(row.availableFrom),
    availableUntil: fromSqlDate(row.availableUntil),
    askingPriceLakPerKg: row.askingPriceLakPerKg,
    offerMode: row.offerMode,
    offerDeadline: fromSqlDate(row.offerDeadline),
    deliveryPoint: row.deliveryPoint,
    notes: row.notes,
    crop: { id: row.cropId, nameLo: row.cropLo, nameEn: row.cropEn, standardMoisturePermille: row.standardMoisturePermille },
    grade: { nameLo: row.gradeLo, nameEn: row.gradeEn, specLo: row.specLo, specEn: row.specEn },
    organisation: { id: row.organisationId, nameLo: row.organisationLo, nameEn: row.organisationEn, status: row.organisationStatus },
    district: { id: row.districtId, nameLo: row.districtLo, nameEn: row.districtEn },
    province: { nameLo: row.provinceLo, nameEn: row.provinceEn },
    pickupVillage: row.villageLo === null ? null : { nameLo: row.villageLo, nameEn: row.villageEn ?? row.villageLo },
  };
  const view = offerViewFor({ leadsListingFo: leadsFo, facilitatesDistrict }, listing, now);

  const [pledges, ownOffers, live, companies] = await Promise.all([
    leadsFo || facilitatesDistrict
      ? reads().all<{ kg: number; id: string; name: string }>(
          "SELECT p.kg, m.id, m.name FROM Pledge p JOIN Member m ON m.id = p.memberId WHERE p.listingId = ? ORDER BY m.name ASC, m.id ASC",
          listingId,
        )
      : Promise.resolve([]),
    isTrader
      ? reads().all<{ id: string; status: string; currentPriceLakPerKg: number; companyId: string; companyName: string }>(
          `SELECT o.id, o.status, o.currentPriceLakPerKg, t.id AS companyId, t.name AS companyName FROM Offer o JOIN TraderCompany t ON t.id = o.companyId
           WHERE o.listingId = ? AND ${staffsSql("o.companyId")} ORDER BY o.createdAt ASC`,
          listingId,
          user.id,
        )
      : Promise.resolve([]),
    view === "ownOnly" ? Promise.resolve(undefined) : reads().get<{ n: number; best: number | null }>(LIVE_OFFERS_SQL, listingId),
    isTrader
      ? reads().all<{ id: string; name: string; status: string }>(
          "SELECT t.id, t.name, t.status FROM TraderStaff s JOIN TraderCompany t ON t.id = s.companyId WHERE s.userId = ? ORDER BY t.name ASC",
          user.id,
        )
      : Promise.resolve([]),
  ]);

  return {
    listing: { ...listing, pledges: pledges.map((p) => ({ kg: p.kg, member: { id: p.id, name: p.name } })) },
    leadsFo,
    facilitatesDistrict,
    view,
    live: isLive(listing, now),
    status: displayStatus(listing, now),
    ownOffers: ownOffers.map((o) => ({
      id: o.id,
      status: o.status,
      currentPriceLakPerKg: o.currentPriceLakPerKg,
      company: { id: o.companyId, name: o.companyName },
    })),
    companies,
    liveOfferCount: view === "all" ? (live?.n ?? 0) : null,
    bestPrice: view === "ownOnly" ? null : (live?.best ?? null),
  };
}
