// Lots the buyer refused at the scale: recorded with the delivery and their
// reason, on the grade sheet the other party answers, in no figure of the
// delivery, beside the household's shortfall and in its passbook.
import { describe, expect, it } from "vitest";
import { confirmDelivery } from "~/domain/deliveries/deliveries.server";
import { action as deliveriesAction, loader as deliveriesLoader } from "~/routes/contracts/deliveries";
import { loader as passbookLoader } from "~/routes/fo/members/passbook";
import { db } from "~/utils/db.server";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { as, inputContract, lotSheet } from "../fixtures/inputs";

type RefusedView = { position: number; pooled: boolean; memberName: string | null; bags: number; grossKg: number; reason: string; note: string | null };
type Page = {
  formToken: string;
  deliveries: { id: string; grossKg: number; netKg: number; amountDueLak: string; refusedLots: RefusedView[] }[];
  shortfalls: { refusedKg: number; rows: { memberId: string; shortKg: number; refusedKg: number }[] | null } | null;
};

async function setUp() {
  const { fo, trader, contract } = await inputContract();
  const params = { contractId: contract.id };
  const url = `/contracts/${contract.id}/deliveries`;
  const page = async (userId: string) => dataOf<Page>(await call(deliveriesLoader, await request(url, { userId }), params));
  const send = async (userId: string, form: Record<string, string>) => call(deliveriesAction, await request(url, { userId, form }), params);
  return { fo, trader, contract, params, url, page, send };
}

