// What waits for a trader, for the top of their dashboard (./to-do): the FOs'
// counter-offers to answer, the contract side (./contract-side.server) and
// the company's live offers on listings about to close, where a better offer
// may still win. The offer statements walk the recent live offers of the
// trader's own companies (see recentOffers), then each one's listing.
// Prepared statements.
import { EXPIRY_WARNING_HOURS } from "~/domain/reports/console.server";
import { localName } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { reads, sqlDate } from "~/utils/reads.server";
import { contractToDo } from "./contract-side.server";
import { frameworkToDo } from "./framework-side.server";
import { capped, group, nonEmpty, TO_DO_SHOWN } from "./to-do";

const LIMIT = TO_DO_SHOWN + 1;

/** Of each status, the companies' offers that moved last are walked first (Offer_companyId_status_updatedAt_idx), this many at most. */
export const OFFER_WALK = 200;

const OFFER_COLUMNS = `x.id, l.totalKg, l.offerDeadline, c.nameLo, c.nameEn, o.nameLo AS partyLo, o.nameEn AS partyEn`;
const LISTING_JOINS = `JOIN Crop c ON c.id = l.cropId JOIN Organisation o ON o.id = l.organisationId`;

/**
 * The companies' offers in these statuses, the ones that moved last first,
 * OFFER_WALK of each company and status, each walk in the order of
 * Offer_companyId_status_updatedAt_idx: an offer on a listing still taking
 * offers has moved since that listing was published, while those left behind
 * on expired listings (still "submitted" or "countered": expiry is derived)
 * fall out of the walk as the company goes on trading. A company with more
 * live offers than the walk sees those that moved last; finding the ones on
 * the soonest deadlines among all of them would need the listing's deadline
 * on the offer (no index reaches it from the company's side).
 */
const recentOffers = (companies: number, statuses: readonly string[]) =>
  statuses
    .flatMap((status) => Array.from({ length: companies }, () => status))
    .map(
      (status, i) =>
        `SELECT * FROM (SELECT y.id, y.listingId FROM Offer y WHERE y.companyId = ? AND y.status = '${status}' ORDER BY y.updatedAt DESC LIMIT ${OFFER_WALK}) AS w${i}`,
    )
    .join(" UNION ALL ");

/** The companies' offers the FO countered, on listings still taking offers: the trader accepts, counters again or withdraws. */
export function countersToAnswerSql(companies: number): string {
  return `SELECT ${OFFER_COLUMNS} FROM (${recentOffers(companies, ["countered"])}) AS x
  JOIN Listing l ON l.id = x.listingId AND l.status IN ('open', 'under_negotiation') AND (l.offerDeadline || '') > ?
  ${LISTING_JOINS}
  ORDER BY l.offerDeadline ASC, x.id ASC LIMIT ${LIMIT}`;
}

/**
 * The companies' live offers on listings whose offers close within the
 * warning window. The listing's deadline is compared through an expression
 * so that the planner reads the listings of the walked offers, not every
 * listing of the window in the programme.
 */
export function offersClosingSql(companies: number): string {
  return `SELECT ${OFFER_COLUMNS} FROM (${recentOffers(companies, ["submitted", "countered"])}) AS x
  JOIN Listing l ON l.id = x.listingId AND l.status IN ('open', 'under_negotiation') AND (l.offerDeadline || '') > ? AND (l.offerDeadline || '') <= ?
  ${LISTING_JOINS}
  ORDER BY l.offerDeadline ASC, x.id ASC LIMIT ${LIMIT}`;
}

type OfferRow = { id: string; totalKg: number; offerDeadline: string; nameLo: string; nameEn: string; partyLo: string; partyEn: string };

/**
 * The trader's to-do list, the kinds in the order a trader deals with them;
 * empty when nothing waits. `companyIds`: the companies the trader buys for
 * (their own few, read from TraderStaff by the dashboard).
 */
export async function traderToDo(userId: string, companyIds: readonly string[], locale: Locale, now = new Date()) {
  const at = sqlDate(now);
  const soon = sqlDate(new Date(now.getTime() + EXPIRY_WARNING_HOURS * 3600_000));
  const n = companyIds.length;
  const [counters, contracts, frameworks, closing] = await Promise.all([
    n ? reads().all<OfferRow>(countersToAnswerSql(n), ...companyIds, at) : [],
    contractToDo("trader", userId, locale),
    frameworkToDo("trader", userId, locale, now),
    n ? reads().all<OfferRow>(offersClosingSql(n), ...companyIds, ...companyIds, at, soon) : [],
  ]);
  const offer = (kind: "counters" | "closing") => (r: OfferRow) => ({
    kind,
    href: `/offers/${r.id}`,
    ...capped(1),
    crop: localName(r, locale),
    kg: r.totalKg,
    party: localName({ nameLo: r.partyLo, nameEn: r.partyEn }, locale),
    deadline: new Date(r.offerDeadline).toISOString(),
  });
  return nonEmpty([group("counters", counters, offer("counters"), null), ...contracts, ...frameworks, group("closing", closing, offer("closing"), null)]);
}
