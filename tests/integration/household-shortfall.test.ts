// Side-selling seen per household: the deliveries page lists the households
// that delivered less than they pledged (names for the FO, a count for the
// trader), and each member's passbook says it per contract.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { confirmDelivery } from "~/domain/deliveries/deliveries.server";
import { organisationTrackRecord } from "~/domain/track-records/track-record.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { loader as passbookLoader } from "~/routes/fo/members/passbook";
import { db } from "~/utils/db.server";
import { call, dataOf, locationOf, request } from "../fixtures/app";
import { as, inputContract, lotSheet } from "../fixtures/inputs";

type Shortfalls = {
  households: number;
  pledgingHouseholds: number;
  shortKg: number;
  pooledKg: number;
  rows: { memberId: string; name: string; pledgedKg: number; deliveredKg: number; shortKg: number }[] | null;
} | null;

describe("households that delivered less than they pledged", () => {
  it("are listed on the deliveries page, by name for the FO and as a count for the trader, and in each passbook", async () => {
    const { fo, trader, contract } = await inputContract();
    const params = { contractId: contract.id };
    const url = `/contracts/${contract.id}/deliveries`;
    const page = async (userId: string) =>
      dataOf<{ formToken: string; shortfalls: Shortfalls }>(await call(deliveriesLoader, await request(url, { userId }), params));
    expect((await page(fo.leader.id)).shortfalls).toBeNull();

    // Six members pledged 1,000 kg each; two delivered: 1,000 and 985 kg net.
    const [m0, m1] = fo.members.map((m) => m.id) as [string, string];
    const form = lotSheet((await page(fo.leader.id)).formToken, [
      [m0, "14"],
      [m1, "15"],
    ]);
    expect(locationOf(await call(deliveriesAction, await request(url, { userId: fo.leader.id, form }), params))).toBe(`${url}?done=recorded`);

    const mine = (await page(fo.leader.id)).shortfalls!;
    expect(mine).toMatchObject({ households: 5, pledgingHouseholds: 6, shortKg: 4 * 1000 + 15, pooledKg: 0 });
    const others = fo.members.slice(2).map((m) => ({ memberId: m.id, name: m.name, pledgedKg: 1000, deliveredKg: 0, shortKg: 1000, refusedKg: 0 }));
    others.sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    expect(mine.rows).toEqual([...others, { memberId: m1, name: fo.members[1]!.name, pledgedKg: 1000, deliveredKg: 985, shortKg: 15, refusedKg: 0 }]);
    // The trader sees how many and how much, never who.
    expect((await page(trader.trader.id)).shortfalls).toEqual({ households: 5, pledgingHouseholds: 6, shortKg: 4015, pooledKg: 0, refusedKg: 0, rows: null });

    // The passbook counts confirmed deliveries: nothing to say until the trader confirms.
    const passbook = async (memberId: string) =>
      dataOf<{ pledges: { contracts: { id: string; delivery: unknown }[] }[] }>(
        await call(passbookLoader, await request(`/fo/${fo.organisation.id}/members/${memberId}/passbook`, { userId: fo.leader.id }), {
          organisationId: fo.organisation.id,
          memberId,
        }),
      )
        .pledges.flatMap((p) => p.contracts)
        .find((c) => c.id === contract.id)!.delivery;
    expect(await passbook(m1)).toBeNull();
    const delivery = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id } });
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);
    expect(await passbook(m1)).toEqual({ pledgedKg: 1000, deliveredKg: 985, shortKg: 15 });
    expect(await passbook(m0)).toEqual({ pledgedKg: 1000, deliveredKg: 1000, shortKg: 0 });
    expect(await passbook(fo.members[5]!.id)).toEqual({ pledgedKg: 1000, deliveredKg: 0, shortKg: 1000 });
  });

  it("are kept on the contract at each confirmation for the FO's track record, as the migration works them out for older contracts", async () => {
    const { fo, trader, contract } = await inputContract();
    const params = { contractId: contract.id };
    const url = `/contracts/${contract.id}/deliveries`;
    const token = dataOf<{ formToken: string }>(await call(deliveriesLoader, await request(url, { userId: fo.leader.id }), params)).formToken;
    const [m0, m1] = fo.members.map((m) => m.id) as [string, string];
    await call(
      deliveriesAction,
      await request(url, {
        userId: fo.leader.id,
        form: lotSheet(token, [
          [m0, "14"],
          [m1, "15"],
        ]),
      }),
      params,
    );
    const counters = () =>
      db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { lotHouseholds: true, shortHouseholds: true, shortHouseholdKg: true } });
    // Not confirmed yet: nothing kept.
    expect(await counters()).toEqual({ lotHouseholds: 0, shortHouseholds: 0, shortHouseholdKg: 0 });
    const delivery = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id } });
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);
    expect(await counters()).toEqual({ lotHouseholds: 6, shortHouseholds: 5, shortHouseholdKg: 4015 });

    // The track record counts it once the contract is due.
    expect((await organisationTrackRecord(db, fo.organisation.id)).households).toEqual({ contracts: 0, pledging: 0, short: 0, shortKg: 0 });
    // (its delivery date is 20 days on: seen from a month later)
    expect((await organisationTrackRecord(db, fo.organisation.id, new Date(Date.now() + 30 * 86_400_000))).households).toEqual({
      contracts: 1,
      pledging: 6,
      short: 5,
      shortKg: 4015,
    });

    // The migration's backfill gives the same figures.
    await db.contract.update({ where: { id: contract.id }, data: { lotHouseholds: 0, shortHouseholds: 0, shortHouseholdKg: 0 } });
    const sql = readFileSync("prisma/migrations/20261203152000_households_shortfall_counters/migration.sql", "utf8");
    await db.$executeRawUnsafe(sql.slice(sql.indexOf("UPDATE")).replace(/;\s*$/, ""));
    expect(await counters()).toEqual({ lotHouseholds: 6, shortHouseholds: 5, shortHouseholdKg: 4015 });
  });
});
