// Inputs of an input-supply contract handed to members: the FO's leaders
// record which member received which input, how much and on what day, as the
// clause asks ("the FO records who received what"). Each member then owes for
// their own inputs, with interest from their own handover (./input-ledger);
// what the contract advanced and no member received is the FO's own.
//
// RULES: only the FO's leaders record, while the contract is in force; a
// member of the FO; the day neither in the future, nor before the contract
// was written, nor before a delivery already recorded (interest already worked
// out would change under it); the handovers never add up to more than the
// contract's input value. Once per form (./form-token). The trader and the
// district's facilitators read the list: it sets what the trader is repaid.
import { holdContract } from "~/domain/contracts/contract-hold.server";
import { z } from "zod";
import { serialiseLines } from "~/domain/offers/effective-price";
import { inTransaction, refuse } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import { choice, laoDateField, requiredText, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { inputBalanceOn, type InputBalance, type LedgerHandover, type LedgerRepayment } from "./input-ledger";
import { calendarDaysBetween } from "../payments/payments";
import { inputUnits, type InputUnit } from "./input-units";
import type { ContractSnapshot } from "../contracts/snapshot";

type Actor = Pick<SessionUser, "id" | "roles">;

export const HandoverFormSchema = z.object({
  memberId: requiredText(64),
  item: requiredText(120),
  quantity: wholeNumberField(1, 1_000_000),
  unit: choice(inputUnits),
  valueLak: wholeNumberField(1, 1_000_000_000_000),
  handedOn: laoDateField,
});

export interface HandoverInput {
  memberId: string;
  item: string;
  quantity: number;
  unit: InputUnit;
  valueLak: bigint;
  handedOn: Date;
  formToken?: string | null;
}

export function handoverInputOf(v: z.output<typeof HandoverFormSchema>, formToken: string | null): HandoverInput {
  return { memberId: v.memberId, item: v.item, quantity: v.quantity, unit: v.unit, valueLak: BigInt(v.valueLak), handedOn: v.handedOn, formToken };
}

export type HandoverResult =
  { ok: true; repeated: boolean } | { ok: false; fieldErrors: FieldErrors } | { ok: false; reason: "notInputSupply" | "notActive" | "notTheFo" | "formUsed" };

/** Everything that moves the input balances of a contract, for the ledgers. */
export async function inputEvents(db: Db | Tx, contractId: string) {
  const [handovers, repayments, legacy, cash] = await Promise.all([
    db.inputHandover.findMany({
      // A voided handover stays as history (./input-corrections.server) and moves no balance.
      where: { contractId, voidedAt: null },
      orderBy: [{ handedOn: "asc" }, { createdAt: "asc" }],
      select: { id: true, memberId: true, item: true, quantity: true, unit: true, valueLak: true, handedOn: true, member: { select: { name: true } } },
    }),
    db.inputRepayment.findMany({
      where: { delivery: { contractId, status: { not: "contested" } } },
      select: { memberId: true, amountLak: true, delivery: { select: { deliveredOn: true } } },
    }),
    // Deliveries recorded before lots deducted the FO's inputs as one.
    db.delivery.findMany({
      where: { contractId, lotCount: 0, status: { not: "contested" }, inputDeductionLak: { gt: 0 } },
      select: { deliveredOn: true, inputDeductionLak: true },
    }),
    // Repaid in cash outside a delivery (./input-cash.server).
    db.inputCashRepayment.findMany({
      where: { contractId },
      orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }],
      select: { id: true, memberId: true, amountLak: true, interestLak: true, paidOn: true, note: true, member: { select: { name: true } } },
    }),
  ]);
  return { handovers, repayments, legacy, cash };
}

export type InputEvents = Awaited<ReturnType<typeof inputEvents>>;

export interface InputBalances {
  byMember: Map<string, InputBalance>;
  /** inputs of the contract no member received: the FO's own; null when all were handed over */
  pool: InputBalance | null;
}

