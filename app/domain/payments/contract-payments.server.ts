// Payments under a contract. The trader records each payment (amount, day,
// method, reference); the FO confirms that the money arrived, or contests it.
// Only confirmed payments count as money received. What is still owed, what
// is overdue and the late-payment penalty are derived on demand from the
// contract's frozen terms (./completion.server, ./payments), never stored, so
// "overdue" is always as of today.
//
// NO MORE THAN IS OWED: a payment beyond what the trader still owes (the
// deliveries not contested, less the advance and every payment recorded and
// not contested, confirmed or not: overpaymentOf in ./payments) is refused,
// saying by how much, unless the trader marks it as an overpayment of at least
// that much; it is then recorded with the mark.
//
// ONCE PER FORM, AND CONCURRENCY: as for deliveries (./deliveries.server): the
// form's token is unique per contract, and the check and the write happen in
// one transaction that first holds the contract (../contracts/contract-hold.server),
// so payments recorded at once are recorded one after the other and never pass
// what is owed together.
import { contractCurrencyOf, type ContractCurrency } from "~/domain/prices/currency";
import { parseHundredths } from "~/domain/prices/export-parity";
import { holdContract, SentBefore } from "~/domain/contracts/contract-hold.server";
import { z } from "zod";
import { notify } from "~/domain/notifications/notify.server";
import { serialiseLines } from "~/domain/offers/effective-price";
import { inTransaction, refuse, Refusal } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { choice, laoDateField, optionalText, optionalWholeNumberField, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { completeContractIfDone, contractLedger, payableOf, statementOf } from "../contracts/completion.server";
import { isUniqueViolation } from "../contracts/form-token";
import { refreshOverdueFrom } from "./overdue.server";
import { ANSWERABLE_CONTRACT_STATUSES, contractAccess, partyUserIds } from "../contracts/contract-access.server";
import { calendarDaysBetween, overpaymentOf, type Overpayment } from "./payments";

type Actor = Pick<SessionUser, "id" | "roles">;

export const paymentMethods = ["cash", "bank_transfer", "mobile_money", "other"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];

/** Contracts on which the trader may still record a payment. */
const PAYABLE_CONTRACT_STATUSES = ["active", "disputed"];
const MAX_PAYMENT_LAK = 1_000_000_000_000;

export const PaymentFormSchema = z.object({
  amountLak: wholeNumberField(1, MAX_PAYMENT_LAK),
  paidOn: laoDateField,
  method: choice(paymentMethods),
  reference: optionalText(120),
  /** ticked "this is an overpayment": the amount over what is owed that the trader was shown */
  overpaymentLak: optionalWholeNumberField(1, MAX_PAYMENT_LAK),
});

/**
 * The payment form of a contract in its currency: whole kip, or baht and yuan
 * with up to two decimals, read as satang or fen (~/domain/prices/currency).
 * The overpayment is the server's own figure sent back, already in units.
 */
export function paymentFormSchema(currency: ContractCurrency) {
  if (currency === "LAK") return PaymentFormSchema;
  return PaymentFormSchema.extend({
    amountLak: z
      .string({ error: "validation:required" })
      .trim()
      .min(1, { error: "validation:required" })
      .transform((value, ctx) => {
        const n = parseHundredths(value);
        if (n === null) {
          ctx.addIssue({ code: "custom", message: "deliveries:errors.decimalAmount" });
          return z.NEVER;
        }
        if (n < 1) ctx.addIssue({ code: "custom", message: "validation:tooLow" });
        if (n > MAX_PAYMENT_LAK) ctx.addIssue({ code: "custom", message: "validation:tooHigh" });
        return n;
      }),
  });
}

export interface PaymentInput {
  amountLak: bigint;
  paidOn: Date;
  method: PaymentMethod;
  reference: string | null;
  /** the trader marks it as an overpayment of up to this much beyond what is owed; null or absent: not an overpayment */
  overpaymentLak?: bigint | null;
  /** the token of the form it was sent from (./form-token); null or absent when not sent from a form */
  formToken?: string | null;
}

export function paymentInputOf(v: z.output<typeof PaymentFormSchema>, formToken: string | null = null): PaymentInput {
  return {
    amountLak: BigInt(v.amountLak),
    paidOn: v.paidOn,
    method: v.method,
    reference: v.reference ?? null,
    overpaymentLak: v.overpaymentLak === undefined || v.overpaymentLak === null ? null : BigInt(v.overpaymentLak),
    formToken,
  };
}

export type PaymentRefusal = "notFound" | "notAParty" | "notActive" | "notTheOtherParty" | "alreadyAnswered" | "changed" | "formUsed";
export type PaymentResult =
  | { ok: true; paymentId: string; /** the same form sent again: nothing was written */ repeated: boolean }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: PaymentRefusal }
  | { ok: false; reason: "overpayment"; over: Overpayment };
