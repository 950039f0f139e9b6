// Payments under a contract: when each delivery must be paid for, what the
// trader still owes, which part of it is overdue, the late-payment penalty the
// contract sets, and when a contract is complete. Pure; no database.
//
// DAYS. Every count of days is a count of CALENDAR DAYS IN LAOS (Asia/Vientiane,
// UTC+7, no daylight saving), whatever the time of day of the instants: from a
// delivery at 17:00 on 1 December to a payment at 08:00 on 3 December is 2 days.
//
// DUE DATE. A delivery is due for payment `paymentDays` calendar days after the
// day it was delivered (0 = on the day). A payment made ON the due day is on
// time; the day after, it is 1 day late.
//
// WHAT COUNTS (contractBalance):
// - deliveries that are not contested (recorded or confirmed): the trader owes
//   their payable amount (after any input deduction) from the day they are
//   recorded; a contested delivery counts only once its dispute settles it;
// - payments that the FO has confirmed; a recorded but unconfirmed payment is
//   not yet money received;
// - the advance paid at signing, as money received before any delivery (it must
//   not also be recorded as a payment).
// Deliveries and payments dated after `now` (by calendar day) are left out: the
// balance is the balance as it stood on that day, so it can be asked of any day.
//
// FIFO ALLOCATION (printed on the statement): the money received pays the
// deliveries OLDEST FIRST. The advance goes first, then the confirmed payments
// in the order they were paid, each filling the oldest delivery not yet paid in
// full (deliveries ordered by delivery day, then as listed). The unpaid part of
// a delivery whose due date has passed is overdue. Money received beyond what
// is due is a credit: the balance is then negative and nothing is overdue.
//
// LATE-PAYMENT PENALTY: simple interest, no compounding, on 30-day months:
// amount × permille per month × days late / 30 / 1,000 for each late amount,
// ROUNDED HALF UP TO A WHOLE LAK ONCE PER AMOUNT (~/domain/prices/rounding);
// the total is the sum of the rounded amounts. An amount paid late is charged
// up to the day it was paid; an amount still unpaid, up to today.
//
// COMPLETION: the FO has delivered at least the contracted quantity less the
// tolerance (net kg; more is fine), and the balance is zero or in credit.
// Compared exactly: deliveredNetKg × 1,000 ≥ contractedKg × (1,000 − tolerance).
import type { Line } from "~/domain/offers/effective-price";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { addDays, toLaoDateInput } from "~/utils/dates";

const LAO_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;
const DAYS_PER_MONTH = 30n;

