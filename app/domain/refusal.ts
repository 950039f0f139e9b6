// A domain rule that says no. Thrown inside a transaction it rolls back every
// write made so far; `inTransaction` turns it into a plain result for the route.
import type { Db, Tx } from "~/utils/db.server";

export class Refusal<R extends string = string> extends Error {
  constructor(readonly reason: R) {
    super(`refused: ${reason}`);
  }
}

export function refuse<R extends string>(reason: R): never {
  throw new Refusal(reason);
}

export type Refused<R extends string> = { ok: false; reason: R };

export async function inTransaction<T, R extends string>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T | Refused<R>> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.reason as R };
    throw error;
  }
}
