// Prisma CLI configuration for PostgreSQL (`prisma … --config prisma.postgresql.config.ts`):
// the generated prisma/postgresql/schema.prisma and its own migrations, through
// the WASM schema engine and the pg driver adapter, offline.
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { createCliPgAdapterFactory } from "./prisma/cli-adapter-pg";
import { unrefLongTimers } from "./prisma/cli-adapter";

export const DEFAULT_PG_DATABASE_URL = "postgresql://portal@127.0.0.1:5432/portal";

if (existsSync(".env")) process.loadEnvFile(".env");
// The schema's `env("DATABASE_URL")` must parse as a PostgreSQL URL even for
// `generate`, or the CLI falls back to the native engine and tries a download.
if (!/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")) process.env.DATABASE_URL = DEFAULT_PG_DATABASE_URL;
process.env.CHECKPOINT_DISABLE ??= "1";

unrefLongTimers(10_000);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/postgresql/schema.prisma",
  migrations: {
    path: "prisma/postgresql/migrations",
    seed: "tsx prisma/seed.ts",
  },
  adapter: async () => createCliPgAdapterFactory(process.env.DATABASE_URL ?? DEFAULT_PG_DATABASE_URL, process.env.SHADOW_DATABASE_URL || undefined),
});
