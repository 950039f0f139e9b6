// Deliveries under a contract in force. Either party records what was handed
// over and how it was measured (gross kg, moisture, grade, foreign matter, who
// measured and with which scale or meter); everything that follows from it —
// the moisture deduction, net kg, the price applied, the deduction for inputs
// advanced on credit and the amount due — is COMPUTED from the contract's
// frozen terms with computeDelivery (./delivery-amount), never typed. The
// other party then confirms or contests the grade sheet, once.
//
// THE PRICE of a floor-plus-premium contract is the higher of the floor and
// the reference price for the day (referencePriceForDay), as the contract text
// states: market-survey and facilitator prices (never prices taken from
// contracts) of the contract's crop for the FO's district, and when the
// district has none, for its province.
//
// INPUT CREDIT (input-supply contracts): what the FO owes for the inputs is
// their value plus simple interest (inputDebtLak) from the contract date (the
// day the contract was written, when the handover is agreed; the clause's
// worked example counts from it too) to the day of the FIRST delivery, never
// after the contract's delivery date. Each delivery deducts what is still owed
// (never more than it is worth); a later delivery carries forward what the
// earlier ones (not contested) left owed, and no more interest runs on it.
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
// transaction that moves the contract's version from the one it read, so
// deliveries recorded at once can neither pass the limit together nor both
// deduct the same input debt (the loser is refused "changed", or answered with
// the first's record when it was the same form); an answer moves the delivery
// from "recorded" at the version it was read at, so of two answers one wins,
// and the same answer sent twice by the same person is answered as the first.
import { z } from "zod";
import { companyStaffUserIds, leaderUserIds, notify } from "~/domain/notifications/notify.server";
import { serialiseLines, type Line } from "~/domain/offers/effective-price";
import { inTransaction, refuse, Refusal } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import { addDays } from "~/utils/dates";
import type { Db, Tx } from "~/utils/db.server";
import { laoDateField, percentAsPermilleField, requiredText, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { completeContractIfDone, readSnapshot } from "./completion.server";
import { refreshOverdueFrom } from "./overdue.server";
import { computeDelivery, inputDebtLak, overDelivery, type DeliveryAmount, type OverDelivery } from "./delivery-amount";
import { isUniqueViolation } from "./form-token";
import { calendarDaysBetween } from "./payments";
import { contractRoles } from "./parties.server";
import { DEFAULT_REFERENCE_MAX_AGE_DAYS, referencePriceForDay } from "./price-rules";
import type { ContractSnapshot } from "./snapshot";

type Actor = Pick<SessionUser, "id" | "roles">;
export type Party = "fo" | "trader";

/** Statuses in which a delivery or payment may still be answered. */
export const ANSWERABLE_CONTRACT_STATUSES = ["active", "disputed", "completed"];

const contractSelect = {
  id: true,
  number: true,
  status: true,
  version: true,
  document: { select: { snapshot: true } },
  listingId: true,
  organisationId: true,
  companyId: true,
  districtId: true,
  completedAt: true,
  organisation: { select: { nameLo: true, nameEn: true } },
  company: { select: { name: true } },
} as const;

/** A contract and the capacities in which the user may see it; null when they may not (a 404). */
export async function contractAccess(db: Db | Tx, user: Actor, contractId: string) {
  const contract = await db.contract.findUnique({ where: { id: contractId }, select: contractSelect });
  if (!contract) return null;
  const roles = await contractRoles(db, user, contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  return { contract, roles, snapshot: readSnapshot(contract) };
}

/** The party's name in both languages, for notifications. */
export function partyName(contract: { organisation: { nameLo: string; nameEn: string }; company: { name: string } }, party: Party) {
  return party === "fo" ? { byLo: contract.organisation.nameLo, byEn: contract.organisation.nameEn } : { byLo: contract.company.name, byEn: contract.company.name };
}

export async function partyUserIds(tx: Tx, contract: { organisationId: string; companyId: string }, party: Party) {
  return party === "fo" ? leaderUserIds(tx, contract.organisationId) : companyStaffUserIds(tx, contract.companyId);
}

// ---------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------

export const DeliveryFormSchema = z.object({
  deliveredOn: laoDateField,
  grossKg: wholeNumberField(1, 100_000_000),
  moisture: percentAsPermilleField(100),
  gradeCode: requiredText(20),
  foreignMatter: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(percentAsPermilleField(100).optional()),
  measuredBy: requiredText(120),
  instrument: requiredText(120),
});

export const AnswerFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), id: requiredText(64) }),
  z.object({ intent: z.literal("contest"), id: requiredText(64), reason: requiredText(500) }),
]);

