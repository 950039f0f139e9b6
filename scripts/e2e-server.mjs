// The portal as `npm start` runs it, on a fresh database of its own, for the
// end-to-end tests: a SQLite file, or with E2E_DATABASE=postgresql a throwaway
// PostgreSQL cluster (scripts/pg-cluster.mjs) that is stopped and removed when
// the server exits.
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
if (process.env.E2E_DATABASE === "postgresql") {
  const { startCluster } = await import("./pg-cluster.mjs");
  const cluster = await startCluster();
  process.on("exit", () => {
    try {
      cluster.stop();
    } catch (error) {
      console.error("Stopping the end-to-end PostgreSQL cluster failed:", error);
    }
  });
  process.env.DATABASE_URL = cluster.url;
} else {
  const file = path.join(root, "data", "e2e.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  process.env.DATABASE_URL = "file:./data/e2e.db";
}
await import("./start.mjs");
