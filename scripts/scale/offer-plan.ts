// The terms of offers and counter-offers, as traders and FO leaders type them
// in the offer form: a price near the going farm-gate price, the listing's
// quantity and grade, the crop's moisture basis and standard deduction table
// (as the form pre-fills them, serialised by the domain's serialiseDeductionTable),
// a delivery date and place, who pays transport and bags, an advance, payment
// days, a late penalty, a validity date, and the contract template the terms
// are written for (a forward contract when delivery is a month or more away,
// some with a floor price, a few input-supply deals). Counters change a few
// terms of the previous revision, like a person would.
import { serialiseDeductionTable } from "~/domain/offers/offer-terms";
import type { TemplateCode } from "~/domain/contracts/snapshot";
import type { CropNode, World } from "./model";
import { marketPrice, roundPrice } from "./prices";
import type { ListingPlan } from "./listing-plan";
import type { Random } from "./random";
import { COUNTER_MESSAGES, DEFAULT_INPUT, INPUTS, OFFER_MESSAGES, storePlace } from "./texts";
import { DAY, laoDay, laoDeadline } from "./time";

/** One revision's terms, in the value types Prisma reads back (Date, BigInt). */
export interface Terms {
  priceLakPerKg: number;
  quantityKg: number;
  gradeId: string;
  moistureBasisPermille: number;
  deductionTable: string;
  deliveryDate: Date;
  deliveryPlace: string;
  transportPaidBy: "trader" | "fo";
  transportCostLak: bigint;
  bagsPaidBy: "trader" | "fo";
  bagsCostLak: bigint;
  advanceLak: bigint;
  paymentDays: number;
  latePenaltyPermillePerMonth: number;
  validUntil: Date;
  templateCode: TemplateCode;
  floorPriceLakPerKg: number | null;
  inputDescription: string | null;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
  message: string | null;
  tolerancePermille: number;
  gradeAdjustments: string | null;
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: string | null;
  contentBasisPermille: number | null;
  contentStepLakPerKg: number | null;
}

const tables = new Map<string, string>();
function deductionTableOf(crop: CropNode): string {
  let json = tables.get(crop.id);
  if (!json) tables.set(crop.id, (json = serialiseDeductionTable(crop.bands)));
  return json;
}

const roundTo = (value: number, step: number) => Math.max(step, Math.round(value / step) * step);

export class TermsMaker {
  constructor(
    private readonly world: World,
    private readonly rng: Random,
  ) {}

