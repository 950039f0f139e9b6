// `npm run db:pg-migration -- <name>`: after a change to prisma/schema.prisma
// and its SQLite migration, regenerate the PostgreSQL schema and write the
// PostgreSQL migration that brings prisma/postgresql/migrations up to it
// (prisma migrate diff on a throwaway cluster, scripts/pg-cluster.mjs).
// Triggers, and data the SQLite migration writes, are not in the schema:
// port them into the new migration by hand (docs/decisions/0022-postgresql.md);
// tests/postgresql fails while a SQLite trigger has no PostgreSQL namesake.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startCluster } from "./pg-cluster.mjs";
import { SOURCE, TARGET, toPostgresSchema } from "./pg-schema.mjs";

const root = path.resolve(import.meta.dirname, "..");
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:pg-migration -- <name, in lower case with underscores>");
  process.exit(2);
}

writeFileSync(TARGET, toPostgresSchema(readFileSync(SOURCE, "utf8")));
const cluster = await startCluster();
let sql;
try {
  sql = execFileSync(
    path.join(root, "node_modules/.bin/prisma"),
    [
      "migrate",
      "diff",
      "--config",
      "prisma.postgresql.config.ts",
      "--from-migrations",
      "prisma/postgresql/migrations",
      "--to-schema-datamodel",
      "prisma/postgresql/schema.prisma",
      "--script",
    ],
    { cwd: root, env: { ...process.env, DATABASE_URL: cluster.url }, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
} finally {
  cluster.stop();
}
if (sql.includes("This is an empty migration.")) {
  console.log("The PostgreSQL migrations already give the schema: nothing written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(root, "prisma/postgresql/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Written ${path.relative(root, dir)}/migration.sql. Port any triggers or data of the SQLite migration into it by hand.`);
