// The contracts page: each user sees the contracts of their FOs, companies or
// districts, newest first, twenty to a page.
import { describe, expect, it } from "vitest";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as contractsLoader } from "~/routes/contracts/index";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

type Page = { page: number; hasMore: boolean; contracts: { id: string; number: string; trader: string }[] };

let batch = 0;

async function manyContracts(n: number) {
  batch++;
  const fo = await createFo({ district: "Nga" });
  const trader = await createCompany();
  const listing = await publishedListing(fo);
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms());
  if (!made.ok) throw new Error("offer");
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error("accept");
  const model = await db.contract.findUniqueOrThrow({ where: { id: accepted.contractId } });
  const { id: _id, number: _n, sequence: _s, createdAt, previousContractId: _p, ...rest } = model;
  await db.contract.createMany({
    data: Array.from({ length: n - 1 }, (_, i) => ({
      ...rest,
      id: `list-${model.id}-${i}`,
      number: `LIST-${model.id}-${i}`,
      year: 1900 + batch,
      sequence: i,
      createdAt: new Date(createdAt.getTime() - (i + 1) * 60_000),
    })),
  });
  return { fo, trader, newest: model.id };
}

const page = async (userId: string, query = "") => dataOf<Page>(await call(contractsLoader, await request(`/contracts${query}`, { userId })));

describe("the contracts page", () => {
  it("pages a company's contracts newest first, and shows them to no other company", async () => {
    const { trader, fo, newest } = await manyContracts(25);
    const first = await page(trader.trader.id);
    expect(first).toMatchObject({ page: 1, hasMore: true });
    expect(first.contracts).toHaveLength(20);
    expect(first.contracts[0]!.id).toBe(newest);
    const second = await page(trader.trader.id, "?page=2");
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect(second.contracts).toHaveLength(5);
    expect(new Set([...first.contracts, ...second.contracts].map((c) => c.id)).size).toBe(25);
    expect((await page(fo.leader.id)).contracts).toHaveLength(20);
    expect((await page((await createCompany()).trader.id)).contracts).toEqual([]);
    expect((await page(trader.trader.id, "?page=lots")).page).toBe(1);
  });

  it("shows a facilitator the contracts of their districts only, and refuses other roles", async () => {
    await manyContracts(3);
    const nga = await db.district.findFirstOrThrow({ where: { nameEn: "Nga" } });
    const here = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: here.id, districtId: nga.id } });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({
      data: { userId: elsewhere.id, districtId: (await db.district.findFirstOrThrow({ where: { nameEn: "Hongsa" } })).id },
    });
    expect((await page(here.id)).contracts.length).toBeGreaterThanOrEqual(3);
    expect((await page(elsewhere.id)).contracts).toEqual([]);
    expect(statusOf(await call(contractsLoader, await request("/contracts", { userId: (await createUser({ roles: ["admin"] })).id })))).toBe(403);
  });
});
