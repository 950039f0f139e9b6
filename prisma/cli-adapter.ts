// The driver adapter factory used by the Prisma CLI only (prisma.config.ts). The
// app uses the plain SqliteAdapterFactory. The WASM schema engine talks to
// SQLite through this adapter and, with @prisma/adapter-better-sqlite3 6.19.x,
// trips over four things that the native engine handled itself:
//
//  1. Shadow-database replay sends whole migration files through `executeRaw`
//     with no arguments; better-sqlite3 prepares one statement only. Such calls
//     are routed to `executeScript`.
//  2. `migrate dev` on a fresh file reads `_prisma_migrations` before creating
//     it and gives up on "table does not exist": create the table and retry.
//  3. `migrate reset` empties every table (`DELETE FROM …`) and then replays the
//     migrations, whose CREATE TABLEs fail. Its reset script becomes one DROP
//     TABLE per table; `_prisma_migrations` is kept and only emptied.
//  4. The engine asks for `PRAGMA main.locking_mode=EXCLUSIVE`, after which the
//     CLI process keeps the file locked and the seed gets SQLITE_BUSY: skipped.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { SqliteAdapterFactory } from "../app/utils/db-adapter";

export type CliSqlAdapter = Awaited<ReturnType<SqliteAdapterFactory["connect"]>>;
type SqlQuery = Parameters<CliSqlAdapter["executeRaw"]>[0];
type SqlResultSet = Awaited<ReturnType<CliSqlAdapter["queryRaw"]>>;

export const MIGRATIONS_TABLE = "_prisma_migrations";

/** The engine's own DDL for the SQLite migrations table (IF NOT EXISTS added). */
export const MIGRATIONS_TABLE_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);`;

const LOCKING_MODE_PRAGMA = /^\s*PRAGMA\s+(?:main\.)?locking_mode\s*=\s*['"]?exclusive['"]?\s*;?\s*$/i;
const RESET_PREAMBLE = /^\s*PRAGMA\s+defer_foreign_keys\s*=\s*(?:1|on|true)\s*;/i;
const DELETE_FROM = /^DELETE\s+FROM\s+("(?:[^"]|"")+"|`[^`]+`|\[[^\]]+\]|[^\s;]+)$/i;

/** True for the engine's `PRAGMA main.locking_mode=EXCLUSIVE`. */
export function isExclusiveLockingPragma(sql: string): boolean {
  return LOCKING_MODE_PRAGMA.test(sql);
}

