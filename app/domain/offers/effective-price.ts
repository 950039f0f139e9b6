// The effective price of an offer: the net LAK per kg the farmers' organisation
// receives once the offer's own terms are applied, so that offers with different
// prices, moisture tables, cost splits and payment delays can be compared on one
// figure. Pure; no database.
//
// THE ARITHMETIC, step by step (each step is one Line the UI can show):
//  1. the lot is evaluated at the moisture the FO EXPECTS to deliver (the
//     listing's expected moisture, ~/domain/listings/expected-moisture; the
//     crop's standard when nothing else is known); the offer's own table and
//     basis give the moisture deduction (see ./moisture-deduction: nothing when
//     the basis is at or above that moisture), so a harsh table shows its cost;
//  2. value = price × (quantity − deducted kg): the amount the trader owes. For
//     a floor-price offer the caller passes the guaranteed floor as the price
//     (priceIsFloor), and the line says so;
//  2b. for a crop paid on its content (rubber's DRC, fresh cassava's starch,
//     ~/domain/contracts/content), plus or minus the content adjustment of the
//     net kg at the content the FO EXPECTS, through the offer's own basis and
//     step: an offer whose price assumes a higher content than the FO's lot has
//     shows what that costs (rounded once, half away from zero, as a lot is);
//  3. minus transport and bags when the FO pays them (the offer's cost figure is
//     ignored when the trader pays);
//  4. minus the cost of waiting for payment: the part of the value not covered
//     by the advance (never below 0) × monthly rate × payment days / 30. Simple
//     interest on 30-day months. The advance only shrinks the balance the FO
//     waits for; an advance above the value earns nothing extra;
//  5. minus the interest on inputs advanced on credit (input-supply offers):
//     input value × monthly rate × days / 30, simple interest on 30-day months,
//     the days given by the caller (from the terms to the delivery date). The
//     input value itself is not a cost: the FO receives the inputs and repays
//     their value;
//  6. net = value − FO costs − waiting cost − input interest (negative if
//     costs exceed the value: shown as it is);
//  7. effective price = net / quantity offered (not net kg: the FO pledged the
//     quantity, the deduction is one of the things that lowers what it gets).
//
// SIGNS: a Line's amountLak or kg is negative when it reduces what the FO gets,
// so the lines from "value" to "net" add up.
//
// ROUNDING (half up, ~/domain/prices/rounding), only at four steps:
//  a. deducted kg, to a whole kg (inside moistureDeductionKg);
//  b. waiting cost, to a whole LAK;
//  c. input interest, to a whole LAK;
//  d. effective price, to a whole LAK per kg: for display only. Ranking
//     (compareOffers) compares netLak / quantityKg exactly.
// Everything else is exact: LAK in BigInt (a large lot passes 2^31 LAK), kg and
// moisture as integers.
//
// ASSUMPTION: the default cost of waiting is 20 ‰ (2 %) a month. Farmers who
// wait for their money borrow meanwhile or forgo lending; village funds and
// informal lenders in northern Laos charge about 2–3 % a month, banks about
// 1 %; 2 % is the middle. Facilitators may state another rate per comparison.
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { contentAdjustmentLak, type ContentTerm } from "~/domain/contracts/content";
import { moistureDeductionKg, type Band } from "./moisture-deduction";

export type { Band } from "./moisture-deduction";

/** Cost of waiting for payment, per mille of the unpaid amount per 30 days (2 % a month). */
export const DEFAULT_MONTHLY_RATE_PERMILLE = 20;
const DAYS_PER_MONTH = 30n;

export type PaidBy = "trader" | "fo";

/**
 * One step of an arithmetic shown to users. `key` is a translation key in the
 * "prices" namespace; `params` fill it. Param names say how to show them:
 * …Lak = LAK (a number, or a decimal string when it came from a BigInt),
 * …Kg = kg, …Permille = a percentage with one decimal, …Tenths = a number with
 * one decimal; anything else a plain number or text.
 */
export interface Line {
  key: string;
  params: Record<string, string | number>;
  amountLak?: bigint;
  kg?: number;
}

/** A Line that survives JSON (loaders): amountLak as a decimal string. */
export interface SerialisedLine {
  key: string;
  params: Record<string, string | number>;
  amountLak?: string;
  kg?: number;
}

