// A member repays (part of) their own inputs in cash, outside a delivery: the
// FO's leaders record how much and on what day. From that day interest runs
// on the reduced balance (./input-ledger: the cash pays the interest accrued
// first, then the inputs' value), later deliveries deduct only what is still
// owed, and the payout sheet and the passbook show it beside what deliveries
// repaid.
//
// RULES: only the FO's leaders record, while the contract is in force or after
// it was completed (a debt can outlive the deliveries); a member who received
// inputs under this contract; the day neither in the future, nor before the
// member's first handover, nor before a delivery already recorded (what that
// delivery deducted was worked out on the balance of its day and must not
// change under it); never more than the member owes on that day. Once per form
// (./form-token); the contract's version moves, so a delivery or another
// repayment recorded at the same time works out the balance again.
import { holdContract } from "~/domain/contracts/contract-hold.server";
import { z } from "zod";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { laoDateField, optionalText, requiredText, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { inputBalances, inputEvents } from "./input-handovers.server";
import { repaymentOf } from "./input-ledger";
import { calendarDaysBetween } from "../payments/payments";
import type { ContractSnapshot } from "../contracts/snapshot";

type Actor = Pick<SessionUser, "id" | "roles">;

export const CashRepaymentFormSchema = z.object({
  memberId: requiredText(64),
  amountLak: wholeNumberField(1, 1_000_000_000_000),
  paidOn: laoDateField,
  note: optionalText(200),
});

export interface CashRepaymentInput {
  memberId: string;
  amountLak: bigint;
  paidOn: Date;
  note: string | null;
  formToken?: string | null;
}

export function cashRepaymentInputOf(v: z.output<typeof CashRepaymentFormSchema>, formToken: string | null): CashRepaymentInput {
  return { memberId: v.memberId, amountLak: BigInt(v.amountLak), paidOn: v.paidOn, note: v.note ?? null, formToken };
}

export type CashRepaymentResult =
  | { ok: true; repeated: boolean }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: "notInputSupply" | "notActive" | "notTheFo" | "formUsed" | "changed" };

/** Contract statuses under which a member may still repay in cash. */
const REPAYABLE = ["active", "completed"];

export async function recordCashRepayment(
  db: Db,
  actor: Actor,
  contract: { id: string; status: string; organisationId: string },
  snapshot: ContractSnapshot,
  roles: { fo: boolean },
  input: CashRepaymentInput,
  now = new Date(),
): Promise<CashRepaymentResult> {
  if (snapshot.terms.inputValueLak === null) return { ok: false, reason: "notInputSupply" };
  if (!roles.fo) return { ok: false, reason: "notTheFo" };
  const sent = async (tx: Db | Tx): Promise<CashRepaymentResult | null> => {
    if (!input.formToken) return null;
    const first = await tx.inputCashRepayment.findUnique({
      where: { contractId_formToken: { contractId: contract.id, formToken: input.formToken } },
      select: { recordedById: true, memberId: true, amountLak: true },
    });
    if (!first) return null;
    return first.recordedById === actor.id && first.memberId === input.memberId && first.amountLak === input.amountLak
      ? { ok: true, repeated: true }
      : { ok: false, reason: "formUsed" };
  };
  return inTransaction<CashRepaymentResult, "notActive" | "changed">(db, async (tx) => {
    const before = await sent(tx);
    if (before) return before;
    if (!(await holdContract(tx, contract.id, REPAYABLE))) refuse("notActive");
    const fieldErrors: FieldErrors = {};
    const events = await inputEvents(tx, contract.id);
    const own = events.handovers.filter((h) => h.memberId === input.memberId);
    if (own.length === 0) fieldErrors.memberId = "deliveries:inputs.cash.errors.noInputs";
    else if (calendarDaysBetween(now, input.paidOn) > 0) fieldErrors.paidOn = "deliveries:inputs.errors.dateInFuture";
    else if (calendarDaysBetween(own[0]!.handedOn, input.paidOn) < 0) fieldErrors.paidOn = "deliveries:inputs.cash.errors.beforeHandover";
    else {
      const last = await tx.delivery.findFirst({
        where: { contractId: contract.id, status: { not: "contested" } },
        orderBy: { deliveredOn: "desc" },
        select: { deliveredOn: true },
      });
      if (last && calendarDaysBetween(last.deliveredOn, input.paidOn) < 0) fieldErrors.paidOn = "deliveries:inputs.cash.errors.beforeDelivery";
    }
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const balance = inputBalances(snapshot, events, input.paidOn)!.byMember.get(input.memberId)!;
    if (input.amountLak > balance.owedLak) return { ok: false, fieldErrors: { amountLak: "deliveries:inputs.cash.errors.moreThanOwed" } };
    const { amountLak, interestLak } = repaymentOf(balance, input.amountLak);
    const created = await tx.inputCashRepayment.create({
      data: {
        contractId: contract.id,
        memberId: input.memberId,
        amountLak,
        interestLak,
        paidOn: input.paidOn,
        note: input.note,
        recordedById: actor.id,
        formToken: input.formToken ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "input.repaid_in_cash",
      entityType: "InputCashRepayment",
      entityId: created.id,
      before: { owedLak: balance.owedLak, interestLak: balance.interestLak },
      after: {
        contractId: contract.id,
        memberId: input.memberId,
        amountLak,
        interestLak,
        paidOn: input.paidOn,
        note: input.note,
        owedLak: balance.owedLak - amountLak,
      },
    });
    return { ok: true, repeated: false };
  }).catch(async (error: unknown) => {
    const again = await db.$transaction((tx) => sent(tx));
    if (again) return again;
    throw error;
  });
}
