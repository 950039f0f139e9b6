// Getting the database the scale data set grows from: the seeded demo database
// (created with the project's own migrate and seed when it is missing), copied
// to the output file and brought to the latest migrations, so the generator
// always writes into the schema the portal runs on.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const bin = (name: string) => path.join(ROOT, "node_modules", ".bin", name);

function run(command: string, args: string[], databaseFile: string): void {
  execFileSync(command, args, { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${databaseFile}` }, stdio: "pipe" });
}

/** Migrates and seeds `file` when it does not exist yet; true when it did so. */
export function ensureSource(file: string): boolean {
  if (existsSync(file)) return false;
  mkdirSync(path.dirname(file), { recursive: true });
  run(bin("prisma"), ["migrate", "deploy"], file);
  run(bin("tsx"), ["prisma/seed.ts"], file);
  return true;
}

/** A consistent copy of `from` (its WAL included) at `to`, replacing what was there. */
export function copyDatabase(from: string, to: string): void {
  if (path.resolve(from) === path.resolve(to)) throw new Error("--out must differ from --from: the demo database is never changed");
  mkdirSync(path.dirname(path.resolve(to)), { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(to + suffix, { force: true });
  const source = new Database(from, { readonly: true, fileMustExist: true });
  try {
    source.prepare("VACUUM INTO ?").run(path.resolve(to));
  } finally {
    source.close();
  }
}

/** Migrations in prisma/migrations the database has not applied. */
export function pendingMigrations(file: string): string[] {
  const dir = path.join(ROOT, "prisma", "migrations");
  const known = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory());
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as {
      name: string;
    }[];
    const applied = new Set(rows.map((r) => r.name));
    return known.filter((name) => !applied.has(name)).sort();
  } catch {
    return known.sort();
  } finally {
    db.close();
  }
}

/** Applies pending migrations to the copy with the project's own `prisma migrate deploy`; returns their names. */
export function migrate(file: string): string[] {
  const pending = pendingMigrations(file);
  if (pending.length) run(bin("prisma"), ["migrate", "deploy"], file);
  return pending;
}
