// Finished figures kept in memory while the data behind them stands still.
// The database keeps a counter per kind of figures (DataVersion) and bumps it,
// by triggers, in the transaction of every write that could change one of
// them, whoever writes. A value is kept with the version read before it was
// computed and given out again only while the version is the same; so it is
// never older than the data: a write landing while it is being computed makes
// it at most newer than its version, and the next read replaces it.
//
// One store per read connection, i.e. per database file (tests open one per
// file), holding the most recently used entries. Kept values are frozen: every
// caller shares them.
import { reads, type Reads } from "./reads.server";

export type DataVersionName = "programmeReport" | "priceBoard";

/** The current version of one kind of figures; null when the database keeps none (then nothing is kept). */
export async function dataVersion(name: DataVersionName): Promise<number | null> {
  return (await reads().get<{ version: number }>("SELECT version FROM DataVersion WHERE name = ?", name))?.version ?? null;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export interface Kept<T> {
  /** The value kept under `key` if the data has not changed since, else `compute()` (then kept). */
  get(key: string, compute: () => Promise<T>): Promise<T>;
}

export function keptValues<T>(name: DataVersionName, capacity: number): Kept<T> {
  const stores = new WeakMap<Reads, Map<string, { version: number; value: T }>>();
  return {
    async get(key, compute) {
      const connection = reads();
      let store = stores.get(connection);
      if (!store) stores.set(connection, (store = new Map()));
      const version = await dataVersion(name);
      const found = store.get(key);
      store.delete(key);
      if (found && found.version === version) {
        store.set(key, found);
        return found.value;
      }
      const value = deepFreeze(await compute());
      if (version !== null) {
        store.set(key, { version, value });
        if (store.size > capacity) store.delete(store.keys().next().value!);
      }
      return value;
    },
  };
}
