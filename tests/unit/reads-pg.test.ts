// The rewriting of the prepared reads' SQL for PostgreSQL (~/utils/reads-pg.server).
import { describe, expect, it } from "vitest";
import { sqliteInstant, toPostgresSql } from "~/utils/reads-pg.server";

describe("read SQL on PostgreSQL", () => {
  it("quotes bare camelCase names and numbers the placeholders", () => {
    expect(toPostgresSql("SELECT COUNT(*) AS n, MAX(createdAt) AS lastAt FROM SignInFailure WHERE identifier = ? AND address = ? AND createdAt > ?")).toBe(
      'SELECT COUNT(*) AS n, MAX("createdAt") AS "lastAt" FROM "SignInFailure" WHERE identifier = $1 AND address = $2 AND "createdAt" > $3',
    );
    expect(toPostgresSql("SELECT u.id, u.createdAt FROM User u WHERE u.id IN (?, ?) LIMIT ?")).toBe(
      'SELECT u.id, u."createdAt" FROM "User" u WHERE u.id IN ($1, $2) LIMIT $3',
    );
  });

  it("leaves string literals, quoted names, keywords and lower-case names as they are", () => {
    expect(toPostgresSql(`SELECT "kind", 'What? camelCase' AS label FROM ReportReach r WHERE r.kind = 'organisation' AND r.memberSex IS NULL`)).toBe(
      `SELECT "kind", 'What? camelCase' AS label FROM "ReportReach" r WHERE r.kind = 'organisation' AND r."memberSex" IS NULL`,
    );
    expect(toPostgresSql("SELECT 'it''s ?' AS t, ? AS p")).toBe("SELECT 'it''s ?' AS t, $1 AS p");
  });

  it("gives instants in the form Prisma stores them on SQLite", () => {
    expect(sqliteInstant("2026-11-01 03:00:00")).toBe("2026-11-01T03:00:00.000+00:00");
    expect(sqliteInstant("2026-11-01 03:00:00.12")).toBe("2026-11-01T03:00:00.120+00:00");
    expect(sqliteInstant("2026-11-01 10:00:00+07")).toBe("2026-11-01T03:00:00.000+00:00");
  });
});