describe("lots the buyer refused", () => {
  it("are recorded with their reason, leave the delivery's figures as they are, and show beside the shortfall and in the passbook", async () => {
    const { fo, trader, contract, url, page, send } = await setUp();
    const [m0, m1, m2] = fo.members.map((m) => m.id) as [string, string, string];
    const lots: [string, string][] = [
      [m0, "14"],
      [m1, "14"],
    ];
    const form = {
      ...lotSheet((await page(fo.leader.id)).formToken, lots),
      "refused.0.member": m2,
      "refused.0.bags": "6",
      "refused.0.grossKg": "300",
      "refused.0.reason": "mould",
      "refused.2.member": m1,
      "refused.2.bags": "2",
      "refused.2.grossKg": "95",
      "refused.2.reason": "other",
      "refused.2.note": "wet bags, rained on the way",
    };
    expect(locationOf(await send(fo.leader.id, form))).toBe(`${url}?done=recorded`);

    const stored = await db.refusedLot.findMany({ where: { delivery: { contractId: contract.id } }, orderBy: { position: "asc" } });
    expect(stored.map(({ position, memberId, bags, grossKg, reason, note }) => ({ position, memberId, bags, grossKg, reason, note }))).toEqual([
      { position: 1, memberId: m2, bags: 6, grossKg: 300, reason: "mould", note: null },
      { position: 2, memberId: m1, bags: 2, grossKg: 95, reason: "other", note: "wet bags, rained on the way" },
    ]);
    const delivery = await db.delivery.findFirstOrThrow({ where: { contractId: contract.id } });
    expect(delivery.grossKg).toBe(2 * 1002);
    expect(delivery.lotCount).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: delivery.id, action: "delivery.recorded" } });
    expect(String(audit.after)).toContain("wet bags, rained on the way");

    const mine = await page(fo.leader.id);
    expect(mine.deliveries[0]!.refusedLots).toEqual([
      { position: 1, pooled: false, memberName: fo.members[2]!.name, bags: 6, grossKg: 300, reason: "mould", note: null },
      { position: 2, pooled: false, memberName: fo.members[1]!.name, bags: 2, grossKg: 95, reason: "other", note: "wet bags, rained on the way" },
    ]);
    expect(mine.shortfalls!.refusedKg).toBe(395);
    expect(mine.shortfalls!.rows!.find((r) => r.memberId === m2)).toMatchObject({ shortKg: 1000, refusedKg: 300 });
    // The trader reads the refusals by row, never by name.
    const theirs = await page(trader.trader.id);
    expect(theirs.deliveries[0]!.refusedLots.map((l) => l.memberName)).toEqual([null, null]);
    expect(theirs.shortfalls!.rows).toBeNull();

    // The passbook shows a household its refused bags once the delivery counts.
    expect((await confirmDelivery(db, as(trader.trader, "trader"), delivery.id)).ok).toBe(true);
    const passbook = dataOf<{ pledges: { contracts: { id: string; refused: { bags: number; grossKg: number; reason: string }[] }[] }[] }>(
      await call(passbookLoader, await request(`/fo/${fo.organisation.id}/members/${m2}/passbook`, { userId: fo.leader.id }), {
        organisationId: fo.organisation.id,
        memberId: m2,
      }),
    );
    expect(passbook.pledges.flatMap((p) => p.contracts).find((c) => c.id === contract.id)!.refused).toMatchObject([{ bags: 6, grossKg: 300, reason: "mould" }]);
  });

  it("cost nothing: the delivery's net kg and amount are those of its lots alone", async () => {
    const a = await setUp();
    const b = await setUp();
    const lotsOf = (fo: typeof a.fo): [string, string][] => [
      [fo.members[0]!.id, "14"],
      [fo.members[1]!.id, "17"],
    ];
    await a.send(a.fo.leader.id, lotSheet((await a.page(a.fo.leader.id)).formToken, lotsOf(a.fo)));
    await b.send(b.fo.leader.id, {
      ...lotSheet((await b.page(b.fo.leader.id)).formToken, lotsOf(b.fo)),
      "refused.1.bags": "10",
      "refused.1.grossKg": "480",
      "refused.1.reason": "moisture",
    });
    const [da, db2] = [(await a.page(a.fo.leader.id)).deliveries[0]!, (await b.page(b.fo.leader.id)).deliveries[0]!];
    expect({ gross: db2.grossKg, net: db2.netKg, amount: db2.amountDueLak }).toEqual({ gross: da.grossKg, net: da.netKg, amount: da.amountDueLak });
    expect(db2.refusedLots).toEqual([{ position: 1, pooled: true, memberName: null, bags: 10, grossKg: 480, reason: "moisture", note: null }]);
  });

  it("are refused with a clear error, and nothing written, without a reason, with 'other' and no note, or for a household the trader names", async () => {
    const { fo, trader, contract, page, send } = await setUp();
    const m0 = fo.members[0]!.id;
    const base = async (userId: string) => lotSheet((await page(userId)).formToken, [[m0, "14"]]);
    const noReason = await send(fo.leader.id, { ...(await base(fo.leader.id)), "refused.0.bags": "3", "refused.0.grossKg": "150" });
    expect(statusOf(noReason)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(noReason).fieldErrors["refused.0.reason"]).toBe("deliveries:errors.refusalReason");
    const noNote = await send(fo.leader.id, { ...(await base(fo.leader.id)), "refused.0.bags": "3", "refused.0.grossKg": "150", "refused.0.reason": "other" });
    expect(dataOf<{ fieldErrors: Record<string, string> }>(noNote).fieldErrors["refused.0.note"]).toBe("deliveries:errors.refusalNote");
    const badKg = await send(fo.leader.id, { ...(await base(fo.leader.id)), "refused.0.bags": "3", "refused.0.grossKg": "0", "refused.0.reason": "pests" });
    expect(Object.keys(dataOf<{ fieldErrors: Record<string, string> }>(badKg).fieldErrors)).toContain("refused.0.grossKg");
    // Only the FO names households: the trader's refused lots are the FO's pooled bags.
    const traderForm = {
      ...lotSheet((await page(trader.trader.id)).formToken, [["pooled", "14"]]),
      "refused.0.member": m0,
      "refused.0.bags": "3",
      "refused.0.grossKg": "150",
      "refused.0.reason": "grade",
    };
    const named = await send(trader.trader.id, traderForm);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(named).fieldErrors["refused.0.member"]).toBe("deliveries:errors.unknownMember");
    expect(await db.delivery.count({ where: { contractId: contract.id } })).toBe(0);
    expect(await db.refusedLot.count({ where: { delivery: { contractId: contract.id } } })).toBe(0);
  });
});
