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
// THE PRICE of an export-parity contract is the higher of its floor and the
// export parity of the day (./export-parity-price): the export reference of
// the contract's crop at the market and in the currency it names, and the
// exchange rate of the kind it names, each the latest on or before the day
// within the contract's window. The figures used are kept on the delivery, so
// a reference corrected later never moves its amount.
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
// transaction that moves the contract's version from the one it read, so
// deliveries recorded at once can neither pass the limit together nor both
// deduct the same input debt (the loser is refused "changed", or answered with
// the first's record when it was the same form); an answer moves the delivery
// from "recorded" at the version it was read at, so of two answers one wins,
// and the same answer sent twice by the same person is answered as the first.
import { contractCurrencyOf } from "~/domain/prices/currency";
import { z } from "zod";
import { REFUSAL_REASONS, type RefusedLotInput } from "./refused-lots";
import { tellMembersOfDelivery } from "~/domain/members/member-news.server";
import { companyStaffUserIds, leaderUserIds, notify } from "~/domain/notifications/notify.server";
import type { Line } from "~/domain/offers/effective-price";
import { inTransaction, refuse, Refusal } from "~/domain/refusal";
import { recordAudit } from "~/utils/audit.server";
import { addDays } from "~/utils/dates";
import type { Db, Tx } from "~/utils/db.server";
import { laoDateField, requiredText, wholeNumberField } from "~/utils/fields";
import type { FieldErrors } from "~/utils/forms";
import type { SessionUser } from "~/utils/request-state.server";
import { completeContractIfDone, readSnapshot } from "./completion.server";
import { refreshOverdueFrom } from "./overdue.server";
import { computeDelivery, inputDebtLak, overDelivery, type DeliveryAmount, type OverDelivery } from "./delivery-amount";
import { isUniqueViolation } from "./form-token";
import { calendarDaysBetween } from "./payments";
import { contractRoles, visibleContractsWhere } from "./parties.server";
import { exportParityPrice, figureForDay, type ExchangeRateFigure, type ExportReferenceFigure } from "./export-parity-price";
import { DEFAULT_REFERENCE_MAX_AGE_DAYS, deliveryPrice, referencePriceForDay, type DeliveryPrice } from "./price-rules";
import type { ContractSnapshot } from "./snapshot";
import { allocateRepayments, deliveryShares } from "./household-settlement";
import { refreshHouseholdShortfall } from "./household-shortfall.server";
import { inputBalances, inputEvents } from "./input-handovers.server";
import { repaymentOf } from "./input-ledger";
import { computeLot, sumLots, type LotFigures, type LotMeasure } from "./lots";

type Actor = Pick<SessionUser, "id" | "roles">;
export type Party = "fo" | "trader";

/** Statuses in which a delivery or payment may still be answered. */
export const ANSWERABLE_CONTRACT_STATUSES = ["active", "disputed", "completed"];

const contractSelect = {
  id: true,
  number: true,
  currency: true,
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
  // Read through the visibility rule: a contract the user may not see is never read.
  const contract = await db.contract.findFirst({ where: { id: contractId, ...visibleContractsWhere(user) }, select: contractSelect });
  if (!contract) return null;
  const roles = await contractRoles(db, user, contract);
  if (!roles.fo && !roles.trader && !roles.facilitator) return null;
  return { contract, roles, snapshot: readSnapshot(contract) };
}

/** The party's name in both languages, for notifications. */
export function partyName(contract: { organisation: { nameLo: string; nameEn: string }; company: { name: string } }, party: Party) {
  return party === "fo"
    ? { byLo: contract.organisation.nameLo, byEn: contract.organisation.nameEn }
    : { byLo: contract.company.name, byEn: contract.company.name };
}

export async function partyUserIds(tx: Tx, contract: { organisationId: string; companyId: string }, party: Party) {
  return party === "fo" ? leaderUserIds(tx, contract.organisationId) : companyStaffUserIds(tx, contract.companyId);
}

// ---------------------------------------------------------------------------
// The form
// ---------------------------------------------------------------------------

