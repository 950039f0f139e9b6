// A TRACK RECORD is what a trader company or a farmers' organisation has done
// under the contracts it signed on the portal: how much it contracted, how much
// was actually delivered, whether the trader paid on time, and the disputes on
// either side. Buyers and sellers read it before choosing whom to deal with.
// It is DERIVED from the contract, delivery, payment and dispute records each
// time it is read, as of `now`; nothing here is stored or typed. Pure; no
// database. Days are calendar days in Laos (see ~/domain/payments/payments).
//
// SIGNED CONTRACTS. A contract counts once both parties (and a witness where
// needed) have signed it: status active, disputed, completed or superseded.
// An amendment is a new contract that replaces the one it amends, so a
// contract and its amendments are ONE DEAL, counted once: "contracts signed"
// is the number of signed contracts that are not superseded (active, disputed
// or completed), each standing for its whole chain of versions. The deal's
// contracted quantity and delivery date are those of its latest version; its
// deliveries, payments and disputes are those recorded under any version.
// Contracts awaiting signatures or cancelled are not counted.
//
// VOLUMES. Contracted volume: the sum of the deals' contracted kg. Delivered
// volume: the net kg of the deliveries the other party has CONFIRMED (recorded
// but unanswered, and contested, deliveries are not counted).
//
// FULFILMENT RATE: delivered ÷ contracted, over the deals that should have been
// delivered by now: completed, or whose delivery day is before today. Each
// deal's delivered kg is capped at its contracted kg, so delivering more on one
// contract does not hide a shortfall on another. Shown in tenths of a percent,
// rounded half up; none when no deal is due yet.
//
// PAYMENTS ON TIME (the trader's side): the share of the AMOUNTS (LAK) that
// fell due which were paid by their due date. Each deal's money is allocated
// to its deliveries oldest due date first, as on the payment statement
// (contractBalance: the advance, then the FO-confirmed payments; deliveries not
// contested; each due `paymentDays` after delivery under the version it was
// recorded in). An amount counts once it is paid (on time if paid by its due
// day) or once its due day has passed unpaid (late). Amounts not yet due and
// not yet paid are not judged. Share = paid on time ÷ counted, in tenths of a
// percent; none when nothing has fallen due.
// AVERAGE DAYS LATE: over the deliveries with any counted amount late, the days
// from the due date to the day the last late part was paid, or to today while
// some is still unpaid; in tenths of a day, rounded half up.
//
// DELIVERIES (the FO's side, instead of payments): how many of the FO's
// deliveries the trader confirmed, contested, or has not answered yet.
//
// DISPUTES: raised by this party and raised by the other party against it,
// each with how many are resolved (a facilitator recorded the outcome) and how
// many are still open (open or answered).
import { calendarDaysBetween, contractBalance, paymentDueDate, type RecordStatus } from "~/domain/payments/payments";
import { divideRoundHalfUp } from "~/domain/prices/rounding";

export type TrackParty = "fo" | "trader";

/** Signed contract statuses; a superseded one lives on in the amendment that replaced it. */
export const SIGNED_CONTRACT_STATUSES = ["active", "disputed", "completed", "superseded"] as const;
const DEAL_HEAD_STATUSES: readonly string[] = ["active", "disputed", "completed"];

export interface TrackDelivery {
  deliveredOn: Date;
  netKg: number;
  amountDueLak: bigint;
  inputDeductionLak: bigint;
  /** recorded | confirmed | contested */
  status: string;
}

export interface TrackPayment {
  amountLak: bigint;
  paidOn: Date;
  /** recorded | confirmed | contested */
  status: string;
}

export interface TrackDispute {
  /** fo | trader */
  raisedByParty: string;
  /** open | answered | resolved */
  status: string;
}

export interface TrackContract {
  id: string;
  previousContractId: string | null;
  status: string;
  /** from the frozen terms */
  quantityKg: number;
  deliveryDate: Date;
  paymentDays: number;
  advanceLak: bigint;
  deliveries: readonly TrackDelivery[];
  payments: readonly TrackPayment[];
  disputes: readonly TrackDispute[];
  /** households that pledged, once a confirmed delivery has lots (kept on the contract); 0 or absent: not known */
  lotHouseholds?: number;
  /** of those, the households short of their pledge on their own lots, and by how many kg */
  shortHouseholds?: number;
  shortHouseholdKg?: number;
}

export interface DisputeTally {
  total: number;
  resolved: number;
  open: number;
}

