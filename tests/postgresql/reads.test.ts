// The prepared reads give the same values on both engines: the same records
// written through the portal's client on SQLite and on PostgreSQL, then read
// back with the pages' own SQL (~/utils/reads.server, ./reads-pg.server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "~/utils/db.server";
import { createReads, sqlDate, type Reads } from "~/utils/reads.server";
import { freshPostgres, freshSqlite } from "./engines";

const engines: { name: string; db: Db; reads: Reads }[] = [];
const cleanUps: (() => unknown)[] = [];
const at = new Date("2026-11-01T03:00:00.000Z");

beforeAll(async () => {
  const [lite, post] = await Promise.all([freshSqlite(), freshPostgres()]);
  cleanUps.push(
    () => post.drop(),
    () => lite.remove(),
  );
  for (const [name, url] of [
    ["sqlite", `file:${lite.file}`],
    ["postgresql", post.url],
  ] as const) {
    const db = await openDb(url);
    const reads = createReads(url);
    cleanUps.push(
      () => db.$disconnect(),
      () => reads.close(),
    );
    engines.push({ name, db, reads });
    await db.crop.create({ data: { id: "c1", code: "MAIZE", nameLo: "ສາລີ", nameEn: "Maize", standardMoisturePermille: 140 } });
    await db.crop.create({ data: { id: "c2", code: "CASSAVA", nameLo: "ມັນຕົ້ນ", nameEn: "Cassava", standardMoisturePermille: 130, active: false } });
    for (let i = 0; i < 3; i++)
      await db.signInFailure.create({ data: { identifier: "user:u1", address: "10.0.0.1", createdAt: new Date(at.getTime() + i * 60_000) } });
    await db.reportMonthly.create({ data: { month: "2026-11", districtId: "d1", cropId: "c1", contracts: 2, contractedLak: 3_000_000_000n } });
    await db.reportMonthly.create({ data: { month: "2026-11", districtId: "d2", cropId: "c1", contracts: 1, contractedLak: 9_000_000_000_000_000n } });
  }
});

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

async function both<T>(read: (reads: Reads) => Promise<T>): Promise<T> {
  const [sqlite, postgres] = await Promise.all(engines.map((e) => read(e.reads)));
  expect(postgres).toEqual(sqlite);
  return sqlite as T;
}

describe("the prepared reads on both engines", () => {
  it("count and take the latest instant as the sign-in throttle does", async () => {
    const sql = "SELECT COUNT(*) AS n, MAX(createdAt) AS lastAt FROM SignInFailure WHERE identifier = ? AND address = ? AND createdAt > ?";
    const row = await both((r) => r.get<{ n: number; lastAt: string }>(sql, "user:u1", "10.0.0.1", sqlDate(new Date(at.getTime() - 1))));
    expect(row).toEqual({ n: 3, lastAt: "2026-11-01T03:02:00.000+00:00" });
    expect(await both((r) => r.get(sql, "user:u1", "10.0.0.1", sqlDate(new Date(at.getTime() + 60_000))))).toEqual({
      n: 1,
      lastAt: "2026-11-01T03:02:00.000+00:00",
    });
  });

  it("read booleans as 1 and 0, text in Lao, and filter on them", async () => {
    const rows = await both((r) => r.all("SELECT id, nameLo, active FROM Crop WHERE active = ? OR code IN (?, ?) ORDER BY code", 1, "CASSAVA", "NONE"));
    expect(rows).toEqual([
      { id: "c2", nameLo: "ມັນຕົ້ນ", active: 0 },
      { id: "c1", nameLo: "ສາລີ", active: 1 },
    ]);
  });

  it("sum LAK past 2^53 exactly with allExact, and as numbers otherwise", async () => {
    const sql = "SELECT cropId, sum(contractedLak) AS lak, sum(contracts) AS contracts FROM ReportMonthly WHERE month = ? GROUP BY cropId";
    expect(await both((r) => r.allExact(sql, "2026-11"))).toEqual([{ cropId: "c1", lak: 9_000_003_000_000_000n, contracts: 3n }]);
    expect(await both((r) => r.all(sql, "2026-11"))).toEqual([{ cropId: "c1", lak: 9_000_003_000_000_000, contracts: 3 }]);
  });

  it("give nothing for no row, on both", async () => {
    expect(await both((r) => r.get("SELECT id FROM Crop WHERE code = ?", "NONE"))).toBeUndefined();
  });
});
