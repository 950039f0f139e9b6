// Writes the market: listings with their member pledges (the listing's total is
// the sum of its pledges, as saveListingDraft keeps it), and the offers on them
// with their immutable revisions, played in the order the domain allows
// (~/domain/offers/offers.server and offer-status):
//   - a trader offers (revision 1); it may revise its own terms, the FO may
//     counter (a revision by the FO, which puts an open listing under
//     negotiation), the trader may accept the counter (a trader revision
//     repeating the FO's terms) or counter again;
//   - the FO accepts only a trader's live terms while they are valid and the
//     listing is live; the other live offers are then rejected; withdrawing a
//     listing rejects its live offers; a trader may withdraw, an FO reject;
//   - the live revision's number and price are copied to the offer.
// Each accepted offer becomes a Deal for the contract step. What the portal
// would have announced goes to the inbox.
import { listingTitle } from "~/domain/notifications/kinds";
import { companyActiveAt } from "./companies";
import type { CompanyNode, OrgNode, UserNode, World } from "./model";
import type { IdFactory } from "./ids";
import { allocateOffers, allocatePledges, eligibleMembers, planListings, type ListingPlan } from "./listing-plan";
import type { Inbox } from "./notifications";
import { normaliseTerms, TermsMaker, type Terms } from "./offer-plan";
import type { Random } from "./random";
import type { Row, Writer } from "./tables";
import { marketPrice, roundPrice } from "./prices";
import { LISTING_NOTES } from "./texts";
import { HOUR, laoDeadline } from "./time";

/** Pledge sizes per household, kg: [low, high, rounding]. */
const PLEDGE_KG: Record<string, [number, number, number]> = {
  MAIZE: [300, 3_000, 50],
  JOBS_TEARS: [100, 1_200, 50],
  CASSAVA_FRESH: [1_000, 8_000, 100],
  CASSAVA_CHIPS: [500, 3_000, 50],
  SESAME: [40, 400, 10],
  PADDY: [200, 2_000, 50],
  CARDAMOM: [10, 120, 5],
  RUBBER_CUP_LUMP: [100, 1_500, 50],
  BANANA: [200, 2_000, 50],
  SUGARCANE: [3_000, 25_000, 500],
  SOYBEAN: [100, 900, 50],
};

export interface Deal {
  listing: ListingPlan;
  listingId: string;
  totalKg: number;
  title: { listingLo: string; listingEn: string };
  offerId: string;
  company: CompanyNode;
  /** the accepted revision exactly as written */
  revision: Row<"OfferRevision">;
  acceptedAt: number;
  acceptedBy: UserNode;
}

export interface MarketResult {
  deals: Deal[];
  /** offers the plan asked for that no eligible company was left to make */
  offersShort: number;
  /** contracted listings no company could have won (none verified yet) */
  contractsShort: number;
}

type Step = { party: "trader" | "fo"; kind: "first" | "revised" | "counter" | "acceptCounter" | "recounter" };
type Chain = "single" | "revised" | "countered" | "counterAccepted" | "recountered";
const CHAINS: Record<Chain, Step["kind"][]> = {
  single: ["first"],
  revised: ["first", "revised"],
  countered: ["first", "counter"],
  counterAccepted: ["first", "counter", "acceptCounter"],
  recountered: ["first", "counter", "recounter"],
};