export interface TrackRecord {
  party: TrackParty;
  /** deals: signed contracts not superseded, amendments counted once */
  contractsSigned: number;
  inForce: number;
  completed: number;
  contractedKg: number;
  deliveredKg: number;
  fulfilment: {
    /** deals due: completed or past their delivery day */
    contracts: number;
    contractedKg: number;
    /** confirmed net kg of those deals, each capped at its contracted kg */
    deliveredKg: number;
    /** tenths of a percent; null when no deal is due */
    percentTenths: number | null;
  };
  payments: {
    /** amounts that fell due or were paid */
    countedLak: bigint;
    onTimeLak: bigint;
    percentTenths: number | null;
    lateDeliveries: number;
    /** of the late deliveries, those with some amount still unpaid */
    stillUnpaid: number;
    /** tenths of a day; null when no delivery was late */
    averageDaysLateTenths: number | null;
  };
  deliveries: { confirmed: number; contested: number; awaiting: number };
  disputes: { raisedBy: DisputeTally; raisedAgainst: DisputeTally };
  /**
   * Households short of their pledge (side-selling seen per household), over
   * the deals due whose deliveries were recorded as lots, each contract
   * version counted on its own
   */
  households: { contracts: number; pledging: number; short: number; shortKg: number };
}

const LAO_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 24 * 3600_000;
const laoDay = (d: Date) => Math.floor((d.getTime() + LAO_OFFSET_MS) / DAY_MS);

function asRecordStatus(value: string): RecordStatus {
  return value === "confirmed" || value === "contested" ? value : "recorded";
}

function tenths(part: bigint, whole: bigint, scale: bigint): number | null {
  return whole > 0n ? Number(divideRoundHalfUp(part * scale, whole)) : null;
}

/** Each deal: its latest signed version and every signed version before it. */
function dealsOf(contracts: readonly TrackContract[]): { head: TrackContract; versions: TrackContract[] }[] {
  const signed = new Map(contracts.filter((c) => (SIGNED_CONTRACT_STATUSES as readonly string[]).includes(c.status)).map((c) => [c.id, c]));
  const deals = [];
  for (const head of signed.values()) {
    if (!DEAL_HEAD_STATUSES.includes(head.status)) continue;
    const versions = [head];
    const seen = new Set([head.id]);
    let previous = head.previousContractId ? signed.get(head.previousContractId) : undefined;
    while (previous && previous.status === "superseded" && !seen.has(previous.id)) {
      versions.push(previous);
      seen.add(previous.id);
      previous = previous.previousContractId ? signed.get(previous.previousContractId) : undefined;
    }
    deals.push({ head, versions });
  }
  return deals;
}

interface DueDelivery extends TrackDelivery {
  dueDate: Date;
}

/** One deal's amounts judged for timeliness (see the header). */
function dealPayments(versions: readonly TrackContract[], now: Date) {
  const today = laoDay(now);
  const deliveries: DueDelivery[] = versions
    .flatMap((v) => v.deliveries.map((d) => ({ ...d, dueDate: paymentDueDate(d.deliveredOn, v.paymentDays) })))
    .filter((d) => laoDay(d.deliveredOn) <= today && d.status !== "contested")
    .sort((a, b) => a.dueDate.getTime() - b.dueDate.getTime() || a.deliveredOn.getTime() - b.deliveredOn.getTime());
  const payments = versions.flatMap((v) => v.payments).filter((p) => laoDay(p.paidOn) <= today);
  // The advance is paid once, at the first signing; an amendment repeats the same term.
  const original = versions[versions.length - 1]!;
  // Each delivery is passed with its due date as the "delivery" and 0 payment days, so
  // that versions with different payment days share one oldest-due-first allocation; the
  // balance is asked as of the last due date so that every delivery takes part.
  const asOf = deliveries.reduce((max, d) => (d.dueDate > max ? d.dueDate : max), now);
  const balance = contractBalance({
    deliveries: deliveries.map((d) => ({ payableLak: d.amountDueLak - d.inputDeductionLak, deliveredOn: d.dueDate, status: asRecordStatus(d.status) })),
    payments: payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: asRecordStatus(p.status) })),
    advanceLak: original.advanceLak,
    paymentDays: 0,
    now: asOf,
  });

  let countedLak = 0n;
  let onTimeLak = 0n;
  const lateDays = new Map<number, { days: number; unpaid: boolean }>();
  for (const a of balance.allocations) {
    const dueDate = deliveries[a.deliveryIndex]!.dueDate;
    let daysLate: number;
    let unpaid = false;
    if (a.source === "unpaid") {
      daysLate = calendarDaysBetween(dueDate, now);
      if (daysLate <= 0) continue; // not yet due: not judged
      unpaid = true;
    } else {
      daysLate = a.paidOn ? Math.max(0, calendarDaysBetween(dueDate, a.paidOn)) : 0;
    }
    countedLak += a.amountLak;
    if (daysLate === 0) {
      onTimeLak += a.amountLak;
      continue;
    }
    const prior = lateDays.get(a.deliveryIndex);
    lateDays.set(a.deliveryIndex, { days: Math.max(prior?.days ?? 0, daysLate), unpaid: (prior?.unpaid ?? false) || unpaid });
  }
  return { countedLak, onTimeLak, late: [...lateDays.values()] };
}

