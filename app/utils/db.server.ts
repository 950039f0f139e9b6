import { PrismaClient } from "~/generated/prisma/client";
import { assertNoFrozenFields, refuseDocumentChange } from "~/domain/contracts/frozen";
import { DEFAULT_DATABASE_URL, SqliteAdapterFactory, isPostgresUrl } from "./db-adapter";

export type Db = PrismaClient;
/** The client handed to domain functions inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

type ClientFactory = (url: string) => PrismaClient;

const sqliteClient: ClientFactory = (url) => new PrismaClient({ adapter: new SqliteAdapterFactory(url) });

/**
 * The client generated for PostgreSQL (prisma/postgresql/schema.prisma) with
 * the pg driver adapter, loaded only when a `postgresql://` URL asks for it, so
 * a SQLite deployment never loads it. Both clients are generated from the same
 * models and have the same API; it is typed as the SQLite client, which the
 * domain code is written against.
 */
async function loadPostgresClient(): Promise<ClientFactory> {
  const [{ PrismaClient: PgPrismaClient }, { PrismaPg }] = await Promise.all([import("~/generated/prisma-pg/client"), import("@prisma/adapter-pg")]);
  return (url) => new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
}

let postgresClient: ClientFactory | null = isPostgresUrl(process.env.DATABASE_URL ?? "") ? await loadPostgresClient() : null;

/**
 * The portal's database client, on the engine the URL names (`file:` SQLite,
 * `postgresql://` PostgreSQL). Contract content is frozen here, below every
 * domain function: an update or upsert naming a content column throws, and a
 * contract's document cannot be updated or deleted at all.
 */
export function createDb(url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): PrismaClient {
  const client = extendedClient(url);
  engines.set(client, isPostgresUrl(url) ? "postgresql" : "sqlite");
  return client;
}

const engines = new WeakMap<object, "sqlite" | "postgresql">();

/** The engine under a client made by createDb: for the few statements one engine needs and the other has no use for. */
export function engineOf(client: PrismaClient): "sqlite" | "postgresql" {
  const engine = engines.get(client);
  if (!engine) throw new Error("engineOf: a client made by createDb or openDb");
  return engine;
}

function extendedClient(url: string): PrismaClient {
  if (isPostgresUrl(url) && !postgresClient) {
    throw new Error("The PostgreSQL client is loaded at start-up when DATABASE_URL is postgresql://…; elsewhere open it with openDb(url)");
  }
  const base = isPostgresUrl(url) ? postgresClient!(url) : sqliteClient(url);
  return base.$extends({
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

/** As createDb, loading the PostgreSQL client first when the URL needs it. */
export async function openDb(url: string): Promise<PrismaClient> {
  if (isPostgresUrl(url)) postgresClient ??= await loadPostgresClient();
  return createDb(url);
}

const globalForDb = globalThis as unknown as { __portalDb?: PrismaClient };

// One client per process; the dev server reloads modules, so keep it on globalThis.
export const db: PrismaClient = globalForDb.__portalDb ?? (globalForDb.__portalDb = createDb());
