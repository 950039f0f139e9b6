// Reading one listing for the person looking at it: drafts only for the FO's
// leaders, member names only for them and the district's facilitators, and
// offers according to the listing's mode (see offers/visibility.ts).
import { offerViewFor } from "~/domain/offers/visibility";
import { isLive, displayStatus } from "./status";
import type { Db } from "~/utils/db.server";
import type { SessionUser } from "~/utils/request-state.server";
import { getCompanyIds, getFacilitatorScope } from "~/utils/permissions.server";

export async function loadListingFor(db: Db, user: SessionUser, listingId: string, now = new Date()) {
  const listing = await db.listing.findUnique({
    where: { id: listingId },
    include: {
      crop: { select: { id: true, nameLo: true, nameEn: true, standardMoisturePermille: true } },
      grade: { select: { nameLo: true, nameEn: true, specLo: true, specEn: true } },
      organisation: { select: { id: true, nameLo: true, nameEn: true, status: true, leaders: { select: { userId: true } } } },
      district: { select: { id: true, nameLo: true, nameEn: true } },
      province: { select: { nameLo: true, nameEn: true } },
      pickupVillage: { select: { nameLo: true, nameEn: true } },
      pledges: { orderBy: { member: { name: "asc" } }, select: { kg: true, member: { select: { id: true, name: true } } } },
    },
  });
  if (!listing) return null;
  const leadsFo = listing.organisation.leaders.some((l) => l.userId === user.id) && user.roles.includes("fo_leader");
  if (listing.status === "draft" && !leadsFo) return null;
  const facilitatesDistrict = user.roles.includes("facilitator") && (await getFacilitatorScope(user.id)).districtIds.includes(listing.districtId);
  const companyIds = user.roles.includes("trader") ? await getCompanyIds(user.id) : [];
  const view = offerViewFor({ leadsListingFo: leadsFo, facilitatesDistrict }, listing, now);

  const [ownOffers, liveCount, best, companies] = await Promise.all([
    db.offer.findMany({
      where: { listingId, companyId: { in: companyIds } },
      select: { id: true, status: true, currentPriceLakPerKg: true, company: { select: { id: true, name: true } } },
    }),
    db.offer.count({ where: { listingId, status: { in: ["submitted", "countered"] } } }),
    view === "ownOnly" ? null : db.offer.aggregate({ where: { listingId, status: { in: ["submitted", "countered"] } }, _max: { currentPriceLakPerKg: true } }),
    db.traderCompany.findMany({ where: { id: { in: companyIds } }, select: { id: true, name: true, status: true } }),
  ]);

  return {
    listing,
    leadsFo,
    facilitatesDistrict,
    view,
    live: isLive(listing, now),
    status: displayStatus(listing, now),
    ownOffers,
    companies,
    liveOfferCount: view === "all" ? liveCount : null,
    bestPrice: best?._max.currentPriceLakPerKg ?? null,
  };
}
