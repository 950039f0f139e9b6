// A delivery lot: one household's part of a delivery, or the FO's pooled bags
// when members mixed them (said so: memberId null). Everything after the
// measurements is COMPUTED from the contract's frozen terms, never typed, and
// the delivery is the sum of its lots. Pure; no database.
//
// THE ARITHMETIC of a lot, each step one Line:
//  1. tare = bags × the weight of one empty bag (grams), to a whole kg;
//  2. weighed kg = gross kg − tare (a lot must weigh more than its bags);
//  3. moisture deduction on the weighed kg, from the contract's table and basis
//     (~/domain/offers/moisture-deduction);
//  4. foreign-matter deduction on the weighed kg, from the contract's schedule
//     and the foreign matter allowed free, read like the moisture table (a
//     contract written before foreign matter was priced deducts nothing);
//  5. net kg = weighed − moisture deduction − foreign-matter deduction (never
//     below 0);
//  6. price of the lot = the delivery's price (fixed, or floor or reference)
//     plus the contract's premium or discount for the lot's grade (never below
//     0; a grade the contract does not list is paid the delivery's price);
//  7. amount = net kg × price of the lot (exact);
//  8. on a contract with a content term (DRC for rubber, starch for fresh
//     cassava: ./content), plus (content − basis) × step × net kg, rounded
//     once to a whole LAK; the amount never goes below 0.
// Both deductions are taken from the same weighed kg, so neither depends on
// the order they are applied in.
//
// ROUNDING (half up, ~/domain/prices/rounding): the tare and each deduction to
// a whole kg; the content adjustment to a whole LAK (./content); nothing else.
import type { Line } from "~/domain/offers/effective-price";
import { moistureDeductionKg, type Band } from "~/domain/offers/moisture-deduction";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import type { SnapshotGradeAdjustment } from "../contracts/snapshot";
import { contentAdjustmentLak, type ContentTerm } from "../contracts/content";

export interface LotMeasure {
  /** null: the FO's pooled bags, shared by pledge */
  memberId: string | null;
  bags: number;
  grossKg: number;
  /** weight of one empty bag, grams */
  bagTareGrams: number;
  moisturePermille: number;
  /** null when not measured: no foreign-matter deduction */
  foreignMatterPermille: number | null;
  gradeCode: string;
  /** content (DRC, starch) per mille, on a contract with a content term; absent or null otherwise */
  contentPermille?: number | null;
}

export interface LotTerms {
  moistureBasisPermille: number;
  deductionTable: readonly Band[];
  gradeAdjustments?: readonly SnapshotGradeAdjustment[];
  foreignMatterBasisPermille?: number;
  foreignMatterTable?: readonly Band[];
  /** absent in contracts without a content term */
  content?: ContentTerm;
}

export interface LotFigures {
  tareKg: number;
  weighedKg: number;
  moistureDeductedKg: number;
  foreignMatterDeductedKg: number;
  netKg: number;
  /** the moisture is above the table's last band: the buyer may refuse the lot */
  aboveTable: boolean;
  gradeAdjustmentLakPerKg: number;
  priceLakPerKg: number;
  /** (content − basis) × step × net kg, part of amountLak; 0 without a content term */
  contentAdjustmentLak: bigint;
  amountLak: bigint;
  lines: Line[];
}

/** Why a lot cannot be computed, as a translation key for its row. */
export type LotProblem = "deliveries:errors.tareTooHeavy";

export function lotTare(bags: number, bagTareGrams: number): number {
  assertWholeNumber("bags", bags);
  assertWholeNumber("bagTareGrams", bagTareGrams);
  return Number(divideRoundHalfUp(BigInt(bags) * BigInt(bagTareGrams), 1000n));
}

export function gradeAdjustmentFor(adjustments: readonly SnapshotGradeAdjustment[] | undefined, gradeCode: string): number {
  return adjustments?.find((a) => a.gradeCode === gradeCode)?.lakPerKg ?? 0;
}

