// What a delivery is paid at and owes, from the contract's frozen terms.
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
// Input credit as contracts wrote it before handovers per member: the FO's
// debt from the contract date (inputDebtOn).
import type { Line } from "~/domain/offers/effective-price";
import { calendarDaysBetween } from "~/domain/payments/payments";
import { addDays } from "~/utils/dates";
import type { Db, Tx } from "~/utils/db.server";
import type { FieldErrors } from "~/utils/forms";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { computeDelivery, inputDebtLak, type DeliveryAmount } from "./delivery-amount";
import { exportParityPrice, figureForDay, type ExchangeRateFigure, type ExportReferenceFigure } from "./export-parity-price";
import { computeLot, type LotFigures, type LotMeasure } from "./lots";
import { DEFAULT_REFERENCE_MAX_AGE_DAYS, deliveryPrice, referencePriceForDay, type DeliveryPrice } from "./price-rules";

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
