// What needs a facilitator's attention in their districts, for the console:
// contracts waiting for them to witness, payments overdue, and listings about
// to expire with no offer (a call to the traders they know may still save the
// sale). Every query is limited to the facilitator's districts by the
// contract's or listing's own district. Derived each time; nothing is stored.
import { overdueContracts, type OverdueContract } from "~/domain/contracts/overdue-list.server";
import type { Db } from "~/utils/db.server";

/** A listing whose deadline is this close and that has no offer is flagged. */
export const EXPIRY_WARNING_HOURS = 72;

/** Contracts above the witness threshold that every other party may sign but no facilitator has witnessed yet. */
export async function contractsAwaitingWitness(db: Db, districtIds: readonly string[]) {
  return db.contract.findMany({
    where: { districtId: { in: [...districtIds] }, witnessRequired: true, status: "awaiting_signatures", signatures: { none: { party: "witness" } } },
    orderBy: [{ createdAt: "asc" }, { number: "asc" }],
    select: {
      id: true,
      number: true,
      valueLak: true,
      createdAt: true,
      organisation: { select: { nameLo: true, nameEn: true } },
      company: { select: { name: true } },
      signatures: { orderBy: { signedAt: "asc" }, select: { party: true } },
    },
  });
}

/** Contracts of these districts with an amount overdue today, the longest-overdue first (by the contract's own district). */
export function overdueContractsInDistricts(districtIds: readonly string[], now = new Date()): Promise<OverdueContract[]> {
  return overdueContracts({ districtIds }, now);
}

/** Open listings of these districts whose offer deadline falls within the warning window and that have no offer. */
export async function listingsExpiringWithoutOffers(db: Db, districtIds: readonly string[], now = new Date()) {
  return db.listing.findMany({
    where: {
      districtId: { in: [...districtIds] },
      status: "open",
      offerDeadline: { gt: now, lte: new Date(now.getTime() + EXPIRY_WARNING_HOURS * 3600_000) },
      offers: { none: {} },
    },
    orderBy: [{ offerDeadline: "asc" }, { id: "asc" }],
    select: {
      id: true,
      totalKg: true,
      offerDeadline: true,
      organisation: { select: { nameLo: true, nameEn: true } },
      crop: { select: { nameLo: true, nameEn: true } },
      district: { select: { nameLo: true, nameEn: true } },
    },
  });
}
