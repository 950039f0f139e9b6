// Plans every listing before anything is written: what became of it (live,
// contracted, expired, withdrawn, closed, still a draft), which FO posted it,
// the crop and grade, where it is picked up, and its dates in the order the
// portal allows them (saved, published by a verified FO, offers until the
// deadline, accepted or withdrawn before it). The demo leader's FO gets a
// heavier share of every kind so its pages are exercised at scale.
import { laoDay, laoDeadline, DAY, HOUR, YEAR } from "./time";
import type { CropNode, DistrictNode, GradeNode, OrgNode, VillageNode, World } from "./model";
import { organisationActiveAt } from "./organisations";
import { Random, WeightedIndex } from "./random";
import { depotPlace } from "./texts";

export type ListingKind = "live" | "contracted" | "expired" | "withdrawn" | "closed" | "draft";

export interface ListingPlan {
  index: number;
  kind: ListingKind;
  fo: OrgNode;
  crop: CropNode;
  grade: GradeNode;
  pickupVillage: VillageNode | null;
  deliveryPoint: string | null;
  /** the pick-up village's district, else the FO's (as the schema says) */
  district: DistrictNode;
  offerMode: "open" | "sealed";
  createdAt: number;
  publishedAt: number | null;
  deadline: number;
  availableFrom: number;
  availableUntil: number;
  /** when the listing stopped taking offers for good: accepted, withdrawn, closed (else null) */
  endedAt: number | null;
  /** how many members pledge */
  pledges: number;
  /** how many offers it gets (the accepted one included) */
  offers: number;
}

/** The months a crop is harvested and sold most (0 = January); other months sell less. */
const SEASONS: Record<string, number[]> = {
  MAIZE: [8, 9, 10, 11, 0],
  PADDY: [9, 10, 11],
  JOBS_TEARS: [9, 10, 11, 0],
  SOYBEAN: [9, 10, 11],
  SESAME: [9, 10, 11],
  CARDAMOM: [7, 8, 9],
  CASSAVA_CHIPS: [0, 1, 2, 3],
  SUGARCANE: [11, 0, 1, 2],
};

function inSeason(rng: Random, crop: CropNode, at: number): boolean {
  const months = SEASONS[crop.code];
  if (!months) return true;
  return months.includes(new Date(at + 7 * HOUR).getUTCMonth()) || rng.chance(0.4);
}

function kindCounts(listings: number, live: number, contracted: number): Record<ListingKind, number> {
  const rest = listings - live - contracted;
  const withdrawn = Math.round(rest * 0.2);
  const draft = Math.round(rest * 0.2);
  const closed = Math.round(rest * 0.1);
  return { live, contracted, withdrawn, draft, closed, expired: rest - withdrawn - draft - closed };
}

