// Reads on the pages everyone opens all day. Prisma costs 0.3–1 ms of CPU per
// query (it compiles each one in WASM and prepares its SQL afresh); a statement
// prepared once costs a hundredth of that. So the hot read paths (the session,
// the market, the price board, dashboards) go through this module: plain SQL
// that PostgreSQL and SQLite both understand, `?` placeholders, statements
// prepared once per connection. Writes stay with Prisma and its transactions.
//
// SQLite specifics kept here and nowhere else: Prisma stores DateTime as ISO
// text with "+00:00" (compare with `sqlDate`), Boolean as 0/1, and the read
// connection is a second connection to the same file (WAL: it sees every
// committed write at once and never waits for the writer).
import Database from "better-sqlite3";
import path from "node:path";
import { DEFAULT_DATABASE_URL, isPostgresUrl } from "./db-adapter";
import { createPgReads } from "./reads-pg.server";

export type SqlValue = string | number | bigint | null;

export interface Reads {
  all<T>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  get<T>(sql: string, ...params: SqlValue[]): Promise<T | undefined>;
  /** As `all`, with every integer read as a bigint: for sums of LAK that may pass 2^53. */
  allExact<T>(sql: string, ...params: SqlValue[]): Promise<T[]>;
  close(): void;
}

/** The form in which Prisma stores an instant, for comparing with stored DateTime columns. */
export function sqlDate(at: Date): string {
  return at.toISOString().replace("Z", "+00:00");
}

/** A stored DateTime column read back. */
export function fromSqlDate(value: string): Date;
export function fromSqlDate(value: string | null): Date | null;
export function fromSqlDate(value: string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** `?, ?, ?` for an IN list of `count` values; callers keep lists bounded (never ids that grow with history). */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => "?").join(", ");
}

function filePath(url: string): string {
  const file = url.replace(/^file:/, "");
  return path.isAbsolute(file) ? file : path.resolve(process.cwd(), file);
}

export function createReads(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): Reads {
  if (isPostgresUrl(url)) return createPgReads(url);
  const connection = new Database(filePath(url), { fileMustExist: true });
  connection.pragma("journal_mode = WAL");
  connection.pragma("busy_timeout = 5000");
  connection.pragma("query_only = ON");
  const statements = new Map<string, Database.Statement>();
  const prepared = (sql: string, exact = false) => {
    const key = exact ? `exact:${sql}` : sql;
    let statement = statements.get(key);
    if (!statement) statements.set(key, (statement = connection.prepare(sql).safeIntegers(exact)));
    return statement;
  };
  return {
    all: async <T>(sql: string, ...params: SqlValue[]) => prepared(sql).all(...params) as T[],
    get: async <T>(sql: string, ...params: SqlValue[]) => prepared(sql).get(...params) as T | undefined,
    allExact: async <T>(sql: string, ...params: SqlValue[]) => prepared(sql, true).all(...params) as T[],
    close: () => connection.close(),
  };
}

const globalForReads = globalThis as unknown as { __portalReads?: Reads };

/** One read connection per process (kept on globalThis across dev-server reloads). */
export function reads(): Reads {
  return (globalForReads.__portalReads ??= createReads());
}

/** Closes the read connection (on shutdown); a later `reads()` opens a new one. */
export function closeReads(): void {
  globalForReads.__portalReads?.close();
  globalForReads.__portalReads = undefined;
}
