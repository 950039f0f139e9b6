// Correcting a mistaken handover (wrong member, value or day): the FO's leaders
// void it, with the reason, and may record in the same step the handover that
// should have been written. The voided row stays, with who voided it, when and
// why, and the new row names the one it corrects: history is never rewritten.
//
// RULES: only the FO's leaders, while the contract is in force; only a handover
// no delivery has yet settled, that is, no delivery recorded (and not
// contested) on or after its day, and no repayment in cash by its member on or
// after it: what those worked out must never change under them. A reason is
// required. The replacement is checked as any new handover
// (./input-handovers.server handoverErrors), the voided one's value no longer
// counting. One transaction; the contract's version moves, so a delivery
// recorded at the same time works out the debts again; a handover voided
// twice at once is voided once.
import { holdContract } from "~/domain/contracts/contract-hold.server";
import { z } from "zod";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db } from "~/utils/db.server";
import { choice, laoDateField, requiredText, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { handoverErrors, type HandoverInput } from "./input-handovers.server";
import { inputUnits } from "./input-units";
import { calendarDaysBetween } from "../payments/payments";
import type { ContractSnapshot } from "../contracts/snapshot";

type Actor = Pick<SessionUser, "id" | "roles">;

export const CorrectionFormSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("void"), handoverId: requiredText(64), reason: requiredText(300) }),
  z.object({
    mode: z.literal("replace"),
    handoverId: requiredText(64),
    reason: requiredText(300),
    memberId: requiredText(64),
    item: requiredText(120),
    quantity: wholeNumberField(1, 1_000_000),
    unit: choice(inputUnits),
    valueLak: wholeNumberField(1, 1_000_000_000_000),
    handedOn: laoDateField,
  }),
]);

export interface CorrectionInput {
  handoverId: string;
  reason: string;
  /** null: void only */
  replacement: Omit<HandoverInput, "formToken"> | null;
  formToken?: string | null;
}

export function correctionInputOf(v: z.output<typeof CorrectionFormSchema>, formToken: string | null): CorrectionInput {
  return {
    handoverId: v.handoverId,
    reason: v.reason,
    replacement:
      v.mode === "replace"
        ? { memberId: v.memberId, item: v.item, quantity: v.quantity, unit: v.unit, valueLak: BigInt(v.valueLak), handedOn: v.handedOn }
        : null,
    formToken,
  };
}

export type CorrectionResult =
  | { ok: true; repeated: boolean }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: "notInputSupply" | "notActive" | "notTheFo" | "notFound" | "settled" | "alreadyVoided" | "changed" };

export async function correctHandover(
  db: Db,
  actor: Actor,
  contract: { id: string; status: string; organisationId: string },
  snapshot: ContractSnapshot,
  roles: { fo: boolean },
  input: CorrectionInput,
  now = new Date(),
): Promise<CorrectionResult> {
  if (snapshot.terms.inputValueLak === null) return { ok: false, reason: "notInputSupply" };
  if (!roles.fo) return { ok: false, reason: "notTheFo" };
  return inTransaction<CorrectionResult, "notActive" | "changed">(db, async (tx) => {
    const old = await tx.inputHandover.findFirst({ where: { id: input.handoverId, contractId: contract.id } });
    if (!old) return { ok: false, reason: "notFound" };
    if (old.voidedAt) {
      // The same form sent again: done already.
      const same = old.voidedById === actor.id && old.voidReason === input.reason;
      return same ? { ok: true, repeated: true } : { ok: false, reason: "alreadyVoided" };
    }
    if (!(await holdContract(tx, contract.id, ["active"]))) refuse("notActive");
    const [delivery, cash] = await Promise.all([
      tx.delivery.findFirst({
        where: { contractId: contract.id, status: { not: "contested" } },
        orderBy: { deliveredOn: "desc" },
        select: { deliveredOn: true },
      }),
      tx.inputCashRepayment.findFirst({ where: { contractId: contract.id, memberId: old.memberId }, orderBy: { paidOn: "desc" }, select: { paidOn: true } }),
    ]);
    const settledBy = (on: Date | undefined) => on !== undefined && calendarDaysBetween(old.handedOn, on) >= 0;
    if (settledBy(delivery?.deliveredOn) || settledBy(cash?.paidOn)) return { ok: false, reason: "settled" };
    if (input.replacement) {
      const fieldErrors = await handoverErrors(tx, contract, snapshot, input.replacement, now, old.id);
      if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    }
    const voided = await tx.inputHandover.updateMany({
      where: { id: old.id, voidedAt: null },
      data: { voidedAt: now, voidedById: actor.id, voidReason: input.reason },
    });
    if (voided.count === 0) refuse("changed");
    const replacement = input.replacement
      ? await tx.inputHandover.create({
          data: {
            contractId: contract.id,
            ...input.replacement,
            recordedById: actor.id,
            formToken: input.formToken ?? null,
            correctsId: old.id,
            createdAt: now,
          },
          select: { id: true },
        })
      : null;
    await recordAudit(tx, {
      actorId: actor.id,
      action: replacement ? "input.handover_corrected" : "input.handover_voided",
      entityType: "InputHandover",
      entityId: old.id,
      before: { memberId: old.memberId, item: old.item, quantity: old.quantity, unit: old.unit, valueLak: old.valueLak, handedOn: old.handedOn },
      after: { voidReason: input.reason, replacementId: replacement?.id ?? null, replacement: input.replacement },
    });
    return { ok: true, repeated: false };
  });
}