export function computeLot(terms: LotTerms, deliveryPriceLakPerKg: number, lot: LotMeasure): LotFigures | { problem: LotProblem } {
  assertWholeNumber("grossKg", lot.grossKg, 1);
  assertWholeNumber("moisturePermille", lot.moisturePermille);
  assertWholeNumber("deliveryPriceLakPerKg", deliveryPriceLakPerKg);
  const tareKg = lotTare(lot.bags, lot.bagTareGrams);
  const weighedKg = lot.grossKg - tareKg;
  if (weighedKg <= 0) return { problem: "deliveries:errors.tareTooHeavy" };
  const lines: Line[] = [
    { key: "deliveries:lotLines.gross", params: { grossKg: lot.grossKg }, kg: lot.grossKg },
    { key: "deliveries:lotLines.tare", params: { bags: lot.bags, bagTareGrams: lot.bagTareGrams }, kg: -tareKg },
    { key: "deliveries:lotLines.weighed", params: {}, kg: weighedKg },
  ];

  const moisture = moistureDeductionKg({
    grossKg: weighedKg,
    measuredPermille: lot.moisturePermille,
    basisPermille: terms.moistureBasisPermille,
    bands: terms.deductionTable,
  });
  lines.push({
    key: moisture.deductedKg > 0 ? "deliveries:lotLines.moisture" : "deliveries:lotLines.moistureNone",
    params: { measuredPermille: lot.moisturePermille, basisPermille: terms.moistureBasisPermille, kgPerTonneTenths: moisture.shareBp },
    kg: -moisture.deductedKg,
  });

  const fmBasis = terms.foreignMatterBasisPermille ?? 0;
  const fmTable = terms.foreignMatterTable ?? [];
  const fm =
    lot.foreignMatterPermille === null || fmTable.length === 0
      ? null
      : moistureDeductionKg({ grossKg: weighedKg, measuredPermille: lot.foreignMatterPermille, basisPermille: fmBasis, bands: fmTable });
  const foreignMatterDeductedKg = fm?.deductedKg ?? 0;
  if (lot.foreignMatterPermille === null) lines.push({ key: "deliveries:lotLines.foreignMatterNotMeasured", params: {}, kg: 0 });
  else if (!fm) lines.push({ key: "deliveries:lotLines.foreignMatterNotPriced", params: { measuredPermille: lot.foreignMatterPermille }, kg: 0 });
  else
    lines.push({
      key: fm.deductedKg > 0 ? "deliveries:lotLines.foreignMatter" : "deliveries:lotLines.foreignMatterNone",
      params: { measuredPermille: lot.foreignMatterPermille, basisPermille: fmBasis, kgPerTonneTenths: fm.shareBp },
      kg: -foreignMatterDeductedKg,
    });

  const netKg = Math.max(0, weighedKg - moisture.deductedKg - foreignMatterDeductedKg);
  lines.push({ key: "deliveries:lotLines.net", params: {}, kg: netKg });

  const gradeAdjustmentLakPerKg = gradeAdjustmentFor(terms.gradeAdjustments, lot.gradeCode);
  const priceLakPerKg = Math.max(0, deliveryPriceLakPerKg + gradeAdjustmentLakPerKg);
  lines.push(
    gradeAdjustmentLakPerKg === 0
      ? { key: "deliveries:lotLines.priceSame", params: { priceLak: deliveryPriceLakPerKg, grade: lot.gradeCode } }
      : {
          key: gradeAdjustmentLakPerKg > 0 ? "deliveries:lotLines.pricePremium" : "deliveries:lotLines.priceDiscount",
          params: { priceLak: deliveryPriceLakPerKg, grade: lot.gradeCode, adjustmentLak: Math.abs(gradeAdjustmentLakPerKg), lotPriceLak: priceLakPerKg },
        },
  );
  const weightAmountLak = BigInt(netKg) * BigInt(priceLakPerKg);
  let contentLak = 0n;
  let amountLak = weightAmountLak;
  if (terms.content && lot.contentPermille !== null && lot.contentPermille !== undefined) {
    lines.push({ key: "deliveries:lotLines.amount", params: { netKg, priceLak: priceLakPerKg }, amountLak: weightAmountLak });
    contentLak = contentAdjustmentLak(terms.content, lot.contentPermille, netKg);
    // Never below 0: a lot is not worth less than nothing by its content.
    if (weightAmountLak + contentLak < 0n) contentLak = -weightAmountLak;
    amountLak = weightAmountLak + contentLak;
    lines.push({
      key: `deliveries:lotLines.content.${terms.content.measure}`,
      params: {
        measuredPermille: lot.contentPermille,
        basisPermille: terms.content.basisPermille,
        stepLak: terms.content.stepLakPerKgPerPoint,
        netKg,
      },
      amountLak: contentLak,
    });
    lines.push({ key: "deliveries:lotLines.contentAmount", params: {}, amountLak });
  } else lines.push({ key: "deliveries:lotLines.amount", params: { netKg, priceLak: priceLakPerKg }, amountLak });

  return {
    tareKg,
    weighedKg,
    moistureDeductedKg: moisture.deductedKg,
    foreignMatterDeductedKg,
    netKg,
    aboveTable: moisture.aboveTable,
    gradeAdjustmentLakPerKg,
    priceLakPerKg,
    contentAdjustmentLak: contentLak,
    amountLak,
    lines,
  };
}

