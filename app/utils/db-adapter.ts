// The SQLite driver adapter with the connection settings every connection needs:
// WAL so readers never wait for the writer, a busy timeout so two writers queue
// instead of failing, and foreign keys enforced. Shared by the app, the seed and
// the Prisma CLI wrapper.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";

export const CONNECTION_PRAGMAS = ["PRAGMA journal_mode = WAL;", "PRAGMA busy_timeout = 5000;", "PRAGMA foreign_keys = ON;"].join("\n");

export const DEFAULT_DATABASE_URL = "file:./data/portal.db";

/** `postgresql://…` (or `postgres://…`) selects PostgreSQL; anything else is a SQLite `file:` URL. */
export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

type Connected = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;

export class SqliteAdapterFactory extends PrismaBetterSQLite3 {
  constructor(url: string) {
    super({ url, timeout: 5000 });
  }

  override async connect(): Promise<Connected> {
    const adapter = await super.connect();
    await adapter.executeScript(CONNECTION_PRAGMAS);
    return adapter;
  }
}