/** The delivery's own fields; its lots come from the grade sheet (./lot-form). */
export const DeliveryFormSchema = z.object({
  deliveredOn: laoDateField,
  bagGrams: wholeNumberField(0, 5_000),
  measuredBy: requiredText(120),
  instrument: requiredText(120),
});

export const AnswerFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), id: requiredText(64) }),
  z.object({ intent: z.literal("contest"), id: requiredText(64), reason: requiredText(500) }),
]);

export interface LotDeliveryInput {
  deliveredOn: Date;
  measuredBy: string;
  instrument: string;
  lots: readonly LotMeasure[];
  /** lots the buyer refused at the scale, with their reasons; none when absent */
  refusedLots?: readonly RefusedLotInput[];
  /** the token of the form it was sent from (./form-token); null or absent when not sent from a form */
  formToken?: string | null;
}

/** A delivery measured as one: how deliveries were recorded before lots (one lot of the FO's pooled bags, no tare). */
export interface DeliveryInput {
  deliveredOn: Date;
  grossKg: number;
  moisturePermille: number;
  gradeCode: string;
  foreignMatterPermille: number | null;
  measuredBy: string;
  instrument: string;
  formToken?: string | null;
}

export function asLots(input: LotDeliveryInput | DeliveryInput): LotDeliveryInput {
  if ("lots" in input) return input;
  const { grossKg, moisturePermille, gradeCode, foreignMatterPermille, ...rest } = input;
  return { ...rest, lots: [{ memberId: null, bags: 0, bagTareGrams: 0, grossKg, moisturePermille, foreignMatterPermille, gradeCode }] };
}

export function deliveryInputOf(
  v: z.output<typeof DeliveryFormSchema>,
  lots: readonly LotMeasure[],
  formToken: string | null = null,
  refusedLots: readonly RefusedLotInput[] = [],
): LotDeliveryInput {
  return { formToken, deliveredOn: v.deliveredOn, measuredBy: v.measuredBy, instrument: v.instrument, lots, refusedLots };
}

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

/** Each lot worked out from the contract's terms at the delivery's price; a lot that cannot be is an error on its row. */
export function lotFigures(snapshot: ContractSnapshot, deliveryPriceLakPerKg: number, lots: readonly (LotMeasure & { row?: number })[]) {
  const fieldErrors: FieldErrors = {};
  const figured: { measure: LotMeasure; figures: LotFigures }[] = [];
  lots.forEach((lot, i) => {
    const figures = computeLot(snapshot.terms, deliveryPriceLakPerKg, lot);
    if ("problem" in figures) fieldErrors[`lot.${lot.row ?? i}.bagGrams`] = figures.problem;
    else figured.push({ measure: lot, figures });
  });
  return { figured, fieldErrors };
}

export interface ExportFigures {
  reference: ExportReferenceFigure | null;
  rate: ExchangeRateFigure | null;
}

/** The export reference and the exchange rate of a delivery day, as an export-parity contract names them (see the header). */
export async function exportFiguresOn(db: Db | Tx, snapshot: ContractSnapshot, day: Date): Promise<ExportFigures> {
  const e = snapshot.terms.exportParity;
  if (!e) throw new Error(`Contract ${snapshot.number} has no export-parity terms`);
  // A day either side of the window: figureForDay counts calendar days in Laos.
  const observedOn = { gte: addDays(day, -(e.maxAgeDays + 1)), lte: addDays(day, 1) };
  const crop = await db.crop.findUnique({ where: { code: snapshot.crop.code }, select: { id: true } });
  const references = crop
    ? await db.exportReferencePrice.findMany({
        where: { cropId: crop.id, market: e.market, currency: e.currency, observedOn },
        select: { priceHundredthsPerKg: true, observedOn: true, sourceName: true, createdAt: true },
      })
    : [];
  const rates = await db.exchangeRate.findMany({
    where: { currency: e.currency, sourceKind: e.rateSourceKind, observedOn },
    select: { lakPerHundred: true, observedOn: true, sourceName: true, createdAt: true },
  });
  return { reference: figureForDay(references, day, e.maxAgeDays), rate: figureForDay(rates, day, e.maxAgeDays) };
}

