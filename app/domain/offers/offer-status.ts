// An offer's life. The trader submits terms; the FO may counter (a revision by
// the FO), which the trader accepts (a trader revision repeating the FO's
// terms), counters again or withdraws; the FO accepts a trader's live terms.
// "Expired" is derived: live terms whose validity date has passed.

export const offerStatuses = ["submitted", "countered", "accepted", "rejected", "withdrawn"] as const;
export type OfferStatus = (typeof offerStatuses)[number];
export type OfferDisplayStatus = OfferStatus | "expired";

export const liveOfferStatuses = ["submitted", "countered"] as const satisfies readonly OfferStatus[];

type Live = { status: string; validUntil: Date };

export function isOfferLive(offer: { status: string }): boolean {
  return (liveOfferStatuses as readonly string[]).includes(offer.status);
}

export function offerDisplayStatus(offer: Live, now: Date): OfferDisplayStatus {
  if (isOfferLive(offer) && offer.validUntil.getTime() <= now.getTime()) return "expired";
  return offer.status as OfferStatus;
}

export type TraderOfferAction = "revise" | "withdraw" | "acceptCounter";
export type FoOfferAction = "accept" | "counter" | "reject";

/** What the trader may do; listingLive says whether the listing still takes offers. */
export function traderActions(offer: Live, listingLive: boolean, now: Date): TraderOfferAction[] {
  if (!listingLive || !isOfferLive(offer)) return [];
  if (offer.status === "submitted") return ["revise", "withdraw"];
  const counterValid = offer.validUntil.getTime() > now.getTime();
  return counterValid ? ["acceptCounter", "revise", "withdraw"] : ["revise", "withdraw"];
}

/** What the FO may do: accept or counter only live trader terms that are still valid. */
export function foActions(offer: Live, listingLive: boolean, now: Date): FoOfferAction[] {
  if (!listingLive || !isOfferLive(offer)) return [];
  if (offer.status === "countered") return ["reject"];
  return offer.validUntil.getTime() > now.getTime() ? ["accept", "counter", "reject"] : ["reject"];
}
