// `npm run db:backup` and `npm run db:restore` on PostgreSQL: pg_dump of a
// database holding the demo data, restored with pg_restore into a database the
// restore creates; every table holds the same rows, and the summary triggers
// and their functions came along (a restored database keeps its tallies).
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "~/utils/db.server";
import { withDatabase } from "../../prisma/cli-adapter-pg";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";
import { clusterUrl, freshPostgres } from "./engines";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const script = path.join(root, "scripts/db-backup.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "portal-pg-backup-"));

let sourceUrl: string;
let restoredUrl: string;
const cleanUps: (() => unknown)[] = [];

function tool(args: string[]) {
  return run("node", [script, ...args], { cwd: root, env: { ...process.env } });
}

type Contents = { tables: Record<string, string[]>; triggers: string[]; functions: string[] };

/** Every table's rows (sorted) and every trigger and function of a database. */
async function contents(url: string): Promise<Contents> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const names = await client.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
    );
    const tables: Record<string, string[]> = {};
    for (const { name } of names.rows) {
      const { rows } = await client.query(`SELECT * FROM "${name}"`);
      tables[name] = rows.map((row) => JSON.stringify(row)).sort();
    }
    const triggers = await client.query<{ t: string }>(
      "SELECT tgrelid::regclass || ' ' || tgname || ' ' || pg_get_triggerdef(oid) AS t FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
    );
    const functions = await client.query<{ f: string }>(
      "SELECT p.proname || ' ' || md5(pg_get_functiondef(p.oid)) AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public' ORDER BY 1",
    );
    return { tables, triggers: triggers.rows.map((r) => r.t), functions: functions.rows.map((r) => r.f) };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  const source = await freshPostgres();
  cleanUps.push(() => source.drop());
  sourceUrl = source.url;
  const db: Db = await openDb(sourceUrl);
  try {
    await seedReferenceData(db);
    await seedContractTemplates(db);
    await seedReferencePrices(db);
    await seedDemoData(db);
    await seedDemoMarket(db);
  } finally {
    await db.$disconnect();
  }
  const restoredName = `${new URL(sourceUrl).pathname.slice(1)}_restored`;
  restoredUrl = withDatabase(clusterUrl(), restoredName);
  cleanUps.push(async () => {
    const admin = new pg.Client({ connectionString: clusterUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
    await admin.end();
  });
}, 240_000);

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore of a PostgreSQL database", () => {
  it("restores every row of every table, the triggers and their functions into a new database", async () => {
    const backup = path.join(dir, "portal.dump");
    // Prisma's own URL parameters are taken off before pg_dump reads the URL.
    await tool(["backup", `${sourceUrl}?schema=public&connection_limit=5`, "--out", backup]);
    const { stdout } = await tool(["restore", backup, restoredUrl]);
    expect(stdout).toContain("Restored");

    const before = await contents(sourceUrl);
    const after = await contents(restoredUrl);
    expect(Object.keys(before.tables).length).toBeGreaterThan(40);
    for (const table of ["User", "Organisation", "Member", "Listing", "Village", "ReferencePrice", "_prisma_migrations"]) {
      expect(before.tables[table]?.length, table).toBeGreaterThan(0);
    }
    expect(before.triggers.length).toBeGreaterThan(40);
    expect(after.triggers).toEqual(before.triggers);
    expect(after.functions).toEqual(before.functions);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
    for (const [table, rows] of Object.entries(before.tables)) expect(after.tables[table], table).toEqual(rows);
  });

  it("the restored database is the portal's: its client writes there, and the price tally's trigger counts the write", async () => {
    const db = await openDb(restoredUrl);
    try {
      const crop = await db.crop.findFirstOrThrow({ select: { id: true } });
      const observedOn = new Date("2031-03-10T05:00:00Z");
      const tally = () => db.priceTally.findMany({ where: { cropId: crop.id, month: "2031-03", kind: "reference" }, select: { place: true, count: true } });
      expect(await tally()).toEqual([]);
      await db.referencePrice.create({ data: { cropId: crop.id, observedOn, priceLakPerKg: 4321, source: "market_survey" } });
      expect(await tally()).toEqual([{ place: "all", count: 1 }]);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses to restore over a database that exists", async () => {
    await expect(tool(["restore", path.join(dir, "portal.dump"), sourceUrl])).rejects.toThrow(/already exists/);
  });
});
