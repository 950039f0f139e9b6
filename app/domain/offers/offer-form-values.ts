// Starting values for the offer form: a new offer starts from the listing and
// the crop's defaults (deduction table, grade prices, foreign-matter schedule,
// 5 % tolerance); a revision or counter starts from the live terms, so only
// what changes needs typing.
import { addDays, toLaoDateInput } from "~/utils/dates";
import { cropOfferDefaults, type CropDefaultsSource } from "./crop-defaults";
import { DEDUCTION_ROWS, FOREIGN_MATTER_ROWS } from "./deduction-rows";
import type { DeductionBand, GradeAdjustment } from "./offer-terms";

export function permilleToPercentInput(permille: number): string {
  return permille % 10 === 0 ? String(permille / 10) : (permille / 10).toFixed(1);
}

function bandValues(bands: readonly DeductionBand[], prefix = "band", rows = DEDUCTION_ROWS): Record<string, string> {
  const values: Record<string, string> = {};
  bands.slice(0, rows).forEach((b, i) => {
    values[`${prefix}.${i}.from`] = permilleToPercentInput(b.fromPermille);
    values[`${prefix}.${i}.to`] = permilleToPercentInput(b.toPermille);
    values[`${prefix}.${i}.rate`] = String(b.kgPerTonnePerPoint);
  });
  return values;
}

/** A signed LAK figure as the form shows it: "+200", "0", "-150". */
export function signedLakInput(lakPerKg: number): string {
  return lakPerKg > 0 ? `+${lakPerKg}` : String(lakPerKg);
}

/** The grade price rows, the foreign-matter schedule and the tolerance as form values. */
function gradeTermValues(terms: {
  gradeAdjustments: readonly GradeAdjustment[] | null;
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: readonly DeductionBand[];
  tolerancePermille: number;
  contentBasisPermille?: number | null;
  contentStepLakPerKg?: number | null;
}): Record<string, string> {
  const values: Record<string, string> = { tolerance: permilleToPercentInput(terms.tolerancePermille) };
  if (terms.contentBasisPermille !== null && terms.contentBasisPermille !== undefined) {
    values.contentBasis = permilleToPercentInput(terms.contentBasisPermille);
    values.contentStep = String(terms.contentStepLakPerKg ?? 0);
  }
  for (const a of terms.gradeAdjustments ?? []) values[`gradeAdjustment.${a.gradeCode}`] = signedLakInput(a.lakPerKg);
  if (terms.foreignMatterBasisPermille !== null) {
    values.foreignMatterBasis = permilleToPercentInput(terms.foreignMatterBasisPermille);
    Object.assign(values, bandValues(terms.foreignMatterTable, "fmBand", FOREIGN_MATTER_ROWS));
  }
  return values;
}

export function newOfferValues(
  listing: { totalKg: number; gradeId: string; availableFrom: Date; offerDeadline: Date; deliveryPoint: string | null; askingPriceLakPerKg: number | null },
  crop: CropDefaultsSource,
  now: Date,
  pickupVillageName: string | null,
): Record<string, string> {
  const defaults = cropOfferDefaults(crop, listing.gradeId);
  const validUntil = new Date(Math.min(listing.offerDeadline.getTime(), addDays(now, 7).getTime()));
  const delivery = listing.availableFrom.getTime() > now.getTime() ? listing.availableFrom : addDays(now, 7);
  return {
    priceLakPerKg: listing.askingPriceLakPerKg ? String(listing.askingPriceLakPerKg) : "",
    quantityKg: String(listing.totalKg),
    gradeId: listing.gradeId,
    moistureBasis: permilleToPercentInput(defaults.moistureBasisPermille),
    ...bandValues(defaults.deductionTable),
    ...gradeTermValues(defaults),
    deliveryDate: toLaoDateInput(delivery),
    deliveryPlace: listing.deliveryPoint ?? pickupVillageName ?? "",
    transportPaidBy: "trader",
    bagsPaidBy: "trader",
    paymentDays: "7",
    latePenalty: "0",
    validUntil: toLaoDateInput(validUntil),
    // Delivery within a month is a spot sale; later, a forward contract.
    templateCode: delivery.getTime() - now.getTime() > 30 * 24 * 3600_000 ? "forward_fixed" : "spot_fixed",
  };
}

export function revisionValues(revision: {
  priceLakPerKg: number;
  quantityKg: number;
  gradeId: string;
  moistureBasisPermille: number;
  deductionTable: readonly DeductionBand[];
  deliveryDate: Date;
  deliveryPlace: string;
  transportPaidBy: string;
  transportCostLak: bigint;
  bagsPaidBy: string;
  bagsCostLak: bigint;
  advanceLak: bigint;
  paymentDays: number;
  latePenaltyPermillePerMonth: number;
  validUntil: Date;
  templateCode: string;
  floorPriceLakPerKg: number | null;
  exportMarket: string | null;
  exportCurrency: string | null;
  exportRateSourceKind: string | null;
  exportMarginLakPerKg: number | null;
  inputDescription: string | null;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
  tolerancePermille: number;
  /** null for a revision written before grades were priced: the rows start blank */
  gradeAdjustments: readonly GradeAdjustment[] | null;
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: readonly DeductionBand[];
}): Record<string, string> {
  return {
    ...gradeTermValues(revision),
    priceLakPerKg: String(revision.priceLakPerKg),
    quantityKg: String(revision.quantityKg),
    gradeId: revision.gradeId,
    moistureBasis: permilleToPercentInput(revision.moistureBasisPermille),
    ...bandValues(revision.deductionTable),
    deliveryDate: toLaoDateInput(revision.deliveryDate),
    deliveryPlace: revision.deliveryPlace,
    transportPaidBy: revision.transportPaidBy,
    transportCostLak: revision.transportCostLak ? revision.transportCostLak.toString() : "",
    bagsPaidBy: revision.bagsPaidBy,
    bagsCostLak: revision.bagsCostLak ? revision.bagsCostLak.toString() : "",
    advanceLak: revision.advanceLak ? revision.advanceLak.toString() : "",
    paymentDays: String(revision.paymentDays),
    latePenalty: permilleToPercentInput(revision.latePenaltyPermillePerMonth),
    validUntil: toLaoDateInput(revision.validUntil),
    templateCode: revision.templateCode,
    floorPriceLakPerKg: revision.floorPriceLakPerKg ? String(revision.floorPriceLakPerKg) : "",
    exportMarket: revision.exportMarket ?? "",
    exportCurrency: revision.exportCurrency ?? "",
    exportRateSourceKind: revision.exportRateSourceKind ?? "",
    exportMarginLakPerKg: revision.exportMarginLakPerKg === null ? "" : String(revision.exportMarginLakPerKg),
    inputDescription: revision.inputDescription ?? "",
    inputValueLak: revision.inputValueLak ? revision.inputValueLak.toString() : "",
    inputInterest: revision.inputInterestPermillePerMonth ? permilleToPercentInput(revision.inputInterestPermillePerMonth) : "",
  };
}
