// A listing's life: an FO prepares it as a draft, publishes it (open), talks
// with traders (under negotiation once it counters an offer), and ends it by
// accepting an offer (contracted) or withdrawing it. "Expired" is not stored:
// an open listing whose offer deadline has passed is expired from that moment.

export const listingStatuses = ["draft", "open", "under_negotiation", "contracted", "closed", "withdrawn"] as const;
export type ListingStatus = (typeof listingStatuses)[number];
export type ListingDisplayStatus = ListingStatus | "expired";

export const offerModes = ["open", "sealed"] as const;
export type OfferMode = (typeof offerModes)[number];

/** Statuses in which the listing still takes offers, unless its deadline has passed. */
export const liveListingStatuses = ["open", "under_negotiation"] as const satisfies readonly ListingStatus[];

type Timed = { status: string; offerDeadline: Date };

export function isLive(listing: Timed, now: Date): boolean {
  return (liveListingStatuses as readonly string[]).includes(listing.status) && listing.offerDeadline.getTime() > now.getTime();
}

export function displayStatus(listing: Timed, now: Date): ListingDisplayStatus {
  if ((liveListingStatuses as readonly string[]).includes(listing.status) && !isLive(listing, now)) return "expired";
  return listing.status as ListingStatus;
}

export type ListingAction = "edit" | "publish" | "withdraw" | "offer" | "counter" | "accept";

/** What can be done to a listing in its current state, before asking who may do it. */
export function allowedListingActions(listing: Timed, now: Date): ListingAction[] {
  if (listing.status === "draft") return ["edit", "publish", "withdraw"];
  if (isLive(listing, now)) return ["withdraw", "offer", "counter", "accept"];
  // An expired listing can still be withdrawn, so it stops showing as the FO's.
  if (displayStatus(listing, now) === "expired") return ["withdraw"];
  return [];
}
