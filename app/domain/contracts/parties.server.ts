// In what capacity a user may act on a contract: for the FO, for the trader
// company, or as a facilitator of the district (witness, mediator).
import type { Db, Tx } from "~/utils/db.server";
import type { SessionUser } from "~/utils/request-state.server";

export type ContractParty = "fo" | "trader" | "witness";

export async function contractRoles(
  db: Db | Tx,
  user: Pick<SessionUser, "id" | "roles">,
  contract: { organisationId: string; companyId: string; districtId: string },
) {
  const [leads, staff, facilitates] = await Promise.all([
    user.roles.includes("fo_leader")
      ? db.organisationLeader.findUnique({
          where: { organisationId_userId: { organisationId: contract.organisationId, userId: user.id } },
          select: { userId: true },
        })
      : null,
    user.roles.includes("trader")
      ? db.traderStaff.findUnique({ where: { companyId_userId: { companyId: contract.companyId, userId: user.id } }, select: { userId: true } })
      : null,
    user.roles.includes("facilitator")
      ? db.facilitatorDistrict.findUnique({ where: { userId_districtId: { userId: user.id, districtId: contract.districtId } }, select: { userId: true } })
      : null,
  ]);
  return { fo: !!leads, trader: !!staff, facilitator: !!facilitates };
}

/** Contracts a user may see: their FOs', their companies', their districts'. */
export function visibleContractsWhere(user: Pick<SessionUser, "id" | "roles">) {
  const or = [];
  if (user.roles.includes("fo_leader")) or.push({ organisation: { leaders: { some: { userId: user.id } } } });
  if (user.roles.includes("trader")) or.push({ company: { staff: { some: { userId: user.id } } } });
  if (user.roles.includes("facilitator")) or.push({ district: { facilitators: { some: { userId: user.id } } } });
  return or.length ? { OR: or } : { id: "" };
}