export function planListings(world: World, rng: Random, sizes: { listings: number; liveListings: number; contracts: number }): ListingPlan[] {
  const now = world.now;
  const windowStart = now - 3 * YEAR;
  const counts = kindCounts(sizes.listings, sizes.liveListings, sizes.contracts);
  const kinds: ListingKind[] = [];
  for (const [kind, n] of Object.entries(counts) as [ListingKind, number][]) for (let i = 0; i < n; i++) kinds.push(kind);
  rng.shuffle(kinds);

  const demoFo = world.demo.fo;
  const traders = world.organisations.filter((o) => o.status === "verified" || o.status === "suspended");
  const pending = world.organisations.filter((o) => o.status === "pending");
  const byMembers = new WeightedIndex(traders.map((o) => Math.max(1, o.activeMembers.length)));
  // Three times an FO's average share, and at least half a percent of the market.
  const demoShare = Math.min(0.3, Math.max(0.005, 3 / (traders.length + 1)));

  const plans: ListingPlan[] = [];
  for (const kind of kinds) {
    // --- when ------------------------------------------------------------
    let publishedAt: number | null = null;
    let deadline: number;
    let endedAt: number | null = null;
    let createdAt: number;
    const isDemo = rng.chance(demoShare);
    // Use of the portal grew over the three years (density rising threefold), and
    // the demo FO is busiest lately, so its inbox and lists are full of recent work.
    const span = (from: number, to: number) => {
      const start = isDemo && rng.chance(0.5) ? Math.max(from, to - 180 * DAY) : from;
      const t = (Math.sqrt(1 + 8 * rng.next()) - 1) / 2;
      return start + t * (to - start);
    };
    const historic = () => span(windowStart, now - 36 * DAY);
    switch (kind) {
      case "live":
        publishedAt = now - rng.real(0, 25) * DAY;
        deadline = laoDeadline(Math.max(publishedAt + 3 * DAY, now + rng.real(0.2, 35) * DAY));
        break;
      case "contracted": {
        publishedAt = span(windowStart, now - 2 * DAY);
        deadline = laoDeadline(publishedAt + rng.real(4, 30) * DAY);
        endedAt = Math.min(now - HOUR, publishedAt + rng.real(0.4, 0.95) * (deadline - publishedAt));
        break;
      }
      case "expired":
        publishedAt = historic();
        deadline = laoDeadline(publishedAt + rng.real(4, 30) * DAY);
        break;
      case "withdrawn":
        publishedAt = span(windowStart, now - 2 * DAY);
        deadline = laoDeadline(publishedAt + rng.real(4, 30) * DAY);
        endedAt = Math.min(now - HOUR, publishedAt + HOUR + rng.next() * (deadline + 20 * DAY - publishedAt));
        break;
      case "closed":
        publishedAt = historic();
        deadline = laoDeadline(publishedAt + rng.real(4, 30) * DAY);
        endedAt = Math.min(now - HOUR, deadline + rng.real(1, 30) * DAY);
        break;
      case "draft":
        createdAt = rng.chance(0.5) ? now - rng.real(0, 60) * DAY : span(windowStart, now);
        deadline = laoDeadline(createdAt + rng.real(5, 40) * DAY);
        break;
    }
    const anchor = publishedAt ?? createdAt!;

    // --- who ---------------------------------------------------------------
    let fo: OrgNode | undefined;
    if (isDemo) fo = demoFo;
    else if (kind === "draft" && pending.length && rng.chance(0.05)) fo = rng.pick(pending);
    else
      for (let attempt = 0; attempt < 30 && !fo; attempt++) {
        const candidate = traders[byMembers.draw(rng)]!;
        const ok =
          kind === "draft" ? candidate.createdAt < anchor : organisationActiveAt(candidate, anchor) && (kind !== "live" || candidate.suspendedAt === null);
        if (ok) fo = candidate;
      }
    fo ??= demoFo;
    if (fo.activeMembers.length === 0) fo = demoFo;

    // --- what --------------------------------------------------------------
    const cropCode = rng.chance(0.85) ? rng.pick(fo.crops) : rng.pick(world.crops).code;
    const crop = world.cropByCode.get(cropCode) ?? rng.pick(world.crops);
    // Seasonal crops are listed mostly at harvest: move a historic listing into the season.
    if (kind !== "live" && kind !== "draft" && publishedAt !== null && !inSeason(rng, crop, publishedAt)) {
      for (let attempt = 0; attempt < 4; attempt++) {
        const shifted = publishedAt + rng.int(-5, 5) * 30 * DAY;
        if (
          shifted > Math.max(windowStart, fo.verifiedAt ?? 0) &&
          shifted < now - 36 * DAY &&
          inSeason(rng, crop, shifted) &&
          organisationActiveAt(fo, shifted)
        ) {
          const delta = shifted - publishedAt;
          publishedAt = shifted;
          deadline = laoDeadline(deadline + delta);
          if (endedAt !== null) endedAt = Math.min(now - HOUR, endedAt + delta);
          break;
        }
      }
    }
    const grades = crop.grades;
    const grade = rng.weighted(grades.map((g, i) => [g, i === 0 ? 55 : i === 1 ? 35 : 10] as const));

    // --- where -------------------------------------------------------------
    const home = fo.village.district;
    const where = rng.weighted([
      ["own", 60],
      ["neighbour", 25],
      ["point", 15],
    ] as const);
    const pickupVillage = where === "own" ? fo.village : where === "neighbour" ? rng.pick(home.villages) : null;
    const deliveryPoint = pickupVillage === null || rng.chance(0.1) ? depotPlace(rng, home) : null;
    const district = pickupVillage?.district ?? home;

    createdAt = publishedAt === null ? createdAt! : Math.max(fo.createdAt + HOUR, publishedAt - rng.real(0.05, 3) * DAY);
    const availableFrom = laoDay(anchor + rng.real(-5, 25) * DAY);
    plans.push({
      index: plans.length,
      kind,
      fo,
      crop,
      grade,
      pickupVillage,
      deliveryPoint,
      district,
      offerMode: rng.chance(0.75) ? "open" : "sealed",
      createdAt,
      publishedAt,
      deadline,
      availableFrom,
      availableUntil: laoDay(availableFrom + rng.real(14, 90) * DAY),
      endedAt,
      pledges: 0,
      offers: kind === "contracted" ? 1 : 0,
    });
  }
  // Written in the order they were saved, as the portal would have stored them.
  plans.sort((a, b) => a.createdAt - b.createdAt);
  plans.forEach((p, i) => (p.index = i));
  return plans;
}

