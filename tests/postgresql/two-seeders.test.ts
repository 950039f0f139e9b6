// Two instances started together run their seeds at the same moment on one
// empty PostgreSQL database: the seeds take turns, so the demo data is made
// once, and both end without an error.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { openDb, type Db } from "~/utils/db.server";
import { freshPostgres } from "./engines";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const cleanUps: (() => unknown)[] = [];
afterAll(async () => {
  for (const clean of cleanUps.reverse()) await clean();
});

const seed = (url: string) =>
  run(path.join(root, "node_modules/.bin/tsx"), ["prisma/seed.ts"], { cwd: root, env: { ...process.env, DATABASE_URL: url }, maxBuffer: 16 * 1024 * 1024 });

describe("two seeds at once", () => {
  it("make the demo data once, one after the other, both without an error", async () => {
    const { url, drop } = await freshPostgres();
    cleanUps.push(drop);
    const [first, second] = await Promise.all([seed(url), seed(url)]);
    const said = [first.stdout, second.stdout].join("\n");
    expect(said.match(/demo data, market and contracts created/g)).toHaveLength(1);
    expect(said.match(/demo data skipped/g)).toHaveLength(1);

    const db: Db = await openDb(url);
    cleanUps.push(() => db.$disconnect());
    // As many as one seed on its own makes: the demo accounts once, each crop and district once.
    const once = await freshPostgres();
    cleanUps.push(once.drop);
    await seed(once.url);
    const alone: Db = await openDb(once.url);
    cleanUps.push(() => alone.$disconnect());
    for (const table of ["user", "organisation", "crop", "district", "listing", "contract"] as const) {
      const count = (client: Db) => (client[table] as unknown as { count(): Promise<number> }).count();
      expect(await count(db), table).toBe(await count(alone));
    }
    expect(await db.user.count()).toBeGreaterThan(3);
  }, 300_000);
});
