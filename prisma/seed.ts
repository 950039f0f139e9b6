// Entry run by `prisma db seed` (see prisma.config.ts) and by the start script.
// Reference data (provinces, districts, villages, crops) is created where missing
// on every run; demo accounts and organisations only on an empty database.
import { PrismaClient } from "../app/generated/prisma/client";
import { DEFAULT_DATABASE_URL, SqliteAdapterFactory, isPostgresUrl } from "../app/utils/db-adapter";
import { seedDemoData } from "./seed/demo-data";
import { seedDemoContracts } from "./seed/demo-contracts";
import { seedExportPrices } from "./seed/export-prices";
import { seedDemoHistory } from "./seed/demo-history";
import { seedDemoMarket } from "./seed/demo-market";
import { readOldDemoNotifications } from "./seed/demo-inbox";
import { seedContractTemplates } from "./seed/contract-templates";
import { seedReferenceData } from "./seed/reference-data";
import { seedReferencePrices } from "./seed/reference-prices";
import { bringSummariesUpToDate } from "../app/domain/summaries.server";

/** The client of the engine the URL names; PostgreSQL's has the same generated API. */
async function openClient(url: string): Promise<PrismaClient> {
  if (!isPostgresUrl(url)) return new PrismaClient({ adapter: new SqliteAdapterFactory(url) });
  const [{ PrismaClient: PgPrismaClient }, { PrismaPg }] = await Promise.all([import("../app/generated/prisma-pg/client"), import("@prisma/adapter-pg")]);
  return new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
}

/** PostgreSQL's advisory lock that the seed holds from start to end (any number the portal uses for nothing else). */
const SEED_LOCK = 7_140_002;

/**
 * Instances started together on one PostgreSQL database seed one after the
 * other: the lock is held on a connection of its own until the seed ends, and
 * the next seeder then finds the first's reference and demo data and leaves
 * them. On SQLite there is one instance per file.
 */
async function holdSeedLock(url: string): Promise<() => Promise<void>> {
  if (!isPostgresUrl(url)) return async () => {};
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("SELECT pg_advisory_lock($1)", [SEED_LOCK]);
  return async () => {
    await client.query("SELECT pg_advisory_unlock($1)", [SEED_LOCK]);
    await client.end();
  };
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const release = await holdSeedLock(url);
  const db = await openClient(url);
  try {
    await seedReferenceData(db);
    await seedContractTemplates(db);
    await seedReferencePrices(db);
    const users = await db.user.count();
    const rebuilt = await bringSummariesUpToDate(db);
    if (rebuilt.length) console.log(`Seed: derived data rebuilt (${rebuilt.join(", ")}).`);
    if (users === 0) {
      await seedDemoData(db);
      await seedDemoMarket(db);
      await seedDemoContracts(db);
      await seedDemoHistory(db);
      await readOldDemoNotifications(db);
      await seedExportPrices(db);
      console.log("Seed: reference data up to date; demo data, market and contracts created, older notifications read (password: demo-password).");
    } else {
      console.log(`Seed: reference data up to date; demo data skipped (${users} users exist).`);
    }
  } finally {
    await db.$disconnect();
    await release();
  }
}

main().catch((error: unknown) => {
  console.error("Seed failed:", error);
  process.exit(1);
});