/** Each member's balance and the FO's own on `day`; null when the contract advanced no inputs. */
export function inputBalances(snapshot: ContractSnapshot, events: InputEvents, day: Date): InputBalances | null {
  const { inputValueLak, inputInterestPermillePerMonth, deliveryDate } = snapshot.terms;
  if (inputValueLak === null) return null;
  const common = { interestPermillePerMonth: inputInterestPermillePerMonth, interestUntil: new Date(deliveryDate), day };
  const handovers = new Map<string, LedgerHandover[]>();
  const repayments = new Map<string | null, LedgerRepayment[]>();
  let handed = 0n;
  for (const h of events.handovers) {
    handed += h.valueLak;
    const list = handovers.get(h.memberId) ?? [];
    list.push({ on: h.handedOn, valueLak: h.valueLak, item: h.item });
    handovers.set(h.memberId, list);
  }
  for (const r of events.repayments) {
    const list = repayments.get(r.memberId) ?? [];
    list.push({ on: r.delivery.deliveredOn, amountLak: r.amountLak });
    repayments.set(r.memberId, list);
  }
  for (const c of events.cash) {
    const list = repayments.get(c.memberId) ?? [];
    list.push({ on: c.paidOn, amountLak: c.amountLak, cash: true });
    repayments.set(c.memberId, list);
  }
  for (const d of events.legacy) {
    const list = repayments.get(null) ?? [];
    list.push({ on: d.deliveredOn, amountLak: d.inputDeductionLak });
    repayments.set(null, list);
  }
  const byMember = new Map<string, InputBalance>();
  for (const [memberId, list] of handovers) byMember.set(memberId, inputBalanceOn({ ...common, handovers: list, repayments: repayments.get(memberId) ?? [] }));
  const left = BigInt(inputValueLak) - handed;
  const pool =
    left > 0n || repayments.has(null)
      ? inputBalanceOn({
          ...common,
          handovers: left > 0n ? [{ on: new Date(snapshot.date), valueLak: left, item: snapshot.terms.inputDescription ?? "" }] : [],
          repayments: repayments.get(null) ?? [],
        })
      : null;
  return { byMember, pool };
}

/**
 * What is wrong with a handover about to be recorded (see the header); empty
 * when nothing. `replacing` is the handover it corrects, whose value no longer counts.
 */
export async function handoverErrors(
  tx: Tx,
  contract: { id: string; organisationId: string },
  snapshot: ContractSnapshot,
  input: Pick<HandoverInput, "memberId" | "valueLak" | "handedOn">,
  now: Date,
  replacing: string | null = null,
): Promise<FieldErrors> {
  const fieldErrors: FieldErrors = {};
  const member = await tx.member.findFirst({ where: { id: input.memberId, organisationId: contract.organisationId }, select: { id: true } });
  if (!member) fieldErrors.memberId = "deliveries:inputs.errors.unknownMember";
  if (calendarDaysBetween(now, input.handedOn) > 0) fieldErrors.handedOn = "deliveries:inputs.errors.dateInFuture";
  else if (calendarDaysBetween(new Date(snapshot.date), input.handedOn) < 0) fieldErrors.handedOn = "deliveries:inputs.errors.beforeContract";
  else {
    const last = await tx.delivery.findFirst({
      where: { contractId: contract.id, status: { not: "contested" } },
      orderBy: { deliveredOn: "desc" },
      select: { deliveredOn: true },
    });
    if (last && calendarDaysBetween(last.deliveredOn, input.handedOn) < 0) fieldErrors.handedOn = "deliveries:inputs.errors.beforeDelivery";
  }
  const handed = await tx.inputHandover.aggregate({
    where: { contractId: contract.id, voidedAt: null, ...(replacing ? { id: { not: replacing } } : {}) },
    _sum: { valueLak: true },
  });
  if ((handed._sum.valueLak ?? 0n) + input.valueLak > BigInt(snapshot.terms.inputValueLak!)) fieldErrors.valueLak = "deliveries:inputs.errors.moreThanAdvanced";
  return fieldErrors;
}

export async function recordHandover(
  db: Db,
  actor: Actor,
  contract: { id: string; status: string; organisationId: string },
  snapshot: ContractSnapshot,
  roles: { fo: boolean },
  input: HandoverInput,
  now = new Date(),
): Promise<HandoverResult> {
  if (snapshot.terms.inputValueLak === null) return { ok: false, reason: "notInputSupply" };
  if (!roles.fo) return { ok: false, reason: "notTheFo" };
  const sent = async (tx: Db | Tx): Promise<HandoverResult | null> => {
    if (!input.formToken) return null;
    const first = await tx.inputHandover.findUnique({
      where: { contractId_formToken: { contractId: contract.id, formToken: input.formToken } },
      select: { recordedById: true, memberId: true, valueLak: true },
    });
    if (!first) return null;
    return first.recordedById === actor.id && first.memberId === input.memberId && first.valueLak === input.valueLak
      ? { ok: true, repeated: true }
      : { ok: false, reason: "formUsed" };
  };
  return inTransaction<HandoverResult, "notActive">(db, async (tx) => {
    const before = await sent(tx);
    if (before) return before;
    // Moves the contract's version first, so a delivery being recorded at the same time waits and works out the debts again.
    if (!(await holdContract(tx, contract.id, ["active"]))) refuse("notActive");
    const fieldErrors = await handoverErrors(tx, contract, snapshot, input, now);
    if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };
    const created = await tx.inputHandover.create({
      data: {
        contractId: contract.id,
        memberId: input.memberId,
        item: input.item,
        quantity: input.quantity,
        unit: input.unit,
        valueLak: input.valueLak,
        handedOn: input.handedOn,
        recordedById: actor.id,
        formToken: input.formToken ?? null,
        createdAt: now,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "input.handed_over",
      entityType: "InputHandover",
      entityId: created.id,
      after: {
        contractId: contract.id,
        memberId: input.memberId,
        item: input.item,
        quantity: input.quantity,
        unit: input.unit,
        valueLak: input.valueLak,
        handedOn: input.handedOn,
      },
    });
    return { ok: true, repeated: false };
  }).catch(async (error: unknown) => {
    const again = await db.$transaction((tx) => sent(tx));
    if (again) return again;
    throw error;
  });
}

