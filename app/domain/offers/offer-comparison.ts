// The FO's comparison of the offers on one listing: each offer evaluated with
// its own terms at the moisture the FO expects to deliver, ranked on what it
// guarantees, and for each the money the best offer brings over it. Pure; no
// database.
//
// WHAT EACH OFFER IS RANKED ON (evaluateOffer): its effective price
// (./effective-price) with
// - the lot at the listing's EXPECTED moisture, through the offer's own basis
//   and table, so a harsh table shows its cost;
// - for a floor-price offer (forward_floor, and export_parity, which pays the
//   higher of its floor and export parity), the GUARANTEED FLOOR as the price.
//   The price it quotes is what the trader expects the market to pay; the
//   contract pays the higher of the floor and the reference price on delivery
//   day, so only the floor is certain. The expected premium, (quoted price −
//   floor) × net kg when the quoted price is above the floor, is shown beside
//   the figure and never ranked on;
// - for an input-supply offer, the interest on the inputs as a cost, from the
//   day these terms were written to the delivery date (calendar days in Laos),
//   at the offer's monthly rate. A contract runs it from its own date, which
//   is later; the comparison cannot know that date, so it charges the whole
//   time the offer asks the FO to carry the debt.
//
// - for a crop paid on its content (DRC, starch), the content the FO expects
//   (the listing's, else the crop's catalogue basis) through the offer's own
//   basis and step, so an offer whose price assumes a richer lot shows its cost.
//
// THE DIFFERENCE TO THE BEST (shortfall): the best offer's net and each other
// offer's net, both over the listing's whole quantity: an offer for part of it
// is scaled by its effective price per kg, net × listing kg ÷ offer kg, rounded
// half up to a whole LAK (the FO sells the rest at the same price elsewhere:
// an assumption, said on the line). Difference = best − this, exact from the
// two rounded nets, so the three lines add up.
//
// THE TOLERANCE (quantityRange): each offer's own quantity tolerance, a term
// the trader proposes and the contract freezes, shown beside the quantity as
// the net kg a delivery may come to: quantity × (1000 ∓ tolerance) ÷ 1000,
// half up to a whole kg, the upper end being exactly the contract's delivery
// limit (deliveryLimitKg). Not ranked on: it says how much the FO may deliver
// short or over, not what a kg is worth.
import type { ContentTerm } from "~/domain/contracts/content";
import type { Band } from "./moisture-deduction";
import { deliveryLimitKg } from "~/domain/deliveries/delivery-amount";
import { calendarDaysBetween } from "~/domain/payments/payments";
import { assertWholeNumber, divideRoundHalfUp } from "~/domain/prices/rounding";
import { compareOffers, computeEffectivePrice, type EffectivePrice, type Line, type PaidBy } from "./effective-price";

/** The terms of one offer revision that the comparison reads. */
export interface ComparableTerms {
  templateCode: string;
  priceLakPerKg: number;
  floorPriceLakPerKg: number | null;
  quantityKg: number;
  /** the quantity tolerance, per mille either way */
  tolerancePermille: number;
  moistureBasisPermille: number;
  deductionTable: readonly Band[];
  transportPaidBy: PaidBy;
  transportCostLak: bigint;
  bagsPaidBy: PaidBy;
  bagsCostLak: bigint;
  advanceLak: bigint;
  paymentDays: number;
  deliveryDate: Date;
  /** when these terms were written (the revision's date): input interest runs from here */
  termsDate: Date;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
  /** the content term (DRC, starch); null or absent when the offer has none */
  content?: ContentTerm | null;
}

export interface ComparisonContext {
  expectedMoisturePermille: number;
  /** the content the FO expects, per mille; null when the crop is not paid on its content */
  expectedContentPermille?: number | null;
  /** cost of waiting for payment, per mille a month */
  monthlyRatePermille: number;
}

export interface ExpectedPremium {
  /** (quoted − floor) × net kg, 0 when the quote is not above the floor */
  premiumLak: bigint;
  lines: Line[];
}