export type PaymentAnswerResult = { ok: true; completed: boolean } | { ok: false; reason: PaymentRefusal };

class OverpaymentRefusal extends Refusal<"overpayment"> {
  constructor(readonly over: Overpayment) {
    super("overpayment");
  }
}

/** The payment already recorded from this form, if any: the first's result for the same person and content, else "formUsed". */
async function recordedFromForm(db: Db | Tx, actor: Actor, contractId: string, input: PaymentInput): Promise<PaymentResult | null> {
  if (!input.formToken) return null;
  const first = await db.payment.findUnique({
    where: { contractId_formToken: { contractId, formToken: input.formToken } },
    select: { id: true, recordedById: true, amountLak: true, paidOn: true, method: true, reference: true },
  });
  if (!first) return null;
  const same =
    first.recordedById === actor.id &&
    first.amountLak === input.amountLak &&
    first.paidOn.getTime() === input.paidOn.getTime() &&
    first.method === input.method &&
    first.reference === input.reference;
  return same ? { ok: true, paymentId: first.id, repeated: true } : { ok: false, reason: "formUsed" };
}

/**
 * recordedFromForm outside the recording transaction, in one of its own: on
 * SQLite the portal has one connection, and a read outside a transaction
 * would see another request's record before it is committed (or rolled back).
 */
function committedFromForm(db: Db, actor: Actor, contractId: string, input: PaymentInput): Promise<PaymentResult | null> {
  return input.formToken ? db.$transaction((tx) => recordedFromForm(tx, actor, contractId, input)) : Promise.resolve(null);
}

/** The checks before any writing: who, which contract, this form already recorded, the date. */
async function checkBeforeRecording(db: Db, actor: Actor, contractId: string, input: PaymentInput, now: Date) {
  const found = await contractAccess(db, actor, contractId);
  if (!found) return { ok: false, reason: "notFound" } as const;
  if (!found.roles.trader) return { ok: false, reason: "notAParty" } as const;
  const before = await committedFromForm(db, actor, contractId, input);
  if (before) return before;
  if (!PAYABLE_CONTRACT_STATUSES.includes(found.contract.status)) return { ok: false, reason: "notActive" } as const;
  if (calendarDaysBetween(now, input.paidOn) > 0) return { ok: false, fieldErrors: { paidOn: "deliveries:errors.dateInFuture" } } as const;
  if (calendarDaysBetween(new Date(found.snapshot.date), input.paidOn) < 0)
    return { ok: false, fieldErrors: { paidOn: "deliveries:errors.beforeContract" } } as const;
  return { ok: "checked", found } as const;
}

async function overpaymentFor(db: Db | Tx, contractId: string, advanceLak: bigint, amountLak: bigint) {
  const ledger = await contractLedger(db, contractId);
  return overpaymentOf({
    deliveries: ledger.deliveries.map((d) => ({ payableLak: payableOf(d), status: d.status })),
    payments: ledger.payments,
    advanceLak,
    amountLak,
  });
}

export type PaymentCheck =
  { ok: true; /** the payment this form already recorded, if it did */ recordedId: string | null } | Exclude<PaymentResult, { ok: true }>;

/**
 * What recording would answer, without writing anything: the confirmation
 * step shows the trader what will be recorded only once it would be. Recording
 * checks it all again, in its transaction.
 */
export async function checkPayment(db: Db, actor: Actor, contractId: string, input: PaymentInput, now = new Date()): Promise<PaymentCheck> {
  const checked = await checkBeforeRecording(db, actor, contractId, input, now);
  if (checked.ok === true) return { ok: true, recordedId: checked.paymentId };
  if (checked.ok === false) return checked;
  const over = await overpaymentFor(db, contractId, BigInt(checked.found.snapshot.terms.advanceLak), input.amountLak);
  const acknowledged = input.overpaymentLak ?? null;
  if (over && (acknowledged === null || acknowledged < over.overLak)) return { ok: false, reason: "overpayment", over };
  return { ok: true, recordedId: null };
}

