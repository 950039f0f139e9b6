// Authorization in two layers: platform roles (this user is a facilitator) and
// membership (this user leads this FO). `requireX` throws a response; `getX`
// returns what the user may reach, for use inside queries.
import { data, redirect } from "react-router";
import { db } from "./db.server";
import type { RequestState, SessionUser } from "./request-state.server";
import type { Role } from "./roles";

export function requireUser(state: RequestState): SessionUser {
  if (!state.user) {
    throw redirect(`/login?redirectTo=${encodeURIComponent(state.returnTo)}`);
  }
  return state.user;
}

export function forbidden(state: RequestState): never {
  throw data({ message: state.t("errors:403.text") }, { status: 403 });
}

export function notFound(state: RequestState): never {
  throw data({ message: state.t("errors:404.text") }, { status: 404 });
}

export function hasRole(user: SessionUser | null, role: Role): boolean {
  return !!user && user.roles.includes(role);
}

export function requireUserWithRole(state: RequestState, role: Role | readonly Role[]): SessionUser {
  const user = requireUser(state);
  const wanted = typeof role === "string" ? [role] : role;
  if (!wanted.some((r) => user.roles.includes(r))) forbidden(state);
  return user;
}

export async function getLedOrganisationIds(userId: string): Promise<string[]> {
  const rows = await db.organisationLeader.findMany({ where: { userId }, select: { organisationId: true } });
  return rows.map((r) => r.organisationId);
}

export async function getCompanyIds(userId: string): Promise<string[]> {
  const rows = await db.traderStaff.findMany({ where: { userId }, select: { companyId: true } });
  return rows.map((r) => r.companyId);
}

/** An FO leader acting for this FO. Another FO is a 404, so its existence does not leak. */
export async function requireOrganisationLeader(state: RequestState, organisationId: string) {
  const user = requireUserWithRole(state, "fo_leader");
  const leadership = await db.organisationLeader.findUnique({
    where: { organisationId_userId: { organisationId, userId: user.id } },
    select: { organisation: { select: { id: true, status: true } } },
  });
  if (!leadership) notFound(state);
  return { user, organisation: leadership.organisation };
}

/** A trader acting for this company. */
export async function requireCompanyStaff(state: RequestState, companyId: string) {
  const user = requireUserWithRole(state, "trader");
  const staff = await db.traderStaff.findUnique({
    where: { companyId_userId: { companyId, userId: user.id } },
    select: { company: { select: { id: true, status: true } } },
  });
  if (!staff) notFound(state);
  return { user, company: staff.company };
}

/** The districts a facilitator works in, and the provinces those districts lie in. */
export async function getFacilitatorScope(userId: string) {
  const rows = await db.facilitatorDistrict.findMany({
    where: { userId },
    select: { districtId: true, district: { select: { provinceId: true } } },
  });
  return {
    districtIds: rows.map((r) => r.districtId),
    provinceIds: [...new Set(rows.map((r) => r.district.provinceId))],
  };
}
