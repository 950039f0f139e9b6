// The portal's client picks its engine from the URL (~/utils/db.server):
// `postgresql://` gives the client generated for PostgreSQL through the pg
// adapter, `file:` SQLite as before; the contract guards apply on both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FrozenContractError } from "~/domain/contracts/frozen";
import { createDb, openDb, type Db } from "~/utils/db.server";
import { freshPostgres, freshSqlite } from "./engines";

let pgUrl: string;
let sqliteUrl: string;
const cleanUps: (() => unknown)[] = [];

beforeAll(async () => {
  const [lite, post] = await Promise.all([freshSqlite(), freshPostgres()]);
  pgUrl = post.url;
  sqliteUrl = `file:${lite.file}`;
  cleanUps.push(
    () => post.drop(),
    () => lite.remove(),
  );
});

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
});

async function opened(url: string): Promise<Db> {
  const db = await openDb(url);
  cleanUps.push(() => db.$disconnect());
  return db;
}

describe("the database client", () => {
  it("refuses a PostgreSQL URL synchronously until the PostgreSQL client is loaded", () => {
    expect(() => createDb(pgUrl)).toThrow(/openDb/);
  });

  it("talks to PostgreSQL for a postgresql:// URL, and to SQLite for a file: URL", async () => {
    const pg = await opened(pgUrl);
    const [server] = await pg.$queryRawUnsafe<{ v: string }[]>("SELECT version() AS v");
    expect(server!.v).toMatch(/^PostgreSQL/);
    const lite = await opened(sqliteUrl);
    const [file] = await lite.$queryRawUnsafe<{ v: string }[]>("SELECT sqlite_version() AS v");
    expect(file!.v).toMatch(/^3\./);
    // Once loaded, the synchronous form works too.
    const again = createDb(pgUrl);
    cleanUps.push(() => again.$disconnect());
    expect(await again.province.count()).toBe(0);
  });

  it("writes and reads records on PostgreSQL, with LAK sums past 2^31 as BigInt", async () => {
    const db = await opened(pgUrl);
    await db.province.create({ data: { id: "p1", code: "P1", nameLo: "ແຂວງ", nameEn: "Province" } });
    await db.reportMonthly.create({ data: { month: "2026-11", districtId: "d1", cropId: "c1", contractedLak: 3_000_000_000n } });
    await db.reportMonthly.update({
      where: { month_districtId_cropId: { month: "2026-11", districtId: "d1", cropId: "c1" } },
      data: { contractedLak: { increment: 2_000_000_000n } },
    });
    const row = await db.reportMonthly.findFirstOrThrow({ where: { month: "2026-11" } });
    expect(row.contractedLak).toBe(5_000_000_000n);
    expect((await db.province.findUniqueOrThrow({ where: { id: "p1" } })).nameLo).toBe("ແຂວງ");
  });

  it("keeps the contract guards on PostgreSQL: frozen fields and documents refused before any SQL", async () => {
    const db = await opened(pgUrl);
    await expect(db.contract.update({ where: { id: "none" }, data: { number: "changed" } })).rejects.toBeInstanceOf(FrozenContractError);
    await expect(db.contractDocument.deleteMany({})).rejects.toBeInstanceOf(FrozenContractError);
  });
});
