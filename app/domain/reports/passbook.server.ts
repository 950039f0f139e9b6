// Reading a member's passbook (see ./passbook). Only for the member's own FO:
// the member is looked up within the organisation, so another FO's member is
// not found. Contracts count once they came into force (signed by every
// party), including one later replaced by an amendment, since deliveries made
// under it stay under it.
import { isContentMeasure, type ContentMeasure } from "~/domain/contracts/content";
import { payoutFor } from "~/domain/payments/payout.server";
import { displayStatus } from "~/domain/listings/status";
import type { LocalText } from "~/domain/contracts/snapshot";
import type { Db } from "~/utils/db.server";
import { householdShortfalls } from "~/domain/deliveries/household-shortfall";
import type { PayoutReport } from "~/domain/payments/payout.server";
import type { RefusalReason } from "~/domain/deliveries/refused-lots";
import { memberShare, passbookTotals, type MemberShare } from "./passbook";

function deliveryAgainstPledge(report: PayoutReport, memberId: string, pledgedKg: number) {
  if (!report.households) return null;
  const row = report.households.rows.find((r) => r.memberId === memberId);
  // A share of the FO's pooled bags is by pledge: what the household itself brought cannot be told.
  if (row && row.pooledNetKg > 0) return null;
  const deliveredKg = row?.ownNetKg ?? 0;
  const short = householdShortfalls([{ memberId, kg: pledgedKg }], [{ memberId, netKg: deliveredKg }]).rows[0];
  return { pledgedKg, deliveredKg, shortKg: short?.shortKg ?? 0 };
}

export interface PassbookContract extends MemberShare {
  id: string;
  number: string;
  company: string;
  status: string;
  /** the share may still change: the contract is not completed */
  provisional: boolean;
  activatedAt: Date;
  /**
   * What the household delivered on its own lots against its pledge, over the
   * confirmed deliveries (~/domain/deliveries/household-shortfall); null while
   * no confirmed delivery has lots (deliveries before lots were shared by pledge),
   * or when the household has a share of pooled bags (shared by pledge too).
   */
  delivery: { pledgedKg: number; deliveredKg: number; shortKg: number } | null;
  /** the household's lots the buyer refused at the scale, in deliveries not contested (~/domain/deliveries/refused-lots) */
  refused: { deliveredOn: Date; bags: number; grossKg: number; reason: RefusalReason; note: string | null }[];
}

export interface PassbookPledge {
  listingId: string;
  crop: LocalText;
  grade: LocalText;
  kg: number;
  /** when the listing was published (or written, for a draft) */
  listedOn: Date;
  listingStatus: string;
  contracts: PassbookContract[];
  /** the crop's content measure (DRC, starch): a household's own adjustment is shown; null: none */
  contentMeasure: ContentMeasure | null;
}

export async function memberPassbook(db: Db, organisationId: string, memberId: string, now = new Date()) {
  const member = await db.member.findFirst({
    where: { id: memberId, organisationId },
    select: {
      id: true,
      name: true,
      memberSex: true,
      householdHeadSex: true,
      birthYear: true,
      active: true,
      village: { select: { nameLo: true, nameEn: true } },
    },
  });
  if (!member) return null;
  const pledges = await db.pledge.findMany({
    where: { memberId, listing: { organisationId } },
    orderBy: [{ listing: { createdAt: "asc" } }, { id: "asc" }],
    select: {
      kg: true,
      listing: {
        select: {
          id: true,
          status: true,
          offerDeadline: true,
          publishedAt: true,
          createdAt: true,
          crop: { select: { nameLo: true, nameEn: true, contentMeasure: true } },
          grade: { select: { nameLo: true, nameEn: true } },
          contracts: {
            where: { activatedAt: { not: null } },
            orderBy: { activatedAt: "asc" },
            select: { id: true, number: true, status: true, listingId: true, activatedAt: true, company: { select: { name: true } } },
          },
        },
      },
    },
  });
  // Bounded by the household: its own refused lots, whatever the size of the FO's history.
  const refusedLots = await db.refusedLot.findMany({
    where: { memberId, delivery: { status: { not: "contested" } } },
    orderBy: [{ delivery: { deliveredOn: "asc" } }, { position: "asc" }],
    select: { bags: true, grossKg: true, reason: true, note: true, delivery: { select: { contractId: true, deliveredOn: true } } },
  });
  const entries: PassbookPledge[] = [];
  for (const p of pledges) {
    const contracts: PassbookContract[] = [];
    for (const c of p.listing.contracts) {
      const report = await payoutFor(db, c);
      contracts.push({
        id: c.id,
        number: c.number,
        company: c.company.name,
        status: c.status,
        provisional: report.draft,
        activatedAt: c.activatedAt!,
        ...memberShare(report, member.id),
        delivery: deliveryAgainstPledge(report, member.id, p.kg),
        refused: refusedLots
          .filter((l) => l.delivery.contractId === c.id)
          .map((l) => ({ deliveredOn: l.delivery.deliveredOn, bags: l.bags, grossKg: l.grossKg, reason: l.reason as RefusalReason, note: l.note })),
      });
    }
    entries.push({
      listingId: p.listing.id,
      crop: { lo: p.listing.crop.nameLo, en: p.listing.crop.nameEn },
      contentMeasure: isContentMeasure(p.listing.crop.contentMeasure) ? p.listing.crop.contentMeasure : null,
      grade: { lo: p.listing.grade.nameLo, en: p.listing.grade.nameEn },
      kg: p.kg,
      listedOn: p.listing.publishedAt ?? p.listing.createdAt,
      listingStatus: displayStatus(p.listing, now),
      contracts,
    });
  }
  return { member, pledges: entries, totals: passbookTotals(entries) };
}
