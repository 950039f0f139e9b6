// What the benchmark needs to know about the database, read directly with
// better-sqlite3 in read-only mode: the benchmark must never change the data it
// measures, and going through the app's Prisma client would also cost us the
// client's start-up. Picks the records that make each page do the most work
// (the listing with most offers, the contract with most deliveries...).
import Database from "better-sqlite3";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const COUNTED_TABLES = ["Organisation", "Member", "Listing", "Pledge", "Offer", "Contract", "Notification", "Session"] as const;

/** The ids and query values that page paths are built from; null when the data has none. */
export interface BenchIds {
  /** a live listing of the demo leader's FO, the one with most offers */
  listingId: string | null;
  /** a contract of the demo trader's company, the one with most deliveries */
  contractId: string | null;
  /** the crop and district with most live listings, and a minimum that keeps most of them */
  search: { crop: string; district: string; minKg: number; matches: number } | null;
}

export interface DatabaseFacts {
  file: string;
  bytes: number;
  counts: Record<string, number | null>;
  ids: BenchIds;
  /** queries that failed (a different or damaged schema); their pages are skipped */
  problems: string[];
  /** migrations in prisma/migrations that the database has not applied (the server does not migrate) */
  pendingMigrations: string[];
}

// Listings are stored with ISO-8601 text dates; comparing the text works
// because the date-time part comes first and has a fixed width.
const LIVE = `l.status IN ('open', 'under_negotiation') AND l.offerDeadline > @now`;

export function inspectDatabase(file: string, root: string, now = new Date()): DatabaseFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (table: string) => {
      try {
        return (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
      } catch {
        return null; // table missing: an older schema
      }
    };
    const counts = Object.fromEntries(COUNTED_TABLES.map((t) => [t, count(t)]));
    const at = { now: now.toISOString() };
    const problems: string[] = [];
    // A failed lookup skips the pages that need it instead of stopping the benchmark.
    const attempt = <T>(what: string, query: () => T): T | undefined => {
      try {
        return query();
      } catch (error) {
        problems.push(`finding ${what}: ${(error as Error).message}`);
        return undefined;
      }
    };

    // The ranked query first; if it fails (a table it ranks by is missing), any
    // matching record, so the page is still loaded and its errors are reported.
    const pick = (what: string, ranked: string, plain: string, params: object = {}) =>
      attempt(what, () => db.prepare(ranked).get(params) as { id: string } | undefined) ??
      attempt(`${what} (unranked)`, () => db.prepare(plain).get(params) as { id: string } | undefined);

    const leaderListings = `SELECT l.id FROM Listing l
         JOIN OrganisationLeader ol ON ol.organisationId = l.organisationId
         JOIN User u ON u.id = ol.userId AND u.email = 'leader@demo.la'
       WHERE ${LIVE}`;
    const listing = pick(
      "a listing",
      `${leaderListings} ORDER BY (SELECT count(*) FROM Offer o WHERE o.listingId = l.id) DESC, l.id LIMIT 1`,
      `${leaderListings} ORDER BY l.id LIMIT 1`,
      at,
    );

    const traderContracts = `SELECT c.id FROM Contract c
         JOIN TraderStaff ts ON ts.companyId = c.companyId
         JOIN User u ON u.id = ts.userId AND u.email = 'trader@demo.la'`;
    const contract = pick(
      "a contract",
      `${traderContracts} ORDER BY (SELECT count(*) FROM Delivery d WHERE d.contractId = c.id) DESC, c.id LIMIT 1`,
      `${traderContracts} ORDER BY c.id LIMIT 1`,
    );

    const pair = attempt(
      "a crop and district",
      () =>
        db
          .prepare(
            `SELECT l.cropId AS crop, l.districtId AS district, count(*) AS n FROM Listing l
         WHERE ${LIVE} GROUP BY l.cropId, l.districtId ORDER BY n DESC, crop, district LIMIT 1`,
          )
          .get(at) as { crop: string; district: string; n: number } | undefined,
    );
    let search: BenchIds["search"] = null;
    if (pair) {
      // The lower quartile of quantities: the filter has to drop some rows, not all.
      const rows = attempt(
        "listing quantities",
        () =>
          db
            .prepare(`SELECT l.totalKg AS kg FROM Listing l WHERE ${LIVE} AND l.cropId = @crop AND l.districtId = @district ORDER BY kg`)
            .all({ ...at, crop: pair.crop, district: pair.district }) as { kg: number }[],
      );
      const kgs = (rows ?? []).map((r) => r.kg);
      const minKg = Math.max(1, Math.floor((kgs[Math.floor(kgs.length / 4)] ?? 1) / 100) * 100);
      search = { crop: pair.crop, district: pair.district, minKg, matches: kgs.filter((kg) => kg >= minKg).length };
    }

    let applied = new Set<string>();
    try {
      const rows = db.prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL`).all() as { name: string }[];
      applied = new Set(rows.map((r) => r.name));
    } catch {
      // no migrations table: every migration is pending
    }
    let known: string[] = [];
    try {
      const dir = path.join(root, "prisma", "migrations");
      known = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory());
    } catch {
      // no migrations folder: nothing to compare
    }

    return {
      file,
      bytes: statSync(file).size,
      counts,
      ids: { listingId: listing?.id ?? null, contractId: contract?.id ?? null, search },
      problems,
      pendingMigrations: known.filter((name) => !applied.has(name)).sort(),
    };
  } finally {
    db.close();
  }
}
