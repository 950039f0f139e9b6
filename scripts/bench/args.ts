// Command-line options of `npm run bench`, parsed with node:util parseArgs
// so the benchmark needs no dependency beyond autocannon; a wrong option stops
// it before anything is built or started.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PAGES } from "./pages";

export interface BenchOptions {
  db: string;
  duration: number;
  connections: number;
  runs: number;
  warmup: number;
  pages: string[];
  json: string | null;
  build: boolean;
  acceptEncoding: string | null;
}

export const USAGE = `Usage: npm run bench -- --db data/scale-10.db [options]

  --db FILE            SQLite database to serve (default: the largest data/scale-<N>.db; the server may write sessions)
  --duration SEC       length of each autocannon run (default 10)
  --connections N      concurrent connections (default 32)
  --runs N             baseline/page run pairs per page; medians are printed (default 3)
  --warmup SEC         unmeasured load on each page before its runs (default 1; 0 for none)
  --pages a,b,...      pages to measure (default all): ${PAGES.map((p) => p.name).join(", ")}
  --json FILE          also write every run's numbers as JSON
  --accept-encoding V  the Accept-Encoding sent, as a phone's browser does (default: "gzip, deflate, br"; "none" for none)
  --no-build           never build, even when the build is older than the sources
`;

export class UsageError extends Error {}

function positive(name: string, value: string | undefined, fallback: number, allowZero = false): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || (!allowZero && n === 0))
    throw new UsageError(`--${name} must be a ${allowZero ? "non-negative" : "positive"} number, not "${value}".`);
  return n;
}

export function parseOptions(argv: string[], root: string): BenchOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        db: { type: "string" },
        duration: { type: "string" },
        connections: { type: "string" },
        runs: { type: "string" },
        warmup: { type: "string" },
        pages: { type: "string" },
        json: { type: "string" },
        "accept-encoding": { type: "string" },
        "no-build": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return "help";
  // Without --db, the largest scale data set there is (npm run db:scale -- --scale 10 makes data/scale-10.db).
  const chosen = values.db ?? defaultDatabase(root);
  if (!chosen) throw new UsageError("--db is required when data/ holds no scale-<N>.db (npm run db:scale -- --scale 10 makes one).");
  // Relative to where the command was typed; npm runs scripts from the project folder.
  const db = path.resolve(process.env.INIT_CWD ?? process.cwd(), chosen);
  if (!existsSync(db)) throw new UsageError(`No database at ${path.relative(root, db) || db}.`);

  const known = new Set(PAGES.map((p) => p.name));
  const pages = values.pages
    ? values.pages
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : PAGES.map((p) => p.name);
  const unknown = pages.filter((p) => !known.has(p));
  if (unknown.length) throw new UsageError(`Unknown page(s): ${unknown.join(", ")}. Known: ${[...known].join(", ")}.`);
  if (!pages.length) throw new UsageError("--pages names no page.");

  return {
    db,
    duration: positive("duration", values.duration, 10),
    connections: Math.round(positive("connections", values.connections, 32)),
    runs: Math.round(positive("runs", values.runs, 3)),
    warmup: positive("warmup", values.warmup, 1, true),
    pages,
    json: values.json ? path.resolve(process.env.INIT_CWD ?? process.cwd(), values.json) : null,
    build: !values["no-build"],
    acceptEncoding: values["accept-encoding"] === "none" ? null : (values["accept-encoding"] ?? "gzip, deflate, br"),
  };
}

/** data/scale-<N>.db with the largest N, or null. */
export function defaultDatabase(root: string): string | null {
  const dir = path.join(root, "data");
  if (!existsSync(dir)) return null;
  const found = readdirSync(dir)
    .map((name) => ({ name, scale: Number(/^scale-([0-9.]+)\.db$/.exec(name)?.[1] ?? NaN) }))
    .filter((f) => Number.isFinite(f.scale))
    .sort((a, b) => b.scale - a.scale);
  return found[0] ? path.join(dir, found[0].name) : null;
}
