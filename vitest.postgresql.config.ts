import path from "node:path";
import { defineConfig } from "vitest/config";

// The tests that need a PostgreSQL server (tests/postgresql): `npm run test:pg`
// starts a throwaway cluster (scripts/pg-cluster.mjs) and runs them with
// PG_TEST_URL; `npm test` does so after the SQLite suite.
export default defineConfig({
  resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
  test: {
    include: ["tests/postgresql/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
