// Migrates one template database and fills it with reference data (places,
// crops); every test file then works on its own copy of it. Each run has its
// own folder, so two runs at once never remove each other's files.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { PrismaClient } from "../../app/generated/prisma/client";
import { SqliteAdapterFactory } from "../../app/utils/db-adapter";
import { seedContractTemplates } from "../../prisma/seed/contract-templates";
import { seedReferenceData } from "../../prisma/seed/reference-data";
import { seedReferencePrices } from "../../prisma/seed/reference-prices";

declare module "vitest" {
  export interface ProvidedContext {
    testRunDir: string;
  }
}

export default async function globalSetup(project: TestProject) {
  const runDir = path.resolve("tests/.tmp", `run-${process.pid}-${randomBytes(3).toString("hex")}`);
  mkdirSync(runDir, { recursive: true });
  const url = `file:${path.join(runDir, "template.db")}`;
  execFileSync(path.resolve("node_modules/.bin/prisma"), ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: "pipe",
  });
  const db = new PrismaClient({ adapter: new SqliteAdapterFactory(url) });
  await seedReferenceData(db);
  await seedContractTemplates(db);
  await seedReferencePrices(db);
  // Fold the WAL into the file so a plain copy carries everything.
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  await db.$disconnect();
  project.provide("testRunDir", runDir);
  return () => rmSync(runDir, { recursive: true, force: true });
}
