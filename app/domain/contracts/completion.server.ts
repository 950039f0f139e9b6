// Where a contract in force stands: what its deliveries are worth, what the
// trader has paid, what is overdue and the late-payment penalty, all DERIVED
// from the frozen terms (Contract.snapshot) and the delivery and payment
// records with the pure rules of ./payments; nothing here is stored. And the
// one write that follows from it: a contract whose deliveries and payments are
// done becomes "completed".
//
// COMPLETION (completeContractIfDone), checked after each confirmation of a
// delivery or a payment: the contract is "active"; no delivery still waits for
// the other party's answer (a grade sheet not yet confirmed or contested could
// still be contested); the deliveries that are not contested reach the
// contracted quantity within the tolerance; and the balance is paid
// (isContractComplete). The status moves conditionally from "active" and the
// version it was read at, so two confirmations at once complete it once.
import type { Line } from "~/domain/offers/effective-price";
import { tellMembersTheirPayout } from "~/domain/members/member-news.server";
import { companyStaffUserIds, leaderUserIds, notify } from "~/domain/notifications/notify.server";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { calendarDaysBetween, contractBalance, isContractComplete, latePenaltyLak, type RecordStatus } from "../payments/payments";
import type { ContractSnapshot } from "./snapshot";

/** The frozen terms of a contract, as signed: from its document, or from a snapshot already read. */
export function readSnapshot(contract: { snapshot: string } | { document: { snapshot: string } | null }): ContractSnapshot {
  const text = "snapshot" in contract ? contract.snapshot : contract.document?.snapshot;
  if (text === undefined) throw new Error("This contract has no document: every contract is written with one.");
  return JSON.parse(text) as ContractSnapshot;
}

export const recordStatuses = ["recorded", "confirmed", "contested"] as const;

export function asRecordStatus(value: string): RecordStatus {
  return (recordStatuses as readonly string[]).includes(value) ? (value as RecordStatus) : "recorded";
}

export interface LedgerDelivery {
  deliveredOn: Date;
  netKg: number;
  amountDueLak: bigint;
  inputDeductionLak: bigint;
  status: string;
}

export interface LedgerPayment {
  amountLak: bigint;
  paidOn: Date;
  status: string;
}

/** What a delivery leaves the trader to pay: the amount due less the input deduction. */
export const payableOf = (d: Pick<LedgerDelivery, "amountDueLak" | "inputDeductionLak">) => d.amountDueLak - d.inputDeductionLak;

/** Net kg of the deliveries that are not contested. */
export function deliveredNetKg(deliveries: readonly Pick<LedgerDelivery, "netKg" | "status">[]): number {
  return deliveries.filter((d) => d.status !== "contested").reduce((sum, d) => sum + d.netKg, 0);
}

/** The balance, overdue amount and penalty of a contract on `now`, with the lines that explain them. */
export function statementOf(snapshot: ContractSnapshot, deliveries: readonly LedgerDelivery[], payments: readonly LedgerPayment[], now: Date) {
  const advanceLak = BigInt(snapshot.terms.advanceLak);
  const balance = contractBalance({
    deliveries: deliveries.map((d) => ({ payableLak: payableOf(d), deliveredOn: d.deliveredOn, status: asRecordStatus(d.status) })),
    payments: payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: asRecordStatus(p.status) })),
    advanceLak,
    paymentDays: snapshot.terms.paymentDays,
    now,
  });
  const penalty = latePenaltyLak({ items: balance.lateItems, now, permillePerMonth: snapshot.terms.latePenaltyPermillePerMonth });

  // The same records contractBalance counts: not contested (deliveries) or confirmed (payments), dated by today.
  const counted = deliveries.filter((d) => d.status !== "contested" && calendarDaysBetween(d.deliveredOn, now) >= 0).length;
  const confirmedCount = payments.filter((p) => p.status === "confirmed" && calendarDaysBetween(p.paidOn, now) >= 0).length;
  const confirmedPaid = balance.paidLak - advanceLak;
  const lines: Line[] = [{ key: "deliveries:statement.lines.due", params: { n: counted }, amountLak: balance.dueLak }];
  if (advanceLak > 0n) lines.push({ key: "deliveries:statement.lines.advance", params: {}, amountLak: -advanceLak });
  lines.push({ key: "deliveries:statement.lines.paid", params: { n: confirmedCount }, amountLak: -confirmedPaid });
  lines.push({
    key: balance.balanceLak < 0n ? "deliveries:statement.lines.credit" : "deliveries:statement.lines.balance",
    params: {},
    amountLak: balance.balanceLak,
  });
  const overdueLines: Line[] =
    balance.overdueLak > 0n
      ? [{ key: "deliveries:statement.lines.overdue", params: { days: balance.oldestOverdueDays }, amountLak: balance.overdueLak }]
      : [{ key: "deliveries:statement.lines.nothingOverdue", params: {}, amountLak: 0n }];
  return { balance, penalty, lines, overdueLines };
}

type LedgerSource = Db | Tx;

export async function contractLedger(db: LedgerSource, contractId: string) {
  const [deliveries, payments] = await Promise.all([
    db.delivery.findMany({
      where: { contractId },
      orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }],
      select: { id: true, deliveredOn: true, netKg: true, amountDueLak: true, inputDeductionLak: true, status: true },
    }),
    db.payment.findMany({
      where: { contractId },
      orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }],
      select: { id: true, amountLak: true, paidOn: true, status: true },
    }),
  ]);
  return { deliveries, payments };
}

/**
 * Completes the contract when its deliveries and payments are done (see the
 * header); returns whether it did. Runs inside the caller's transaction.
 */
export async function completeContractIfDone(tx: Tx, actor: { id: string }, contractId: string, now: Date): Promise<boolean> {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      id: true,
      number: true,
      status: true,
      version: true,
      document: { select: { snapshot: true } },
      organisationId: true,
      companyId: true,
      listingId: true,
    },
  });
  if (contract.status !== "active") return false;
  const { deliveries, payments } = await contractLedger(tx, contractId);
  if (deliveries.some((d) => d.status === "recorded")) return false;
  const snapshot = readSnapshot(contract);
  const { balance } = statementOf(snapshot, deliveries, payments, now);
  const netKg = deliveredNetKg(deliveries);
  const done = isContractComplete({
    contractedKg: snapshot.terms.quantityKg,
    tolerancePermille: snapshot.terms.tolerancePermille,
    deliveredNetKg: netKg,
    balanceLak: balance.balanceLak,
  });
  if (!done) return false;
  const { count } = await tx.contract.updateMany({
    where: { id: contractId, status: "active", version: contract.version },
    data: { status: "completed", completedAt: now, version: { increment: 1 } },
  });
  if (count === 0) return false;
  await recordAudit(tx, {
    actorId: actor.id,
    action: "contract.completed",
    entityType: "Contract",
    entityId: contractId,
    before: { status: "active" },
    after: { status: "completed", deliveredNetKg: netKg, dueLak: balance.dueLak, paidLak: balance.paidLak, balanceLak: balance.balanceLak },
  });
  const userIds = [...(await leaderUserIds(tx, contract.organisationId)), ...(await companyStaffUserIds(tx, contract.companyId))];
  await notify(tx, { userIds, kind: "contract_completed", params: { number: contract.number }, link: `/contracts/${contractId}` });
  // Delivered and paid: the payout sheet is final, and each household can be told its line.
  await tellMembersTheirPayout(tx, contract, snapshot, now);
  return true;
}
