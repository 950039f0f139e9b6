// The Prisma CLI on PostgreSQL (prisma.postgresql.config.ts and its adapter
// wrapper, prisma/cli-adapter-pg.ts): the migrations give exactly the generated
// schema, and each patch of the wrapper against a real server, next to the
// plain adapter's failure it fixes.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SHADOW_DATABASE_PREFIX, createCliPgAdapterFactory } from "../../prisma/cli-adapter-pg";
import { freshPostgres } from "./engines";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const prisma = path.join(root, "node_modules/.bin/prisma");
const tmp = mkdtempSync(path.join(tmpdir(), "portal-pg-cli-"));
const q = (sql: string) => ({ sql, args: [], argTypes: [] });

let url: string;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ url, drop } = await freshPostgres());
});

afterAll(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await drop?.();
});

async function shadowDatabases(): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${SHADOW_DATABASE_PREFIX}%`])).rows.map(
      (r) => r.datname,
    );
  } finally {
    await client.end();
  }
}

/** `prisma migrate diff` from the PostgreSQL migrations to a schema: exit code 0 when equal, 2 when not. */
async function diffTo(schema: string): Promise<{ code: number; stdout: string }> {
  const args = [
    "migrate",
    "diff",
    "--config",
    "prisma.postgresql.config.ts",
    "--from-migrations",
    "prisma/postgresql/migrations",
    "--to-schema-datamodel",
    schema,
    "--script",
    "--exit-code",
  ];
  try {
    const { stdout } = await run(prisma, args, { cwd: root, env: { ...process.env, DATABASE_URL: url } });
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof e.code !== "number" || e.code !== 2) throw new Error(`prisma migrate diff failed: ${e.stderr ?? String(error)}`, { cause: error });
    return { code: e.code, stdout: e.stdout ?? "" };
  }
}

describe("the PostgreSQL migrations", () => {
  it("give exactly prisma/postgresql/schema.prisma (a new SQLite migration needs `npm run db:pg-migration` when this fails)", async () => {
    const { code, stdout } = await diffTo("prisma/postgresql/schema.prisma");
    expect(stdout).toContain("This is an empty migration.");
    expect(code).toBe(0);
    // The throwaway shadow database is gone.
    expect(await shadowDatabases()).toEqual([]);
  });

  it("are found stale when the schema has a model they lack", async () => {
    const schema = path.join(tmp, "schema.prisma");
    writeFileSync(
      schema,
      readFileSync(path.join(root, "prisma/postgresql/schema.prisma"), "utf8").replace('"../../app/generated/prisma-pg"', `"${path.join(tmp, "client")}"`) +
        "\nmodel NotMigrated {\n  id String @id\n}\n",
    );
    const { code, stdout } = await diffTo(schema);
    expect(code).toBe(2);
    expect(stdout).toContain('CREATE TABLE "NotMigrated"');
  });
});

describe("the CLI adapter wrapper", () => {
  it('reads the system types name and "char" as text, which the plain adapter refuses', async () => {
    const sql = "SELECT t.typname, t.typtype FROM pg_type t WHERE t.typname = 'int4'";
    const plain = await new PrismaPg({ connectionString: url }).connect();
    try {
      await expect(plain.queryRaw(q(sql))).rejects.toThrow();
    } finally {
      await plain.dispose();
    }
    const wrapped = await createCliPgAdapterFactory(url).connect();
    try {
      const result = await wrapped.queryRaw(q(sql));
      expect(result.rows).toEqual([["int4", "b"]]);
    } finally {
      await wrapped.dispose();
    }
  });

  it("runs a script with a plpgsql function whole, which the plain adapter cuts apart at its semicolons", async () => {
    const script = `CREATE FUNCTION "cli_test_twice"(n INTEGER) RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE r INTEGER;
BEGIN
  r := n * 2;
  RETURN r;
END $$;`;
    const plain = await new PrismaPg({ connectionString: url }).connect();
    try {
      await expect(plain.executeScript(script)).rejects.toThrow();
    } finally {
      await plain.dispose();
    }
    const wrapped = await createCliPgAdapterFactory(url).connect();
    try {
      await wrapped.executeScript(script);
      expect((await wrapped.queryRaw(q(`SELECT "cli_test_twice"(21) AS v`))).rows).toEqual([[42]]);
      // Scripts without dollar quoting still go statement by statement.
      await wrapped.executeScript(`CREATE TABLE "cli_test_a" ("id" INTEGER); CREATE TABLE "cli_test_b" ("id" INTEGER);`);
      expect((await wrapped.queryRaw(q(`SELECT count(*)::int FROM pg_tables WHERE tablename LIKE 'cli_test_%'`))).rows).toEqual([[2]]);
    } finally {
      await wrapped.dispose();
    }
  });

  it("gives the shadow database a throwaway database of its own and drops it afterwards", async () => {
    const factory = createCliPgAdapterFactory(url);
    const shadow = await factory.connectToShadowDb();
    const [name] = (await shadow.queryRaw(q("SELECT current_database()"))).rows[0] as [string];
    expect(name.startsWith(SHADOW_DATABASE_PREFIX)).toBe(true);
    expect(await shadowDatabases()).toEqual([name]);
    await shadow.dispose();
    expect(await shadowDatabases()).toEqual([]);
  });

  it("empties SHADOW_DATABASE_URL before using it as the shadow database", async () => {
    const other = await freshPostgres();
    try {
      const shadow = await createCliPgAdapterFactory(url, other.url).connectToShadowDb();
      try {
        expect((await shadow.queryRaw(q("SELECT count(*)::int FROM pg_tables WHERE schemaname = 'public'"))).rows).toEqual([[0]]);
      } finally {
        await shadow.dispose();
      }
    } finally {
      await other.drop();
    }
  });
});