export async function recordPayment(db: Db, actor: Actor, contractId: string, input: PaymentInput, now = new Date()): Promise<PaymentResult> {
  const checked = await checkBeforeRecording(db, actor, contractId, input, now);
  if (checked.ok !== "checked") return checked;
  const { contract, snapshot } = checked.found;
  try {
    return await db.$transaction(async (tx): Promise<PaymentResult> => {
      if (!(await holdContract(tx, contractId, PAYABLE_CONTRACT_STATUSES))) refuse("notActive");
      const sent = await recordedFromForm(tx, actor, contractId, input);
      if (sent) throw new SentBefore(sent);
      const over = await overpaymentFor(tx, contractId, BigInt(snapshot.terms.advanceLak), input.amountLak);
      const acknowledged = input.overpaymentLak ?? null;
      if (over && (acknowledged === null || acknowledged < over.overLak)) throw new OverpaymentRefusal(over);
      const values = { amountLak: input.amountLak, paidOn: input.paidOn, method: input.method, reference: input.reference, overpayment: over !== null };
      const payment = await tx.payment.create({
        data: { contractId, ...values, formToken: input.formToken ?? null, recordedById: actor.id, createdAt: now },
        select: { id: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "payment.recorded",
        entityType: "Payment",
        entityId: payment.id,
        after: { contractId, ...values, ...(over ? { owedLak: over.owedLak, overLak: over.overLak } : {}) },
      });
      await notify(tx, {
        userIds: (await partyUserIds(tx, contract, "fo")).filter((id) => id !== actor.id),
        kind: "payment_recorded",
        params: { number: contract.number, company: contract.company.name, amount: Number(input.amountLak), currency: contractCurrencyOf(contract.currency) },
        link: `/contracts/${contractId}/payments`,
      });
      return { ok: true, paymentId: payment.id, repeated: false };
    });
  } catch (error) {
    if (error instanceof SentBefore) return error.result as PaymentResult;
    // Another request recorded first: the same form gets the first's record.
    if (isUniqueViolation(error)) {
      const sent = await committedFromForm(db, actor, contractId, input);
      if (sent) return sent;
    }
    if (error instanceof OverpaymentRefusal) return { ok: false, reason: "overpayment", over: error.over };
    if (error instanceof Refusal) return { ok: false, reason: error.reason as PaymentRefusal };
    throw error;
  }
}

async function answerPayment(db: Db, actor: Actor, paymentId: string, answer: { status: "confirmed" } | { status: "contested"; reason: string }, now: Date) {
  return inTransaction<PaymentAnswerResult, PaymentRefusal>(db, async (tx) => {
    const payment = await tx.payment.findUnique({
      where: { id: paymentId },
      select: { id: true, contractId: true, status: true, version: true, recordedById: true, answeredById: true, amountLak: true },
    });
    if (!payment) refuse("notFound");
    const found = await contractAccess(tx, actor, payment.contractId);
    if (!found) refuse("notFound");
    const { roles, contract } = found;
    if (!roles.fo && !roles.trader) refuse("notAParty");
    if (!roles.fo || payment.recordedById === actor.id) refuse("notTheOtherParty");
    // The same answer sent twice (a double click): the first's result.
    if (payment.status === answer.status && payment.answeredById === actor.id)
      return { ok: true, completed: answer.status === "confirmed" && contract.status === "completed" };
    if (!ANSWERABLE_CONTRACT_STATUSES.includes(contract.status)) refuse("notActive");
    if (payment.status !== "recorded") refuse("alreadyAnswered");
    const reason = answer.status === "contested" ? answer.reason : null;
    const { count } = await tx.payment.updateMany({
      where: { id: paymentId, status: "recorded", version: payment.version },
      data: { status: answer.status, answeredById: actor.id, answeredAt: now, contestReason: reason, version: { increment: 1 } },
    });
    if (count === 0) {
      // Answered meanwhile (on PostgreSQL the update waited for it): the same answer by the same person is this one's result.
      const after = await tx.payment.findUnique({ where: { id: paymentId }, select: { status: true, answeredById: true } });
      if (after?.status !== answer.status || after.answeredById !== actor.id) refuse("alreadyAnswered");
      const { status } = await tx.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } });
      return { ok: true, completed: answer.status === "confirmed" && status === "completed" };
    }
    // A recorded payment counts only once confirmed: that is when the overdue date moves.
    await refreshOverdueFrom(tx, contract.id, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: answer.status === "confirmed" ? "payment.confirmed" : "payment.contested",
      entityType: "Payment",
      entityId: paymentId,
      before: { status: "recorded" },
      after: { status: answer.status, contestReason: reason },
    });
    const traderIds = await partyUserIds(tx, contract, "trader");
    const link = `/contracts/${contract.id}/payments`;
    const amount = Number(payment.amountLak);
    const currency = contractCurrencyOf(contract.currency);
    if (answer.status === "confirmed")
      await notify(tx, { userIds: traderIds, kind: "payment_confirmed", params: { number: contract.number, amount, currency }, link });
    else
      await notify(tx, { userIds: traderIds, kind: "payment_contested", params: { number: contract.number, amount, currency, reason: answer.reason }, link });
    const completed = answer.status === "confirmed" ? await completeContractIfDone(tx, actor, contract.id, now) : false;
    return { ok: true, completed };
  });
}

