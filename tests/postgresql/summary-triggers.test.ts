// The summary tables kept by triggers agree on SQLite and PostgreSQL: the same
// writes (plain SQL that both engines understand, every key given) go to a
// fresh database of each engine, and after every write each summary table is
// compared row by row. The writes reach every trigger: records created, moved
// in and out of force, re-dated, changed and deleted, across the Vientiane
// day boundary, with a household and an FO reached in two districts.
import { PrismaPg } from "@prisma/adapter-pg";
import type Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient as PgPrismaClient } from "../../app/generated/prisma-pg/client";
import { freshPostgres, freshSqlite, openSqlite } from "./engines";

const SUMMARY_TABLES = ["PriceTally", "ReportMonthly", "ReportReach", "ReportReachShared", "AgreedPrice", "DataVersion"] as const;
const TIMESTAMP_OID = 1114;

let sqlite: Database.Database;
let client: pg.Client;
let cleanUp: () => Promise<void>;
let pgUrl: string;
/** Per table, the columns a row must give (NOT NULL, no default), with their type. */
let required: Map<string, { name: string; type: string }[]>;

beforeAll(async () => {
  const [lite, post] = await Promise.all([freshSqlite(), freshPostgres()]);
  sqlite = openSqlite(lite.file);
  pgUrl = post.url;
  // Timestamps as the server prints them, so both engines' values can be compared.
  client = new pg.Client({
    connectionString: post.url,
    types: {
      getTypeParser: ((oid: number, format?: "text" | "binary") =>
        oid === TIMESTAMP_OID ? (v: string) => v : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  await client.connect();
  const columns = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns
     WHERE table_schema = 'public' AND is_nullable = 'NO' AND column_default IS NULL ORDER BY table_name, ordinal_position`,
  );
  required = new Map();
  for (const c of columns.rows) required.set(c.table_name, [...(required.get(c.table_name) ?? []), { name: c.column_name, type: c.data_type }]);
  cleanUp = async () => {
    sqlite.close();
    lite.remove();
    await client.end();
    await post.drop();
  };
});

afterAll(async () => cleanUp?.());

type Value = string | number | boolean | null;
const literal = (v: Value) =>
  v === null ? "NULL" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`;

let filler = 0;
/** An INSERT of `row`, the other required columns filled in (foreign keys must be given). */
function insert(table: string, row: Record<string, Value>): string {
  const full: Record<string, Value> = { ...row };
  for (const column of required.get(table) ?? []) {
    if (column.name in full) continue;
    if (/Id$/.test(column.name) && column.name !== "id") throw new Error(`${table}.${column.name}: give the key`);
    filler++;
    full[column.name] = column.type.startsWith("timestamp")
      ? "2026-10-01T00:00:00.000Z"
      : column.type === "boolean"
        ? false
        : column.type === "integer" || column.type === "bigint"
          ? filler
          : `${String(row.id ?? table)}:${column.name}`;
  }
  const names = Object.keys(full);
  return `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((n) => literal(full[n]!)).join(", ")})`;
}

/** A value as both engines give it back: numbers and big integers as text, timestamps in one form. */
function normalise(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/.test(text)) {
    const iso = text.replace(" ", "T");
    return new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`).toISOString();
  }
  return text;
}

async function rowsOf(table: string): Promise<{ sqlite: string[]; pg: string[] }> {
  const liteRows = sqlite.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[];
  const pgRows = (await client.query(`SELECT * FROM "${table}"`)).rows as Record<string, unknown>[];
  const columns = (sqlite.prepare(`SELECT * FROM "${table}" LIMIT 0`).columns() as { name: string }[]).map((c) => c.name).sort();
  const text = (rows: Record<string, unknown>[]) => rows.map((r) => JSON.stringify(columns.map((c) => [c, normalise(r[c])]))).sort();
  return { sqlite: text(liteRows), pg: text(pgRows) };
}

let writes = 0;
/** One write on both engines, then every summary table compared. */
async function write(sql: string) {
  sqlite.exec(sql);
  await client.query(sql);
  writes++;
  for (const table of SUMMARY_TABLES) {
    const rows = await rowsOf(table);
    expect(rows.pg, `${table} after: ${sql}`).toEqual(rows.sqlite);
  }
}

const T = (day: string, time = "03:00:00") => `${day}T${time}.000Z`;

describe("the summary triggers on both engines", () => {
  it("has every SQLite trigger, by name, on PostgreSQL", async () => {
    const lite = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    const post = (await client.query<{ tgname: string }>("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname")).rows.map((r) => r.tgname);
    expect(lite.length).toBeGreaterThanOrEqual(49);
    expect([...post].sort()).toEqual([...lite].sort());
  });

  it("keep the same rows after every write", async () => {
    // Places, people, crops.
    await write(insert("Province", { id: "p1" }));
    await write(insert("Province", { id: "p2" }));
    await write(insert("District", { id: "d1", provinceId: "p1" }));
    await write(insert("District", { id: "d2", provinceId: "p1" }));
    await write(insert("District", { id: "d3", provinceId: "p2" }));
    await write(insert("Village", { id: "v1", districtId: "d1" }));
    await write(insert("Village", { id: "v3", districtId: "d3" }));
    await write(insert("User", { id: "u1" }));
    await write(insert("Organisation", { id: "o1", villageId: "v1" }));
    await write(insert("Organisation", { id: "o2", villageId: "v3" }));
    for (const [id, org, village, sex, year] of [
      ["m1", "o1", "v1", "female", 1990],
      ["m2", "o1", "v1", "male", 2002],
      ["m3", "o1", "v1", "female", 1975],
      ["m4", "o1", "v1", "male", 1980],
      ["m5", "o2", "v3", "female", 2004],
    ] as const)
      await write(insert("Member", { id, organisationId: org, villageId: village, memberSex: sex, householdHeadSex: sex, birthYear: year }));
    await write(insert("TraderCompany", { id: "t1", baseProvinceId: "p1" }));
    await write(insert("TraderCompany", { id: "t2", baseProvinceId: "p1" }));
    await write(insert("Crop", { id: "c1" }));
    await write(insert("Crop", { id: "c2" }));
    await write(insert("CropGrade", { id: "g1", cropId: "c1" }));
    await write(insert("CropGrade", { id: "g2", cropId: "c2" }));
    await write(insert("ContractTemplate", { id: "tpl" }));

    // Listings and pledges (m1 pledges in two districts; m3 pledges nothing yet).
    const listing = (id: string, org: string, crop: string, grade: string, district: string, province: string) =>
      insert("Listing", {
        id,
        organisationId: org,
        cropId: crop,
        gradeId: grade,
        districtId: district,
        provinceId: province,
        createdById: "u1",
        status: "published",
      });
    await write(listing("l1", "o1", "c1", "g1", "d1", "p1"));
    await write(listing("l2", "o1", "c1", "g1", "d2", "p1"));
    await write(listing("l3", "o2", "c2", "g2", "d3", "p2"));
    for (const [id, l, m, kg] of [
      ["pl1", "l1", "m1", 100],
      ["pl2", "l1", "m2", 50],
      ["pl3", "l1", "m3", 0],
      ["pl4", "l2", "m1", 30],
      ["pl5", "l2", "m4", 20],
      ["pl6", "l3", "m5", 40],
    ] as const)
      await write(insert("Pledge", { id, listingId: l, memberId: m, kg }));

    // Offers and their revisions; accepted by update, and one written accepted.
    const offer = (id: string, l: string, company: string, extra: Record<string, Value> = {}) =>
      insert("Offer", { id, listingId: l, companyId: company, createdById: "u1", ...extra });
    const revision = (id: string, o: string, grade: string, price: number) =>
      insert("OfferRevision", { id, offerId: o, byUserId: "u1", gradeId: grade, priceLakPerKg: price });
    await write(offer("of1", "l1", "t1"));
    await write(offer("of2", "l2", "t1"));
    await write(offer("of3", "l3", "t1"));
    await write(offer("of5", "l1", "t2"));
    await write(revision("r1", "of1", "g1", 3000));
    await write(revision("r2", "of2", "g1", 3100));
    await write(revision("r3", "of3", "g2", 5000));
    await write(revision("r3b", "of3", "g2", 5200));
    await write(revision("r5", "of5", "g1", 2900));
    await write(`UPDATE "Offer" SET "status" = 'accepted', "acceptedRevisionId" = 'r1', "acceptedAt" = '${T("2026-10-05")}' WHERE "id" = 'of1'`);
    await write(`UPDATE "Offer" SET "status" = 'accepted', "acceptedRevisionId" = 'r2', "acceptedAt" = '${T("2026-10-06")}' WHERE "id" = 'of2'`);
    await write(`UPDATE "Offer" SET "status" = 'accepted', "acceptedRevisionId" = 'r5', "acceptedAt" = '${T("2026-10-06", "20:00:00")}' WHERE "id" = 'of5'`);
    await write(offer("of4", "l3", "t2", { status: "accepted", acceptedRevisionId: "r3b", acceptedAt: T("2026-10-07") }));
    await write(`UPDATE "OfferRevision" SET "priceLakPerKg" = 3050 WHERE "id" = 'r1'`);

    // Contracts: written in force, written as drafts and signed, two on one
    // listing the same Vientiane day (one of them after 17:00 UTC).
    const contract = (
      id: string,
      o: string,
      l: string,
      org: string,
      district: string,
      crop: string,
      status: string,
      activatedAt: string | null,
      kg: number,
      price: number,
    ) =>
      insert("Contract", {
        id,
        offerId: o,
        acceptedRevisionId: `${o}-revision`,
        listingId: l,
        organisationId: org,
        companyId: "t1",
        districtId: district,
        templateId: "tpl",
        cropId: crop,
        status,
        activatedAt,
        quantityKg: kg,
        priceLakPerKg: price,
        valueLak: kg * price,
      });
    await write(contract("k1", "of1", "l1", "o1", "d1", "c1", "active", T("2026-10-08"), 150, 3050));
    await write(contract("k2", "of2", "l2", "o1", "d2", "c1", "awaiting_signatures", null, 50, 3100));
    await write(contract("k3", "of4", "l3", "o2", "d3", "c2", "active", T("2026-10-31", "18:30:00"), 40, 5200));
    await write(contract("k4", "of5", "l1", "o1", "d1", "c1", "active", T("2026-10-07", "19:00:00"), 1_000_000, 2900));
    await write(`UPDATE "Contract" SET "status" = 'active', "activatedAt" = '${T("2026-10-09")}' WHERE "id" = 'k2'`);
    // A household and an FO reached in two districts (d1 and d2): shared rows.
    expect((await rowsOf("ReportReachShared")).pg.length).toBe(4);
    // Later days in d2 for m1 and o1 (three days each) and m4 (two), on l2 and on a listing of its own.
    await write(contract("k5", "of2", "l2", "o1", "d2", "c1", "active", T("2026-10-15"), 20, 3100));
    await write(listing("l4", "o1", "c1", "g1", "d2", "p1"));
    await write(insert("Pledge", { id: "pl8", listingId: "l4", memberId: "m1", kg: 60 }));
    await write(offer("of6", "l4", "t1"));
    await write(revision("r6", "of6", "g1", 3200));
    await write(contract("k6", "of6", "l4", "o1", "d2", "c1", "active", T("2026-10-20"), 60, 3200));
    expect((await client.query(`SELECT count(*)::int AS n FROM "ReportReach" WHERE "prevDay" IS NOT NULL`)).rows[0].n).toBe(5);

    // Pledges changed while contracts are in force (k1 and k4 on l1, the same day).
    await write(insert("Pledge", { id: "pl7", listingId: "l1", memberId: "m4", kg: 10 }));
    await write(`UPDATE "Pledge" SET "kg" = 0 WHERE "id" = 'pl2'`);
    await write(`UPDATE "Pledge" SET "kg" = 25 WHERE "id" = 'pl3'`);
    await write(`UPDATE "Pledge" SET "kg" = 35 WHERE "id" = 'pl4'`);
    await write(`UPDATE "Pledge" SET "kg" = 0 WHERE "id" = 'pl4'`);
    await write(`UPDATE "Pledge" SET "kg" = 30 WHERE "id" = 'pl4'`);
    await write(`DELETE FROM "Pledge" WHERE "id" = 'pl5'`);
    // m1 leaves two days of d2 at once (k2 and k5 on l2): the day after them has nobody before it.
    await write(`DELETE FROM "Pledge" WHERE "id" = 'pl4'`);
    expect((await client.query(`SELECT "prevDay" FROM "ReportReach" WHERE "reachedId" = 'm1' AND "districtId" = 'd2'`)).rows).toEqual([{ prevDay: null }]);
    await write(`UPDATE "Member" SET "memberSex" = 'male', "birthYear" = 1999 WHERE "id" = 'm1'`);
    await write(`UPDATE "Member" SET "name" = 'renamed' WHERE "id" = 'm2'`);
    await write(insert("Member", { id: "m6", organisationId: "o1", villageId: "v1", memberSex: "female", householdHeadSex: "male", birthYear: 2000 }));

    // Deliveries: confirmed, recorded then confirmed, corrected, re-dated, deleted.
    const delivery = (id: string, k: string, status: string, on: string, kg: number, lak: number) =>
      insert("Delivery", { id, contractId: k, recordedById: "u1", status, deliveredOn: on, netKg: kg, amountDueLak: lak });
    await write(delivery("dl1", "k1", "confirmed", T("2026-10-20"), 100, 305_000));
    await write(delivery("dl2", "k1", "recorded", T("2026-10-31", "17:30:00"), 40, 122_000));
    await write(delivery("dl3", "k4", "confirmed", T("2026-11-02"), 900_000, 2_610_000_000));
    await write(`UPDATE "Delivery" SET "status" = 'confirmed' WHERE "id" = 'dl2'`);
    await write(`UPDATE "Delivery" SET "netKg" = 95, "amountDueLak" = 289750 WHERE "id" = 'dl1'`);
    await write(`UPDATE "Delivery" SET "deliveredOn" = '${T("2026-11-01")}' WHERE "id" = 'dl2'`);
    await write(`UPDATE "Delivery" SET "status" = 'disputed' WHERE "id" = 'dl1'`);
    await write(`DELETE FROM "Delivery" WHERE "id" = 'dl2'`);

    // Contracts leaving force, re-dated, completed, deleted.
    await write(`UPDATE "Contract" SET "status" = 'disputed' WHERE "id" = 'k1'`);
    await write(`UPDATE "Contract" SET "status" = 'completed' WHERE "id" = 'k1'`);
    await write(`UPDATE "Contract" SET "activatedAt" = '${T("2026-10-12")}' WHERE "id" = 'k4'`);
    await write(`UPDATE "Contract" SET "status" = 'cancelled' WHERE "id" = 'k3'`);
    await write(`UPDATE "Contract" SET "status" = 'active' WHERE "id" = 'k3'`);
    await write(`UPDATE "Contract" SET "dueFrom" = '${T("2026-11-10")}' WHERE "id" = 'k2'`);
    await write(`DELETE FROM "Delivery" WHERE "id" = 'dl3'`);
    await write(`DELETE FROM "Contract" WHERE "id" = 'k4'`);
    await write(`DELETE FROM "Pledge" WHERE "id" = 'pl1'`);

    // Offers and listings after acceptance.
    await write(`UPDATE "Listing" SET "districtId" = 'd2' WHERE "id" = 'l1'`);
    await write(`UPDATE "Offer" SET "status" = 'withdrawn' WHERE "id" = 'of2'`);
    await write(`DELETE FROM "Contract" WHERE "id" = 'k3'`);
    await write(`DELETE FROM "Offer" WHERE "id" = 'of4'`);

    // Reference prices: counted, not counted, moved, deleted.
    const price = (id: string, crop: string, source: string, on: string, lak: number, place: Record<string, Value>) =>
      insert("ReferencePrice", { id, cropId: crop, source, observedOn: on, priceLakPerKg: lak, ...place });
    await write(price("rp1", "c1", "market_survey", T("2026-10-10"), 3000, { districtId: "d1", provinceId: "p1" }));
    await write(price("rp2", "c1", "facilitator_entry", T("2026-10-31", "17:00:00"), 3000, { provinceId: "p1" }));
    await write(price("rp3", "c1", "market_survey", T("2026-10-11"), 3000, {}));
    await write(price("rp4", "c2", "trader_quote", T("2026-10-12"), 5000, { districtId: "d3", provinceId: "p2" }));
    await write(price("rp5", "c1", "market_survey", T("2026-10-10"), 3000, { districtId: "d1", provinceId: "p1" }));
    await write(`UPDATE "ReferencePrice" SET "priceLakPerKg" = 3100 WHERE "id" = 'rp1'`);
    await write(`UPDATE "ReferencePrice" SET "source" = 'market_survey' WHERE "id" = 'rp4'`);
    await write(`UPDATE "ReferencePrice" SET "observedOn" = '${T("2026-11-15")}' WHERE "id" = 'rp3'`);
    await write(`DELETE FROM "ReferencePrice" WHERE "id" = 'rp2'`);

    // Names the report shows.
    await write(insert("District", { id: "d4", provinceId: "p2" }));
    await write(`UPDATE "District" SET "nameEn" = 'Renamed' WHERE "id" = 'd4'`);
    await write(`DELETE FROM "District" WHERE "id" = 'd4'`);
    await write(`UPDATE "Province" SET "nameEn" = 'Renamed' WHERE "id" = 'p2'`);
    await write(insert("Crop", { id: "c3" }));
    await write(`UPDATE "Crop" SET "nameEn" = 'Renamed' WHERE "id" = 'c3'`);
    await write(`DELETE FROM "Crop" WHERE "id" = 'c3'`);

    // The comparison compared something: every summary table has rows, and
    // the sums passed 2^31.
    for (const table of SUMMARY_TABLES) expect((await rowsOf(table)).pg.length, table).toBeGreaterThan(0);
    // k4 (2,900,000,000 LAK) counted in October's volumes, kept (as on SQLite) after its deletion.
    expect((await client.query(`SELECT count(*)::int AS n FROM "ReportMonthly" WHERE "contractedLak" > 2147483647`)).rows[0].n).toBe(1);
    expect((await client.query(`SELECT count(*)::int AS n FROM "ReportReach" WHERE "prevDay" IS NOT NULL`)).rows[0].n).toBeGreaterThan(0);
    const versions = (await client.query<{ name: string; version: string }>(`SELECT "name", "version" FROM "DataVersion"`)).rows;
    expect(versions.every((v) => Number(v.version) > 0)).toBe(true);
    expect(writes).toBeGreaterThan(90);
  });
});

describe("a conditional update on PostgreSQL", () => {
  it("has exactly one winner among 20 at once", async () => {
    const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: pgUrl, max: 20 }) });
    try {
      await client.query(
        insert("Listing", {
          id: "race",
          organisationId: "o2",
          cropId: "c2",
          gradeId: "g2",
          districtId: "d3",
          provinceId: "p2",
          createdById: "u1",
          status: "published",
        }),
      );
      const results = await Promise.all(
        Array.from({ length: 20 }, () => db.listing.updateMany({ where: { id: "race", status: "published" }, data: { status: "closed" } })),
      );
      expect(results.map((r) => r.count).sort()).toEqual([...Array(19).fill(0), 1]);
      expect((await db.listing.findUniqueOrThrow({ where: { id: "race" } })).status).toBe("closed");
      // A second round finds nothing left to win.
      expect((await db.listing.updateMany({ where: { id: "race", status: "published" }, data: { status: "closed" } })).count).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });
});
