// Reading a contract for an act on it (a delivery, a payment, inputs, the
// payout sheet): through the visibility rule (~/utils/access.server), with the
// capacities in which the user may act, so a contract the user may not see is
// never read. Shared by deliveries, payments, inputs and payouts.
import { companyStaffUserIds, leaderUserIds } from "~/domain/notifications/notify.server";
import type { Db, Tx } from "~/utils/db.server";
import type { SessionUser } from "~/utils/request-state.server";
import { readSnapshot } from "./completion.server";
import { contractRoles, visibleContractsWhere } from "./parties.server";

type Actor = Pick<SessionUser, "id" | "roles">;
export type Party = "fo" | "trader";

/** Statuses in which a delivery or payment may still be answered. */
export const ANSWERABLE_CONTRACT_STATUSES = ["active", "disputed", "completed"];

const contractSelect = {
  id: true,
  number: true,
  currency: true,
  status: true,
  version: true,
  document: { select: { snapshot: true } },
  listingId: true,
  organisationId: true,
  companyId: true,
  districtId: true,
  completedAt: true,
  organisation: { select: { nameLo: true, nameEn: true } },
  company: { select: { name: true } },
} as const;

/** A contract and the capacities in which the user may see it; null when they may not (a 404). */
export async function contractAccess(db: Db | Tx, user: Actor, contractId: string) {
  // Read through the visibility rule: a contract the user may not see is never read.
  const contract = await db.contract.findFirst({ where: { id: contractId, ...visibleContractsWhere(user) }, select: contractSelect });
  if (!contract) return null;
  const roles = await contractRoles(db, user, contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  return { contract, roles, snapshot: readSnapshot(contract) };
}

/** The party's name in both languages, for notifications. */
export function partyName(contract: { organisation: { nameLo: string; nameEn: string }; company: { name: string } }, party: Party) {
  return party === "fo"
    ? { byLo: contract.organisation.nameLo, byEn: contract.organisation.nameEn }
    : { byLo: contract.company.name, byEn: contract.company.name };
}

export async function partyUserIds(tx: Tx, contract: { organisationId: string; companyId: string }, party: Party) {
  return party === "fo" ? leaderUserIds(tx, contract.organisationId) : companyStaffUserIds(tx, contract.companyId);
}