/** Members of the FO who had joined when the listing was saved. */
export function eligibleMembers(plan: ListingPlan) {
  return plan.fo.activeMembers.filter((m) => m.createdAt <= plan.createdAt);
}

/** Spreads `total` pledges over the listings: about seven each, between 1 and the members available. */
export function allocatePledges(plans: ListingPlan[], rng: Random, total: number): void {
  const caps = plans.map((p) => Math.max(1, eligibleMembers(p).length));
  const weights = plans.map(() => Math.exp(rng.normal(0, 0.45)));
  const sum = weights.reduce((a, b) => a + b, 0);
  let assigned = 0;
  plans.forEach((p, i) => {
    p.pledges = Math.min(caps[i]!, Math.max(1, Math.round((total * weights[i]!) / sum)));
    assigned += p.pledges;
  });
  // Correct the rounding to the exact total, one pledge at a time.
  for (let guard = 0; assigned !== total && guard < 50 * plans.length; guard++) {
    const i = rng.int(0, plans.length - 1);
    const p = plans[i]!;
    if (assigned < total && p.pledges < caps[i]!) {
      p.pledges++;
      assigned++;
    } else if (assigned > total && p.pledges > 1) {
      p.pledges--;
      assigned--;
    }
  }
}

/** Spreads the offers that were not accepted over the published listings, most on live ones. */
export function allocateOffers(plans: ListingPlan[], rng: Random, total: number, capOf: (p: ListingPlan) => number, demoFo: OrgNode): void {
  const weightOf: Record<ListingKind, number> = { live: 2.5, contracted: 1, expired: 1.6, withdrawn: 1, closed: 0.8, draft: 0 };
  let assigned = plans.reduce((s, p) => s + p.offers, 0);
  const caps = plans.map(capOf);
  // The demo leader sees several live listings with a crowd of offers.
  const crowded = plans.filter((p) => p.kind === "live" && p.fo === demoFo);
  for (const p of crowded.slice(0, 8)) {
    const want = Math.min(caps[p.index]!, rng.int(5, 15));
    if (want > p.offers) {
      assigned += want - p.offers;
      p.offers = want;
    }
  }
  const index = new WeightedIndex(plans.map((p) => weightOf[p.kind]));
  for (let guard = 0; assigned < total && guard < 20 * total; guard++) {
    const p = plans[index.draw(rng)]!;
    if (p.offers < caps[p.index]!) {
      p.offers++;
      assigned++;
    }
  }
}
