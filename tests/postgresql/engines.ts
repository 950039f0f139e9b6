// Both engines side by side for the PostgreSQL tests: a fresh SQLite file and
// a fresh PostgreSQL database (on the cluster of scripts/pg-cluster.mjs,
// PG_TEST_URL), each migrated with its own migrations by the Prisma CLI.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { withDatabase } from "../../prisma/cli-adapter-pg";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const prisma = path.join(root, "node_modules/.bin/prisma");

export function clusterUrl(): string {
  const url = process.env.PG_TEST_URL;
  if (!url) throw new Error("PG_TEST_URL is not set: run these tests with `npm run test:pg` (scripts/pg-cluster.mjs starts the server)");
  return url;
}

/** A new, migrated PostgreSQL database; `drop` removes it. */
export async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `portal_test_${randomBytes(5).toString("hex")}`;
  const admin = new pg.Client({ connectionString: clusterUrl() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(clusterUrl(), name);
  await run(prisma, ["migrate", "deploy", "--config", "prisma.postgresql.config.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url } });
  return {
    url,
    drop: async () => {
      const client = new pg.Client({ connectionString: clusterUrl() });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A new, migrated SQLite file; `remove` deletes its folder. */
export async function freshSqlite(): Promise<{ file: string; remove: () => void }> {
  const dir = mkdtempSync(path.join(tmpdir(), "portal-sqlite-"));
  const file = path.join(dir, "portal.db");
  await run(prisma, ["migrate", "deploy"], { cwd: root, env: { ...process.env, DATABASE_URL: `file:${file}` } });
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens the SQLite file as the portal does (foreign keys enforced). */
export function openSqlite(file: string): Database.Database {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("foreign_keys = ON");
  return db;
}
