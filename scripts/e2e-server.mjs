// The portal as `npm start` runs it, on a fresh database of its own, for the
// end-to-end tests.
import { rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const file = path.join(root, "data", "e2e.db");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
process.env.DATABASE_URL = "file:./data/e2e.db";
await import("./start.mjs");
