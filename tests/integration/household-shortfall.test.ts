// Side-selling seen per household: the deliveries page lists the households
// that delivered less than they pledged (names for the FO, a count for the
// trader), and each member's passbook says it per contract.
import { describe, expect, it } from "vitest";
import { confirmDelivery } from "~/domain/contracts/deliveries.server";
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
    const others = fo.members.slice(2).map((m) => ({ memberId: m.id, name: m.name, pledgedKg: 1000, deliveredKg: 0, shortKg: 1000 }));
    others.sort((a, b) => (a.memberId < b.memberId ? -1 : 1));
    expect(mine.rows).toEqual([...others, { memberId: m1, name: fo.members[1]!.name, pledgedKg: 1000, deliveredKg: 985, shortKg: 15 }]);
    // The trader sees how many and how much, never who.
    expect((await page(trader.trader.id)).shortfalls).toEqual({ households: 5, pledgingHouseholds: 6, shortKg: 4015, pooledKg: 0, rows: null });

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
});
