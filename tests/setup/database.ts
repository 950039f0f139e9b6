// Runs before each test file: a private copy of the template database, so test
// files never see each other's records.
import { randomBytes } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterAll, inject } from "vitest";

const runDir = inject("testRunDir");
const file = path.join(runDir, `test-${process.pid}-${randomBytes(4).toString("hex")}.db`);
copyFileSync(path.join(runDir, "template.db"), file);

process.env.DATABASE_URL = `file:${file}`;
process.env.SESSION_SECRET = "test-session-secret-0123456789";
process.env.JOBS_DISABLED = "1"; // scheduled work runs only where a test calls it

const globalForDb = globalThis as unknown as { __portalDb?: { $disconnect(): Promise<void> }; __portalReads?: { close(): void } };
delete globalForDb.__portalDb;
delete globalForDb.__portalReads;

afterAll(async () => {
  await globalForDb.__portalDb?.$disconnect();
  delete globalForDb.__portalDb;
  globalForDb.__portalReads?.close();
  delete globalForDb.__portalReads;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
});
