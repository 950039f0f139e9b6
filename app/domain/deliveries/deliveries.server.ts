// Deliveries under a contract in force. Either party records what was handed
// over and how it was measured (gross kg, moisture, grade, foreign matter, who
// measured and with which scale or meter); everything that follows from it —
// the moisture deduction, net kg, the price applied, the deduction for inputs
// advanced on credit and the amount due — is COMPUTED from the contract's
// frozen terms with computeDelivery (./delivery-amount), never typed. The
// other party then confirms or contests the grade sheet, once.
//
// THE PRICE: ./delivery-price.server.
//
// LOTS: a delivery is made of lots (./lots), one per household or the FO's
// pooled bags; its figures are the sum of its lots. Only the FO names
// households; the trader records the FO's pooled bags. Lots the buyer refused
// at the scale are recorded beside them with their reason (./refused-lots) and
// are no part of the figures.
//
// INPUT CREDIT (input-supply contracts): each household owes for the inputs
// handed to it, with interest from its own handover on the balance still owed
// (./input-ledger, ./input-handovers.server); inputs no member received are
// the FO's own, from the contract date. A delivery repays each household's own
// from what it gets, then the FO's own from what is left
// (./household-settlement), and records each repayment (InputRepayment).
// Deliveries recorded before lots keep the deduction they recorded.
//
// DATES: a delivery is dated by its calendar day in Laos, neither in the future
// nor before the day the contract was written.
//
// HOW MUCH: the deliveries not contested may reach the contracted quantity plus
// the tolerance (net kg, overDelivery in ./delivery-amount) and no more; a
// delivery that would pass it is refused, saying how much may still be
// delivered. More than that, if the parties want it, is an amendment.
//
// ONCE PER FORM: the form carries a token (./form-token), kept on the record
// with a unique constraint; the same form sent again is answered with the
// record it made the first time, and writes nothing.
//
// CONCURRENCY: the limit is checked and the delivery written in one
// transaction that first moves the contract's version, holding its row to the
// commit, so deliveries recorded at once are recorded one after the other: they
// can neither pass the limit together nor both deduct the same input debt, and
// the same form sent twice is answered with the first's record; an answer moves the delivery
// from "recorded" at the version it was read at, so of two answers one wins,
// and the same answer sent twice by the same person is answered as the first.
import { contractCurrencyOf } from "~/domain/prices/currency";
import { holdContract, SentBefore } from "~/domain/contracts/contract-hold.server";
import { ANSWERABLE_CONTRACT_STATUSES, contractAccess, partyName, partyUserIds, type Party } from "~/domain/contracts/contract-access.server";
import { asLots, type DeliveryInput, type LotDeliveryInput } from "./delivery-form";
import { basePriceOf, exportFigureColumns, exportFiguresOn, lotFigures, referencePriceOn } from "./delivery-price.server";
import { REFUSAL_REASONS } from "./refused-lots";
import { tellMembersOfDelivery } from "~/domain/members/member-news.server";
import { notify } from "~/domain/notifications/notify.server";
import { inTransaction, refuse, Refusal } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import type { Db, Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { completeContractIfDone } from "../contracts/completion.server";
import { refreshOverdueFrom } from "../payments/overdue.server";
import { overDelivery, type OverDelivery } from "./delivery-amount";
import { isUniqueViolation } from "../contracts/form-token";
import { calendarDaysBetween } from "../payments/payments";
import type { ContractSnapshot } from "../contracts/snapshot";
import { allocateRepayments, deliveryShares } from "../payments/household-settlement";
import { refreshHouseholdShortfall } from "./household-shortfall.server";
import { inputBalances, inputEvents } from "../inputs/input-handovers.server";
import { repaymentOf } from "../inputs/input-ledger";
import { sumLots, type LotMeasure } from "./lots";

type Actor = Pick<SessionUser, "id" | "roles">;

/** Who may have a lot on the sheet: the listing's households, named only to the FO (the member register is its own). */
export async function lotMembers(db: Db, contract: { listingId: string }) {
  const pledges = await db.pledge.findMany({
    where: { listingId: contract.listingId },
    orderBy: [{ member: { name: "asc" } }, { id: "asc" }],
    select: { kg: true, member: { select: { id: true, name: true } } },
  });
  return pledges.map((p) => ({ id: p.member.id, name: p.member.name, pledgedKg: p.kg }));
}

/** The grades of the contract's crop, for the form. */
export async function cropGrades(db: Db, snapshot: ContractSnapshot) {
  return db.cropGrade.findMany({
    where: { crop: { code: snapshot.crop.code } },
    orderBy: { sortOrder: "asc" },
    select: { code: true, nameLo: true, nameEn: true },
  });
}

// ---------------------------------------------------------------------------
// Writes
// ---------------------------------------------------------------------------

export type DeliveryRefusal = "notFound" | "notAParty" | "notActive" | "notTheOtherParty" | "alreadyAnswered" | "changed" | "formUsed";
export type DeliveryResult =
  | { ok: true; deliveryId: string; /** the same form sent again: nothing was written */ repeated: boolean }
  | { ok: false; fieldErrors: FieldErrors }
  | { ok: false; reason: DeliveryRefusal }
  | { ok: false; reason: "overDelivery"; over: OverDelivery };
export type AnswerResult = { ok: true; completed: boolean } | { ok: false; reason: DeliveryRefusal };

class OverDeliveryRefusal extends Refusal<"overDelivery"> {
  constructor(readonly over: OverDelivery) {
    super("overDelivery");
  }
}

/**
 * The record already made from this form, if any: the first's result when the
 * same person sent the same content, "formUsed" when not (see the header).
 */
async function recordedFromForm(db: Db | Tx, actor: Actor, contractId: string, input: LotDeliveryInput): Promise<DeliveryResult | null> {
  if (!input.formToken) return null;
  const first = await db.delivery.findUnique({
    where: { contractId_formToken: { contractId, formToken: input.formToken } },
    select: {
      id: true,
      recordedById: true,
      deliveredOn: true,
      measuredBy: true,
      instrument: true,
      lots: { orderBy: { position: "asc" }, select: lotMeasureSelect },
    },
  });
  if (!first) return null;
  const same =
    first.recordedById === actor.id &&
    first.deliveredOn.getTime() === input.deliveredOn.getTime() &&
    first.measuredBy === input.measuredBy &&
    first.instrument === input.instrument &&
    first.lots.length === input.lots.length &&
    first.lots.every((l, i) => sameLot(l, input.lots[i]!));
  return same ? { ok: true, deliveryId: first.id, repeated: true } : { ok: false, reason: "formUsed" };
}

const lotMeasureSelect = {
  memberId: true,
  bags: true,
  grossKg: true,
  bagTareGrams: true,
  moisturePermille: true,
  foreignMatterPermille: true,
  gradeCode: true,
  contentPermille: true,
} as const;

function sameLot(a: LotMeasure, b: LotMeasure): boolean {
  return (
    a.memberId === b.memberId &&
    a.bags === b.bags &&
    a.grossKg === b.grossKg &&
    a.bagTareGrams === b.bagTareGrams &&
    a.moisturePermille === b.moisturePermille &&
    a.foreignMatterPermille === b.foreignMatterPermille &&
    a.gradeCode === b.gradeCode &&
    (a.contentPermille ?? null) === (b.contentPermille ?? null)
  );
}

/**
 * recordedFromForm outside the recording transaction, in one of its own: on
 * SQLite the portal has one connection, and a read outside a transaction
 * would see another request's record before it is committed (or rolled back).
 */
function committedFromForm(db: Db, actor: Actor, contractId: string, input: LotDeliveryInput): Promise<DeliveryResult | null> {
  return input.formToken ? db.$transaction((tx) => recordedFromForm(tx, actor, contractId, input)) : Promise.resolve(null);
}

/**
 * Checks a delivery and works out its lots and their sum, writing nothing:
 * for recording, and for the sheet's running total before it is recorded.
 */
export async function prepareDelivery(
  db: Db,
  found: NonNullable<Awaited<ReturnType<typeof contractAccess>>>,
  party: Party,
  input: LotDeliveryInput,
  now = new Date(),
) {
  const { snapshot, contract } = found;
  const fieldErrors: FieldErrors = {};
  if (calendarDaysBetween(now, input.deliveredOn) > 0) fieldErrors.deliveredOn = "deliveries:errors.dateInFuture";
  else if (calendarDaysBetween(new Date(snapshot.date), input.deliveredOn) < 0) fieldErrors.deliveredOn = "deliveries:errors.beforeContract";
  if (input.lots.length === 0) fieldErrors.lots = "deliveries:errors.noLots";
  const grades = await cropGrades(db, snapshot);
  const members = await lotMembers(db, contract);
  input.lots.forEach((lot, i) => {
    if (!grades.some((g) => g.code === lot.gradeCode))
      fieldErrors[input.lots.length === 1 && lot.bags === 0 ? "gradeCode" : `lot.${i}.grade`] = "deliveries:errors.unknownGrade";
    // Only the FO names its households; the trader records the FO's pooled bags.
    if (lot.memberId !== null && (party !== "fo" || !members.some((m) => m.id === lot.memberId)))
      fieldErrors[`lot.${i}.member`] = "deliveries:errors.unknownMember";
  });
  if (input.lots.some((l) => l.memberId === null) && !members.some((m) => m.pledgedKg > 0)) fieldErrors.lots = "deliveries:errors.pooledWithoutPledges";
  (input.refusedLots ?? []).forEach((lot, i) => {
    if (lot.memberId !== null && (party !== "fo" || !members.some((m) => m.id === lot.memberId)))
      fieldErrors[`refused.${i}.member`] = "deliveries:errors.unknownMember";
    if (!REFUSAL_REASONS.includes(lot.reason)) fieldErrors[`refused.${i}.reason`] = "deliveries:errors.refusalReason";
    if (lot.reason === "other" && !lot.note) fieldErrors[`refused.${i}.note`] = "deliveries:errors.refusalNote";
  });
  if (Object.keys(fieldErrors).length) return { ok: false as const, fieldErrors };

  const reference =
    snapshot.template.priceMechanism === "floor_premium" ? await referencePriceOn(db, { districtId: contract.districtId, snapshot }, input.deliveredOn) : null;
  const exportFigures = snapshot.template.priceMechanism === "export_parity_floor" ? await exportFiguresOn(db, snapshot, input.deliveredOn) : null;
  const price = basePriceOf(snapshot, reference?.priceLakPerKg ?? null, exportFigures);
  const { figured, fieldErrors: lotErrors } = lotFigures(snapshot, price.priceLakPerKg, input.lots);
  if (Object.keys(lotErrors).length) return { ok: false as const, fieldErrors: lotErrors };
  const total = sumLots(figured);

  return { ok: true as const, members, reference, exportFigures, price, figured, total };
}

export async function recordDelivery(
  db: Db,
  actor: Actor,
  contractId: string,
  sentInput: LotDeliveryInput | DeliveryInput,
  now = new Date(),
): Promise<DeliveryResult> {
  const input = asLots(sentInput);
  const found = await contractAccess(db, actor, contractId);
  if (!found) return { ok: false, reason: "notFound" };
  const { roles, snapshot, contract } = found;
  if (!roles.fo && !roles.trader) return { ok: false, reason: "notAParty" };
  // Sent before: the first's result, whatever has happened to the contract since.
  const before = await committedFromForm(db, actor, contractId, input);
  if (before) return before;
  if (contract.status !== "active") return { ok: false, reason: "notActive" };
  const party: Party = roles.fo ? "fo" : "trader";
  const prepared = await prepareDelivery(db, found, party, input, now);
  if (!prepared.ok) return prepared;
  const { members, reference, exportFigures, price, figured, total } = prepared;

  try {
    return await db.$transaction(async (tx): Promise<DeliveryResult> => {
      if (!(await holdContract(tx, contractId, ["active"]))) refuse("notActive");
      const sent = await recordedFromForm(tx, actor, contractId, input);
      if (sent) throw new SentBefore(sent);
      const earlier = await tx.delivery.aggregate({ where: { contractId, status: { not: "contested" } }, _sum: { netKg: true } });
      const over = overDelivery({
        quantityKg: snapshot.terms.quantityKg,
        tolerancePermille: snapshot.terms.tolerancePermille,
        deliveredNetKg: earlier._sum.netKg ?? 0,
        netKg: total.netKg,
      });
      if (over) throw new OverDeliveryRefusal(over);

      // Inputs: each household repays its own, then the FO's own from what is left (./household-settlement).
      const balances = inputBalances(snapshot, await inputEvents(tx, contractId), input.deliveredOn);
      const shares = deliveryShares(
        figured.map(({ measure, figures }) => ({
          memberId: measure.memberId,
          netKg: figures.netKg,
          amountLak: figures.amountLak,
          deductedKg: figures.moistureDeductedKg + figures.foreignMatterDeductedKg,
        })),
        members.map((m) => ({ memberId: m.id, kg: m.pledgedKg })),
      );
      const repayments: { memberId: string | null; amountLak: bigint; interestLak: bigint }[] = [];
      if (balances) {
        const owedByMember = new Map([...balances.byMember].map(([id, b]) => [id, b.owedLak]));
        const allocation = allocateRepayments({ shares, owedByMember, poolOwedLak: balances.pool?.owedLak ?? 0n });
        for (const [memberId, lak] of allocation.byMember) repayments.push({ memberId, ...repaymentOf(balances.byMember.get(memberId)!, lak) });
        if (allocation.poolLak > 0n) repayments.push({ memberId: null, ...repaymentOf(balances.pool!, allocation.poolLak) });
      }
      const inputDeductionLak = repayments.reduce((s, r) => s + r.amountLak, 0n);
      const grades = new Set(input.lots.map((l) => l.gradeCode));
      const values = {
        deliveredOn: input.deliveredOn,
        grossKg: total.grossKg,
        moisturePermille: total.moisturePermille,
        gradeCode: grades.size === 1 ? [...grades][0]! : null,
        foreignMatterPermille: total.foreignMatterPermille,
        measuredBy: input.measuredBy,
        instrument: input.instrument,
        deductedKg: total.moistureDeductedKg,
        tareKg: total.tareKg,
        foreignMatterDeductedKg: total.foreignMatterDeductedKg,
        netKg: total.netKg,
        priceLakPerKg: price.priceLakPerKg,
        referencePriceLakPerKg: reference?.priceLakPerKg ?? null,
        amountDueLak: total.amountLak,
        inputDeductionLak,
        lotCount: figured.length,
        contentAdjustmentLak: total.contentAdjustmentLak,
        contentPermille: total.contentPermille,
        ...exportFigureColumns(exportFigures),
      };
      const delivery = await tx.delivery.create({
        data: { contractId, ...values, formToken: input.formToken ?? null, recordedByParty: party, recordedById: actor.id, createdAt: now },
        select: { id: true },
      });
      await tx.deliveryLot.createMany({
        data: figured.map(({ measure, figures }, i) => ({
          deliveryId: delivery.id,
          position: i + 1,
          memberId: measure.memberId,
          bags: measure.bags,
          grossKg: measure.grossKg,
          bagTareGrams: measure.bagTareGrams,
          moisturePermille: measure.moisturePermille,
          foreignMatterPermille: measure.foreignMatterPermille,
          gradeCode: measure.gradeCode,
          tareKg: figures.tareKg,
          moistureDeductedKg: figures.moistureDeductedKg,
          foreignMatterDeductedKg: figures.foreignMatterDeductedKg,
          netKg: figures.netKg,
          priceLakPerKg: figures.priceLakPerKg,
          amountLak: figures.amountLak,
          contentPermille: measure.contentPermille ?? null,
          contentAdjustmentLak: figures.contentAdjustmentLak,
        })),
      });
      const refusedLots = input.refusedLots ?? [];
      if (refusedLots.length)
        await tx.refusedLot.createMany({
          data: refusedLots.map((l, i) => ({
            deliveryId: delivery.id,
            position: i + 1,
            memberId: l.memberId,
            bags: l.bags,
            grossKg: l.grossKg,
            reason: l.reason,
            note: l.note,
          })),
        });
      if (repayments.length) await tx.inputRepayment.createMany({ data: repayments.map((r) => ({ deliveryId: delivery.id, ...r })) });
      await refreshOverdueFrom(tx, contractId, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "delivery.recorded",
        entityType: "Delivery",
        entityId: delivery.id,
        after: {
          contractId,
          party,
          ...values,
          priceBasis: price.basis,
          payableLak: total.amountLak - inputDeductionLak,
          lots: input.lots,
          refusedLots,
          repayments,
        },
      });
      const other: Party = party === "fo" ? "trader" : "fo";
      await notify(tx, {
        userIds: (await partyUserIds(tx, contract, other)).filter((id) => id !== actor.id),
        kind: "delivery_recorded",
        params: { number: contract.number, ...partyName(contract, party), amount: Number(total.amountLak), currency: contractCurrencyOf(contract.currency) },
        link: `/contracts/${contractId}/deliveries`,
      });
      await tellMembersOfDelivery(tx, delivery.id);
      return { ok: true, deliveryId: delivery.id, repeated: false };
    });
  } catch (error) {
    if (error instanceof SentBefore) return error.result as DeliveryResult;
    // Another request recorded first: the same form gets the first's record.
    if (isUniqueViolation(error)) {
      const sent = await committedFromForm(db, actor, contractId, input);
      if (sent) return sent;
    }
    if (error instanceof OverDeliveryRefusal) return { ok: false, reason: "overDelivery", over: error.over };
    if (error instanceof Refusal) return { ok: false, reason: error.reason as DeliveryRefusal };
    throw error;
  }
}

