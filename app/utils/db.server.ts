import { PrismaClient } from "~/generated/prisma/client";
import { assertNoFrozenFields, refuseDocumentChange } from "~/domain/contracts/frozen";
import { DEFAULT_DATABASE_URL, SqliteAdapterFactory } from "./db-adapter";

export type Db = PrismaClient;
/** The client handed to domain functions inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/**
 * The portal's database client. Contract content is frozen here, below every
 * domain function: an update or upsert naming a content column throws, and a
 * contract's document cannot be updated or deleted at all.
 */
export function createDb(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  return new PrismaClient({ adapter: new SqliteAdapterFactory(url) }).$extends({
    query: {
      contract: {
        update: ({ args, query }) => (assertNoFrozenFields(args.data), query(args)),
        updateMany: ({ args, query }) => (assertNoFrozenFields(args.data), query(args)),
        upsert: ({ args, query }) => (assertNoFrozenFields(args.update), query(args)),
      },
      contractDocument: {
        update: () => refuseDocumentChange(),
        updateMany: () => refuseDocumentChange(),
        upsert: () => refuseDocumentChange(),
        delete: () => refuseDocumentChange(),
        deleteMany: () => refuseDocumentChange(),
      },
    },
  }) as unknown as PrismaClient;
}

const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };

// One client per process; the dev server reloads modules, so keep it on globalThis.
export const db: PrismaClient = globalForDb.__portalDb ?? (globalForDb.__portalDb = createDb());
