// The pure parts of the PostgreSQL CLI adapter wrapper (prisma/cli-adapter-pg.ts);
// tests/postgresql/prisma-cli-pg.test.ts runs it against a server.
import { describe, expect, it } from "vitest";
import { hasDollarQuoting, systemTypesAsText, withDatabase } from "../../prisma/cli-adapter-pg";

describe("the PostgreSQL CLI adapter wrapper", () => {
  it('reports the system types name (19) and "char" (18) as text (25), and leaves the others', () => {
    const result = { fields: [{ dataTypeID: 19 }, { dataTypeID: 18 }, { dataTypeID: 23 }, { dataTypeID: 1114 }] };
    expect(systemTypesAsText(result).fields.map((f) => f.dataTypeID)).toEqual([25, 25, 23, 1114]);
    const many = [{ fields: [{ dataTypeID: 19 }] }, { fields: [{ dataTypeID: 20 }] }];
    expect(systemTypesAsText(many).map((r) => r.fields[0]!.dataTypeID)).toEqual([25, 20]);
    expect(systemTypesAsText(undefined)).toBeUndefined();
  });

  it("recognises scripts with dollar-quoted bodies", () => {
    expect(hasDollarQuoting("CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;")).toBe(true);
    expect(hasDollarQuoting("DO $body$ BEGIN END $body$;")).toBe(true);
    expect(hasDollarQuoting('CREATE TABLE "A" ("id" TEXT); CREATE INDEX "A_id" ON "A"("id");')).toBe(false);
    expect(hasDollarQuoting("SELECT $1, $2")).toBe(false);
  });

  it("points a URL at another database on the same server, keeping credentials and options", () => {
    expect(withDatabase("postgresql://portal:secret@127.0.0.1:5433/portal?sslmode=disable", "shadow_1")).toBe(
      "postgresql://portal:secret@127.0.0.1:5433/shadow_1?sslmode=disable",
    );
  });
});