async function answerDelivery(db: Db, actor: Actor, deliveryId: string, answer: { status: "confirmed" } | { status: "contested"; reason: string }, now: Date) {
  return inTransaction<AnswerResult, DeliveryRefusal>(db, async (tx) => {
    const delivery = await tx.delivery.findUnique({
      where: { id: deliveryId },
      select: { id: true, contractId: true, status: true, version: true, recordedByParty: true, recordedById: true, answeredById: true },
    });
    if (!delivery) refuse("notFound");
    const found = await contractAccess(tx, actor, delivery.contractId);
    if (!found) refuse("notFound");
    const { roles, contract } = found;
    if (!roles.fo && !roles.trader) refuse("notAParty");
    const answering: Party = delivery.recordedByParty === "fo" ? "trader" : "fo";
    if (!roles[answering] || delivery.recordedById === actor.id) refuse("notTheOtherParty");
    // The same answer sent twice (a double click): the first's result.
    if (delivery.status === answer.status && delivery.answeredById === actor.id)
      return { ok: true, completed: answer.status === "confirmed" && contract.status === "completed" };
    if (!ANSWERABLE_CONTRACT_STATUSES.includes(contract.status)) refuse("notActive");
    if (delivery.status !== "recorded") refuse("alreadyAnswered");
    const reason = answer.status === "contested" ? answer.reason : null;
    const { count } = await tx.delivery.updateMany({
      where: { id: deliveryId, status: "recorded", version: delivery.version },
      data: { status: answer.status, answeredById: actor.id, answeredAt: now, contestReason: reason, version: { increment: 1 } },
    });
    if (count === 0) {
      // Answered meanwhile (on PostgreSQL the update waited for it): the same answer by the same person is this one's result.
      const after = await tx.delivery.findUnique({ where: { id: deliveryId }, select: { status: true, answeredById: true } });
      if (after?.status !== answer.status || after.answeredById !== actor.id) refuse("alreadyAnswered");
      const { status } = await tx.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { status: true } });
      return { ok: true, completed: answer.status === "confirmed" && status === "completed" };
    }
    await refreshOverdueFrom(tx, contract.id, now);
    if (answer.status === "confirmed") await refreshHouseholdShortfall(tx, contract.id);
    await recordAudit(tx, {
      actorId: actor.id,
      action: answer.status === "confirmed" ? "delivery.confirmed" : "delivery.contested",
      entityType: "Delivery",
      entityId: deliveryId,
      before: { status: "recorded" },
      after: { status: answer.status, party: answering, contestReason: reason },
    });
    const recorderIds = await partyUserIds(tx, contract, delivery.recordedByParty === "fo" ? "fo" : "trader");
    const by = partyName(contract, answering);
    const link = `/contracts/${contract.id}/deliveries`;
    if (answer.status === "confirmed") await notify(tx, { userIds: recorderIds, kind: "delivery_confirmed", params: { number: contract.number, ...by }, link });
    else await notify(tx, { userIds: recorderIds, kind: "delivery_contested", params: { number: contract.number, ...by, reason: answer.reason }, link });
    const completed = answer.status === "confirmed" ? await completeContractIfDone(tx, actor, contract.id, now) : false;
    return { ok: true, completed };
  });
}

/** The other party signs the grade sheet; the contract may then be complete. */
export function confirmDelivery(db: Db, actor: Actor, deliveryId: string, now = new Date()): Promise<AnswerResult> {
  return answerDelivery(db, actor, deliveryId, { status: "confirmed" }, now);
}

/** The other party does not accept the grade sheet, and says why. */
export function contestDelivery(db: Db, actor: Actor, deliveryId: string, reason: string, now = new Date()): Promise<AnswerResult> {
  return answerDelivery(db, actor, deliveryId, { status: "contested", reason }, now);
}
