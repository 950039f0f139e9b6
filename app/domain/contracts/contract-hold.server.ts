// A write that depends on what the contract already holds (deliveries against
// its quantity, payments against what is owed) moves the contract's version as
// its first statement. The contract's row is then held to the commit: on
// PostgreSQL, writes to one contract arriving together wait their turn and each
// reads the ones committed before it, as SQLite's one write lock makes them do,
// instead of all reading the same version and all but one being refused.
import type { Tx } from "~/utils/db.server";

/** Holds the contract to the commit; false when it is not in one of `statuses` (nothing is held then). */
export async function holdContract(tx: Pick<Tx, "contract">, contractId: string, statuses: readonly string[]): Promise<boolean> {
  const { count } = await tx.contract.updateMany({ where: { id: contractId, status: { in: [...statuses] } }, data: { version: { increment: 1 } } });
  return count > 0;
}

/** The same form was recorded before: its result, thrown so that the transaction rolls back and the contract's version stays as it was. */
export class SentBefore<R> extends Error {
  constructor(readonly result: R) {
    super("sent before");
  }
}
