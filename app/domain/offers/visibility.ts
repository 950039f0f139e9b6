// Who sees which offers on a listing. The FO that owns the listing and the
// facilitators of its district see every offer. A trader always sees their own
// company's offers; in open mode they also see the best price any trader has
// offered (each live offer's latest revision by its trader, never an FO's
// counter to one of them, nor who offered it); in sealed mode they see nothing
// of others until the deadline.

export type OfferView = "all" | "ownWithBestPrice" | "ownOnly";

export function offerViewFor(
  viewer: { leadsListingFo: boolean; facilitatesDistrict: boolean },
  listing: { offerMode: string; offerDeadline: Date },
  now: Date,
): OfferView {
  if (viewer.leadsListingFo || viewer.facilitatesDistrict) return "all";
  if (listing.offerMode === "open" || listing.offerDeadline.getTime() <= now.getTime()) return "ownWithBestPrice";
  return "ownOnly";
}
