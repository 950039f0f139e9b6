// What waits for an FO leader, for the top of their dashboard (./to-do): the
// offers and counter-offers on their live listings, the contract side
// (./contract-side.server) and the listings about to close. The listing
// statements start from the leader's own OrganisationLeader rows and read
// live listings only (Listing_organisationId_status_offerDeadline_idx: the
// expired ones, still open in their status, are passed over in the index);
// never the organisations' history. Prepared statements.
import { EXPIRY_WARNING_HOURS } from "~/domain/reports/console.server";
import { localName } from "~/utils/i18n";
import type { Locale } from "~/utils/i18n";
import { reads, sqlDate } from "~/utils/reads.server";
import { contractToDo } from "./contract-side.server";
import { frameworkToDo } from "./framework-side.server";
import { capped, group, nonEmpty, TO_DO_COUNT_MAX, TO_DO_SHOWN } from "./to-do";

const LIMIT = TO_DO_SHOWN + 1;

/** Listings with a trader's terms waiting are read this many at a time, the soonest deadline first. */
const LISTING_WALK = 2 * LIMIT;

/**
 * The leader's live listings with trader terms waiting for the FO's answer,
 * the soonest deadline first, split in two: `answered`, the trader's answer
 * to the FO's counter-offer (the revision before the live one is the FO's),
 * and `waiting` less those, new or revised by the trader. Only terms still
 * valid count: the FO can act on them. Which listings have terms waiting is
 * told by Offer_listingId_status_idx alone; the revisions are read for the
 * few listings shown (a listing whose terms have all lapsed counts none).
 */
export const OFFERS_WAITING_SQL = `
  SELECT l.id, l.totalKg, l.offerDeadline, c.nameLo, c.nameEn,
    (SELECT count(*) FROM (SELECT 1 FROM Offer x JOIN OfferRevision r ON r.offerId = x.id AND r.number = x.currentRevision
       WHERE x.listingId = l.id AND x.status = 'submitted' AND r.validUntil > ? LIMIT ${TO_DO_COUNT_MAX + 1}) AS w) AS waiting,
    (SELECT count(*) FROM (SELECT 1 FROM Offer x JOIN OfferRevision r ON r.offerId = x.id AND r.number = x.currentRevision
       JOIN OfferRevision prev ON prev.offerId = x.id AND prev.number = x.currentRevision - 1 AND prev.byParty = 'fo'
       WHERE x.listingId = l.id AND x.status = 'submitted' AND r.validUntil > ? LIMIT ${TO_DO_COUNT_MAX + 1}) AS a) AS answered
  FROM (
    SELECT l.id FROM OrganisationLeader ol
    JOIN Listing l ON l.organisationId = ol.organisationId AND l.status IN ('open', 'under_negotiation') AND l.offerDeadline > ?
    WHERE ol.userId = ? AND EXISTS (SELECT 1 FROM Offer x WHERE x.listingId = l.id AND x.status = 'submitted')
    ORDER BY l.offerDeadline ASC, l.id ASC LIMIT ${LISTING_WALK}
  ) AS live
  JOIN Listing l ON l.id = live.id JOIN Crop c ON c.id = l.cropId
  ORDER BY l.offerDeadline ASC, l.id ASC`;

/** The leader's live listings whose offers close within the warning window, with how many live offers each has. */
export const CLOSING_LISTINGS_SQL = `
  SELECT l.id, l.totalKg, l.offerDeadline, c.nameLo, c.nameEn,
    (SELECT count(*) FROM (SELECT 1 FROM Offer x WHERE x.listingId = l.id AND x.status IN ('submitted', 'countered') LIMIT ${TO_DO_COUNT_MAX + 1}) AS o) AS offers
  FROM OrganisationLeader ol
  JOIN Listing l ON l.organisationId = ol.organisationId AND l.status IN ('open', 'under_negotiation') AND l.offerDeadline > ? AND l.offerDeadline <= ?
  JOIN Crop c ON c.id = l.cropId
  WHERE ol.userId = ?
  ORDER BY l.offerDeadline ASC, l.id ASC LIMIT ${LIMIT}`;

type ListingRow = { id: string; totalKg: number; offerDeadline: string; nameLo: string; nameEn: string };

/** The leader's to-do list, the kinds in the order a leader deals with them; empty when nothing waits. */
export async function leaderToDo(userId: string, locale: Locale, now = new Date()) {
  const at = sqlDate(now);
  const soon = sqlDate(new Date(now.getTime() + EXPIRY_WARNING_HOURS * 3600_000));
  const [offers, contracts, frameworks, closing] = await Promise.all([
    reads().all<ListingRow & { waiting: number; answered: number }>(OFFERS_WAITING_SQL, at, at, at, userId),
    contractToDo("fo", userId, locale),
    frameworkToDo("fo", userId, locale, now),
    reads().all<ListingRow & { offers: number }>(CLOSING_LISTINGS_SQL, at, soon, userId),
  ]);
  const listing = (r: ListingRow) => ({ crop: localName(r, locale), kg: r.totalKg, deadline: new Date(r.offerDeadline).toISOString() });
  const compare = (id: string) => `/listings/${id}/offers`;
  return nonEmpty([
    group(
      "offers",
      offers.filter((r) => r.waiting > r.answered),
      (r) => ({ kind: "offers", href: compare(r.id), ...capped(r.waiting - r.answered), ...listing(r) }),
      "/listings/mine",
    ),
    group(
      "counters",
      offers.filter((r) => r.answered > 0),
      (r) => ({ kind: "counters", href: compare(r.id), ...capped(r.answered), ...listing(r) }),
      "/listings/mine",
    ),
    ...contracts,
    ...frameworks,
    group(
      "expiring",
      closing,
      (r) => ({ kind: "expiring", href: r.offers > 0 ? compare(r.id) : `/listings/${r.id}`, ...capped(r.offers), ...listing(r) }),
      "/listings/mine",
    ),
  ]);
}
