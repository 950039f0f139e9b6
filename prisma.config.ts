// Prisma CLI configuration: the WASM schema engine through the better-sqlite3
// driver adapter, so generate/migrate/seed work offline (no engine download).
import { existsSync } from "node:fs";
import { defineConfig } from "prisma/config";
import { DEFAULT_DATABASE_URL } from "./app/utils/db-adapter";
import { createCliAdapterFactory, unrefLongTimers } from "./prisma/cli-adapter";

// With a config file Prisma 6 skips .env; load it here and default the URL
// (the schema's `env("DATABASE_URL")` must resolve or the CLI falls back to the
// native engine and tries to download it).
if (existsSync(".env")) process.loadEnvFile(".env");
if (!process.env.DATABASE_URL) process.env.DATABASE_URL = DEFAULT_DATABASE_URL;
// No update check/telemetry child process: the project works offline.
process.env.CHECKPOINT_DISABLE ??= "1";

// The schema engine leaves a 60 s timer alive; don't let it hold the CLI open.
unrefLongTimers(10_000);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  adapter: async () => createCliAdapterFactory(process.env.DATABASE_URL || DEFAULT_DATABASE_URL),
});
