// What a delivery under a contract is worth, recomputed from the contract's own
// rules (never typed by hand), and shown line by line so both parties see why
// the amount differs from the contract value: gross kg, moisture measured
// against the basis, the deduction, net kg, the price and how it was set, the
// amount due, the deduction for inputs advanced on credit, and what is payable.
// Pure; no database.
//
// THE ARITHMETIC:
//  1. deducted kg from the contract's deduction table and moisture basis
//     (~/domain/offers/moisture-deduction: its own rule and its own lines);
//  2. net kg = gross kg − deducted kg;
//  3. price per kg from the price mechanism (./price-rules);
//  4. amount due = net kg × price (exact);
//  5. input deduction = the smaller of what the FO still owes for inputs
//     advanced on credit and the amount due: a delivery never pays out less
//     than nothing; what it cannot cover stays owed (remainingInputDebtLak);
//  6. payable = amount due − input deduction.
// SIGNS: the kg lines and LAK lines read as sums: the deduction lines are
// negative, so gross + deduction = net and amount due + input deduction =
// payable.
//
// INPUT DEBT (inputDebtLak): the value of the inputs advanced plus simple
// interest (no compounding) on 30-day months, prorated by calendar days in
// Laos from the day the inputs were advanced to the delivery day:
// value × permille per month × days / 30 / 1,000. An advance dated after the
// delivery bears no interest. The interest runs on the full value: for a later
// delivery of the same contract the caller carries forward what the earlier
// ones left owed (remainingInputDebtLak).
//
// ROUNDING (half up, ~/domain/prices/rounding), only at two steps:
//  a. deducted kg, to a whole kg (inside moistureDeductionKg);
//  b. the interest on inputs, to a whole LAK.
// Everything else is exact: LAK in BigInt, kg and moisture as integers.
import type { Line } from "~/domain/offers/effective-price";
import { moistureDeductionKg, sortedDeductionTable, type Band } from "~/domain/offers/moisture-deduction";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { assertAmountLak, calendarDaysBetween } from "../payments/payments";
import { deliveryPrice, type PriceBasis, type PriceTerms } from "./price-rules";

export type { Band } from "~/domain/offers/moisture-deduction";

const DAYS_PER_MONTH = 30n;

export interface DeliveryInput {
  grossKg: number;
  moisturePermille: number;
  basisPermille: number;
  bands: readonly Band[];
  price: PriceTerms;
  /** the market reference price for the delivery day (floor-price contracts), null when none */
  referencePriceLakPerKg: number | null;
  /** what the FO still owes for inputs advanced on credit, 0n if none */
  inputDebtLak: bigint;
}

export interface DeliveryAmount {
  deductedKg: number;
  netKg: number;
  /** the moisture is above the table's last band: the buyer may refuse the lot */
  aboveTable: boolean;
  priceLakPerKg: number;
  priceBasis: PriceBasis;
  /** netKg × price */
  amountDueLak: bigint;
  /** min(inputDebt, amountDue) */
  inputDeductionLak: bigint;
  /** amountDue − inputDeduction */
  payableLak: bigint;
  /** inputDebt − inputDeduction: still owed for inputs after this delivery */
  remainingInputDebtLak: bigint;
  lines: Line[];
}

export function computeDelivery(input: DeliveryInput): DeliveryAmount {
  const { grossKg, moisturePermille: measured, basisPermille: basis, inputDebtLak } = input;
  assertWholeNumber("grossKg", grossKg, 1);
  assertAmountLak("inputDebtLak", inputDebtLak);
  const lines: Line[] = [{ key: "contractRules:lines.gross", params: { grossKg }, kg: grossKg }];

  // 1. Moisture and its deduction.
  const deduction = moistureDeductionKg({ grossKg, measuredPermille: measured, basisPermille: basis, bands: input.bands });
  lines.push(
    measured > basis
      ? { key: "contractRules:lines.moistureAbove", params: { measuredPermille: measured, basisPermille: basis, excessPermille: measured - basis } }
      : { key: "contractRules:lines.moistureWithin", params: { measuredPermille: measured, basisPermille: basis } },
  );
  if (deduction.aboveTable && !deduction.lines.some((l) => l.aboveTable)) {
    const last = sortedDeductionTable(input.bands).at(-1)!;
    lines.push({ key: "contractRules:lines.aboveTable", params: { lastPermille: last.toPermille } });
  }
  if (deduction.lines.length === 0) {
    lines.push(
      measured > basis ? { key: "contractRules:lines.deductionNoTable", params: {}, kg: 0 } : { key: "contractRules:lines.deductionNone", params: {}, kg: 0 },
    );
  } else {
    for (const band of deduction.lines)
      lines.push({
        key: band.aboveTable ? "contractRules:lines.deductionAboveTable" : "contractRules:lines.deductionBand",
        params: {
          fromPermille: band.fromPermille,
          toPermille: band.toPermille,
          pointsTenths: band.pointsTenths,
          kgPerTonnePerPoint: band.kgPerTonnePerPoint,
          kgPerTonneTenths: band.shareBp,
        },
      });
    lines.push({ key: "contractRules:lines.deduction", params: { kgPerTonneTenths: deduction.shareBp, grossKg }, kg: -deduction.deductedKg });
  }

  // 2. Net weight.
  const { deductedKg, netKg } = deduction;
  lines.push({ key: "contractRules:lines.netKg", params: { grossKg, deductedKg }, kg: netKg });

  // 3 and 4. Price and amount due.
  const price = deliveryPrice(input.price, input.referencePriceLakPerKg);
  lines.push(...price.lines);
  const amountDueLak = BigInt(netKg) * BigInt(price.priceLakPerKg);
  lines.push({ key: "contractRules:lines.amountDue", params: { netKg, priceLak: price.priceLakPerKg }, amountLak: amountDueLak });

  // 5. Inputs advanced on credit.
  const inputDeductionLak = inputDebtLak < amountDueLak ? inputDebtLak : amountDueLak;
  const remainingInputDebtLak = inputDebtLak - inputDeductionLak;
  if (inputDebtLak === 0n) lines.push({ key: "contractRules:lines.inputNone", params: {}, amountLak: 0n });
  else if (remainingInputDebtLak === 0n)
    lines.push({ key: "contractRules:lines.inputDeduction", params: { debtLak: inputDebtLak.toString() }, amountLak: -inputDeductionLak });
  else
    lines.push({
      key: "contractRules:lines.inputDeductionPartial",
      params: { debtLak: inputDebtLak.toString(), deductionLak: inputDeductionLak.toString(), remainingLak: remainingInputDebtLak.toString() },
      amountLak: -inputDeductionLak,
    });

  // 6. Payable.
  const payableLak = amountDueLak - inputDeductionLak;
  lines.push({ key: "contractRules:lines.payable", params: {}, amountLak: payableLak });

  return {
    deductedKg,
    netKg,
    aboveTable: deduction.aboveTable,
    priceLakPerKg: price.priceLakPerKg,
    priceBasis: price.basis,
    amountDueLak,
    inputDeductionLak,
    payableLak,
    remainingInputDebtLak,
    lines,
  };
}

