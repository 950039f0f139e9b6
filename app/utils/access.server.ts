// Who acts for what, written once: an FO's leaders, a trader company's staff,
// a district's facilitators. The `…By(userId)` filters go inside queries, so a
// record the user may not reach is never read; the capacity checks answer for
// one organisation, company or district. A capacity that the session decides
// (`contractCapacities`, `visibleContractsWhere`) also needs the platform role:
// a leader whose role was withdrawn leads nothing.
import type { Db, Tx } from "./db.server";
import type { SessionUser } from "./request-state.server";

type Who = Pick<SessionUser, "id" | "roles">;

/** Organisations this user leads (a `where` on Organisation). */
export const ledBy = (userId: string) => ({ leaders: { some: { userId } } });
/** Trader companies this user works for (a `where` on TraderCompany). */
export const staffedBy = (userId: string) => ({ staff: { some: { userId } } });
/** Districts this user facilitates (a `where` on District). */
export const facilitatedBy = (userId: string) => ({ facilitators: { some: { userId } } });

/** The same three rules as SQL for the prepared reads, each true of the row's column; each takes the user's id as its one parameter. */
export const leadsSql = (organisationIdColumn: string) => `${organisationIdColumn} IN (SELECT organisationId FROM OrganisationLeader WHERE userId = ?)`;
export const staffsSql = (companyIdColumn: string) => `${companyIdColumn} IN (SELECT companyId FROM TraderStaff WHERE userId = ?)`;
export const facilitatesSql = (districtIdColumn: string) => `${districtIdColumn} IN (SELECT districtId FROM FacilitatorDistrict WHERE userId = ?)`;

export async function leadsOrganisation(db: Db | Tx, userId: string, organisationId: string): Promise<boolean> {
  const row = await db.organisationLeader.findUnique({ where: { organisationId_userId: { organisationId, userId } }, select: { userId: true } });
  return row !== null;
}

export async function staffsCompany(db: Db | Tx, userId: string, companyId: string): Promise<boolean> {
  const row = await db.traderStaff.findUnique({ where: { companyId_userId: { companyId, userId } }, select: { userId: true } });
  return row !== null;
}

export async function facilitatesDistrict(db: Db | Tx, userId: string, districtId: string): Promise<boolean> {
  const row = await db.facilitatorDistrict.findUnique({ where: { userId_districtId: { userId, districtId } }, select: { userId: true } });
  return row !== null;
}

/** In which capacities the user may act on a contract: for its FO, for its company, as a facilitator of its district. */
export async function contractCapacities(db: Db | Tx, user: Who, contract: { organisationId: string; companyId: string; districtId: string }) {
  const [fo, trader, facilitator] = await Promise.all([
    user.roles.includes("fo_leader") && leadsOrganisation(db, user.id, contract.organisationId),
    user.roles.includes("trader") && staffsCompany(db, user.id, contract.companyId),
    user.roles.includes("facilitator") && facilitatesDistrict(db, user.id, contract.districtId),
  ]);
  return { fo, trader, facilitator };
}

/** Contracts a user may see: their FOs', their companies', their districts' (a `where` on Contract). */
export function visibleContractsWhere(user: Who) {
  const or = [];
  if (user.roles.includes("fo_leader")) or.push({ organisation: ledBy(user.id) });
  if (user.roles.includes("trader")) or.push({ company: staffedBy(user.id) });
  if (user.roles.includes("facilitator")) or.push({ district: facilitatedBy(user.id) });
  return or.length ? { OR: or } : { id: "" };
}