export interface EffectivePriceInput {
  priceLakPerKg: number;
  quantityKg: number;
  /** the moisture the lot is evaluated at (the listing's expected moisture) */
  expectedMoisturePermille: number;
  moistureBasisPermille: number;
  deductionTable: readonly Band[];
  transportPaidBy: PaidBy;
  transportCostLak: bigint;
  bagsPaidBy: PaidBy;
  bagsCostLak: bigint;
  advanceLak: bigint;
  paymentDays: number;
  monthlyRatePermille: number;
  /** priceLakPerKg is a floor-price offer's guaranteed floor (only the value line's wording changes) */
  priceIsFloor?: boolean;
  /** inputs advanced on credit by an input-supply offer, with the days their interest runs */
  inputCredit?: InputCredit | null;
  /** the offer's content term and the content the FO expects (crops paid on DRC or starch) */
  content?: ExpectedContent | null;
}

export interface ExpectedContent {
  term: ContentTerm;
  /** the content the lot is evaluated at, per mille */
  expectedPermille: number;
}

export interface InputCredit {
  inputValueLak: bigint;
  /** null or 0: no interest */
  interestPermillePerMonth: number | null;
  days: number;
}

export interface EffectivePrice {
  /** net LAK per kg offered, rounded half up (display) */
  effectiveLakPerKg: number;
  netLak: bigint;
  lines: Line[];
  /** the figures behind the lines, for callers that need them */
  deductedKg: number;
  netKg: number;
  valueLak: bigint;
  foCostsLak: bigint;
  waitingCostLak: bigint;
  inputInterestLak: bigint;
}

function assertAmount(name: string, value: bigint): void {
  if (typeof value !== "bigint" || value < 0n) throw new RangeError(`${name} must be a non-negative BigInt`);
}

