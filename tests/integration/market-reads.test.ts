// The market's reads stay bounded by the page: each search reads its page and
// its capped count from one index, in the page's order, without sorting or
// visiting rows it does not show (see the Listing "market" indexes). Checked on
// SQLite's query plans, which do not depend on how many rows the test holds,
// and on a market whose deadlines tie, where the page's order rests on the id.
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { listingSearchStatements, parseListingSearch, searchListings } from "~/domain/listings/search.server";
import { db } from "~/utils/db.server";
import { createFo, publishedListing } from "../fixtures/market";

const file = process.env.DATABASE_URL!.replace(/^file:/, "");
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
afterAll(() => sqlite.close());

type PlanRow = { id: number; parent: number; detail: string };

function plan(statement: { sql: string; params: (string | number | bigint | null)[] }) {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${statement.sql}`).all(...statement.params) as PlanRow[];
}

/** The plan's lines inside the named subquery (FROM (…) AS name). */
function inside(rows: PlanRow[], name: string): string[] {
  const top = rows.find((r) => new RegExp(`^(CO-ROUTINE|MATERIALIZE) ${name}$`).test(r.detail));
  expect(top, `subquery ${name} in ${JSON.stringify(rows)}`).toBeDefined();
  const ids = new Set([top!.id]);
  const lines: string[] = [];
  for (const r of rows) {
    if (ids.has(r.parent)) {
      ids.add(r.id);
      lines.push(r.detail);
    }
  }
  return lines;
}

const CROP = "crop-id";
const DISTRICT = "district-id";
const PROVINCE = "province-id";
const filters = {
  none: "",
  crop: `crop=${CROP}`,
  district: `district=${DISTRICT}`,
  province: `province=${PROVINCE}`,
  "crop and district": `crop=${CROP}&district=${DISTRICT}`,
  "crop and province": `crop=${CROP}&province=${PROVINCE}`,
  "crop, district and minimum": `crop=${CROP}&district=${DISTRICT}&minKg=5200`,
  minimum: "minKg=20000",
  month: "month=2026-12",
  "crop and month": `crop=${CROP}&month=2026-12`,
};

function statements(query: string) {
  return listingSearchStatements(parseListingSearch(new URL(`http://x/listings?${query}`)), new Date());
}

describe("the market's query plans", () => {
  it.each(Object.entries(filters))("reads a deadline page (%s) in index order, from the index alone, without a sort", (_label, query) => {
    for (const page of ["", "&page=50"]) {
      const { rows, count } = statements(`sort=deadline${query ? `&${query}` : ""}${page}`);
      const shown = inside(plan(rows), "shown");
      expect(shown).toHaveLength(1);
      expect(shown[0]).toMatch(/^SEARCH l USING COVERING INDEX Listing_market_\w+_idx \(.*offerDeadline>\?\)$/);
      const counted = inside(plan(count), "matching");
      expect(counted).toHaveLength(1);
      // Any of the market indexes will do for the count: each holds every column a search filters on.
      expect(counted[0]).toMatch(/^SEARCH l USING COVERING INDEX Listing_market_\w+_idx \(/);
    }
  });

  it.each([
    ["quantity", "Listing_market_quantity_idx"],
    ["newest", "Listing_market_newest_idx"],
  ])("reads the whole market by %s in the order of its own index", (sort, index) => {
    const shown = inside(plan(statements(`sort=${sort}&page=50`).rows), "shown");
    expect(shown).toEqual([`SCAN l USING COVERING INDEX ${index}`]);
  });

  it.each(["quantity", "newest"])("reads a filtered market by %s from the filter's index alone", (sort) => {
    for (const query of Object.values(filters).filter(Boolean)) {
      const shown = inside(plan(statements(`sort=${sort}&${query}`).rows), "shown");
      expect(
        shown.some((line) => / USING COVERING INDEX Listing_market_\w+_idx/.test(line)),
        `${query}: ${shown.join("; ")}`,
      ).toBe(true);
      expect(
        shown.every((line) => !/^SCAN l$/.test(line)),
        `${query}: ${shown.join("; ")}`,
      ).toBe(true);
    }
  });
});

describe("pages of a market whose deadlines tie", () => {
  it("orders by deadline then id, page after page, and counts the same matches as before", async () => {
    const fo = await createFo({ district: "Houn", members: 1 });
    const listing = await publishedListing(fo, { deadlineDays: 12 });
    const { id: _id, crop: _crop, createdAt: _c, updatedAt: _u, ...row } = listing;
    // 45 listings at one deadline and 5 at a later one, with quantities out of order.
    await db.listing.createMany({
      data: Array.from({ length: 49 }, (_, i) => ({
        ...row,
        totalKg: 1000 + ((i * 37) % 50),
        offerDeadline: i < 44 ? row.offerDeadline : new Date(row.offerDeadline.getTime() + 86_400_000),
      })),
    });
    const all = await db.listing.findMany({
      where: { districtId: fo.village.districtId, status: { in: ["open", "under_negotiation"] }, offerDeadline: { gt: new Date() } },
      orderBy: [{ offerDeadline: "asc" }, { id: "asc" }],
      select: { id: true, totalKg: true },
    });
    expect(all).toHaveLength(50);
    const pages = await Promise.all(
      [1, 2, 3].map((page) => searchListings(parseListingSearch(new URL(`http://x/listings?district=${fo.village.districtId}&page=${page}`)))),
    );
    expect(pages.flatMap((p) => p.rows.map((r) => r.id))).toEqual(all.map((l) => l.id));
    expect(pages.map((p) => [p.total, p.pages, p.rows.length])).toEqual([
      [50, 3, 20],
      [50, 3, 20],
      [50, 3, 10],
    ]);

    const byQuantity = [...all].sort((a, b) => b.totalKg - a.totalKg || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const quantity = await searchListings(parseListingSearch(new URL(`http://x/listings?district=${fo.village.districtId}&sort=quantity&page=2`)));
    expect(quantity.rows.map((r) => r.id)).toEqual(byQuantity.slice(20, 40).map((l) => l.id));
  });
});