/** The FO says the money arrived; the contract may then be complete. */
export function confirmPayment(db: Db, actor: Actor, paymentId: string, now = new Date()): Promise<PaymentAnswerResult> {
  return answerPayment(db, actor, paymentId, { status: "confirmed" }, now);
}

/** The FO says the money did not arrive as recorded, and why. */
export function contestPayment(db: Db, actor: Actor, paymentId: string, reason: string, now = new Date()): Promise<PaymentAnswerResult> {
  return answerPayment(db, actor, paymentId, { status: "contested", reason }, now);
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

/** The contract's payments and its balance on `now`, with the arithmetic, ready for a loader. */
export async function paymentStatement(db: Db, access: NonNullable<Awaited<ReturnType<typeof contractAccess>>>, actorId: string, now = new Date()) {
  const { contract, snapshot, roles } = access;
  const { deliveries } = await contractLedger(db, contract.id);
  const payments = await db.payment.findMany({
    where: { contractId: contract.id },
    orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }],
    include: { recordedBy: { select: { name: true } }, answeredBy: { select: { name: true } } },
  });
  const { balance, penalty, lines, overdueLines } = statementOf(snapshot, deliveries, payments, now);
  const answerable = ANSWERABLE_CONTRACT_STATUSES.includes(contract.status);
  return {
    balance: {
      dueLak: balance.dueLak.toString(),
      paidLak: balance.paidLak.toString(),
      balanceLak: balance.balanceLak.toString(),
      overdueLak: balance.overdueLak.toString(),
      oldestOverdueDays: balance.oldestOverdueDays,
      penaltyLak: penalty.penaltyLak.toString(),
      lines: serialiseLines(lines),
      overdueLines: serialiseLines(overdueLines),
      penaltyLines: serialiseLines(penalty.lines),
      allocations: balance.allocations.map((a) => ({
        deliveredOn: deliveries[a.deliveryIndex]!.deliveredOn.toISOString(),
        dueDate: a.dueDate.toISOString(),
        amountLak: a.amountLak.toString(),
        source: a.source,
        paidOn: a.paidOn?.toISOString() ?? null,
        daysLate: a.daysLate,
      })),
    },
    payments: payments.map((p) => ({
      id: p.id,
      amountLak: p.amountLak.toString(),
      paidOn: p.paidOn.toISOString(),
      method: p.method,
      reference: p.reference,
      recordedBy: p.recordedBy.name,
      status: p.status,
      answeredBy: p.answeredBy?.name ?? null,
      answeredAt: p.answeredAt?.toISOString() ?? null,
      contestReason: p.contestReason,
      overpayment: p.overpayment,
      canAnswer: p.status === "recorded" && roles.fo && p.recordedById !== actorId && answerable,
    })),
    canRecord: roles.trader && PAYABLE_CONTRACT_STATUSES.includes(contract.status),
    terms: {
      paymentDays: snapshot.terms.paymentDays,
      latePenaltyPermillePerMonth: snapshot.terms.latePenaltyPermillePerMonth,
      advanceLak: snapshot.terms.advanceLak,
    },
  };
}
