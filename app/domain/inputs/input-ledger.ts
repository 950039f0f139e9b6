// What one household (or the FO itself, for inputs it did not hand to a
// member) owes for inputs advanced on credit, on a given day. Pure; no database.
//
// THE RULE, as the input-supply clause states it: simple interest only, never
// interest on interest, counted from the day the inputs were HANDED OVER, and
// never after the contract's delivery date. Interest = balance × monthly rate
// × days ÷ 30, on the balance still owed: a partial repayment at a delivery
// lowers the balance on which interest runs from that day, and so does one
// the member makes in cash outside a delivery. A repayment pays
// the interest accrued first, then the value of the inputs; interest accrued
// is never itself a base for interest.
//
// Events on the same day: handovers first, then repayments (inputs handed
// over at the scale on a delivery day bear no interest for that day).
//
// ROUNDING: each stretch of interest between two events is rounded half up to
// a whole LAK (~/domain/prices/rounding); everything else is exact BigInt.
import type { Line } from "~/domain/offers/effective-price";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { assertAmountLak, calendarDaysBetween } from "../payments/payments";

export interface LedgerHandover {
  on: Date;
  valueLak: bigint;
  /** what was handed over, for the line */
  item: string;
}

export interface LedgerRepayment {
  on: Date;
  amountLak: bigint;
  /** paid in cash outside a delivery (only the line says so) */
  cash?: boolean;
}

export interface InputBalance {
  /** value of the inputs not yet repaid */
  principalLak: bigint;
  /** interest accrued and not yet paid */
  interestLak: bigint;
  /** principal + interest */
  owedLak: bigint;
  /** all interest ever accrued up to the day */
  interestAccruedLak: bigint;
  lines: Line[];
}

type Event = { kind: "handover"; on: Date; amountLak: bigint; item: string } | { kind: "repayment"; on: Date; amountLak: bigint; cash: boolean };

function earlier(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/**
 * The balance on `day` (see the header). `interestUntil` is the contract's
 * delivery date: no interest runs after it.
 */
export function inputBalanceOn(input: {
  handovers: readonly LedgerHandover[];
  repayments: readonly LedgerRepayment[];
  /** null or 0: no interest */
  interestPermillePerMonth: number | null;
  interestUntil: Date;
  day: Date;
}): InputBalance {
  const rate = input.interestPermillePerMonth ?? 0;
  assertWholeNumber("interestPermillePerMonth", rate);
  for (const h of input.handovers) assertAmountLak("handover value", h.valueLak);
  for (const r of input.repayments) assertAmountLak("repayment", r.amountLak);
  const dayEnd = input.day;
  const events: Event[] = [
    ...input.handovers
      .filter((h) => calendarDaysBetween(h.on, dayEnd) >= 0)
      .map((h): Event => ({ kind: "handover", on: h.on, amountLak: h.valueLak, item: h.item })),
    ...input.repayments
      .filter((r) => calendarDaysBetween(r.on, dayEnd) >= 0)
      .map((r): Event => ({ kind: "repayment", on: r.on, amountLak: r.amountLak, cash: r.cash === true })),
  ];
  events.sort((a, b) => {
    const days = calendarDaysBetween(b.on, a.on);
    if (days !== 0) return days;
    return a.kind === b.kind ? 0 : a.kind === "handover" ? -1 : 1;
  });

  let principal = 0n;
  let interest = 0n;
  let accrued = 0n;
  let since: Date | null = null;
  const lines: Line[] = [];
  const accrueTo = (to: Date) => {
    if (since === null || principal === 0n || rate === 0) return;
    const from = earlier(since, input.interestUntil);
    const until = earlier(to, input.interestUntil);
    const days = calendarDaysBetween(from, until);
    if (days <= 0) return;
    const stretch = divideRoundHalfUp(principal * BigInt(rate) * BigInt(days), 30_000n);
    interest += stretch;
    accrued += stretch;
    lines.push({
      key: "deliveries:inputs.lines.interest",
      params: { balanceLak: principal.toString(), ratePermille: rate, days, fromDate: from.toISOString(), untilDate: until.toISOString() },
      amountLak: stretch,
    });
  };

  for (const e of events) {
    accrueTo(e.on);
    since = e.on;
    if (e.kind === "handover") {
      principal += e.amountLak;
      lines.push({ key: "deliveries:inputs.lines.handover", params: { item: e.item, onDate: e.on.toISOString() }, amountLak: e.amountLak });
    } else {
      const paid = e.amountLak > principal + interest ? principal + interest : e.amountLak;
      const toInterest = paid < interest ? paid : interest;
      interest -= toInterest;
      principal -= paid - toInterest;
      lines.push({ key: `deliveries:inputs.lines.${e.cash ? "cashRepayment" : "repayment"}`, params: { onDate: e.on.toISOString() }, amountLak: -paid });
    }
  }
  accrueTo(dayEnd);
  const owedLak = principal + interest;
  if (events.length > 0) lines.push({ key: "deliveries:inputs.lines.owed", params: {}, amountLak: owedLak });
  if (rate === 0 && events.length > 0) lines.splice(lines.length - 1, 0, { key: "deliveries:inputs.lines.noInterest", params: {}, amountLak: 0n });
  return { principalLak: principal, interestLak: interest, owedLak, interestAccruedLak: accrued, lines };
}

/** What a repayment of `availableLak` at most pays of a balance: never more than is owed. */
export function repaymentOf(balance: Pick<InputBalance, "owedLak" | "interestLak">, availableLak: bigint): { amountLak: bigint; interestLak: bigint } {
  assertAmountLak("availableLak", availableLak);
  const amountLak = balance.owedLak < availableLak ? balance.owedLak : availableLak;
  return { amountLak, interestLak: amountLak < balance.interestLak ? amountLak : balance.interestLak };
}
