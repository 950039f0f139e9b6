// The payout sheet of a contract written in baht or yuan is in kip: each
// confirmed delivery's amounts are converted at the rate its exchange-rate
// clause names (~/domain/contracts/render, exchangeRateClause), of that
// delivery's own day. Pure; no database.
//
// WHICH RATE: of the contract's currency, kind and named source only (a rate
// of another source, even of the same kind, is never used), observed on the
// delivery's calendar day in Laos; for a day with two, the one entered last
// (a correction). None that day: the conversion is incomplete and the sheet
// shows no amounts and cannot be final until the rate is recorded.
//
// ROUNDING: each amount (a lot's, a delivery's, a repayment's) is converted
// on its own and rounded half up to a whole kip (~/domain/prices/currency,
// toLak); the sheet's totals are sums of converted amounts.
import { toLak } from "~/domain/prices/currency";
import { figureForDay } from "../deliveries/export-parity-price";
import type { SnapshotCurrency } from "../contracts/snapshot";

export interface RecordedRate {
  lakPerHundred: number;
  observedOn: Date;
  sourceName: string;
  sourceKind: string;
  currency: string;
  createdAt?: Date;
}

export interface DayConversion {
  day: Date;
  /** null: no rate of the named source recorded that day */
  rate: { lakPerHundred: number; observedOn: Date; sourceName: string } | null;
}

export interface PayoutConversion {
  currency: SnapshotCurrency["code"];
  rateSourceKind: SnapshotCurrency["rateSourceKind"];
  rateSourceName: string;
  /** one per delivery, in the order given */
  days: DayConversion[];
  /** every delivery day has its rate */
  complete: boolean;
}

/** The rate of each delivery day, by the rule in the header. */
export function payoutConversion(terms: SnapshotCurrency, deliveryDays: readonly Date[], recorded: readonly RecordedRate[]): PayoutConversion {
  const named = recorded.filter((r) => r.currency === terms.code && r.sourceKind === terms.rateSourceKind && r.sourceName === terms.rateSourceName);
  const days = deliveryDays.map((day): DayConversion => {
    const r = figureForDay(named, day, 0);
    return { day, rate: r ? { lakPerHundred: r.lakPerHundred, observedOn: r.observedOn, sourceName: r.sourceName } : null };
  });
  return {
    currency: terms.code,
    rateSourceKind: terms.rateSourceKind,
    rateSourceName: terms.rateSourceName,
    days,
    complete: days.every((d) => d.rate !== null),
  };
}

/** An amount of a delivery converted at its day's rate; throws when the day has none (check `complete` first). */
export function inKip(conversion: PayoutConversion, index: number, amount: bigint): bigint {
  const rate = conversion.days[index]?.rate;
  if (!rate) throw new RangeError(`Delivery ${index} has no ${conversion.currency} rate of "${conversion.rateSourceName}" for its day`);
  return toLak(amount, conversion.currency, rate.lakPerHundred);
}