function tally(disputes: readonly TrackDispute[]): DisputeTally {
  const resolved = disputes.filter((d) => d.status === "resolved").length;
  return { total: disputes.length, resolved, open: disputes.length - resolved };
}

/** The track record of `party` (the FO or the trader company) from its contracts' records, as of `now`. */
export function trackRecord(party: TrackParty, contracts: readonly TrackContract[], now: Date): TrackRecord {
  const today = laoDay(now);
  const deals = dealsOf(contracts);

  let contractedKg = 0;
  let deliveredKg = 0;
  const fulfilment = { contracts: 0, contractedKg: 0, deliveredKg: 0 };
  const households = { contracts: 0, pledging: 0, short: 0, shortKg: 0 };
  let countedLak = 0n;
  let onTimeLak = 0n;
  const late: { days: number; unpaid: boolean }[] = [];
  const deliveries = { confirmed: 0, contested: 0, awaiting: 0 };
  const disputes: TrackDispute[] = [];

  for (const { head, versions } of deals) {
    const records = versions.flatMap((v) => v.deliveries).filter((d) => laoDay(d.deliveredOn) <= today);
    const confirmedKg = records.filter((d) => d.status === "confirmed").reduce((sum, d) => sum + d.netKg, 0);
    contractedKg += head.quantityKg;
    deliveredKg += confirmedKg;
    if (head.status === "completed" || laoDay(head.deliveryDate) < today) {
      fulfilment.contracts += 1;
      fulfilment.contractedKg += head.quantityKg;
      fulfilment.deliveredKg += Math.min(confirmedKg, head.quantityKg);
      for (const v of versions) {
        if (!v.lotHouseholds) continue;
        households.contracts += 1;
        households.pledging += v.lotHouseholds;
        households.short += v.shortHouseholds ?? 0;
        households.shortKg += v.shortHouseholdKg ?? 0;
      }
    }
    for (const d of records) {
      if (d.status === "confirmed") deliveries.confirmed += 1;
      else if (d.status === "contested") deliveries.contested += 1;
      else deliveries.awaiting += 1;
    }
    const paid = dealPayments(versions, now);
    countedLak += paid.countedLak;
    onTimeLak += paid.onTimeLak;
    late.push(...paid.late);
    disputes.push(...versions.flatMap((v) => v.disputes));
  }

  const totalLateDays = late.reduce((sum, l) => sum + l.days, 0);
  return {
    party,
    contractsSigned: deals.length,
    inForce: deals.filter((d) => d.head.status !== "completed").length,
    completed: deals.filter((d) => d.head.status === "completed").length,
    contractedKg,
    deliveredKg,
    fulfilment: { ...fulfilment, percentTenths: tenths(BigInt(fulfilment.deliveredKg), BigInt(fulfilment.contractedKg), 1000n) },
    payments: {
      countedLak,
      onTimeLak,
      percentTenths: tenths(onTimeLak, countedLak, 1000n),
      lateDeliveries: late.length,
      stillUnpaid: late.filter((l) => l.unpaid).length,
      averageDaysLateTenths: tenths(BigInt(totalLateDays), BigInt(late.length), 10n),
    },
    deliveries,
    households,
    disputes: {
      raisedBy: tally(disputes.filter((d) => d.raisedByParty === party)),
      raisedAgainst: tally(disputes.filter((d) => d.raisedByParty !== party)),
    },
  };
}

/** The record with its LAK amounts as decimal strings, for a loader. */
export function serialiseTrackRecord(record: TrackRecord) {
  return {
    ...record,
    payments: { ...record.payments, countedLak: record.payments.countedLak.toString(), onTimeLak: record.payments.onTimeLak.toString() },
  };
}

export type TrackRecordView = ReturnType<typeof serialiseTrackRecord>;
