// The access rules of ~/utils/access.server, as the queries apply them: the
// Prisma filters and the SQL of the prepared reads must say the same thing,
// and a capacity needs the membership (and, where the session decides, the role).
import { describe, expect, it } from "vitest";
import { visibleContractsSql } from "~/domain/contracts/contract-list.server";
import {
  contractCapacities,
  facilitatedBy,
  facilitatesDistrict,
  ledBy,
  leadsOrganisation,
  staffedBy,
  staffsCompany,
  visibleContractsWhere,
} from "~/utils/access.server";
import { db } from "~/utils/db.server";
import { reads } from "~/utils/reads.server";
import type { Role } from "~/utils/roles";
import { createUser } from "../fixtures/app";
import { acceptedContract } from "../fixtures/contracts";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

async function scene() {
  const a = await acceptedContract();
  const b = await acceptedContract();
  const facilitator = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: a.contract.districtId } });
  const stranger = await createUser({ roles: ["fo_leader", "trader", "facilitator"] });
  return { a, b, facilitator, stranger };
}

const visibleIds = async (user: { id: string; roles: Role[] }, ids: string[]) =>
  (await db.contract.findMany({ where: { id: { in: ids }, ...visibleContractsWhere(user) }, select: { id: true } })).map((c) => c.id).sort();

async function visibleIdsSql(user: { id: string; roles: Role[] }, ids: string[]) {
  const visible = visibleContractsSql(user);
  const rows = await reads().all<{ id: string }>(
    `SELECT c.id FROM Contract c WHERE c.id IN (${ids.map(() => "?").join(", ")}) AND ${visible.sql}`,
    ...ids,
    ...visible.params,
  );
  return rows.map((r) => r.id).sort();
}

describe("the access rules", () => {
  it("let each party and the district's facilitator reach their contract, and nobody else", async () => {
    const { a, b, facilitator, stranger } = await scene();
    const ids = [a.contract.id, b.contract.id];
    expect(await visibleIds(a.foActor, ids)).toEqual([a.contract.id]);
    expect(await visibleIds(a.traderActor, ids)).toEqual([a.contract.id]);
    expect(await visibleIds(as(stranger, "fo_leader", "trader", "facilitator"), ids)).toEqual([]);
    // b may lie in the same district as a (both FOs are in Beng): the facilitator sees the district's contracts.
    const sameDistrict = b.contract.districtId === a.contract.districtId;
    expect(await visibleIds(as(facilitator, "facilitator"), ids)).toEqual(sameDistrict ? [...ids].sort() : [a.contract.id]);
  });

  it("read the same contracts through Prisma and through the prepared SQL", async () => {
    const { a, b, facilitator, stranger } = await scene();
    const ids = [a.contract.id, b.contract.id];
    for (const user of [a.foActor, a.traderActor, b.foActor, b.traderActor, as(facilitator, "facilitator"), as(stranger, "fo_leader", "trader", "facilitator")])
      expect(await visibleIdsSql(user, ids)).toEqual(await visibleIds(user, ids));
  });

  it("give a member whose platform role was withdrawn no capacity on the contract", async () => {
    const { a } = await scene();
    const leaderWithoutRole = as(a.fo.leader);
    expect(await visibleIds(leaderWithoutRole, [a.contract.id])).toEqual([]);
    expect(await visibleIdsSql(leaderWithoutRole, [a.contract.id])).toEqual([]);
    expect(await contractCapacities(db, leaderWithoutRole, a.contract)).toEqual({ fo: false, trader: false, facilitator: false });
    expect(await contractCapacities(db, a.foActor, a.contract)).toEqual({ fo: true, trader: false, facilitator: false });
    expect(await contractCapacities(db, a.traderActor, a.contract)).toEqual({ fo: false, trader: true, facilitator: false });
  });

  it("answer for one organisation, company or district by membership, and filter queries the same way", async () => {
    const { a, b, facilitator } = await scene();
    expect(await leadsOrganisation(db, a.fo.leader.id, a.fo.organisation.id)).toBe(true);
    expect(await leadsOrganisation(db, a.fo.leader.id, b.fo.organisation.id)).toBe(false);
    expect(await staffsCompany(db, a.trader.trader.id, a.trader.company.id)).toBe(true);
    expect(await staffsCompany(db, a.trader.trader.id, b.trader.company.id)).toBe(false);
    expect(await facilitatesDistrict(db, facilitator.id, a.contract.districtId)).toBe(true);
    expect(await facilitatesDistrict(db, a.fo.leader.id, a.contract.districtId)).toBe(false);
    const orgs = await db.organisation.findMany({
      where: { id: { in: [a.fo.organisation.id, b.fo.organisation.id] }, ...ledBy(a.fo.leader.id) },
      select: { id: true },
    });
    expect(orgs.map((o) => o.id)).toEqual([a.fo.organisation.id]);
    const companies = await db.traderCompany.findMany({
      where: { id: { in: [a.trader.company.id, b.trader.company.id] }, ...staffedBy(b.trader.trader.id) },
      select: { id: true },
    });
    expect(companies.map((c) => c.id)).toEqual([b.trader.company.id]);
    const districts = await db.district.findMany({ where: facilitatedBy(facilitator.id), select: { id: true } });
    expect(districts.map((d) => d.id)).toEqual([a.contract.districtId]);
  });
});