/** The handovers, each member's balance today and the form's choices, ready for a loader. */
export async function handoverPage(
  db: Db,
  access: {
    contract: { id: string; number: string; status: string; listingId: string; organisationId: string };
    snapshot: ContractSnapshot;
    roles: { fo: boolean };
  },
  now: Date,
) {
  const { contract, snapshot, roles } = access;
  const head = { contract: { id: contract.id, number: contract.number }, isFo: roles.fo };
  if (snapshot.terms.inputValueLak === null)
    return { ...head, inputs: null, handovers: [], voided: [], balances: [], members: [], cash: [], debtors: [], canRecord: false, canRepay: false };
  const [events, voided, lastDelivery] = await Promise.all([
    inputEvents(db, contract.id),
    db.inputHandover.findMany({
      where: { contractId: contract.id, voidedAt: { not: null } },
      orderBy: { voidedAt: "asc" },
      select: { id: true, item: true, valueLak: true, handedOn: true, voidedAt: true, voidReason: true, member: { select: { name: true } } },
    }),
    db.delivery.findFirst({
      where: { contractId: contract.id, status: { not: "contested" } },
      orderBy: { deliveredOn: "desc" },
      select: { deliveredOn: true },
    }),
  ]);
  // A handover may be corrected until a delivery or a repayment in cash by its member has settled it (./input-corrections.server).
  const lastCash = new Map<string, Date>();
  for (const c of events.cash) lastCash.set(c.memberId, c.paidOn);
  const settledOn = (on: Date | undefined, handedOn: Date) => on !== undefined && calendarDaysBetween(handedOn, on) >= 0;
  const correctable = (h: { memberId: string; handedOn: Date }) =>
    roles.fo && contract.status === "active" && !settledOn(lastDelivery?.deliveredOn, h.handedOn) && !settledOn(lastCash.get(h.memberId), h.handedOn);
  const balances = inputBalances(snapshot, events, now)!;
  const valueLak = BigInt(snapshot.terms.inputValueLak);
  const handedLak = events.handovers.reduce((s, h) => s + h.valueLak, 0n);
  const names = new Map(events.handovers.map((h) => [h.memberId, h.member.name]));
  const members = roles.fo
    ? await db.member.findMany({
        where: { organisationId: contract.organisationId, active: true },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        select: { id: true, name: true },
      })
    : [];
  return {
    ...head,
    inputs: {
      description: snapshot.terms.inputDescription ?? "",
      valueLak: valueLak.toString(),
      handedLak: handedLak.toString(),
      leftLak: (valueLak - handedLak).toString(),
    },
    handovers: events.handovers.map((h) => ({
      id: h.id,
      memberId: h.memberId,
      correctable: correctable(h),
      memberName: h.member.name,
      item: h.item,
      quantity: h.quantity,
      unit: h.unit,
      valueLak: h.valueLak.toString(),
      handedOn: h.handedOn.toISOString(),
    })),
    voided: voided.map((h) => ({
      id: h.id,
      memberName: h.member.name,
      item: h.item,
      valueLak: h.valueLak.toString(),
      handedOn: h.handedOn.toISOString(),
      voidedAt: h.voidedAt!.toISOString(),
      reason: h.voidReason ?? "",
    })),
    balances: [
      ...[...balances.byMember].map(([memberId, b]) => ({
        memberId,
        name: names.get(memberId) ?? "",
        owedLak: b.owedLak.toString(),
        lines: serialiseLines(b.lines),
      })),
      ...(balances.pool ? [{ memberId: null, name: "", owedLak: balances.pool.owedLak.toString(), lines: serialiseLines(balances.pool.lines) }] : []),
    ].sort((a, b) => (a.memberId === null ? 1 : b.memberId === null ? -1 : a.name.localeCompare(b.name))),
    members: members.map((m) => ({ value: m.id, label: m.name })),
    cash: events.cash.map((c) => ({
      id: c.id,
      memberName: c.member.name,
      amountLak: c.amountLak.toString(),
      interestLak: c.interestLak.toString(),
      paidOn: c.paidOn.toISOString(),
      note: c.note,
    })),
    /** members who received inputs: who may repay in cash */
    debtors: [...names].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label)),
    canRecord: roles.fo && contract.status === "active",
    canRepay: roles.fo && (contract.status === "active" || contract.status === "completed"),
  };
}
