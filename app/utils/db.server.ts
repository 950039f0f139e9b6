import { PrismaClient } from "~/generated/prisma/client";
import { DEFAULT_DATABASE_URL, SqliteAdapterFactory } from "./db-adapter";

export type Db = PrismaClient;
/** The client handed to domain functions inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new SqliteAdapterFactory(url) });
}

const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };

// One client per process; the dev server reloads modules, so keep it on globalThis.
export const db: PrismaClient = globalForDb.__portalDb ?? (globalForDb.__portalDb = createDb());
