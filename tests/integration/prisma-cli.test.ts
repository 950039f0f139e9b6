// The Prisma CLI adapter wrapper (prisma/cli-adapter.ts): each of its four
// patches against a real SQLite file, then `prisma migrate deploy` end to end.
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteAdapterFactory } from "../../app/utils/db-adapter";
import { MIGRATIONS_TABLE, createCliAdapterFactory, isExclusiveLockingPragma, parseResetScript } from "../../prisma/cli-adapter";

const run = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const bin = (name: string) => join(repoRoot, "node_modules", ".bin", name);
const tmp = mkdtempSync(join(tmpdir(), "prisma-cli-test-"));
let fileCounter = 0;

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function freshFile(): { path: string; url: string } {
  const path = join(tmp, `db-${++fileCounter}.db`);
  return { path, url: `file:${path}` };
}

const q = (sql: string) => ({ sql, args: [], argTypes: [] });

function tableNames(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return rows.map((r) => r.name);
  } finally {
    db.close();
  }
}

// The exact shape the schema engine sends for `migrate reset` on SQLite.
const engineResetScript = (tables: string[]) =>
  `\n                    PRAGMA defer_foreign_keys = 1;\n                    ${tables.map((t) => `DELETE FROM ${t}`).join("; ")}\n                `;

