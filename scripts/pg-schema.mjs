// `npm run db:pg-schema`: writes prisma/postgresql/schema.prisma from the SQLite
// schema (prisma/schema.prisma, the source of every model). Only the datasource
// provider and the client's output folder differ, so both engines always have
// the same models; a unit test fails when the committed file is stale.
// `--check` prints nothing and exits 1 when the file differs.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
export const SOURCE = path.join(root, "prisma/schema.prisma");
export const TARGET = path.join(root, "prisma/postgresql/schema.prisma");

const HEADER = [
  "// GENERATED from prisma/schema.prisma by `npm run db:pg-schema`: do not edit.",
  "// The same models on PostgreSQL; its migrations are in ./migrations.",
  "",
].join("\n");

/** The PostgreSQL schema text for a SQLite schema text. */
export function toPostgresSchema(source) {
  const provider = /(datasource\s+db\s*\{[^}]*?provider\s*=\s*)"sqlite"/;
  const output = /(generator\s+client\s*\{[^}]*?output\s*=\s*)"\.\.\/app\/generated\/prisma"/;
  if (!provider.test(source)) throw new Error('prisma/schema.prisma: no `provider = "sqlite"` in datasource db');
  if (!output.test(source)) throw new Error('prisma/schema.prisma: no `output = "../app/generated/prisma"` in generator client');
  // The PostgreSQL schema sits one folder deeper.
  return HEADER + source.replace(provider, '$1"postgresql"').replace(output, '$1"../../app/generated/prisma-pg"');
}

function main() {
  const expected = toPostgresSchema(readFileSync(SOURCE, "utf8"));
  let current = "";
  try {
    current = readFileSync(TARGET, "utf8");
  } catch {
    // not written yet
  }
  if (process.argv.includes("--check")) {
    if (current !== expected) {
      console.error("prisma/postgresql/schema.prisma is stale: run `npm run db:pg-schema`.");
      process.exit(1);
    }
    return;
  }
  if (current !== expected) writeFileSync(TARGET, expected);
  console.log(`prisma/postgresql/schema.prisma ${current === expected ? "is up to date" : "written"}.`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
