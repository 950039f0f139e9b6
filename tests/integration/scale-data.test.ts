// The scale data set of `npm run db:scale`: grown from a seeded demo database,
// it passes the schema's constraints and the portal's invariants, has the sizes
// asked for, is the same data set for the same seed and moment, and leaves the
// demo database untouched. The pages then read it without failing.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "../../app/generated/prisma/client";
import { SqliteAdapterFactory } from "../../app/utils/db-adapter";
import { rebuildOverdueFrom } from "~/domain/payments/overdue.server";
import { recountPriceTally, storedPriceTally } from "~/domain/prices/price-tally.server";
import { growDatabase, type ScaleResult } from "../../scripts/scale/index";
import { parseOptions, UsageError } from "../../scripts/scale/options";
import { sizesAt } from "../../scripts/scale/sizes";
import { ensureSource } from "../../scripts/scale/source";

const SCALE = 0.02;
// The demo seed is dated from the time it runs; the data set grows on from just after it.
let NOW: Date;
let dir: string;
let demo: string;
let first: ScaleResult;

const grow = (out: string, seed = "7") => growDatabase({ scale: SCALE, seed, from: demo, out: path.join(dir, out), now: NOW, log: () => {} });

function digest(file: string, sql: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return JSON.stringify(db.prepare(sql).all());
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "scale-test-"));
  demo = path.join(dir, "demo.db");
  ensureSource(demo); // the project's own migrate and seed
  NOW = new Date();
  first = await grow("a.db");
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("npm run db:scale", () => {
  it("passes every check of the schema and of the portal's rules", () => {
    expect(first.problems).toEqual([]);
  });

  it("adds the rows of the programme's size times the scale", () => {
    const sizes = sizesAt(SCALE);
    const demoCounts = JSON.parse(
      digest(
        demo,
        "SELECT (SELECT count(*) FROM Listing) AS l, (SELECT count(*) FROM Pledge) AS p, (SELECT count(*) FROM Member) AS m, (SELECT count(*) FROM Notification) AS n, (SELECT count(*) FROM Session) AS s",
      ),
    )[0];
    expect(first.counts.Listing! - demoCounts.l).toBe(sizes.listings);
    expect(first.counts.Member! - demoCounts.m).toBe(sizes.members);
    expect(first.counts.Notification! - demoCounts.n).toBe(sizes.notifications);
    expect(first.counts.Session! - demoCounts.s).toBe(sizes.sessions);
    // Pledges follow the households each listing draws on: close to the plan, never empty.
    expect(first.counts.Pledge! - demoCounts.p).toBeGreaterThan(sizes.pledges * 0.8);
    expect(first.counts.Contract!).toBeGreaterThan(sizes.contracts * 0.8);
  });

  it("is the same data set for the same seed and moment, another for another seed", async () => {
    const again = await grow("b.db");
    const other = await grow("c.db", "8");
    const sql = "SELECT id, totalKg, status, offerDeadline FROM Listing ORDER BY id";
    expect(digest(again.out, sql)).toBe(digest(first.out, sql));
    expect(digest(again.out, "SELECT number, sha256, status FROM Contract ORDER BY number")).toBe(
      digest(first.out, "SELECT number, sha256, status FROM Contract ORDER BY number"),
    );
    expect(digest(other.out, sql)).not.toBe(digest(first.out, sql));
  }, 120_000);

  it("never changes the demo database it grows from", async () => {
    const before = statSync(demo).mtimeMs;
    const listings = digest(demo, "SELECT count(*) AS n FROM Listing");
    await grow("d.db");
    expect(statSync(demo).mtimeMs).toBe(before);
    expect(digest(demo, "SELECT count(*) AS n FROM Listing")).toBe(listings);
    await expect(growDatabase({ scale: SCALE, seed: "1", from: demo, out: demo, now: NOW, log: () => {} })).rejects.toThrow(/--out must differ/);
  }, 60_000);

  it("keeps the summaries the pages read equal to a recount of the records", async () => {
    const db = new PrismaClient({ adapter: new SqliteAdapterFactory(`file:${first.out}`) });
    try {
      const stored = await storedPriceTally(db);
      expect(stored.length).toBeGreaterThan(100);
      expect(stored).toEqual(await recountPriceTally(db));
      expect(await db.contract.count({ where: { dueFrom: { not: null } } })).toBeGreaterThan(10);
      expect(await rebuildOverdueFrom(db, NOW)).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("without --now, dates the data set from after the demo seed it had to create", async () => {
    // Taken before seeding, the default moment would precede what the seed itself writes.
    const fresh = path.join(dir, "fresh-demo.db");
    const options = parseOptions(["--scale", String(SCALE), "--from", fresh, "--out", path.join(dir, "fresh.db")]);
    if (options === "help") throw new Error("unexpected help");
    expect(options.nowIsDefault).toBe(true);
    const result = await growDatabase({ ...options, seed: "5", log: () => {} });
    expect(result.problems).toEqual([]);
  }, 240_000);

  it("refuses bad options before touching a file", () => {
    expect(() => parseOptions([])).toThrow(UsageError);
    expect(() => parseOptions(["--scale", "0"])).toThrow(/positive/);
    expect(() => parseOptions(["--scale", "ten"])).toThrow(/positive/);
    expect(() => parseOptions(["--scale", "1", "--now", "yesterday"])).toThrow(/ISO/);
    expect(() => parseOptions(["--scale", "1", "--colour", "red"])).toThrow(UsageError);
    expect(parseOptions(["--scale", "10"])).toMatchObject({ scale: 10, seed: "1", out: "data/scale-10.db" });
  });
});
