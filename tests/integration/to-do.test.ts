import { beforeAll, describe, expect, it } from "vitest";
import { counterOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as foLoader } from "~/routes/fo/index";
import { loader as traderLoader } from "~/routes/trader/index";
import { db } from "~/utils/db.server";
import type { ToDoGroup } from "~/domain/to-do/to-do";
import { call, dataOf, request } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

type Page = { toDo: ToDoGroup[] };

let fo: Awaited<ReturnType<typeof createFo>>;
let other: Awaited<ReturnType<typeof createFo>>;
let listingId: string;
let countered: { offerId: string; traderId: string };

beforeAll(async () => {
  fo = await createFo();
  other = await createFo();
  const listing = await publishedListing(fo);
  listingId = listing.id;
  const a = await createCompany();
  const b = await createCompany();
  for (const t of [a, b]) {
    const made = await makeOffer(db, t.trader, { listingId, companyId: t.company.id }, await offerTerms());
    if (!made.ok) throw new Error(JSON.stringify(made));
  }
  // Another leader's listing with an offer that the FO counters: not this leader's, and the trader's to answer.
  const theirs = await publishedListing(other);
  const c = await createCompany();
  const made = await makeOffer(db, c.trader, { listingId: theirs.id, companyId: c.company.id }, await offerTerms());
  if (!made.ok) throw new Error(JSON.stringify(made));
  const answer = await counterOffer(db, other.leader, made.offerId, 1, await offerTerms({ priceLakPerKg: "3300" }));
  if (!answer.ok) throw new Error(JSON.stringify(answer));
  countered = { offerId: made.offerId, traderId: c.trader.id };
});

const page = async (loader: typeof foLoader | typeof traderLoader, path: string, userId: string) =>
  dataOf<Page>(await call(loader, await request(path, { userId })));

describe("the dashboards' to-do lists", () => {
  it("shows the leader the two new offers on their listing, linked to its comparison", async () => {
    const { toDo } = await page(foLoader, "/fo", fo.leader.id);
    expect(toDo.map((g) => g.kind)).toEqual(["offers"]);
    expect(toDo[0]!.entries).toEqual([expect.objectContaining({ kind: "offers", count: 2, more: false, href: `/listings/${listingId}/offers`, kg: 3000 })]);
  });

  it("does not show a leader another FO's offers, and shows the trader the FO's counter-offer", async () => {
    const theirs = await page(foLoader, "/fo", other.leader.id);
    expect(theirs.toDo.flatMap((g) => g.entries).some((e) => e.href === `/listings/${listingId}/offers`)).toBe(false);
    // Their own offer is countered: it waits for the trader, not for them.
    expect(theirs.toDo.some((g) => g.kind === "offers")).toBe(false);
    const trader = await page(traderLoader, "/trader", countered.traderId);
    expect(trader.toDo.find((g) => g.kind === "counters")?.entries).toEqual([expect.objectContaining({ href: `/offers/${countered.offerId}`, count: 1 })]);
  });

  it("says nothing waits for a leader with nothing to do", async () => {
    const idle = await createFo();
    expect((await page(foLoader, "/fo", idle.leader.id)).toDo).toEqual([]);
  });
});