function laoDayNumber(name: string, date: Date): number {
  const t = date instanceof Date ? date.getTime() : NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${name} must be a valid Date`);
  return Math.floor((t + LAO_OFFSET_MS) / DAY_MS);
}

/** Calendar days in Laos from `from` to `to` (negative when `to` is the earlier day). */
export function calendarDaysBetween(from: Date, to: Date): number {
  return laoDayNumber("to", to) - laoDayNumber("from", from);
}

export function assertAmountLak(name: string, value: bigint): void {
  if (typeof value !== "bigint" || value < 0n) throw new RangeError(`${name} must be a non-negative BigInt`);
}

/** The day a delivery must be paid by: `paymentDays` calendar days after it (same time of day). */
export function paymentDueDate(deliveredOn: Date, paymentDays: number): Date {
  laoDayNumber("deliveredOn", deliveredOn);
  assertWholeNumber("paymentDays", paymentDays);
  return addDays(deliveredOn, paymentDays);
}

export type RecordStatus = "recorded" | "confirmed" | "contested";

export interface BalanceDelivery {
  payableLak: bigint;
  deliveredOn: Date;
  status: RecordStatus;
}

export interface BalancePayment {
  amountLak: bigint;
  paidOn: Date;
  status: RecordStatus;
}

/** A part of a counted delivery and what paid it (FIFO). */
export interface Allocation {
  /** index of the delivery in the input list */
  deliveryIndex: number;
  amountLak: bigint;
  dueDate: Date;
  /** "advance": paid by the advance; "payment": by the payment paid on paidOn; "unpaid": still owed */
  source: "advance" | "payment" | "unpaid";
  /** the day of the payment for source "payment", else null */
  paidOn: Date | null;
  /** calendar days between the due date and the payment (or `now` when unpaid); 0 when on time */
  daysLate: number;
}

export interface ContractBalance {
  /** payable amount of the counted deliveries */
  dueLak: bigint;
  /** advance + confirmed payments */
  paidLak: bigint;
  /** dueLak − paidLak; negative when the trader has paid ahead */
  balanceLak: bigint;
  /** the unpaid part of deliveries past their due date */
  overdueLak: bigint;
  /** days late of the oldest overdue amount, 0 when nothing is overdue */
  oldestOverdueDays: number;
  /** every counted delivery split by what paid it, oldest delivery first */
  allocations: Allocation[];
  /** the allocations paid late or overdue: the input of latePenaltyLak */
  lateItems: PenaltyItem[];
}

export function contractBalance(input: {
  deliveries: readonly BalanceDelivery[];
  payments: readonly BalancePayment[];
  advanceLak: bigint;
  paymentDays: number;
  now: Date;
}): ContractBalance {
  const { advanceLak, paymentDays, now } = input;
  assertAmountLak("advanceLak", advanceLak);
  assertWholeNumber("paymentDays", paymentDays);
  const today = laoDayNumber("now", now);

  const deliveries = input.deliveries
    .map((d, index) => {
      assertAmountLak("payableLak", d.payableLak);
      return { ...d, index, day: laoDayNumber("deliveredOn", d.deliveredOn) };
    })
    .filter((d) => d.status !== "contested" && d.day <= today)
    .sort((a, b) => a.day - b.day || a.index - b.index);
  const payments = input.payments
    .map((p, index) => {
      assertAmountLak("amountLak", p.amountLak);
      return { ...p, index, day: laoDayNumber("paidOn", p.paidOn) };
    })
    .filter((p) => p.status === "confirmed" && p.day <= today)
    .sort((a, b) => a.day - b.day || a.paidOn.getTime() - b.paidOn.getTime() || a.index - b.index);

  const sources: { source: "advance" | "payment"; paidOn: Date | null; left: bigint }[] = [];
  if (advanceLak > 0n) sources.push({ source: "advance", paidOn: null, left: advanceLak });
  for (const p of payments) if (p.amountLak > 0n) sources.push({ source: "payment", paidOn: p.paidOn, left: p.amountLak });

  const allocations: Allocation[] = [];
  let s = 0;
  for (const d of deliveries) {
    const dueDate = paymentDueDate(d.deliveredOn, paymentDays);
    let owed = d.payableLak;
    while (owed > 0n && s < sources.length) {
      const source = sources[s]!;
      const amountLak = owed < source.left ? owed : source.left;
      const daysLate = source.paidOn ? Math.max(0, calendarDaysBetween(dueDate, source.paidOn)) : 0;
      allocations.push({ deliveryIndex: d.index, amountLak, dueDate, source: source.source, paidOn: source.paidOn, daysLate });
      owed -= amountLak;
      source.left -= amountLak;
      if (source.left === 0n) s++;
    }
    if (owed > 0n)
      allocations.push({
        deliveryIndex: d.index,
        amountLak: owed,
        dueDate,
        source: "unpaid",
        paidOn: null,
        daysLate: Math.max(0, calendarDaysBetween(dueDate, now)),
      });
  }

  const dueLak = deliveries.reduce((sum, d) => sum + d.payableLak, 0n);
  const paidLak = advanceLak + payments.reduce((sum, p) => sum + p.amountLak, 0n);
  const overdue = allocations.filter((a) => a.source === "unpaid" && a.daysLate > 0);
  return {
    dueLak,
    paidLak,
    balanceLak: dueLak - paidLak,
    overdueLak: overdue.reduce((sum, a) => sum + a.amountLak, 0n),
    oldestOverdueDays: overdue.reduce((max, a) => Math.max(max, a.daysLate), 0),
    allocations,
    lateItems: allocations.filter((a) => a.daysLate > 0).map((a) => ({ amountLak: a.amountLak, dueDate: a.dueDate, paidOn: a.paidOn })),
  };
}

export interface PenaltyItem {
  amountLak: bigint;
  dueDate: Date;
  /** when it was paid; null or absent: still unpaid, charged up to `now` */
  paidOn?: Date | null;
}

export interface PenaltyItemResult {
  amountLak: bigint;
  dueDate: Date;
  paidOn: Date | null;
  daysLate: number;
  penaltyLak: bigint;
}

export interface LatePenalty {
  penaltyLak: bigint;
  items: PenaltyItemResult[];
  lines: Line[];
}

/** The contract's late-payment penalty on the given amounts (see the header for the rule). */
export function latePenaltyLak(input: { items: readonly PenaltyItem[]; now: Date; permillePerMonth: number }): LatePenalty {
  const { now, permillePerMonth } = input;
  assertWholeNumber("permillePerMonth", permillePerMonth);
  laoDayNumber("now", now);
  const lines: Line[] = [];
  const items = input.items.map((item): PenaltyItemResult => {
    assertAmountLak("amountLak", item.amountLak);
    const paidOn = item.paidOn ?? null;
    const end = paidOn ?? now;
    const daysLate = Math.max(0, calendarDaysBetween(item.dueDate, end));
    const penaltyLak = divideRoundHalfUp(item.amountLak * BigInt(permillePerMonth) * BigInt(daysLate), 1000n * DAYS_PER_MONTH);
    if (permillePerMonth > 0 && daysLate > 0)
      lines.push({
        key: paidOn ? "contractRules:lines.penaltyPaidLate" : "contractRules:lines.penaltyUnpaid",
        params: {
          amountLak: item.amountLak.toString(),
          dueDate: toLaoDateInput(item.dueDate),
          endDate: toLaoDateInput(end),
          days: daysLate,
          ratePermille: permillePerMonth,
        },
        amountLak: penaltyLak,
      });
    return { amountLak: item.amountLak, dueDate: item.dueDate, paidOn, daysLate, penaltyLak };
  });
  if (permillePerMonth === 0) lines.push({ key: "contractRules:lines.penaltyNoRate", params: {}, amountLak: 0n });
  else if (lines.length === 0) lines.push({ key: "contractRules:lines.penaltyNoneLate", params: {}, amountLak: 0n });
  const penaltyLak = items.reduce((sum, i) => sum + i.penaltyLak, 0n);
  lines.push({ key: "contractRules:lines.penaltyTotal", params: {}, amountLak: penaltyLak });
  return { penaltyLak, items, lines };
}

/** Delivered at least the contracted quantity less the tolerance (net kg), and nothing left to pay. */
export function isContractComplete(input: { contractedKg: number; tolerancePermille: number; deliveredNetKg: number; balanceLak: bigint }): boolean {
  const { contractedKg, tolerancePermille, deliveredNetKg, balanceLak } = input;
  assertWholeNumber("contractedKg", contractedKg);
  assertWholeNumber("tolerancePermille", tolerancePermille);
  assertWholeNumber("deliveredNetKg", deliveredNetKg);
  if (tolerancePermille > 1000) throw new RangeError("tolerancePermille must be at most 1000");
  const deliveredEnough = BigInt(deliveredNetKg) * 1000n >= BigInt(contractedKg) * BigInt(1000 - tolerancePermille);
  return deliveredEnough && balanceLak <= 0n;
}

// ---------------------------------------------------------------------------
// Paying more than is owed
// ---------------------------------------------------------------------------
//
// WHAT IS OWED when a payment is recorded: the payable amount of the deliveries
// not contested, less the advance and every payment recorded and not contested,
// confirmed or not (a payment waiting for the FO's confirmation is money the
// trader says they paid: counting it stops the same money being recorded
// twice). A new payment beyond it is an overpayment by the difference; when
// nothing is owed, all of it is.

export interface Overpayment {
  /** what is still owed before this payment (0 when nothing is) */
  owedLak: bigint;
  /** by how much the payment passes it */
  overLak: bigint;
}

/** null when the payment is no more than what is owed (see above); else by how much it passes it. */
export function overpaymentOf(input: {
  deliveries: readonly { payableLak: bigint; status: string }[];
  payments: readonly { amountLak: bigint; status: string }[];
  advanceLak: bigint;
  amountLak: bigint;
}): Overpayment | null {
  assertAmountLak("advanceLak", input.advanceLak);
  assertAmountLak("amountLak", input.amountLak);
  const due = input.deliveries.filter((d) => d.status !== "contested").reduce((sum, d) => sum + d.payableLak, 0n);
  const paid = input.advanceLak + input.payments.filter((p) => p.status !== "contested").reduce((sum, p) => sum + p.amountLak, 0n);
  const owedLak = due > paid ? due - paid : 0n;
  const overLak = input.amountLak - owedLak;
  return overLak > 0n ? { owedLak, overLak } : null;
}
