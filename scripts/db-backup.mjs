// `npm run db:backup [-- <database url>] [--out <file>]` and
// `npm run db:restore -- <backup file> <new database url>`: a consistent copy
// of the portal's database while the portal keeps serving, and that copy put
// back as a new database.
//
// SQLite (`file:` URLs): SQLite's online backup API, which copies the pages of
// one consistent snapshot even while requests write, into one self-contained
// file (journal mode DELETE, no -wal beside it). Restoring copies it to a path
// where no database is yet.
//
// PostgreSQL (`postgresql://` URLs): `pg_dump -Fc` (one snapshot, compressed,
// triggers and their functions included), restored with `pg_restore` into a
// database the restore creates, so a restore never writes over live data.
// pg_dump must be at least the server's version: the newest installed one is
// taken (PG_BIN names another folder).
//
// Without a URL the backup takes DATABASE_URL (from .env when present, as the
// Prisma CLI does) and writes to backups/portal-<UTC time>.<db|dump>.
import { spawnSync } from "node:child_process";
import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";

const DEFAULT_DATABASE_URL = "file:./data/portal.db";
const PG_ROOT = "/usr/lib/postgresql";
// Parameters Prisma reads from a PostgreSQL URL that libpq (pg_dump, pg_restore) refuses.
const PRISMA_ONLY_PARAMS = ["schema", "connection_limit", "pool_timeout", "pgbouncer", "socket_timeout", "connect_timeout", "statement_cache_size"];

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The path of a `file:` URL, relative paths from the current folder (the project's root under npm). */
export function sqlitePath(url) {
  if (!url.startsWith("file:")) throw new Error(`Not a SQLite file: URL or a postgresql:// URL: ${url}`);
  return path.resolve(url.slice("file:".length).replace(/\?.*$/, ""));
}

/** A folder holding pg_dump and pg_restore: PG_BIN, the newest Debian PostgreSQL, or null for the PATH. */
export function findPgTools() {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  if (!existsSync(PG_ROOT)) return null;
  const versions = readdirSync(PG_ROOT)
    .filter((v) => existsSync(path.join(PG_ROOT, v, "bin", "pg_dump")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(PG_ROOT, versions[0], "bin") : null;
}

function pgTool(name) {
  const dir = findPgTools();
  return dir ? path.join(dir, name) : name;
}

/** The URL as libpq takes it: without Prisma's own parameters. */
export function libpqUrl(url) {
  const parsed = new URL(url);
  for (const name of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(name);
  return parsed.toString();
}

function runTool(name, args) {
  const result = spawnSync(pgTool(name), args, { encoding: "utf8" });
  if (result.error) throw new Error(`${name} could not be started (${result.error.message}); install PostgreSQL's client tools or set PG_BIN`);
  if (result.status !== 0) throw new Error(`${name} failed: ${(result.stderr || result.stdout).trim()}`);
}

function defaultOut(url) {
  const stamp = new Date()
    .toISOString()
    .replace(/[:.]/g, "-")
    .replace(/-\d{3}Z$/, "Z");
  return path.join("backups", `portal-${stamp}.${isPostgresUrl(url) ? "dump" : "db"}`);
}

/** Writes a backup of the database at `url` to `out` (which must not exist); returns its path. */
export async function backupDatabase(url, out = defaultOut(url)) {
  const target = path.resolve(out);
  if (existsSync(target)) throw new Error(`${target} already exists; a backup never replaces a file`);
  mkdirSync(path.dirname(target), { recursive: true });
  if (isPostgresUrl(url)) {
    runTool("pg_dump", ["--format=custom", "--no-owner", "--no-acl", `--file=${target}`, `--dbname=${libpqUrl(url)}`]);
    return target;
  }
  const source = sqlitePath(url);
  if (!existsSync(source)) throw new Error(`No SQLite database at ${source}`);
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } catch (error) {
    rmSync(target, { force: true });
    throw error;
  } finally {
    db.close();
  }
  // The copy keeps the source's WAL mode; a backup is one file, read by nothing until restored.
  const copy = new Database(target);
  try {
    copy.pragma("journal_mode = DELETE");
    checkSqlite(copy, target);
  } finally {
    copy.close();
  }
  return target;
}

function checkSqlite(db, file) {
  const result = db.pragma("integrity_check", { simple: true });
  if (result !== "ok") throw new Error(`${file} is damaged: ${result}`);
}

/** Restores `backup` as a new database at `url`; refuses a database or file that already exists. */
export async function restoreDatabase(backup, url) {
  const source = path.resolve(backup);
  if (!existsSync(source)) throw new Error(`No backup at ${source}`);
  if (isPostgresUrl(url)) {
    const parsed = new URL(libpqUrl(url));
    const name = decodeURIComponent(parsed.pathname.slice(1));
    if (!name) throw new Error(`The URL names no database: ${url}`);
    // CREATE DATABASE is sent from the server's maintenance database, which every cluster has.
    const maintenance = new URL(parsed);
    maintenance.pathname = "/postgres";
    const admin = new pg.Client({ connectionString: maintenance.toString() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (rowCount) throw new Error(`The database ${name} already exists; restore into a new one (a restore never writes over a database)`);
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
    runTool("pg_restore", ["--no-owner", "--no-acl", "--exit-on-error", "--single-transaction", `--dbname=${parsed.toString()}`, source]);
    return name;
  }
  const target = sqlitePath(url);
  const probe = new Database(source, { readonly: true, fileMustExist: true });
  try {
    checkSqlite(probe, source);
  } finally {
    probe.close();
  }
  for (const suffix of ["", "-wal", "-shm", "-journal"]) {
    if (existsSync(target + suffix)) throw new Error(`${target + suffix} already exists; restore into a new file (a restore never writes over a database)`);
  }
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(source, target, constants.COPYFILE_EXCL);
  return target;
}

function loadEnv() {
  if (existsSync(".env")) process.loadEnvFile(".env");
}

async function main(argv) {
  const [command, ...rest] = argv;
  if (command === "backup") {
    const outAt = rest.indexOf("--out");
    const out = outAt >= 0 ? rest[outAt + 1] : undefined;
    const positional = outAt >= 0 ? rest.filter((_, i) => i !== outAt && i !== outAt + 1) : rest;
    if (outAt >= 0 && !out) throw new Error("--out needs a file name");
    loadEnv();
    const url = positional[0] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
    const written = await backupDatabase(url, out);
    console.log(`Backup written: ${written}`);
    return;
  }
  if (command === "restore") {
    if (rest.length !== 2) throw new Error("usage: npm run db:restore -- <backup file> <new database url>");
    const restored = await restoreDatabase(rest[0], rest[1]);
    console.log(`Restored into ${restored}; \`npm start\` with this DATABASE_URL applies any newer migrations.`);
    return;
  }
  throw new Error("usage: node scripts/db-backup.mjs backup [<database url>] [--out <file>] | restore <backup file> <new database url>");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