describe("CLI adapter: executeRaw without arguments (shadow replay)", () => {
  const script = `-- CreateTable\nCREATE TABLE "A" ("id" TEXT NOT NULL PRIMARY KEY);\n\n-- CreateTable\nCREATE TABLE "B" ("id" TEXT NOT NULL PRIMARY KEY);\n`;

  it("runs a whole multi-statement migration file on the main connection", async () => {
    const { path, url } = freshFile();
    const plain = await new SqliteAdapterFactory(url).connect();
    await expect(plain.executeRaw(q(script))).rejects.toThrow();
    await plain.dispose();

    const adapter = await createCliAdapterFactory(url).connect();
    await adapter.executeRaw(q(script));
    await adapter.dispose();
    expect(tableNames(path)).toEqual(["A", "B"]);
  });

  it("does the same on the shadow database", async () => {
    const shadow = await createCliAdapterFactory(freshFile().url).connectToShadowDb();
    await shadow.executeRaw(q(script));
    const result = await shadow.queryRaw(q("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
    expect(result.rows.map((r) => r[0])).toEqual(["A", "B"]);
    await shadow.dispose();
  });

  it("still binds arguments when there are some", async () => {
    const adapter = await createCliAdapterFactory(freshFile().url).connect();
    await adapter.executeScript("CREATE TABLE t (x TEXT);");
    const changes = await adapter.executeRaw({
      sql: "INSERT INTO t (x) VALUES (?)",
      args: ["a"],
      argTypes: [{ scalarType: "string", arity: "scalar" }],
    });
    expect(changes).toBe(1);
    const rows = await adapter.queryRaw(q("SELECT x FROM t"));
    expect(rows.rows).toEqual([["a"]]);
    await adapter.dispose();
  });
});

describe("CLI adapter: _prisma_migrations created on demand", () => {
  const select = "SELECT id, checksum, finished_at, migration_name FROM `_prisma_migrations` ORDER BY `started_at` ASC";

  it("creates the table when the engine reads it before it exists, then answers", async () => {
    const { path, url } = freshFile();
    const adapter = await createCliAdapterFactory(url).connect();
    const result = await adapter.queryRaw(q(select));
    expect(result.rows).toEqual([]);
    expect(tableNames(path)).toEqual([MIGRATIONS_TABLE]);

    // The engine's next step, an insert with arguments, works against it.
    await adapter.queryRaw({
      sql: "INSERT INTO `_prisma_migrations` (`id`, `checksum`, `started_at`, `migration_name`) VALUES (?,?,?,?)",
      args: ["m1", "c", "2025-01-01T00:00:00.000+00:00", "0_init"],
      argTypes: [
        { scalarType: "string", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
        { scalarType: "datetime", arity: "scalar" },
        { scalarType: "string", arity: "scalar" },
      ],
    });
    expect((await adapter.queryRaw(q(select))).rows).toHaveLength(1);
    await adapter.dispose();
  });

  it("leaves other missing tables an error", async () => {
    const { path, url } = freshFile();
    const adapter = await createCliAdapterFactory(url).connect();
    await expect(adapter.queryRaw(q("SELECT * FROM `Nope`"))).rejects.toThrow();
    await adapter.dispose();
    expect(tableNames(path)).toEqual([]);
  });
});

describe("CLI adapter: migrate reset becomes DROP TABLE", () => {
  it("recognises only the engine's reset script", () => {
    expect(parseResetScript(engineResetScript(["Author", "Book", MIGRATIONS_TABLE]))).toEqual(["Author", "Book", MIGRATIONS_TABLE]);
    expect(parseResetScript('CREATE TABLE "A" ("id" TEXT);')).toBeNull();
    expect(parseResetScript("PRAGMA defer_foreign_keys = 1; DELETE FROM A; UPDATE B SET x = 1")).toBeNull();
  });

  it("drops every table, keeps _prisma_migrations empty, and the migrations apply again", async () => {
    const { path, url } = freshFile();
    const adapter = await createCliAdapterFactory(url).connect();
    const schema = `
      CREATE TABLE "Author" ("id" TEXT NOT NULL PRIMARY KEY);
      CREATE TABLE "Book" ("id" TEXT NOT NULL PRIMARY KEY, "authorId" TEXT NOT NULL,
        CONSTRAINT "Book_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author" ("id") ON DELETE RESTRICT);
      CREATE INDEX "Book_authorId_idx" ON "Book"("authorId");`;
    await adapter.queryRaw(q(`SELECT id FROM ${MIGRATIONS_TABLE}`)); // created on demand
    await adapter.executeScript(schema);
    await adapter.executeScript(`
      INSERT INTO "Author" VALUES ('a1');
      INSERT INTO "Book" VALUES ('b1', 'a1');
      INSERT INTO "${MIGRATIONS_TABLE}" (id, checksum, migration_name) VALUES ('m1', 'c', '0_init');`);

    await adapter.executeScript(engineResetScript(["Author", "Book", MIGRATIONS_TABLE]));

    expect(tableNames(path)).toEqual([MIGRATIONS_TABLE]);
    const migrations = await adapter.queryRaw(q(`SELECT count(*) FROM ${MIGRATIONS_TABLE}`));
    expect(Number(migrations.rows[0]?.[0])).toBe(0);
    // foreign keys are back on for the rest of the session
    const fk = await adapter.queryRaw(q("PRAGMA foreign_keys"));
    expect(Number(fk.rows[0]?.[0])).toBe(1);
    // and the migration replays cleanly (it would fail with "table already exists")
    await adapter.executeScript(schema);
    expect(tableNames(path)).toEqual(["Author", "Book", MIGRATIONS_TABLE]);
    await adapter.dispose();
  });
});

describe("CLI adapter: PRAGMA main.locking_mode=EXCLUSIVE is skipped", () => {
  const lockingPragma = "PRAGMA main.locking_mode=EXCLUSIVE";

  it("recognises the statement", () => {
    expect(isExclusiveLockingPragma(lockingPragma)).toBe(true);
    expect(isExclusiveLockingPragma("PRAGMA locking_mode = exclusive;")).toBe(true);
    expect(isExclusiveLockingPragma("PRAGMA main.locking_mode=NORMAL")).toBe(false);
    expect(isExclusiveLockingPragma("PRAGMA journal_mode=WAL")).toBe(false);
  });

  async function secondConnectionCanWrite(factory: SqliteAdapterFactory, path: string): Promise<boolean> {
    const adapter = await factory.connect();
    await adapter.executeScript("CREATE TABLE t (x INTEGER);");
    await adapter.executeRaw(q(lockingPragma));
    await adapter.executeRaw(q("INSERT INTO t (x) VALUES (1)"));
    const other = new Database(path, { timeout: 100 });
    try {
      other.prepare("INSERT INTO t (x) VALUES (2)").run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === "SQLITE_BUSY") return false;
      throw error;
    } finally {
      other.close();
      await adapter.dispose();
    }
  }

  it("lets another connection (the seed) write while the CLI connection is open", async () => {
    const plain = freshFile();
    expect(await secondConnectionCanWrite(new SqliteAdapterFactory(plain.url), plain.path)).toBe(false);
    const cli = freshFile();
    expect(await secondConnectionCanWrite(createCliAdapterFactory(cli.url), cli.path)).toBe(true);
  });
});

describe("CLI adapter: long timers", () => {
  it("unrefLongTimers lets the process exit despite a 60 s timer", async () => {
    const code = [
      'import { unrefLongTimers } from "./prisma/cli-adapter.ts";',
      "unrefLongTimers(10_000);",
      "setTimeout(() => process.exit(3), 60_000);",
      "setInterval(() => process.exit(4), 30_000);",
    ].join("\n");
    const started = Date.now();
    await run(bin("tsx"), ["--eval", code], { cwd: repoRoot, timeout: 8_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
  }, 15_000);
});

describe("prisma migrate deploy through prisma.config.ts", () => {
  it("creates every table on a fresh file, in WAL mode, offline", async () => {
    const { path, url } = freshFile();
    const env = { ...process.env, DATABASE_URL: url, CHECKPOINT_DISABLE: "1" };
    const deploy = await run(bin("prisma"), ["migrate", "deploy"], { cwd: repoRoot, env, timeout: 30_000 });
    const output = deploy.stdout + deploy.stderr;
    expect(output).not.toMatch(/ENOTFOUND|download/i);
    expect(output).toMatch(/applied/i);

    const migrationDirs = readdirSync(join(repoRoot, "prisma", "migrations"), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const db = new Database(path, { readonly: true });
    try {
      expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
      const applied = db.prepare(`SELECT migration_name FROM ${MIGRATIONS_TABLE} WHERE finished_at IS NOT NULL ORDER BY migration_name`).all() as {
        migration_name: string;
      }[];
      expect(applied.map((r) => r.migration_name)).toEqual(migrationDirs);
    } finally {
      db.close();
    }
    const tables = tableNames(path);
    for (const table of ["User", "UserRole", "Session", "Organisation", "Member", "Crop", "AuditEvent", MIGRATIONS_TABLE]) {
      expect(tables).toContain(table);
    }
  }, 30_000);
});
