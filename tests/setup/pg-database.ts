// Runs before each test file of the integration suite on PostgreSQL: a private
// copy of the template database (tests/setup/pg-global-setup.ts), so test files
// never see each other's records, as tests/setup/database.ts does for SQLite.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { withDatabase } from "../../prisma/cli-adapter-pg";

const cluster = process.env.PG_TEST_URL!;
const name = `portal_it_${process.pid}_${randomBytes(4).toString("hex")}`;

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: cluster });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

await admin(`CREATE DATABASE "${name}" TEMPLATE "${inject("pgTemplate")}"`);

process.env.DATABASE_URL = withDatabase(cluster, name);
process.env.SESSION_SECRET = "test-session-secret-0123456789";
process.env.JOBS_DISABLED = "1"; // scheduled work runs only where a test calls it

const globalForDb = globalThis as unknown as { __portalDb?: { $disconnect(): Promise<void> }; __portalReads?: { close(): unknown } };
delete globalForDb.__portalDb;
delete globalForDb.__portalReads;

afterAll(async () => {
  await globalForDb.__portalDb?.$disconnect();
  delete globalForDb.__portalDb;
  await globalForDb.__portalReads?.close();
  delete globalForDb.__portalReads;
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});