/** The figures as a delivery keeps them (all null when the floor applied for want of one). */
export function exportFigureColumns(figures: ExportFigures | null) {
  const used = figures?.reference && figures.rate ? figures : null;
  return {
    exportPriceHundredthsPerKg: used?.reference?.priceHundredthsPerKg ?? null,
    exportObservedOn: used?.reference?.observedOn ?? null,
    exportSourceName: used?.reference?.sourceName ?? null,
    exchangeLakPerHundred: used?.rate?.lakPerHundred ?? null,
    exchangeObservedOn: used?.rate?.observedOn ?? null,
    exchangeSourceName: used?.rate?.sourceName ?? null,
  };
}

/** The figures a recorded delivery kept, read back for its arithmetic. */
export function storedExportFigures(d: ReturnType<typeof exportFigureColumns>): ExportFigures {
  const reference =
    d.exportPriceHundredthsPerKg !== null && d.exportObservedOn !== null && d.exportSourceName !== null
      ? { priceHundredthsPerKg: d.exportPriceHundredthsPerKg, observedOn: d.exportObservedOn, sourceName: d.exportSourceName }
      : null;
  const rate =
    d.exchangeLakPerHundred !== null && d.exchangeObservedOn !== null && d.exchangeSourceName !== null
      ? { lakPerHundred: d.exchangeLakPerHundred, observedOn: d.exchangeObservedOn, sourceName: d.exchangeSourceName }
      : null;
  return { reference, rate };
}

/** The price a delivery's lots start from: the contract's, its floor, the day's reference or its export parity. */
export function basePriceOf(snapshot: ContractSnapshot, referencePriceLakPerKg: number | null, exportFigures: ExportFigures | null = null): DeliveryPrice {
  if (snapshot.template.priceMechanism === "export_parity_floor") {
    const e = snapshot.terms.exportParity;
    const floor = snapshot.terms.floorPriceLakPerKg;
    if (!e || floor === null) throw new Error(`Contract ${snapshot.number}: an export-parity contract needs its export terms and a floor price`);
    const price = exportParityPrice({ ...e, floorLakPerKg: floor }, exportFigures?.reference ?? null, exportFigures?.rate ?? null);
    return { priceLakPerKg: price.priceLakPerKg, basis: price.basis, lines: price.lines };
  }
  return deliveryPrice(
    { priceMechanism: snapshot.template.priceMechanism, priceLakPerKg: snapshot.terms.priceLakPerKg, floorPriceLakPerKg: snapshot.terms.floorPriceLakPerKg },
    snapshot.template.priceMechanism === "floor_premium" ? referencePriceLakPerKg : null,
  );
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
      const current = await tx.contract.findUniqueOrThrow({ where: { id: contractId }, select: { status: true, version: true } });
      const sent = await recordedFromForm(tx, actor, contractId, input);
      if (sent) return sent;
      if (current.status !== "active") refuse("notActive");
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
      const { count } = await tx.contract.updateMany({
        where: { id: contractId, status: "active", version: current.version },
        data: { version: { increment: 1 } },
      });
      if (count === 0) refuse("changed");
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
    if (delivery.status === answer.status && delivery.answeredById === actor.id)
      return { ok: true, completed: answer.status === "confirmed" && contract.status === "completed" };
    if (!ANSWERABLE_CONTRACT_STATUSES.includes(contract.status)) refuse("notActive");
    if (delivery.status !== "recorded") refuse("alreadyAnswered");
    const reason = answer.status === "contested" ? answer.reason : null;
    const { count } = await tx.delivery.updateMany({
      where: { id: deliveryId, status: "recorded", version: delivery.version },
      data: { status: answer.status, answeredById: actor.id, answeredAt: now, contestReason: reason, version: { increment: 1 } },
    });
    if (count === 0) refuse("alreadyAnswered");
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