export interface OfferEvaluation {
  /** what the offer is ranked on */
  ranked: EffectivePrice;
  /** ranked on the floor price */
  floor: boolean;
  /** floor-price offers only: shown beside, never ranked on */
  expectedPremium: ExpectedPremium | null;
  /** the net kg the offer's tolerance lets a delivery come to; shown, never ranked on */
  quantityRange: QuantityRange;
}

export interface QuantityRange {
  tolerancePermille: number;
  minKg: number;
  maxKg: number;
}

/** The net kg within the tolerance either way of the quantity (see the header). */
export function quantityRange(quantityKg: number, tolerancePermille: number): QuantityRange {
  assertWholeNumber("quantityKg", quantityKg);
  assertWholeNumber("tolerancePermille", tolerancePermille);
  if (tolerancePermille > 1000) throw new RangeError("tolerancePermille must be at most 1000");
  return {
    tolerancePermille,
    minKg: Math.floor((quantityKg * (1000 - tolerancePermille) + 500) / 1000),
    maxKg: deliveryLimitKg(quantityKg, tolerancePermille),
  };
}

export function isFloorOffer(terms: Pick<ComparableTerms, "templateCode" | "floorPriceLakPerKg">): boolean {
  return (terms.templateCode === "forward_floor" || terms.templateCode === "export_parity") && terms.floorPriceLakPerKg !== null;
}

/** Days the input credit runs: from the terms to the delivery date, never negative. */
export function inputCreditDays(terms: Pick<ComparableTerms, "termsDate" | "deliveryDate">): number {
  return Math.max(0, calendarDaysBetween(terms.termsDate, terms.deliveryDate));
}

export function evaluateOffer(terms: ComparableTerms, context: ComparisonContext): OfferEvaluation {
  const floor = isFloorOffer(terms);
  const hasInputs = terms.templateCode === "input_supply" && terms.inputValueLak !== null && terms.inputValueLak > 0n;
  const ranked = computeEffectivePrice({
    priceLakPerKg: floor ? terms.floorPriceLakPerKg! : terms.priceLakPerKg,
    priceIsFloor: floor,
    quantityKg: terms.quantityKg,
    expectedMoisturePermille: context.expectedMoisturePermille,
    moistureBasisPermille: terms.moistureBasisPermille,
    deductionTable: terms.deductionTable,
    transportPaidBy: terms.transportPaidBy,
    transportCostLak: terms.transportCostLak,
    bagsPaidBy: terms.bagsPaidBy,
    bagsCostLak: terms.bagsCostLak,
    advanceLak: terms.advanceLak,
    paymentDays: terms.paymentDays,
    monthlyRatePermille: context.monthlyRatePermille,
    inputCredit: hasInputs
      ? { inputValueLak: terms.inputValueLak!, interestPermillePerMonth: terms.inputInterestPermillePerMonth, days: inputCreditDays(terms) }
      : null,
    content:
      terms.content && context.expectedContentPermille !== null && context.expectedContentPermille !== undefined
        ? { term: terms.content, expectedPermille: context.expectedContentPermille }
        : null,
  });
  return {
    ranked,
    floor,
    expectedPremium: floor ? expectedPremium(terms.priceLakPerKg, terms.floorPriceLakPerKg!, ranked.netKg) : null,
    quantityRange: quantityRange(terms.quantityKg, terms.tolerancePermille),
  };
}

/** The premium a floor-price offer expects above its floor, on the net kg at the expected moisture. */
export function expectedPremium(quotedLakPerKg: number, floorLakPerKg: number, netKg: number): ExpectedPremium {
  assertWholeNumber("quotedLakPerKg", quotedLakPerKg);
  assertWholeNumber("floorLakPerKg", floorLakPerKg, 1);
  assertWholeNumber("netKg", netKg);
  if (quotedLakPerKg <= floorLakPerKg) {
    return { premiumLak: 0n, lines: [{ key: "compare:lines.noPremium", params: { priceLak: quotedLakPerKg, floorLak: floorLakPerKg }, amountLak: 0n }] };
  }
  const aboveLak = quotedLakPerKg - floorLakPerKg;
  const premiumLak = BigInt(aboveLak) * BigInt(netKg);
  return {
    premiumLak,
    lines: [{ key: "compare:lines.premium", params: { priceLak: quotedLakPerKg, floorLak: floorLakPerKg, aboveLak, netKg }, amountLak: premiumLak }],
  };
}