export interface InputDebt {
  /** inputValue + interest */
  debtLak: bigint;
  /** rounded half up to a whole LAK */
  interestLak: bigint;
  /** calendar days from the advance to the delivery (0 if the advance is later) */
  days: number;
  lines: Line[];
}

/** What the FO owes on the delivery day for inputs advanced on credit (see the header for the rule). */
export function inputDebtLak(input: {
  inputValueLak: bigint;
  /** null or 0: no interest */
  interestPermillePerMonth: number | null;
  advancedOn: Date;
  deliveredOn: Date;
}): InputDebt {
  const { inputValueLak } = input;
  const rate = input.interestPermillePerMonth ?? 0;
  assertAmountLak("inputValueLak", inputValueLak);
  assertWholeNumber("interestPermillePerMonth", rate);
  const days = Math.max(0, calendarDaysBetween(input.advancedOn, input.deliveredOn));
  const interestLak = divideRoundHalfUp(inputValueLak * BigInt(rate) * BigInt(days), 1000n * DAYS_PER_MONTH);
  const debtLak = inputValueLak + interestLak;
  const lines: Line[] = [
    { key: "contractRules:lines.inputValue", params: {}, amountLak: inputValueLak },
    rate === 0
      ? { key: "contractRules:lines.inputNoInterest", params: {}, amountLak: 0n }
      : { key: "contractRules:lines.inputInterest", params: { valueLak: inputValueLak.toString(), ratePermille: rate, days }, amountLak: interestLak },
    { key: "contractRules:lines.inputDebt", params: {}, amountLak: debtLak },
  ];
  return { debtLak, interestLak, days, lines };
}

// ---------------------------------------------------------------------------
// How much may be delivered
// ---------------------------------------------------------------------------
//
// The deliveries that are not contested may reach, in net kg, the contracted
// quantity plus the tolerance, and no more: the largest net quantity the
// contract text counts as full delivery, rounded as the text prints it (half up
// to a whole kg). A delivery that would take the total past it is refused; more
// than that, if the parties want it, is an amendment of the contract.

/** The most net kg a contract's deliveries may reach (see above). */
export function deliveryLimitKg(quantityKg: number, tolerancePermille: number): number {
  assertWholeNumber("quantityKg", quantityKg);
  assertWholeNumber("tolerancePermille", tolerancePermille);
  return Math.floor((quantityKg * (1000 + tolerancePermille) + 500) / 1000);
}

export interface OverDelivery {
  quantityKg: number;
  tolerancePermille: number;
  /** deliveryLimitKg */
  limitKg: number;
  /** net kg of the deliveries already recorded and not contested */
  deliveredNetKg: number;
  /** net kg of the delivery refused */
  netKg: number;
  /** what may still be delivered, net: limit − delivered (0 when none) */
  remainingKg: number;
  /** by how much the delivery would pass the limit */
  excessKg: number;
}

/** null when the delivery fits within the contract's quantity and tolerance; else by how much it does not. */
export function overDelivery(input: { quantityKg: number; tolerancePermille: number; deliveredNetKg: number; netKg: number }): OverDelivery | null {
  const { quantityKg, tolerancePermille, deliveredNetKg, netKg } = input;
  assertWholeNumber("deliveredNetKg", deliveredNetKg);
  assertWholeNumber("netKg", netKg);
  const limitKg = deliveryLimitKg(quantityKg, tolerancePermille);
  const excessKg = deliveredNetKg + netKg - limitKg;
  if (excessKg <= 0) return null;
  return { quantityKg, tolerancePermille, limitKg, deliveredNetKg, netKg, remainingKg: Math.max(0, limitKg - deliveredNetKg), excessKg };
}