export interface DeliveryInput {
  deliveredOn: Date;
  grossKg: number;
  moisturePermille: number;
  gradeCode: string;
  foreignMatterPermille: number | null;
  measuredBy: string;
  instrument: string;
  /** the token of the form it was sent from (./form-token); null or absent when not sent from a form */
  formToken?: string | null;
}

export function deliveryInputOf(v: z.output<typeof DeliveryFormSchema>, formToken: string | null = null): DeliveryInput {
  return {
    formToken,
    deliveredOn: v.deliveredOn,
    grossKg: v.grossKg,
    moisturePermille: v.moisture,
    gradeCode: v.gradeCode,
    foreignMatterPermille: v.foreignMatter ?? null,
    measuredBy: v.measuredBy,
    instrument: v.instrument,
  };
}

/** The grades of the contract's crop, for the form. */
export async function cropGrades(db: Db, snapshot: ContractSnapshot) {
  return db.cropGrade.findMany({ where: { crop: { code: snapshot.crop.code } }, orderBy: { sortOrder: "asc" }, select: { code: true, nameLo: true, nameEn: true } });
}

// ---------------------------------------------------------------------------
// The arithmetic, from the frozen terms
// ---------------------------------------------------------------------------

/** The reference price on a delivery day, as the contract defines it (see the header). */
export async function referencePriceOn(db: Db | Tx, contract: { districtId: string; snapshot: ContractSnapshot }, day: Date) {
  const { snapshot } = contract;
  const crop = await db.crop.findUnique({ where: { code: snapshot.crop.code }, select: { id: true } });
  if (!crop) return { priceLakPerKg: null, scope: null };
  const districtSelect = { id: true, province: { select: { id: true, districts: { select: { id: true } } } } } as const;
  const district =
    (await db.district.findFirst({ where: { nameEn: snapshot.fo.district.en, province: { nameEn: snapshot.fo.province.en } }, select: districtSelect })) ??
    (await db.district.findUniqueOrThrow({ where: { id: contract.districtId }, select: districtSelect }));
  const base = {
    cropId: crop.id,
    source: { in: ["market_survey", "facilitator_entry"] },
    observedOn: { gte: addDays(day, -(DEFAULT_REFERENCE_MAX_AGE_DAYS + 1)), lte: addDays(day, 1) },
  };
  const select = { observedOn: true, priceLakPerKg: true } as const;
  const inDistrict = referencePriceForDay(await db.referencePrice.findMany({ where: { ...base, districtId: district.id }, select }), day);
  if (inDistrict !== null) return { priceLakPerKg: inDistrict, scope: "district" as const };
  const provinceRows = await db.referencePrice.findMany({
    where: { ...base, OR: [{ districtId: { in: district.province.districts.map((d) => d.id) } }, { provinceId: district.province.id }] },
    select,
  });
  const inProvince = referencePriceForDay(provinceRows, day);
  return inProvince !== null ? { priceLakPerKg: inProvince, scope: "province" as const } : { priceLakPerKg: null, scope: null };
}

/**
 * What the FO still owes for inputs at a delivery, null when the contract
 * advanced none. `interestUntil`: the day of the first delivery (see the
 * header); `earlierDeductionsLak`: what earlier deliveries deducted.
 */