export interface Shortfall {
  /** how much more the best offer brings over the listing's whole quantity (≥ 0 for a ranked list) */
  differenceLak: bigint;
  lines: Line[];
}

/** An offer's net scaled to the listing's whole quantity (see the header), with its line. */
function netOverListing(which: "best" | "this", net: { netLak: bigint; quantityKg: number }, listingKg: number): { lak: bigint; line: Line } {
  if (net.quantityKg === listingKg) {
    return { lak: net.netLak, line: { key: `compare:lines.${which}Net`, params: { listingKg }, amountLak: net.netLak } };
  }
  const lak = divideRoundHalfUp(net.netLak * BigInt(listingKg), BigInt(net.quantityKg));
  return {
    lak,
    line: { key: `compare:lines.${which}NetScaled`, params: { netLak: net.netLak.toString(), quantityKg: net.quantityKg, listingKg }, amountLak: lak },
  };
}

/** How much more the best offer brings than `other`, over the listing's whole quantity. */
export function shortfall(best: { netLak: bigint; quantityKg: number }, other: { netLak: bigint; quantityKg: number }, listingKg: number): Shortfall {
  assertWholeNumber("listingKg", listingKg, 1);
  assertWholeNumber("best.quantityKg", best.quantityKg, 1);
  assertWholeNumber("other.quantityKg", other.quantityKg, 1);
  const b = netOverListing("best", best, listingKg);
  const o = netOverListing("this", other, listingKg);
  const differenceLak = b.lak - o.lak;
  return {
    differenceLak,
    lines: [b.line, { ...o.line, amountLak: -o.lak }, { key: "compare:lines.difference", params: {}, amountLak: differenceLak }],
  };
}

export interface RankedOffer<T> {
  item: T;
  evaluation: OfferEvaluation;
  /** null for the best offer */
  shortfall: Shortfall | null;
}

/**
 * Evaluates and ranks offers best first (compareOffers: exact net per kg, the
 * earlier offer first on a tie), each with the money the best one brings over it.
 */
export function rankOffers<T>(
  items: readonly T[],
  read: (item: T) => { terms: ComparableTerms; createdAt: Date },
  context: ComparisonContext,
  listingKg: number,
): RankedOffer<T>[] {
  const evaluated = items.map((item) => {
    const { terms, createdAt } = read(item);
    const evaluation = evaluateOffer(terms, context);
    return { item, evaluation, rank: { netLak: evaluation.ranked.netLak, quantityKg: terms.quantityKg, createdAt } };
  });
  evaluated.sort((a, b) => compareOffers(a.rank, b.rank));
  const best = evaluated[0];
  return evaluated.map((e, i) => ({
    item: e.item,
    evaluation: e.evaluation,
    shortfall: i === 0 || !best ? null : shortfall(best.rank, e.rank, listingKg),
  }));
}

/** An export-parity offer's series, rate and margin, shown beside its figures; null for any other offer. */
export function exportParityOf(terms: {
  templateCode: string;
  exportMarket: string | null;
  exportCurrency: string | null;
  exportRateSourceKind: string | null;
  exportMarginLakPerKg: number | null;
}): { market: string; currency: string; rateSourceKind: string; marginLakPerKg: number } | null {
  if (
    terms.templateCode !== "export_parity" ||
    !terms.exportMarket ||
    !terms.exportCurrency ||
    !terms.exportRateSourceKind ||
    terms.exportMarginLakPerKg === null
  )
    return null;
  return { market: terms.exportMarket, currency: terms.exportCurrency, rateSourceKind: terms.exportRateSourceKind, marginLakPerKg: terms.exportMarginLakPerKg };
}
