// The PostgreSQL schema is generated from the SQLite one (scripts/pg-schema.mjs):
// the committed file must be what the generator writes today, and the
// generator changes only the provider and the client's folder.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { SOURCE, TARGET, toPostgresSchema } from "../../scripts/pg-schema.mjs";

describe("the generated PostgreSQL schema", () => {
  it("is up to date with prisma/schema.prisma (run `npm run db:pg-schema` when this fails)", () => {
    expect(readFileSync(TARGET, "utf8")).toBe(toPostgresSchema(readFileSync(SOURCE, "utf8")));
  });

  it("swaps the provider and the client's folder and keeps every model line", () => {
    const source = readFileSync(SOURCE, "utf8");
    const generated = toPostgresSchema(source);
    expect(generated).toMatch(/datasource db \{\s*provider = "postgresql"/);
    expect(generated).toContain('output       = "../../app/generated/prisma-pg"');
    expect(generated).not.toContain('"sqlite"');
    const models = (text: string) =>
      text
        .split("\n")
        .filter(
          (line) => !/provider\s*=\s*"(sqlite|postgresql)"|output\s*=/.test(line) && !line.startsWith("// GENERATED") && !line.startsWith("// The same models"),
        );
    expect(models(generated).filter((l) => l !== "")).toEqual(models(source).filter((l) => l !== ""));
  });

  it("refuses a schema whose provider or output it does not recognise", () => {
    const source = readFileSync(SOURCE, "utf8");
    expect(() => toPostgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/provider/);
    expect(() => toPostgresSchema(source.replace('"../app/generated/prisma"', '"../elsewhere"'))).toThrow(/output/);
  });
});
