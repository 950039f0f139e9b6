import { describe, expect, it } from "vitest";
import { databaseAnswers, healthResponse, loader as healthz } from "~/routes/healthz";
import { createDb, db } from "~/utils/db.server";

describe("database connection", () => {
  it("runs in WAL mode with a busy timeout and foreign keys enforced", async () => {
    const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    const [timeout] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    const [fk] = await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
    expect(mode?.journal_mode).toBe("wal");
    expect(Number(timeout?.timeout)).toBe(5000);
    expect(Number(fk?.foreign_keys)).toBe(1);
  });

  it("refuses a record that points at nothing", async () => {
    await expect(db.organisation.create({ data: { nameLo: "x", nameEn: "x", type: "cooperative", villageId: "no-such-village" } })).rejects.toThrow();
  });

  it("answers /healthz with 200 when the database answers and 503 when it does not", async () => {
    const ok = await healthz();
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("ok");

    const broken = createDb("file:/nonexistent-folder/none.db");
    expect(await databaseAnswers(broken)).toBe(false);
    expect(healthResponse(false).status).toBe(503);
  });
});
