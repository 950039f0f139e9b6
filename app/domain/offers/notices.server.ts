// Who is told what when an offer moves: the FO's leaders or the trader
// company's staff, with the listing named in both languages.
import { companyStaffUserIds, leaderUserIds, listingTitle, notify } from "~/domain/notifications/notify.server";
import { contractCurrencyOf } from "~/domain/prices/currency";
import type { Tx } from "~/utils/db.server";

async function offerFacts(tx: Tx, offerId: string) {
  return tx.offer.findUniqueOrThrow({
    where: { id: offerId },
    select: {
      currentPriceLakPerKg: true,
      revisions: { orderBy: { number: "desc" }, take: 1, select: { currency: true } },
      companyId: true,
      company: { select: { name: true } },
      listing: {
        select: {
          id: true,
          totalKg: true,
          organisationId: true,
          crop: { select: { nameLo: true, nameEn: true } },
          grade: { select: { nameLo: true, nameEn: true } },
          organisation: { select: { nameLo: true, nameEn: true } },
        },
      },
    },
  });
}

export async function tellOrganisation(
  tx: Tx,
  organisationId: string,
  kind: "offer_received" | "offer_countered" | "counter_accepted" | "offer_withdrawn",
  offerId: string,
): Promise<void> {
  const facts = await offerFacts(tx, offerId);
  const userIds = await leaderUserIds(tx, organisationId);
  const listing = listingTitle(facts.listing);
  const link = `/offers/${offerId}`;
  const company = facts.company.name;
  const price = facts.currentPriceLakPerKg;
  const currency = contractCurrencyOf(facts.revisions[0]?.currency);
  if (kind === "offer_withdrawn") return notify(tx, { userIds, kind, params: { ...listing, company }, link });
  if (kind === "offer_countered") return notify(tx, { userIds, kind, params: { ...listing, byLo: company, byEn: company, price, currency }, link });
  return notify(tx, { userIds, kind, params: { ...listing, company, price, currency }, link });
}

export async function tellCompany(tx: Tx, companyId: string, kind: "offer_countered" | "offer_accepted" | "offer_rejected", offerId: string): Promise<void> {
  const facts = await offerFacts(tx, offerId);
  const userIds = await companyStaffUserIds(tx, companyId);
  const listing = listingTitle(facts.listing);
  const link = `/offers/${offerId}`;
  const fo = facts.listing.organisation;
  const price = facts.currentPriceLakPerKg;
  const currency = contractCurrencyOf(facts.revisions[0]?.currency);
  if (kind === "offer_rejected") return notify(tx, { userIds, kind, params: listing, link });
  if (kind === "offer_accepted")
    return notify(tx, { userIds, kind, params: { ...listing, organisationLo: fo.nameLo, organisationEn: fo.nameEn, price, currency }, link });
  return notify(tx, { userIds, kind, params: { ...listing, byLo: fo.nameLo, byEn: fo.nameEn, price, currency }, link });
}
