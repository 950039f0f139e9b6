// Keeps Contract.overdueFrom true to the ledger (see ./overdue): called in the
// transaction of every delivery and payment written or answered.
import type { Db, Tx } from "~/utils/db.server";
import { contractLedger } from "../contracts/completion.server";
import { ledgerDatesOf } from "./overdue";

type Stored = { overdueFrom: Date | null; dueFrom: Date | null; lateFrom: Date | null };
const same = (a: Date | null, b: Date | null) => (a?.getTime() ?? null) === (b?.getTime() ?? null);
const unchanged = (a: Stored, b: Stored) => same(a.overdueFrom, b.overdueFrom) && same(a.dueFrom, b.dueFrom) && same(a.lateFrom, b.lateFrom);
const DATES = { overdueFrom: true, dueFrom: true, lateFrom: true } as const;

/** Recomputes a contract's ledger dates (overdueFrom, dueFrom, lateFrom) from its terms and ledger as they stand. */
export async function refreshOverdueFrom(tx: Tx | Db, contractId: string, now: Date): Promise<Date | null> {
  const [contract, ledger] = await Promise.all([
    tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { advanceLak: true, paymentDays: true, ...DATES } }),
    contractLedger(tx, contractId),
  ]);
  const dates = ledgerDatesOf(contract, ledger.deliveries, ledger.payments, now);
  // Bookkeeping beside the ledger, not a change of the contract: its version stays.
  if (!unchanged(dates, contract)) await tx.contract.update({ where: { id: contractId }, data: dates });
  return dates.overdueFrom;
}

/**
 * Recomputes the ledger dates of every contract with a delivery, in batches: for a
 * database written before the column existed, and for the check that the kept
 * value equals a recount. Returns how many contracts changed.
 */
export async function rebuildOverdueFrom(db: Db, now = new Date(), batch = 500): Promise<number> {
  let changed = 0;
  let after = "";
  for (;;) {
    const contracts = await db.contract.findMany({
      where: { id: { gt: after }, deliveries: { some: {} } },
      orderBy: { id: "asc" },
      take: batch,
      select: { id: true, advanceLak: true, paymentDays: true, ...DATES },
    });
    if (contracts.length === 0) return changed;
    after = contracts.at(-1)!.id;
    const ids = contracts.map((c) => c.id);
    const [deliveries, payments] = await Promise.all([
      db.delivery.findMany({
        where: { contractId: { in: ids } },
        orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }],
        select: { contractId: true, deliveredOn: true, netKg: true, amountDueLak: true, inputDeductionLak: true, status: true },
      }),
      db.payment.findMany({
        where: { contractId: { in: ids } },
        orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }],
        select: { contractId: true, amountLak: true, paidOn: true, status: true },
      }),
    ]);
    for (const c of contracts) {
      const dates = ledgerDatesOf(
        c,
        deliveries.filter((d) => d.contractId === c.id),
        payments.filter((p) => p.contractId === c.id),
        now,
      );
      if (!unchanged(dates, c)) {
        await db.contract.update({ where: { id: c.id }, data: dates });
        changed++;
      }
    }
  }
}
