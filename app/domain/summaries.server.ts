// Derived data the pages read instead of history: columns and tables kept in
// the same transaction as the records they come from. A database written
// before one of them existed is brought up to date once, by the seed (which
// runs at every start), and SummaryState remembers which version it has.
import type { Db } from "~/utils/db.server";
import { rebuildOverdueFrom } from "./payments/overdue.server";

interface Derived {
  name: string;
  /** bump when the way it is computed changes, so existing data is rebuilt */
  version: number;
  rebuild: (db: Db, now: Date) => Promise<unknown>;
}

// The price tally is kept and backfilled by the database itself (triggers and
// their migration), so it needs no entry here.
export const DERIVED: readonly Derived[] = [{ name: "Contract.ledgerDates", version: 1, rebuild: rebuildOverdueFrom }];

/** Rebuilds what is behind its version; returns the names rebuilt. */
export async function bringSummariesUpToDate(db: Db, now = new Date()): Promise<string[]> {
  const states = new Map((await db.summaryState.findMany()).map((s) => [s.name, s.version]));
  const rebuilt: string[] = [];
  for (const d of DERIVED) {
    if ((states.get(d.name) ?? 0) >= d.version) continue;
    await d.rebuild(db, now);
    await db.summaryState.upsert({ where: { name: d.name }, create: { name: d.name, version: d.version }, update: { version: d.version } });
    rebuilt.push(d.name);
  }
  return rebuilt;
}
