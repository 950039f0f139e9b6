import { beforeAll, describe, expect, it } from "vitest";
import { recordDelivery } from "~/domain/deliveries/deliveries.server";
import { refreshOverdueFrom } from "~/domain/payments/overdue.server";
import { FIRST_VIEW } from "~/domain/reports/console.server";
import { loader } from "~/routes/trader/index";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, dataOf, request } from "../fixtures/app";
import { contractInForce } from "../fixtures/contracts";
import { createCompany, createFo } from "../fixtures/market";

type Dashboard = { all: boolean; overdue: { id: string; overdueLak: string; days: number }[]; overdueCount: { count: number; more: boolean } };

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;
let trader: Awaited<ReturnType<typeof createCompany>>;
/** The company's overdue contracts, the longest overdue first. */
const overdue: string[] = [];

beforeAll(async () => {
  trader = await createCompany();
  const fo = await createFo({ district: "Beng" });
  // Five contracts of the company, each with a delivery of 10 + i days ago and 7 payment days: overdue for 3 + i days.
  for (let i = 0; i < 5; i++) {
    const { contract } = await contractInForce({ fo, trader, terms: { paymentDays: "7" } });
    const delivery = await recordDelivery(db, { id: trader.trader.id, roles: ["trader"] }, contract.id, {
      deliveredOn: today(),
      grossKg: 1000,
      moisturePermille: 140,
      gradeCode: "G1",
      foreignMatterPermille: null,
      measuredBy: "A",
      instrument: "B",
    });
    if (!delivery.ok) throw new Error(JSON.stringify(delivery));
    await db.delivery.update({ where: { id: delivery.deliveryId }, data: { deliveredOn: addDays(today(), -(10 + i)) } });
    await refreshOverdueFrom(db, contract.id, new Date());
    overdue.unshift(contract.id);
  }
});

const dashboard = async (query = "", userId = trader.trader.id) => dataOf<Dashboard>(await call(loader, await request(`/trader${query}`, { userId })));

describe("the trader's dashboard", () => {
  it("shows the longest-overdue few with how many are overdue", async () => {
    const page = await dashboard();
    expect(page.all).toBe(false);
    expect(page.overdueCount).toEqual({ count: 5, more: false });
    expect(page.overdue.map((c) => c.id)).toEqual(overdue.slice(0, FIRST_VIEW.shown));
    expect(page.overdue.map((c) => c.days)).toEqual([7, 6, 5]);
    expect(page.overdue[0]).toMatchObject({ overdueLak: "3100000" });
  });

  it("shows them all on ?overdue=all", async () => {
    const page = await dashboard("?overdue=all");
    expect(page.all).toBe(true);
    expect(page.overdue.map((c) => c.id)).toEqual(overdue);
    expect(page.overdue.map((c) => c.days)).toEqual([7, 6, 5, 4, 3]);
  });

  it("shows another company's trader none of them", async () => {
    const other = await createCompany();
    expect(await dashboard("", other.trader.id)).toMatchObject({ overdue: [], overdueCount: { count: 0, more: false } });
  });
});