export function generateMarket(
  world: World,
  writer: Writer,
  ids: IdFactory,
  rng: Random,
  inbox: Inbox,
  sizes: { listings: number; liveListings: number; contracts: number; pledges: number; offers: number },
): MarketResult {
  const now = world.now;
  const plans = planListings(world, rng, sizes);
  allocatePledges(plans, rng, sizes.pledges);

  const companies = [...world.companies, world.demo.company];
  const eligibleAt = (plan: ListingPlan) =>
    plan.publishedAt === null
      ? []
      : companies.filter((c) => companyActiveAt(c, plan.publishedAt!) && (plan.kind !== "live" || c.suspendedAt === null) && c.staff.length > 0);
  const eligible = plans.map(eligibleAt);
  allocateOffers(plans, rng, sizes.offers, (p) => Math.min(15, eligible[p.index]!.length), world.demo.fo);
  const plannedOffers = plans.reduce((s, p) => s + p.offers, 0);

  const terms = new TermsMaker(world, rng);
  const deals: Deal[] = [];
  let written = 0;
  let demoted = 0;

  for (const plan of plans) {
    const { fo } = plan;
    const leaders = fo.leaders.map((l) => l.user);
    const leaderIds = leaders.map((u) => u.id);
    const listingId = ids.next(plan.createdAt);

    // --- pledges -----------------------------------------------------------
    const members = rng.sample(eligibleMembers(plan), plan.pledges);
    const [low, high, step] = PLEDGE_KG[plan.crop.code] ?? [100, 1_000, 10];
    const pledges = members.map((m) => ({ memberId: m.id, kg: Math.max(step, Math.round(Math.exp(rng.real(Math.log(low), Math.log(high))) / step) * step) }));
    const totalKg = pledges.reduce((s, p) => s + p.kg, 0);
    const title = listingTitle({ crop: plan.crop, grade: plan.grade, totalKg });

    // --- offers ------------------------------------------------------------
    const P = plan.publishedAt;
    const pool = eligible[plan.index]!;
    // A contracted listing needs a company to have won it; without one it simply expired.
    if (plan.kind === "contracted" && (pool.length === 0 || plan.endedAt! - P! <= 2 * HOUR)) {
      plan.kind = "expired";
      plan.endedAt = null;
      demoted++;
    }
    const end = plan.kind === "contracted" ? plan.endedAt! : plan.kind === "withdrawn" ? Math.min(plan.endedAt!, plan.deadline) : Math.min(plan.deadline, now);
    let firstCounterAt = Infinity;
    const offerRows: { offer: Row<"Offer">; revisions: Row<"OfferRevision">[] }[] = [];
    if (P !== null && plan.offers > 0 && end - P > 2 * HOUR) {
      // The demo trader's company makes about one offer in a hundred, more on the demo FO's listings.
      const demoCompany = world.demo.company;
      const wantDemo = pool.includes(demoCompany) && rng.chance(Math.min(1, plan.offers * (fo === world.demo.fo ? 0.1 : 0.01)));
      const others = pool.filter((c) => c !== demoCompany);
      const picked: CompanyNode[] = wantDemo ? [demoCompany] : [];
      const want = Math.min(plan.offers, pool.length);
      // Companies based in the listing's province are twice as likely to offer.
      const taken = new Set<number>();
      for (let guard = 0; picked.length < want && taken.size < others.length && guard < 50 * want; guard++) {
        const i = rng.int(0, others.length - 1);
        if (taken.has(i)) continue;
        if (others[i]!.baseProvince.id !== plan.district.provinceId && rng.chance(0.5)) continue;
        taken.add(i);
        picked.push(others[i]!);
      }
      if (picked.length === 0) picked.push(rng.pick(pool));
      written += picked.length;
      // Who wins a contracted listing: the demo company a third of the time on the demo FO when it offered.
      let winner = -1;
      if (plan.kind === "contracted") winner = wantDemo && (fo === world.demo.fo ? rng.chance(0.35) : rng.chance(0.5)) ? 0 : rng.int(0, picked.length - 1);
      const acceptAt = plan.kind === "contracted" ? plan.endedAt! : Infinity;

      picked.forEach((company, i) => {
        const accepted = i === winner;
        const chain: Chain = accepted
          ? rng.weighted<Chain>([
              ["single", 50],
              ["revised", 10],
              ["counterAccepted", 25],
              ["recountered", 15],
            ])
          : rng.weighted<Chain>([
              ["single", 55],
              ["revised", 8],
              ["countered", 18],
              ["counterAccepted", 10],
              ["recountered", 9],
            ]);
        let steps = CHAINS[chain];
        const from = P + 30 * 60_000;
        const to = (accepted ? acceptAt : end) - 30 * 60_000;
        if (to - from < 6 * HOUR) steps = ["first"];
        const times = steps.map(() => from + rng.next() * (to - from)).sort((a, b) => a - b);

        const staff = company.staff.map((s) => s.user);
        const trader = rng.pick(staff);
        const offerId = ids.next(times[0]!);
        const link = `/offers/${offerId}`;
        const revisions: Row<"OfferRevision">[] = [];
        let previousTrader: Terms | null = null;
        let live: Terms | null = null;
        steps.forEach((kind, k) => {
          const at = times[k]!;
          let t: Terms;
          let party: "trader" | "fo" = "trader";
          let by: UserNode = trader;
          if (kind === "first") t = terms.first(plan, totalKg, at);
          else if (kind === "revised") t = terms.revised(live!, at);
          else if (kind === "counter") {
            t = terms.counter(live!, at);
            party = "fo";
            by = rng.pick(leaders);
            firstCounterAt = Math.min(firstCounterAt, at);
          } else if (kind === "acceptCounter") t = { ...live!, message: null };
          else t = terms.recounter(previousTrader!, live!, at);
          t = normaliseTerms(t);
          // Every step needs the live terms valid when the next one is taken (foActions/traderActions);
          // a counter that the trader accepts must still be valid when the FO accepts the copy.
          const after = (j: number) => (j < steps.length ? times[j]! : accepted ? acceptAt : null);
          const nextAt = kind === "counter" && steps[k + 1] === "acceptCounter" ? (after(k + 2) ?? after(k + 1)) : after(k + 1);
          if (kind !== "acceptCounter" && nextAt !== null && t.validUntil.getTime() <= nextAt) t = { ...t, validUntil: new Date(laoDeadline(nextAt)) };
          if (party === "trader") previousTrader = t;
          live = t;
          revisions.push({ id: ids.next(at), offerId, number: k + 1, byParty: party, byUserId: by.id, ...t, createdAt: new Date(at) });

          const company_ = company.name;
          if (kind === "first" || kind === "revised") inbox.add("offer_received", at, leaderIds, { ...title, company: company_, price: t.priceLakPerKg }, link);
          else if (kind === "counter")
            inbox.add(
              "offer_countered",
              at,
              staff.map((u) => u.id),
              { ...title, byLo: fo.nameLo, byEn: fo.nameEn, price: t.priceLakPerKg },
              link,
            );
          else if (kind === "acceptCounter") inbox.add("counter_accepted", at, leaderIds, { ...title, company: company_, price: t.priceLakPerKg }, link);
          else inbox.add("offer_countered", at, leaderIds, { ...title, byLo: company_, byEn: company_, price: t.priceLakPerKg }, link);
        });
        const last = revisions[revisions.length - 1]!;
        const lastAt = times[times.length - 1]!;
        let status = last.byParty === "fo" ? "countered" : "submitted";
        let closedAt: number | null = null;
        let acceptedById: string | null = null;
        if (accepted) {
          status = "accepted";
          closedAt = acceptAt;
          const by = rng.pick(leaders);
          acceptedById = by.id;
          deals.push({ listing: plan, listingId, totalKg, title, offerId, company, revision: last, acceptedAt: acceptAt, acceptedBy: by });
          inbox.add(
            "offer_accepted",
            acceptAt,
            staff.map((u) => u.id),
            { ...title, organisationLo: fo.nameLo, organisationEn: fo.nameEn, price: last.priceLakPerKg as number },
            link,
          );
        } else {
          const closeBy = (plan.kind === "contracted" ? acceptAt : end) - 60_000;
          const r = rng.next();
          if (closeBy - lastAt > HOUR && r < 0.18) {
            closedAt = lastAt + rng.next() * (closeBy - lastAt);
            // The trader withdraws its terms, or the FO turns them down (it may also reject after countering).
            if (r < 0.1 && status === "submitted") {
              status = "withdrawn";
              inbox.add("offer_withdrawn", closedAt, leaderIds, { ...title, company: company.name }, link);
            } else {
              status = "rejected";
              inbox.add(
                "offer_rejected",
                closedAt,
                staff.map((u) => u.id),
                title,
                link,
              );
            }
          } else if (plan.kind === "contracted" || plan.kind === "withdrawn" || plan.kind === "closed") {
            // Accepting another offer, withdrawing or closing the listing rejects the offers still in play.
            closedAt = plan.endedAt!;
            status = "rejected";
            inbox.add(
              "offer_rejected",
              closedAt,
              staff.map((u) => u.id),
              title,
              link,
            );
          }
        }
        const changes = revisions.length - 1 + (closedAt !== null ? 1 : 0);
        offerRows.push({
          offer: {
            id: offerId,
            listingId,
            companyId: company.id,
            createdById: revisions[0]!.byUserId as string,
            status,
            currentRevision: revisions.length,
            currentPriceLakPerKg: last.priceLakPerKg,
            acceptedRevisionId: accepted ? last.id : null,
            acceptedById,
            acceptedAt: accepted ? new Date(acceptAt) : null,
            closedAt: closedAt === null ? null : new Date(closedAt),
            createdAt: new Date(times[0]!),
            updatedAt: new Date(Math.max(lastAt, closedAt ?? 0)),
            version: changes,
          },
          revisions,
        });
      });
    }

    // --- the listing ---------------------------------------------------------
    const countered = firstCounterAt < Infinity;
    let status: string;
    let version = 0;
    let updatedAt = plan.createdAt;
    let withdrawnAt: number | null = null;
    if (plan.kind === "draft") status = "draft";
    else {
      version = 1 + (countered ? 1 : 0);
      updatedAt = countered ? Math.max(P!, firstCounterAt) : P!;
      status =
        plan.kind === "live" || plan.kind === "expired" ? (countered ? "under_negotiation" : "open") : plan.kind === "contracted" ? "contracted" : plan.kind;
      if (plan.kind === "contracted" || plan.kind === "withdrawn" || plan.kind === "closed") {
        version++;
        updatedAt = plan.endedAt!;
        if (plan.kind === "withdrawn") withdrawnAt = plan.endedAt!;
      }
    }
    // The 48-hour warning goes out while the listing is still live, once.
    let expiryNoticeAt: number | null = null;
    if (P !== null) {
      const warnAt = Math.max(P, plan.deadline - 48 * HOUR) + rng.real(1, 50) * 60_000;
      const stillLiveUntil = plan.endedAt ?? plan.deadline;
      if (warnAt <= now && warnAt < stillLiveUntil && warnAt < plan.deadline) {
        expiryNoticeAt = warnAt;
        inbox.add("listing_expiring", warnAt, leaderIds, { ...title, deadline: new Date(plan.deadline).toISOString() }, `/listings/${listingId}`);
      }
    }
    writer.insert("Listing", {
      id: listingId,
      organisationId: fo.id,
      cropId: plan.crop.id,
      gradeId: plan.grade.id,
      totalKg,
      householdCount: pledges.length,
      availableFrom: new Date(plan.availableFrom),
      availableUntil: new Date(plan.availableUntil),
      pickupVillageId: plan.pickupVillage?.id ?? null,
      deliveryPoint: plan.deliveryPoint,
      districtId: plan.district.id,
      provinceId: plan.district.provinceId,
      askingPriceLakPerKg: rng.chance(0.7) ? roundPrice(marketPrice(plan.crop, plan.district, P ?? plan.createdAt) * rng.real(1.02, 1.12)) : null,
      offerMode: plan.offerMode,
      offerDeadline: new Date(plan.deadline),
      status,
      notes: rng.chance(0.4) ? rng.pick(LISTING_NOTES) : null,
      publishedAt: P === null ? null : new Date(P),
      withdrawnAt: withdrawnAt === null ? null : new Date(withdrawnAt),
      expiryNoticeAt: expiryNoticeAt === null ? null : new Date(expiryNoticeAt),
      createdById: rng.pick(leaders).id,
      createdAt: new Date(plan.createdAt),
      updatedAt: new Date(updatedAt),
      version,
    });
    for (const p of pledges) writer.insert("Pledge", { id: ids.next(plan.createdAt), listingId, memberId: p.memberId, kg: p.kg });
    for (const { offer, revisions } of offerRows) {
      writer.insert("Offer", offer);
      for (const r of revisions) writer.insert("OfferRevision", r);
    }
  }
  return { deals, offersShort: plannedOffers - written, contractsShort: demoted };
}

/** Leaders' and staff's user ids, for notices. */
export const leaderIdsOf = (fo: OrgNode) => fo.leaders.map((l) => l.user.id);
export const staffIdsOf = (c: CompanyNode) => c.staff.map((s) => s.user.id);
