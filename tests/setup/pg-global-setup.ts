// The integration suite on PostgreSQL (vitest.integration-pg.config.ts): one
// template database, migrated with the PostgreSQL migrations and filled with
// the same reference data as the SQLite template (tests/setup/global-setup.ts);
// every test file then gets its own copy with CREATE DATABASE … TEMPLATE
// (tests/setup/pg-database.ts). Needs PG_TEST_URL (scripts/pg-cluster.mjs).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import type { TestProject } from "vitest/node";
import type { PrismaClient } from "../../app/generated/prisma/client";
import { PrismaClient as PgPrismaClient } from "../../app/generated/prisma-pg/client";
import { withDatabase } from "../../prisma/cli-adapter-pg";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

async function admin<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export default async function globalSetup(project: TestProject) {
  const cluster = process.env.PG_TEST_URL;
  if (!cluster) throw new Error("PG_TEST_URL is not set: run through scripts/pg-cluster.mjs (see vitest.integration-pg.config.ts)");
  const template = `portal_it_template_${randomBytes(4).toString("hex")}`;
  await admin(cluster, (c) => c.query(`CREATE DATABASE "${template}"`));
  const url = withDatabase(cluster, template);
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy", "--config", "prisma.postgresql.config.ts"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  const db = new PgPrismaClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as PrismaClient;
  await seedReferenceData(db);
  await seedContractTemplates(db);
  await seedReferencePrices(db);
  // A template must have no sessions while it is copied.
  await db.$disconnect();
  project.provide("pgTemplate", template);
  return async () => {
    await admin(cluster, async (c) => {
      const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'portal_it_%'");
      for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    });
  };
}
