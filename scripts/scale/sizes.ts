// How many rows of each kind the generator adds at a given scale: the
// programme's size (about 17,000 households in 225 villages, 200 FOs, 40
// trading companies) and the market activity measured over three years, times
// --scale, rounded, never less than one. These are rows ADDED to the demo
// database; the demo's own rows come on top.

export interface Sizes {
  villages: number;
  organisations: number;
  members: number;
  companies: number;
  facilitators: number;
  listings: number;
  liveListings: number;
  pledges: number;
  offers: number;
  /** original contracts, one per accepted offer (amendments come on top) */
  contracts: number;
  referencePrices: number;
  notifications: number;
  sessions: number;
}

export const PROGRAMME: Sizes = {
  villages: 225,
  organisations: 200,
  members: 17_000,
  companies: 40,
  // district agriculture office staff, one per district
  facilitators: 9,
  listings: 20_000,
  liveListings: 6_000,
  pledges: 140_000,
  offers: 40_000,
  contracts: 3_000,
  referencePrices: 10_000,
  notifications: 66_000,
  sessions: 10_000,
};

export function sizesAt(scale: number): Sizes {
  const out = {} as Sizes;
  for (const key of Object.keys(PROGRAMME) as (keyof Sizes)[]) out[key] = Math.max(1, Math.round(PROGRAMME[key] * scale));
  // A listing is live, contracted or something else; at a tiny scale the parts must still fit.
  out.listings = Math.max(out.listings, out.liveListings + out.contracts + 1);
  out.offers = Math.max(out.offers, out.contracts);
  return out;
}
