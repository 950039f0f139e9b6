// The PostgreSQL driver adapter factory used by the Prisma CLI only
// (prisma.postgresql.config.ts); the app uses the plain PrismaPg. Through
// @prisma/adapter-pg 6.19.x the WASM schema engine trips over four things:
//
//  1. The engine's introspection reads the system types `name` (oid 19) and
//     `"char"` (oid 18), which the adapter refuses ("Unsupported column type"):
//     the connections report them as text (they arrive as strings anyway).
//  2. PrismaPg's shadow database drops the database while its own pool is
//     still connected (so it is left behind), and with a connection string it
//     connects to the real database instead. Here the shadow database is
//     SHADOW_DATABASE_URL, emptied first, or a throwaway database created
//     beside the real one and dropped after its pool has closed.
//  3. The pool keeps idle connections (and the engine a 60 s timer), so every
//     command lingers 10–60 s after finishing: `allowExitOnIdle`, and long
//     timers unref'd (prisma/cli-adapter.ts).
//  4. The adapter splits scripts at every `;`, which cuts the plpgsql trigger
//     functions of the migrations apart: a script with dollar quoting is sent
//     whole (PostgreSQL runs several statements in one simple query).
import { randomBytes } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

export type CliPgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

/** oids of system types that the adapter does not map (pg_type: "char", name). */
export const SYSTEM_TEXT_TYPE_OIDS: ReadonlySet<number> = new Set([18, 19]);
const TEXT_OID = 25;

export const SHADOW_DATABASE_PREFIX = "prisma_shadow_portal_";

type Field = { dataTypeID: number };
type Result = { fields?: Field[] } | undefined;

/** Reports the unmapped system types of a result's columns as text. */
export function systemTypesAsText<R extends Result | Result[]>(result: R): R {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of one?.fields ?? []) if (SYSTEM_TEXT_TYPE_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
  }
  return result;
}

type Callback = (error: Error | null, result: Result) => void;

/** A pg client whose results report the system types as text, for both the promise and the callback form. */
export class SystemTypesAsTextClient extends pg.Client {
  override query(...args: unknown[]): never {
    const last = args.length - 1;
    if (typeof args[last] === "function") {
      const callback = args[last] as Callback;
      args[last] = (error: Error | null, result: Result) => callback(error, error ? result : systemTypesAsText(result));
    } else if (args[0] && typeof args[0] === "object" && typeof (args[0] as { callback?: unknown }).callback === "function") {
      const config = args[0] as { callback: Callback };
      const callback = config.callback;
      config.callback = (error, result) => callback(error, error ? result : systemTypesAsText(result));
    }
    const returned = (pg.Client.prototype.query as (...a: unknown[]) => unknown).apply(this, args);
    if (returned && typeof (returned as Promise<Result>).then === "function") {
      return (returned as Promise<Result>).then(systemTypesAsText) as never;
    }
    return returned as never;
  }
}

/** The pool settings of every CLI connection. */
export function cliPoolConfig(url: string): pg.PoolConfig {
  return { connectionString: url, allowExitOnIdle: true, max: 2, Client: SystemTypesAsTextClient };
}

/** The same server and credentials, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** True when a script holds dollar-quoted bodies (functions), which must not be split at `;`. */
export function hasDollarQuoting(script: string): boolean {
  return /\$[A-Za-z_]*\$/.test(script);
}

/** Patches one connection (main or shadow) in place and returns it. */
export function patchCliPgAdapter(adapter: CliPgAdapter): CliPgAdapter {
  const executeScript = adapter.executeScript.bind(adapter);
  adapter.executeScript = async (script) => {
    if (!hasDollarQuoting(script)) return executeScript(script);
    await adapter.underlyingDriver().query(script);
  };
  return adapter;
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

class CliPgAdapterFactory extends PrismaPg {
  readonly #url: string;
  readonly #shadowUrl: string | undefined;

  constructor(url: string, shadowUrl?: string) {
    super(cliPoolConfig(url));
    this.#url = url;
    this.#shadowUrl = shadowUrl;
  }

  override async connect(): Promise<CliPgAdapter> {
    return patchCliPgAdapter(await super.connect());
  }

  override async connectToShadowDb(): Promise<CliPgAdapter> {
    if (this.#shadowUrl) {
      const adapter = patchCliPgAdapter(await new PrismaPg(cliPoolConfig(this.#shadowUrl)).connect());
      await adapter.executeScript("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
      return adapter;
    }
    const name = `${SHADOW_DATABASE_PREFIX}${randomBytes(6).toString("hex")}`;
    await withAdminClient(this.#url, async (client) => {
      // Throwaway databases of earlier runs that were killed; one in use is not dropped.
      const left = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${SHADOW_DATABASE_PREFIX}%`]);
      for (const row of left.rows) await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(row.datname)}`).catch(() => undefined);
      await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    });
    const adapter = patchCliPgAdapter(await new PrismaPg(cliPoolConfig(withDatabase(this.#url, name))).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose(); // closes the shadow pool first, so the database can go
      await withAdminClient(this.#url, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)}`));
    };
    return adapter;
  }
}

/** The adapter factory for prisma.postgresql.config.ts. */
export function createCliPgAdapterFactory(url: string, shadowUrl?: string): PrismaPg {
  return new CliPgAdapterFactory(url, shadowUrl);
}
