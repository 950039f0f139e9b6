// When a contract falls overdue. Deliveries and payments are never dated in
// the future, so between two records the allocation of money to deliveries
// (contractBalance: advance first, then confirmed payments, oldest delivery
// first) does not change: only the calendar moves. The contract is therefore
// overdue on any day after the due date of its oldest amount still unpaid,
// until the next record changes the ledger. That date is kept on the contract
// (Contract.overdueFrom), written with every delivery and payment, so that the
// dashboards and the facilitator's console find overdue contracts with one
// indexed range instead of reading every ledger. Pure.
import { asRecordStatus, payableOf, type LedgerDelivery, type LedgerPayment } from "../contracts/completion.server";
import { calendarDaysBetween, contractBalance, paymentDueDate } from "./payments";

export interface OverdueTerms {
  advanceLak: bigint;
  paymentDays: number;
}

export interface LedgerDates {
  /** the due date of the oldest amount still unpaid; null when nothing is unpaid */
  overdueFrom: Date | null;
  /** the due date of the first delivery (not contested) to fall due; null before any delivery */
  dueFrom: Date | null;
  /** the due date of the first amount paid after its due date or still unpaid; null when none */
  lateFrom: Date | null;
}

const earliest = (a: Date | null, b: Date) => (!a || b < a ? b : a);

/**
 * The dates that stand for a ledger until its next record (see the header):
 * on any day D after the last record, the contract is overdue when D is after
 * overdueFrom; its payment is judged (programme reports) when D is after
 * dueFrom, and late when D is also after lateFrom.
 */
export function ledgerDatesOf(terms: OverdueTerms, deliveries: readonly LedgerDelivery[], payments: readonly LedgerPayment[], now: Date): LedgerDates {
  const balance = contractBalance({
    deliveries: deliveries.map((d) => ({ payableLak: payableOf(d), deliveredOn: d.deliveredOn, status: asRecordStatus(d.status) })),
    payments: payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: asRecordStatus(p.status) })),
    advanceLak: terms.advanceLak,
    paymentDays: terms.paymentDays,
    now,
  });
  let overdueFrom: Date | null = null;
  let lateFrom: Date | null = null;
  for (const a of balance.allocations) {
    if (a.source === "unpaid" && a.amountLak > 0n) overdueFrom = earliest(overdueFrom, a.dueDate);
    if ((a.source === "unpaid" && a.amountLak > 0n) || a.daysLate > 0) lateFrom = earliest(lateFrom, a.dueDate);
  }
  let dueFrom: Date | null = null;
  for (const d of deliveries) if (asRecordStatus(d.status) !== "contested") dueFrom = earliest(dueFrom, paymentDueDate(d.deliveredOn, terms.paymentDays));
  return { overdueFrom, dueFrom, lateFrom };
}

/** The due date of the oldest amount still unpaid after the records up to `now`; null when nothing is unpaid. */
export function overdueFromOf(terms: OverdueTerms, deliveries: readonly LedgerDelivery[], payments: readonly LedgerPayment[], now: Date): Date | null {
  return ledgerDatesOf(terms, deliveries, payments, now).overdueFrom;
}

/** Whether a contract whose oldest unpaid amount fell due on `overdueFrom` is overdue on `now` (a day after it, in Laos). */
export function isOverdueOn(overdueFrom: Date | null, now: Date): boolean {
  return overdueFrom !== null && calendarDaysBetween(overdueFrom, now) > 0;
}

/**
 * The instant before which `overdueFrom` values are not yet overdue on `now`:
 * a contract is overdue when overdueFrom < this (the start of today in Laos).
 */
export function overdueCutoff(now: Date): Date {
  const LAO_OFFSET_MS = 7 * 3600_000;
  const DAY_MS = 24 * 3600_000;
  return new Date(Math.floor((now.getTime() + LAO_OFFSET_MS) / DAY_MS) * DAY_MS - LAO_OFFSET_MS);
}