export function inputDebtOn(snapshot: ContractSnapshot, interestUntil: Date, earlierDeductionsLak: bigint): { debtLak: bigint; lines: Line[] } | null {
  const { inputValueLak, inputInterestPermillePerMonth, deliveryDate } = snapshot.terms;
  if (inputValueLak === null) return null;
  const lastInterestDay = new Date(deliveryDate);
  const debt = inputDebtLak({
    inputValueLak: BigInt(inputValueLak),
    interestPermillePerMonth: inputInterestPermillePerMonth,
    advancedOn: new Date(snapshot.date),
    deliveredOn: calendarDaysBetween(lastInterestDay, interestUntil) > 0 ? lastInterestDay : interestUntil,
  });
  const owed = debt.debtLak > earlierDeductionsLak ? debt.debtLak - earlierDeductionsLak : 0n;
  const lines = [...debt.lines];
  if (earlierDeductionsLak > 0n) {
    lines.push({ key: "deliveries:lines.inputEarlier", params: {}, amountLak: -earlierDeductionsLak });
    lines.push({ key: "deliveries:lines.inputOwed", params: {}, amountLak: owed });
  }
  return { debtLak: owed, lines };
}

/** The figures of a delivery from the contract's own rules. */
export function deliveryFigures(
  snapshot: ContractSnapshot,
  input: { grossKg: number; moisturePermille: number; referencePriceLakPerKg: number | null; inputDebtLak: bigint },
): DeliveryAmount {
  const { terms } = snapshot;
  return computeDelivery({
    grossKg: input.grossKg,
    moisturePermille: input.moisturePermille,
    basisPermille: terms.moistureBasisPermille,
    bands: terms.deductionTable,
    price: { priceMechanism: snapshot.template.priceMechanism, priceLakPerKg: terms.priceLakPerKg, floorPriceLakPerKg: terms.floorPriceLakPerKg },
    referencePriceLakPerKg: snapshot.template.priceMechanism === "floor_premium" ? input.referencePriceLakPerKg : null,
    inputDebtLak: input.inputDebtLak,
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
async function recordedFromForm(db: Db | Tx, actor: Actor, contractId: string, input: DeliveryInput): Promise<DeliveryResult | null> {
  if (!input.formToken) return null;
  const first = await db.delivery.findUnique({
    where: { contractId_formToken: { contractId, formToken: input.formToken } },
    select: { id: true, recordedById: true, deliveredOn: true, grossKg: true, moisturePermille: true, gradeCode: true, foreignMatterPermille: true, measuredBy: true, instrument: true },
  });
  if (!first) return null;
  const same =
    first.recordedById === actor.id &&
    first.deliveredOn.getTime() === input.deliveredOn.getTime() &&
    first.grossKg === input.grossKg &&
    first.moisturePermille === input.moisturePermille &&
    first.gradeCode === input.gradeCode &&
    first.foreignMatterPermille === input.foreignMatterPermille &&
    first.measuredBy === input.measuredBy &&
    first.instrument === input.instrument;
  return same ? { ok: true, deliveryId: first.id, repeated: true } : { ok: false, reason: "formUsed" };
}

/**
 * recordedFromForm outside the recording transaction, in one of its own: on
 * SQLite the portal has one connection, and a read outside a transaction
 * would see another request's record before it is committed (or rolled back).
 */
function committedFromForm(db: Db, actor: Actor, contractId: string, input: DeliveryInput): Promise<DeliveryResult | null> {
  return input.formToken ? db.$transaction((tx) => recordedFromForm(tx, actor, contractId, input)) : Promise.resolve(null);
}

export async function recordDelivery(db: Db, actor: Actor, contractId: string, input: DeliveryInput, now = new Date()): Promise<DeliveryResult> {
  const found = await contractAccess(db, actor, contractId);
  if (!found) return { ok: false, reason: "notFound" };
  const { roles, snapshot, contract } = found;
  if (!roles.fo && !roles.trader) return { ok: false, reason: "notAParty" };
  // Sent before: the first's result, whatever has happened to the contract since.
  const before = await committedFromForm(db, actor, contractId, input);
  if (before) return before;
  if (contract.status !== "active") return { ok: false, reason: "notActive" };
  const party: Party = roles.fo ? "fo" : "trader";

  const fieldErrors: FieldErrors = {};
  if (calendarDaysBetween(now, input.deliveredOn) > 0) fieldErrors.deliveredOn = "deliveries:errors.dateInFuture";
  else if (calendarDaysBetween(new Date(snapshot.date), input.deliveredOn) < 0) fieldErrors.deliveredOn = "deliveries:errors.beforeContract";
  const grades = await cropGrades(db, snapshot);
  if (!grades.some((g) => g.code === input.gradeCode)) fieldErrors.gradeCode = "deliveries:errors.unknownGrade";
  if (Object.keys(fieldErrors).length) return { ok: false, fieldErrors };

  const reference = snapshot.template.priceMechanism === "floor_premium" ? await referencePriceOn(db, { districtId: contract.districtId, snapshot }, input.deliveredOn) : null;

  try {
    return await db.$transaction(async (tx): Promise<DeliveryResult> => {
      const current = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { status: true, version: true } });
      const sent = await recordedFromForm(tx, actor, contractId, input);
      if (sent) return sent;
      if (current.status !== "active") refuse("notActive");
      const earlier = await tx.delivery.aggregate({
        where: { contractId, status: { not: "contested" } },
        _sum: { inputDeductionLak: true, netKg: true },
        _min: { deliveredOn: true },
      });
      const firstDay = earlier._min.deliveredOn && earlier._min.deliveredOn < input.deliveredOn ? earlier._min.deliveredOn : input.deliveredOn;
      const debt = inputDebtOn(snapshot, firstDay, earlier._sum.inputDeductionLak ?? 0n);
      const figures = deliveryFigures(snapshot, {
        grossKg: input.grossKg,
        moisturePermille: input.moisturePermille,
        referencePriceLakPerKg: reference?.priceLakPerKg ?? null,
        inputDebtLak: debt?.debtLak ?? 0n,
      });
      const over = overDelivery({
        quantityKg: snapshot.terms.quantityKg,
        tolerancePermille: snapshot.terms.tolerancePermille,
        deliveredNetKg: earlier._sum.netKg ?? 0,
        netKg: figures.netKg,
      });
      if (over) throw new OverDeliveryRefusal(over);
      const values = {
        deliveredOn: input.deliveredOn,
        grossKg: input.grossKg,
        moisturePermille: input.moisturePermille,
        gradeCode: input.gradeCode,
        foreignMatterPermille: input.foreignMatterPermille,
        measuredBy: input.measuredBy,
        instrument: input.instrument,
        deductedKg: figures.deductedKg,
        netKg: figures.netKg,
        priceLakPerKg: figures.priceLakPerKg,
        referencePriceLakPerKg: reference?.priceLakPerKg ?? null,
        amountDueLak: figures.amountDueLak,
        inputDeductionLak: figures.inputDeductionLak,
      };
      const delivery = await tx.delivery.create({
        data: { contractId, ...values, formToken: input.formToken ?? null, recordedByParty: party, recordedById: actor.id, createdAt: now },
        select: { id: true },
      });
      const { count } = await tx.contract.updateMany({ where: { id: contractId, status: "active", version: current.version }, data: { version: { increment: 1 } } });
      if (count === 0) refuse("changed");
      await refreshOverdueFrom(tx, contractId, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "delivery.recorded",
        entityType: "Delivery",
        entityId: delivery.id,
        after: { contractId, party, ...values, priceBasis: figures.priceBasis, payableLak: figures.payableLak },
      });
      const other: Party = party === "fo" ? "trader" : "fo";
      await notify(tx, {
        userIds: (await partyUserIds(tx, contract, other)).filter((id) => id !== actor.id),
        kind: "delivery_recorded",
        params: { number: contract.number, ...partyName(contract, party), amount: Number(figures.amountDueLak) },
        link: `/contracts/${contractId}/deliveries`,
      });
      return { ok: true, deliveryId: delivery.id, repeated: false };
    });
  } catch (error) {
    // Another request recorded first: the same form gets the first's record.
    if (isUniqueViolation(error) || (error instanceof Refusal && error.reason === "changed")) {
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
    if (delivery.status === answer.status && delivery.answeredById === actor.id) return { ok: true, completed: answer.status === "confirmed" && contract.status === "completed" };
    if (!ANSWERABLE_CONTRACT_STATUSES.includes(contract.status)) refuse("notActive");
    if (delivery.status !== "recorded") refuse("alreadyAnswered");
    const reason = answer.status === "contested" ? answer.reason : null;
    const { count } = await tx.delivery.updateMany({
      where: { id: deliveryId, status: "recorded", version: delivery.version },
      data: { status: answer.status, answeredById: actor.id, answeredAt: now, contestReason: reason, version: { increment: 1 } },
    });
    if (count === 0) refuse("alreadyAnswered");
    await refreshOverdueFrom(tx, contract.id, now);
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

// ---------------------------------------------------------------------------
// Reading, for the page
// ---------------------------------------------------------------------------

/** Every delivery of a contract with its figures and their arithmetic, ready for a loader. */
export async function deliveryStatement(db: Db, access: NonNullable<Awaited<ReturnType<typeof contractAccess>>>, actorId: string) {
  const { contract, snapshot, roles } = access;
  const rows = await db.delivery.findMany({
    where: { contractId: contract.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: { recordedBy: { select: { name: true } }, answeredBy: { select: { name: true } } },
  });
  let earlier = 0n;
  let firstDay: Date | null = null;
  const views = rows.map((d) => {
    let debt = inputDebtOn(snapshot, firstDay && firstDay < d.deliveredOn ? firstDay : d.deliveredOn, earlier);
    let figures = deliveryFigures(snapshot, { grossKg: d.grossKg, moisturePermille: d.moisturePermille, referencePriceLakPerKg: d.referencePriceLakPerKg, inputDebtLak: debt?.debtLak ?? 0n });
    // An earlier delivery contested since this one was recorded changes the debt re-derived
    // here; the deduction recorded stands, so the line shows that.
    if (debt && figures.inputDeductionLak !== d.inputDeductionLak) {
      debt = { debtLak: d.inputDeductionLak, lines: debt.lines };
      figures = deliveryFigures(snapshot, { grossKg: d.grossKg, moisturePermille: d.moisturePermille, referencePriceLakPerKg: d.referencePriceLakPerKg, inputDebtLak: d.inputDeductionLak });
    }
    if (d.status !== "contested") {
      earlier += d.inputDeductionLak;
      if (!firstDay || d.deliveredOn < firstDay) firstDay = d.deliveredOn;
    }
    const answering: Party = d.recordedByParty === "fo" ? "trader" : "fo";
    return {
      id: d.id,
      deliveredOn: d.deliveredOn.toISOString(),
      grossKg: d.grossKg,
      moisturePermille: d.moisturePermille,
      gradeCode: d.gradeCode,
      foreignMatterPermille: d.foreignMatterPermille,
      measuredBy: d.measuredBy,
      instrument: d.instrument,
      deductedKg: d.deductedKg,
      netKg: d.netKg,
      priceLakPerKg: d.priceLakPerKg,
      referencePriceLakPerKg: d.referencePriceLakPerKg,
      amountDueLak: d.amountDueLak.toString(),
      inputDeductionLak: d.inputDeductionLak.toString(),
      payableLak: (d.amountDueLak - d.inputDeductionLak).toString(),
      aboveTable: figures.aboveTable,
      recordedByParty: d.recordedByParty as Party,
      recordedBy: d.recordedBy.name,
      createdAt: d.createdAt.toISOString(),
      status: d.status,
      answeredBy: d.answeredBy?.name ?? null,
      answeredAt: d.answeredAt?.toISOString() ?? null,
      contestReason: d.contestReason,
      lines: serialiseLines(figures.lines),
      inputLines: debt ? serialiseLines(debt.lines) : null,
      canAnswer: d.status === "recorded" && roles[answering] && d.recordedById !== actorId && ANSWERABLE_CONTRACT_STATUSES.includes(contract.status),
    };
  });
  const counted = rows.filter((d) => d.status !== "contested");
  return {
    deliveries: views,
    totals: {
      grossKg: counted.reduce((s, d) => s + d.grossKg, 0),
      netKg: counted.reduce((s, d) => s + d.netKg, 0),
      payableLak: counted.reduce((s, d) => s + d.amountDueLak - d.inputDeductionLak, 0n).toString(),
    },
  };
}
