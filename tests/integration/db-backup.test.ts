// `npm run db:backup` and `npm run db:restore` on SQLite: a backup taken while
// the portal's client has the database open restores into a new file whose
// every table holds the same rows, and whose schema (triggers included) is the
// same.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/utils/db.server";
import { seedDemoData } from "../../prisma/seed/demo-data";
import { seedDemoMarket } from "../../prisma/seed/demo-market";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const script = path.join(root, "scripts/db-backup.mjs");
const dir = mkdtempSync(path.join(tmpdir(), "portal-backup-"));

function tool(args: string[]) {
  return run("node", [script, ...args], { cwd: root, env: { ...process.env } });
}

/** Every table's rows, sorted, and every schema object, of a SQLite file. */
function contents(file: string): { schema: string[]; tables: Record<string, string[]> } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const objects = sqlite.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
      type: string;
      name: string;
      sql: string | null;
    }[];
    const tables: Record<string, string[]> = {};
    for (const { name } of objects.filter((o) => o.type === "table")) {
      tables[name] = sqlite
        .prepare(`SELECT * FROM "${name}"`)
        .all()
        .map((row) => JSON.stringify(row))
        .sort();
    }
    return { schema: objects.map((o) => `${o.type} ${o.name} ${o.sql ?? ""}`), tables };
  } finally {
    sqlite.close();
  }
}

let source: string;

beforeAll(async () => {
  await seedDemoData(db);
  await seedDemoMarket(db);
  source = process.env.DATABASE_URL!.slice("file:".length);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("backup and restore of a SQLite database", () => {
  it("restores every row of every table, and the schema, into a new file", async () => {
    const backup = path.join(dir, "portal.db");
    const { stdout } = await tool(["backup", `file:${source}`, "--out", backup]);
    expect(stdout).toContain(backup);
    // One self-contained file: nothing of the live database's WAL is needed beside it.
    expect(existsSync(`${backup}-wal`)).toBe(false);

    const restored = path.join(dir, "restored", "portal.db");
    await tool(["restore", backup, `file:${restored}`]);

    const before = contents(source);
    const after = contents(restored);
    expect(Object.keys(before.tables).length).toBeGreaterThan(40);
    // The seeded records are there: the comparison compares something.
    for (const table of ["User", "Organisation", "Member", "Listing", "Village", "ReferencePrice", "_prisma_migrations"]) {
      expect(before.tables[table]?.length, table).toBeGreaterThan(0);
    }
    expect(after.schema).toEqual(before.schema);
    for (const [table, rows] of Object.entries(before.tables)) expect(after.tables[table], table).toEqual(rows);
    expect(Object.keys(after.tables)).toEqual(Object.keys(before.tables));
  });

  it("takes DATABASE_URL when no URL is given", async () => {
    const backup = path.join(dir, "from-env.db");
    await tool(["backup", "--out", backup]);
    expect(contents(backup).tables.User).toEqual(contents(source).tables.User);
  });

  it("never writes over an existing file, neither as a backup nor as a restore", async () => {
    const taken = path.join(dir, "taken.db");
    writeFileSync(taken, "keep me");
    await expect(tool(["backup", `file:${source}`, "--out", taken])).rejects.toThrow(/already exists/);
    await expect(tool(["restore", path.join(dir, "portal.db"), `file:${taken}`])).rejects.toThrow(/already exists/);
    expect(readFileSync(taken, "utf8")).toBe("keep me");
  });

  it("refuses to restore a file that is not a SQLite database", async () => {
    const junk = path.join(dir, "junk.db");
    writeFileSync(junk, "not a database at all, just text long enough to be read as one".repeat(100));
    await expect(tool(["restore", junk, `file:${path.join(dir, "never.db")}`])).rejects.toThrow(/not a database|damaged/);
    expect(existsSync(path.join(dir, "never.db"))).toBe(false);
  });
});