function unquoteIdentifier(name: string): string {
  if (name.startsWith('"') && name.endsWith('"')) return name.slice(1, -1).replace(/""/g, '"');
  if ((name.startsWith("`") && name.endsWith("`")) || (name.startsWith("[") && name.endsWith("]"))) {
    return name.slice(1, -1);
  }
  return name;
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The table names of the engine's SQLite reset script
 * (`PRAGMA defer_foreign_keys = 1; DELETE FROM A; DELETE FROM B; …`),
 * or null when the script is anything else.
 */
export function parseResetScript(script: string): string[] | null {
  const preamble = RESET_PREAMBLE.exec(script);
  if (!preamble) return null;
  const statements = script
    .slice(preamble[0].length)
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (statements.length === 0) return null;
  const tables: string[] = [];
  for (const statement of statements) {
    const match = DELETE_FROM.exec(statement);
    if (!match?.[1]) return null;
    tables.push(unquoteIdentifier(match[1]));
  }
  return tables;
}

/** The script that replaces a reset: drop every table, empty `_prisma_migrations`. */
export function buildDropScript(tables: readonly string[]): string {
  return tables.map((t) => (t === MIGRATIONS_TABLE ? `DELETE FROM ${quoteIdentifier(t)};` : `DROP TABLE IF EXISTS ${quoteIdentifier(t)};`)).join("\n");
}

function isMissingMigrationsTable(error: unknown): boolean {
  const e = error as { cause?: { kind?: unknown; table?: unknown }; message?: unknown } | null;
  if (e?.cause?.kind === "TableDoesNotExist") {
    return e.cause.table === undefined || String(e.cause.table).includes(MIGRATIONS_TABLE);
  }
  return typeof e?.message === "string" && e.message.includes(`no such table: ${MIGRATIONS_TABLE}`);
}

const noQuery = (sql: string): SqlQuery => ({ sql, args: [], argTypes: [] });
const EMPTY_RESULT: SqlResultSet = { columnNames: [], columnTypes: [], rows: [] };

/** Patches one connection (main or shadow) in place and returns it. */
export function patchCliAdapter(adapter: CliSqlAdapter): CliSqlAdapter {
  const queryRaw = adapter.queryRaw.bind(adapter);
  const executeRaw = adapter.executeRaw.bind(adapter);
  const executeScript = adapter.executeScript.bind(adapter);

  async function withMigrationsTable<T>(run: () => Promise<T>, sql: string): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!sql.includes(MIGRATIONS_TABLE) || !isMissingMigrationsTable(error)) throw error;
      await executeScript(MIGRATIONS_TABLE_DDL);
      return run();
    }
  }

  async function dropInsteadOfReset(tables: readonly string[]): Promise<void> {
    const fk = await queryRaw(noQuery("PRAGMA foreign_keys"));
    const fkWasOn = Number(fk.rows[0]?.[0] ?? 0) === 1;
    // foreign_keys cannot change inside a transaction, so switch it off first.
    await executeScript("PRAGMA foreign_keys = OFF;");
    try {
      await executeScript(`BEGIN;\n${buildDropScript(tables)}\nCOMMIT;`);
    } catch (error) {
      await executeScript("ROLLBACK;").catch(() => undefined);
      throw error;
    } finally {
      if (fkWasOn) await executeScript("PRAGMA foreign_keys = ON;");
    }
  }

  const patchedScript = async (script: string): Promise<void> => {
    if (isExclusiveLockingPragma(script)) return;
    const resetTables = parseResetScript(script);
    if (resetTables) return dropInsteadOfReset(resetTables);
    return executeScript(script);
  };

  adapter.executeScript = patchedScript;

  adapter.executeRaw = async (query) => {
    if (isExclusiveLockingPragma(query.sql)) return 0;
    if (query.args.length === 0) {
      await withMigrationsTable(() => patchedScript(query.sql), query.sql);
      const changes = await queryRaw(noQuery("SELECT changes()"));
      return Number(changes.rows[0]?.[0] ?? 0);
    }
    return withMigrationsTable(() => executeRaw(query), query.sql);
  };

  adapter.queryRaw = async (query) => {
    if (isExclusiveLockingPragma(query.sql)) return EMPTY_RESULT;
    return withMigrationsTable(() => queryRaw(query), query.sql);
  };

  return adapter;
}

/** Creates the directory of a `file:` database (adapter paths are relative to the cwd). */
export function ensureDatabaseDirectory(url: string): void {
  const path = url.replace(/^file:/, "");
  if (path === "" || path === ":memory:") return;
  mkdirSync(dirname(path), { recursive: true });
}

class CliAdapterFactory extends SqliteAdapterFactory {
  readonly #url: string;

  constructor(url: string) {
    super(url);
    this.#url = url;
  }

  override async connect(): Promise<CliSqlAdapter> {
    ensureDatabaseDirectory(this.#url);
    return patchCliAdapter(await super.connect());
  }

  override async connectToShadowDb(): Promise<CliSqlAdapter> {
    return patchCliAdapter(await super.connectToShadowDb());
  }
}

/** The adapter factory for prisma.config.ts. */
export function createCliAdapterFactory(url: string): SqliteAdapterFactory {
  return new CliAdapterFactory(url);
}

/**
 * The schema engine leaves a 60-second timer behind, which keeps the CLI alive
 * for a minute after `migrate dev` has finished. Unref every timer of at least
 * `thresholdMs` created after this call. Idempotent.
 */
export function unrefLongTimers(thresholdMs = 10_000): void {
  const g = globalThis as typeof globalThis & { __prismaCliTimersUnrefd?: boolean };
  if (g.__prismaCliTimersUnrefd) return;
  g.__prismaCliTimersUnrefd = true;

  const wrap = <F extends typeof setTimeout | typeof setInterval>(original: F): F => {
    const wrapped = function (this: unknown, handler: unknown, ms?: unknown, ...args: unknown[]) {
      const timer = (original as unknown as (...a: unknown[]) => unknown).call(this, handler, ms, ...args);
      if (Number(ms) >= thresholdMs) (timer as { unref?: () => void } | undefined)?.unref?.();
      return timer;
    };
    return Object.assign(wrapped, original) as unknown as F;
  };
  globalThis.setTimeout = wrap(globalThis.setTimeout);
  globalThis.setInterval = wrap(globalThis.setInterval);
}