export function computeEffectivePrice(input: EffectivePriceInput): EffectivePrice {
  const { priceLakPerKg, quantityKg, expectedMoisturePermille: expected, moistureBasisPermille: basis, paymentDays, monthlyRatePermille } = input;
  assertWholeNumber("priceLakPerKg", priceLakPerKg);
  assertWholeNumber("quantityKg", quantityKg, 1);
  assertWholeNumber("paymentDays", paymentDays);
  assertWholeNumber("monthlyRatePermille", monthlyRatePermille);
  assertAmount("transportCostLak", input.transportCostLak);
  assertAmount("bagsCostLak", input.bagsCostLak);
  assertAmount("advanceLak", input.advanceLak);

  const lines: Line[] = [{ key: "prices:lines.quantity", params: { quantityKg }, kg: quantityKg }];

  // 1. Moisture deduction at the expected moisture.
  const deduction = moistureDeductionKg({ grossKg: quantityKg, measuredPermille: expected, basisPermille: basis, bands: input.deductionTable });
  if (deduction.lines.length === 0) {
    lines.push({ key: "prices:lines.noDeduction", params: { expectedPermille: expected, basisPermille: basis }, kg: 0 });
  } else {
    for (const band of deduction.lines) {
      lines.push({
        key: band.aboveTable ? "prices:lines.deductionAboveTable" : "prices:lines.deductionBand",
        params: {
          fromPermille: band.fromPermille,
          toPermille: band.toPermille,
          pointsTenths: band.pointsTenths,
          kgPerTonnePerPoint: band.kgPerTonnePerPoint,
          kgPerTonneTenths: band.shareBp,
        },
      });
    }
    lines.push({
      key: "prices:lines.deduction",
      params: { expectedPermille: expected, basisPermille: basis, kgPerTonneTenths: deduction.shareBp, quantityKg },
      kg: -deduction.deductedKg,
    });
  }
  const netKg = deduction.netKg;
  lines.push({ key: "prices:lines.netKg", params: { quantityKg, deductedKg: deduction.deductedKg }, kg: netKg });

  // 2. Value of the lot.
  const weightValueLak = BigInt(priceLakPerKg) * BigInt(netKg);
  lines.push({
    key: input.priceIsFloor ? "prices:lines.valueAtFloor" : "prices:lines.value",
    params: { netKg, priceLak: priceLakPerKg },
    amountLak: weightValueLak,
  });

  // 2b. The content adjustment at the expected content; the lot is never worth less than nothing.
  let valueLak = weightValueLak;
  if (input.content) {
    const { term, expectedPermille } = input.content;
    const adjustment = contentAdjustmentLak(term, expectedPermille, netKg);
    const applied = weightValueLak + adjustment < 0n ? -weightValueLak : adjustment;
    valueLak = weightValueLak + applied;
    lines.push({
      key: `prices:lines.content.${term.measure}`,
      params: { expectedPermille, basisPermille: term.basisPermille, stepLak: term.stepLakPerKgPerPoint, netKg },
      amountLak: applied,
    });
  }

  // 3. Costs the FO bears.
  const transportLak = input.transportPaidBy === "fo" ? input.transportCostLak : 0n;
  lines.push(
    input.transportPaidBy === "fo"
      ? { key: "prices:lines.transportFo", params: { costLak: transportLak.toString() }, amountLak: -transportLak }
      : { key: "prices:lines.transportTrader", params: {}, amountLak: 0n },
  );
  const bagsLak = input.bagsPaidBy === "fo" ? input.bagsCostLak : 0n;
  lines.push(
    input.bagsPaidBy === "fo"
      ? { key: "prices:lines.bagsFo", params: { costLak: bagsLak.toString() }, amountLak: -bagsLak }
      : { key: "prices:lines.bagsTrader", params: {}, amountLak: 0n },
  );
  const foCostsLak = transportLak + bagsLak;

  // 4. Waiting for payment.
  const balanceLak = valueLak > input.advanceLak ? valueLak - input.advanceLak : 0n;
  let waitingCostLak = 0n;
  if (paymentDays === 0) {
    lines.push({ key: "prices:lines.waitingNone", params: {}, amountLak: 0n });
  } else if (balanceLak === 0n) {
    lines.push({
      key: "prices:lines.waitingAdvanceCovers",
      params: { advanceLak: input.advanceLak.toString(), amountDueLak: valueLak.toString() },
      amountLak: 0n,
    });
  } else {
    waitingCostLak = divideRoundHalfUp(balanceLak * BigInt(monthlyRatePermille) * BigInt(paymentDays), 1000n * DAYS_PER_MONTH);
    lines.push({
      key: "prices:lines.waiting",
      params: {
        amountDueLak: valueLak.toString(),
        advanceLak: input.advanceLak.toString(),
        balanceLak: balanceLak.toString(),
        monthlyRatePermille,
        paymentDays,
      },
      amountLak: -waitingCostLak,
    });
  }

  // 5. Interest on inputs advanced on credit.
  let inputInterestLak = 0n;
  if (input.inputCredit) {
    const { inputValueLak, days } = input.inputCredit;
    const rate = input.inputCredit.interestPermillePerMonth ?? 0;
    assertAmount("inputValueLak", inputValueLak);
    assertWholeNumber("inputInterestPermillePerMonth", rate);
    assertWholeNumber("inputCreditDays", days);
    if (rate === 0) {
      lines.push({ key: "prices:lines.inputNoInterest", params: { inputValueLak: inputValueLak.toString() }, amountLak: 0n });
    } else {
      inputInterestLak = divideRoundHalfUp(inputValueLak * BigInt(rate) * BigInt(days), 1000n * DAYS_PER_MONTH);
      lines.push({
        key: "prices:lines.inputInterest",
        params: { inputValueLak: inputValueLak.toString(), ratePermille: rate, days },
        amountLak: -inputInterestLak,
      });
    }
  }

  // 6 and 7. Net and effective price.
  const netLak = valueLak - foCostsLak - waitingCostLak - inputInterestLak;
  lines.push({ key: "prices:lines.net", params: {}, amountLak: netLak });
  const effectiveLakPerKg = Number(divideRoundHalfUp(netLak, BigInt(quantityKg)));
  lines.push({ key: "prices:lines.effective", params: { netLak: netLak.toString(), quantityKg, effectiveLak: effectiveLakPerKg } });

  return { effectiveLakPerKg, netLak, lines, deductedKg: deduction.deductedKg, netKg, valueLak, foCostsLak, waitingCostLak, inputInterestLak };
}

/** Lines ready for a loader's JSON: BigInt amounts become decimal strings. */
export function serialiseLines(lines: readonly Line[]): SerialisedLine[] {
  return lines.map((l) => {
    const out: SerialisedLine = { key: l.key, params: { ...l.params } };
    if (l.amountLak !== undefined) out.amountLak = l.amountLak.toString();
    if (l.kg !== undefined) out.kg = l.kg;
    return out;
  });
}

export interface RankableOffer {
  netLak: bigint;
  quantityKg: number;
  /** when the offer was made; the earlier offer wins a tie */
  createdAt: Date | string | number;
}

/**
 * For sorting offers best first: higher effective price (netLak / quantityKg,
 * compared exactly by cross-multiplication, no rounding) first; on a tie the
 * earlier offer first; 0 when both are equal (Array.prototype.sort is stable).
 * Quantities are positive (computeEffectivePrice refuses 0 kg).
 */
export function compareOffers(a: RankableOffer, b: RankableOffer): number {
  const left = a.netLak * BigInt(b.quantityKg);
  const right = b.netLak * BigInt(a.quantityKg);
  if (left !== right) return left > right ? -1 : 1;
  const dt = new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime();
  return dt < 0 ? -1 : dt > 0 ? 1 : 0;
}