export interface LotsTotal {
  bags: number;
  grossKg: number;
  tareKg: number;
  moistureDeductedKg: number;
  foreignMatterDeductedKg: number;
  netKg: number;
  amountLak: bigint;
  /** sum of the lots' content adjustments (part of amountLak) */
  contentAdjustmentLak: bigint;
  /** mean content of the lots that measured it, weighted by net kg; null when none did */
  contentPermille: number | null;
  /** mean moisture weighted by weighed kg, to a whole per mille: the delivery's figure */
  moisturePermille: number;
  /** mean foreign matter of the lots that measured it, weighted the same way; null when none did */
  foreignMatterPermille: number | null;
}

/** The delivery's figures: the sum of its lots (the running total of the form too). */
export function sumLots(lots: readonly { measure: LotMeasure; figures: LotFigures }[]): LotsTotal {
  let weighed = 0n;
  let moistureWeighted = 0n;
  let fmWeighed = 0n;
  let fmWeighted = 0n;
  let contentKg = 0n;
  let contentWeighted = 0n;
  const total: LotsTotal = {
    bags: 0,
    grossKg: 0,
    tareKg: 0,
    moistureDeductedKg: 0,
    foreignMatterDeductedKg: 0,
    netKg: 0,
    amountLak: 0n,
    contentAdjustmentLak: 0n,
    contentPermille: null,
    moisturePermille: 0,
    foreignMatterPermille: null,
  };
  for (const { measure, figures } of lots) {
    total.bags += measure.bags;
    total.grossKg += measure.grossKg;
    total.tareKg += figures.tareKg;
    total.moistureDeductedKg += figures.moistureDeductedKg;
    total.foreignMatterDeductedKg += figures.foreignMatterDeductedKg;
    total.netKg += figures.netKg;
    total.amountLak += figures.amountLak;
    total.contentAdjustmentLak += figures.contentAdjustmentLak;
    if (measure.contentPermille !== null && measure.contentPermille !== undefined) {
      contentKg += BigInt(figures.netKg);
      contentWeighted += BigInt(figures.netKg) * BigInt(measure.contentPermille);
    }
    weighed += BigInt(figures.weighedKg);
    moistureWeighted += BigInt(figures.weighedKg) * BigInt(measure.moisturePermille);
    if (measure.foreignMatterPermille !== null) {
      fmWeighed += BigInt(figures.weighedKg);
      fmWeighted += BigInt(figures.weighedKg) * BigInt(measure.foreignMatterPermille);
    }
  }
  if (weighed > 0n) total.moisturePermille = Number(divideRoundHalfUp(moistureWeighted, weighed));
  if (contentKg > 0n) total.contentPermille = Number(divideRoundHalfUp(contentWeighted, contentKg));
  if (fmWeighed > 0n) total.foreignMatterPermille = Number(divideRoundHalfUp(fmWeighted, fmWeighed));
  return total;
}
