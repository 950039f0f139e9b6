// Starting values for the offer form: a new offer starts from the listing and
// the crop's standard deduction table; a revision or counter starts from the
// live terms, so only what changes needs typing.
import { addDays, toLaoDateInput } from "~/utils/dates";
import { DEDUCTION_ROWS } from "./deduction-rows";
import type { DeductionBand } from "./offer-terms";

export function permilleToPercentInput(permille: number): string {
  return permille % 10 === 0 ? String(permille / 10) : (permille / 10).toFixed(1);
}

function bandValues(bands: readonly DeductionBand[]): Record<string, string> {
  const values: Record<string, string> = {};
  bands.slice(0, DEDUCTION_ROWS).forEach((b, i) => {
    values[`band.${i}.from`] = permilleToPercentInput(b.fromPermille);
    values[`band.${i}.to`] = permilleToPercentInput(b.toPermille);
    values[`band.${i}.rate`] = String(b.kgPerTonnePerPoint);
  });
  return values;
}

export function newOfferValues(
  listing: { totalKg: number; gradeId: string; availableFrom: Date; offerDeadline: Date; deliveryPoint: string | null; askingPriceLakPerKg: number | null },
  crop: { standardMoisturePermille: number; bands: readonly DeductionBand[] },
  now: Date,
  pickupVillageName: string | null,
): Record<string, string> {
  const validUntil = new Date(Math.min(listing.offerDeadline.getTime(), addDays(now, 7).getTime()));
  const delivery = listing.availableFrom.getTime() > now.getTime() ? listing.availableFrom : addDays(now, 7);
  return {
    priceLakPerKg: listing.askingPriceLakPerKg ? String(listing.askingPriceLakPerKg) : "",
    quantityKg: String(listing.totalKg),
    gradeId: listing.gradeId,
    moistureBasis: permilleToPercentInput(crop.standardMoisturePermille),
    ...bandValues(crop.bands),
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
  inputDescription: string | null;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
}): Record<string, string> {
  return {
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
    inputDescription: revision.inputDescription ?? "",
    inputValueLak: revision.inputValueLak ? revision.inputValueLak.toString() : "",
    inputInterest: revision.inputInterestPermillePerMonth ? permilleToPercentInput(revision.inputInterestPermillePerMonth) : "",
  };
}