  /** A trader's first offer on the listing, made at `at` (ms). */
  first(listing: ListingPlan, totalKg: number, at: number): Terms {
    const rng = this.rng;
    const { crop } = listing;
    const reference = marketPrice(crop, listing.district, at);
    const template = rng.weighted<"fixed" | "forward_floor" | "input_supply">([
      ["fixed", 90],
      ["forward_floor", 6],
      ["input_supply", 4],
    ]);
    const forward = template !== "fixed" || rng.chance(0.12);
    const deliveryDate = forward ? laoDay(at + rng.real(35, 130) * DAY) : laoDay(Math.max(listing.availableFrom, at + 3 * DAY) + rng.real(0, 20) * DAY);
    const price = roundPrice(reference * rng.real(0.92, 1.03));
    const quantityKg = rng.chance(0.85) ? totalKg : Math.min(totalKg, roundTo(totalKg * rng.real(0.6, 0.95), 10));
    const value = quantityKg * price;
    const grade = rng.chance(0.9) ? listing.grade : rng.pick(crop.grades);
    const village = listing.pickupVillage ?? listing.fo.village;
    const transportByFo = rng.chance(0.25);
    const bagsByFo = rng.chance(0.3);
    const code: TemplateCode =
      template === "forward_floor" ? "forward_floor" : template === "input_supply" ? "input_supply" : forward ? "forward_fixed" : "spot_fixed";
    return {
      priceLakPerKg: price,
      quantityKg,
      gradeId: grade.id,
      moistureBasisPermille: crop.standardMoisturePermille,
      deductionTable: deductionTableOf(crop),
      deliveryDate: new Date(deliveryDate),
      deliveryPlace: listing.deliveryPoint ?? storePlace(rng, village, village.district),
      transportPaidBy: transportByFo ? "fo" : "trader",
      transportCostLak: transportByFo ? BigInt(roundTo(quantityKg * rng.real(150, 400), 10_000)) : 0n,
      bagsPaidBy: bagsByFo ? "fo" : "trader",
      bagsCostLak: bagsByFo ? BigInt(Math.ceil(quantityKg / 50) * 5_000) : 0n,
      advanceLak: rng.chance(0.2) ? BigInt(roundTo(value * rng.real(0.1, 0.3), 500_000)) : 0n,
      paymentDays: rng.pick([0, 3, 5, 7, 7, 7, 10, 10, 14, 14, 21, 30]),
      latePenaltyPermillePerMonth: rng.pick([0, 0, 0, 10, 15, 20, 20, 30]),
      validUntil: new Date(laoDeadline(at + rng.real(3, 14) * DAY)),
      templateCode: code,
      floorPriceLakPerKg: code === "forward_floor" ? roundPrice(reference * rng.real(0.85, 0.95)) : null,
      inputDescription: code === "input_supply" ? (INPUTS[crop.code] ?? DEFAULT_INPUT) : null,
      inputValueLak: code === "input_supply" ? BigInt(roundTo(value * rng.real(0.08, 0.25), 100_000)) : null,
      inputInterestPermillePerMonth: code === "input_supply" ? rng.pick([0, 10, 15, 20]) : null,
      message: rng.chance(0.4) ? rng.pick(OFFER_MESSAGES) : null,
      // The scale history is of offers made before grades and foreign matter were priced:
      // the fixed 5 % tolerance, no grade prices, no foreign-matter schedule (as the migration leaves them).
      tolerancePermille: 50,
      gradeAdjustments: null,
      foreignMatterBasisPermille: null,
      foreignMatterTable: null,
      // ... and before DRC and starch were priced: no content term, so rubber and
      // fresh cassava are paid on weight, as their contracts of then say.
      contentBasisPermille: null,
      contentStepLakPerKg: null,
    };
  }

  /** The trader improves its own live terms (a plain revision). */
  revised(previous: Terms, at: number): Terms {
    const rng = this.rng;
    return {
      ...previous,
      priceLakPerKg: roundPrice(previous.priceLakPerKg * rng.real(1.01, 1.05)),
      validUntil: new Date(laoDeadline(at + rng.real(3, 14) * DAY)),
      message: rng.chance(0.3) ? rng.pick(OFFER_MESSAGES) : null,
    };
  }

  /** The FO's counter-offer: a better price, sometimes faster payment or the sacks on the trader. */
  counter(previous: Terms, at: number): Terms {
    const rng = this.rng;
    return {
      ...previous,
      priceLakPerKg: roundPrice(previous.priceLakPerKg * rng.real(1.03, 1.09)),
      paymentDays: rng.chance(0.3) ? Math.min(previous.paymentDays, rng.pick([0, 3, 5, 7])) : previous.paymentDays,
      bagsPaidBy: rng.chance(0.3) ? "trader" : previous.bagsPaidBy,
      validUntil: new Date(laoDeadline(at + rng.real(3, 10) * DAY)),
      message: rng.chance(0.6) ? rng.pick(COUNTER_MESSAGES) : null,
    };
  }

  /** The trader meets the FO half way. */
  recounter(traderTerms: Terms, foTerms: Terms, at: number): Terms {
    return {
      ...foTerms,
      priceLakPerKg: roundPrice((traderTerms.priceLakPerKg + foTerms.priceLakPerKg) / 2),
      validUntil: new Date(laoDeadline(at + this.rng.real(3, 10) * DAY)),
      message: this.rng.chance(0.3) ? this.rng.pick(OFFER_MESSAGES) : null,
    };
  }
}

/** The bags cost must be zero when the trader pays them (as the form saves it). */
export function normaliseTerms(t: Terms): Terms {
  return {
    ...t,
    bagsCostLak: t.bagsPaidBy === "fo" ? t.bagsCostLak : 0n,
    transportCostLak: t.transportPaidBy === "fo" ? t.transportCostLak : 0n,
  };
}
