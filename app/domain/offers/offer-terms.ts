// The terms of an offer or counter-offer, as typed in the offer form. The same
// form serves the trader's offer, the FO's counter and every revision.
import { z } from "zod";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors, type FormResult } from "~/utils/forms";
import { choice, idField, laoDateField, laoDeadlineField, optionalText, optionalWholeNumberField, parseWholeNumber, percentAsPermilleField, requiredText, wholeNumberField } from "~/utils/fields";
import { MAX_PRICE_LAK_PER_KG } from "~/domain/listings/listing-form";
import { templateCodes, type TemplateCode } from "~/domain/contracts/snapshot";

export const parties = ["trader", "fo"] as const;
export type Party = (typeof parties)[number];

export type DeductionBand = { fromPermille: number; toPermille: number; kgPerTonnePerPoint: number };

import { DEDUCTION_ROWS } from "./deduction-rows";

export { DEDUCTION_ROWS };
const MAX_LAK_TOTAL = 1_000_000_000_000; // one trillion LAK: far above any one deal

export const OfferTermsSchema = z
  .object({
    priceLakPerKg: wholeNumberField(1, MAX_PRICE_LAK_PER_KG),
    quantityKg: wholeNumberField(1, 100_000_000),
    gradeId: idField,
    moistureBasis: percentAsPermilleField(40),
    deliveryDate: laoDateField,
    deliveryPlace: requiredText(200),
    transportPaidBy: choice(parties),
    transportCostLak: optionalWholeNumberField(0, MAX_LAK_TOTAL),
    bagsPaidBy: choice(parties),
    bagsCostLak: optionalWholeNumberField(0, MAX_LAK_TOTAL),
    advanceLak: optionalWholeNumberField(0, MAX_LAK_TOTAL),
    paymentDays: wholeNumberField(0, 365),
    latePenalty: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v : "0"))
      .pipe(percentAsPermilleField(100)),
    validUntil: laoDeadlineField,
    message: optionalText(500),
    templateCode: choice(templateCodes),
    floorPriceLakPerKg: optionalWholeNumberField(1, MAX_PRICE_LAK_PER_KG),
    inputDescription: optionalText(300),
    inputValueLak: optionalWholeNumberField(1, MAX_LAK_TOTAL),
    inputInterest: z
      .string()
      .optional()
      .transform((v) => (v && v.trim() ? v : "0"))
      .pipe(percentAsPermilleField(100)),
  });

export type OfferTerms = {
  priceLakPerKg: number;
  quantityKg: number;
  gradeId: string;
  moistureBasisPermille: number;
  deductionTable: DeductionBand[];
  deliveryDate: Date;
  deliveryPlace: string;
  transportPaidBy: Party;
  transportCostLak: bigint;
  bagsPaidBy: Party;
  bagsCostLak: bigint;
  advanceLak: bigint;
  paymentDays: number;
  latePenaltyPermillePerMonth: number;
  validUntil: Date;
  message?: string;
  templateCode: TemplateCode;
  floorPriceLakPerKg: number | null;
  inputDescription: string | null;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
};

function parsePercent(value: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d))?$/.exec(value.trim().replace(/\s*%$/, ""));
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null;
}

/** The deduction table from rows band.N.from / band.N.to (percent) and band.N.rate (kg per tonne per point). */
export function parseDeductionRows(raw: Record<string, string | string[]>): { bands: DeductionBand[]; errors: FieldErrors } {
  const bands: DeductionBand[] = [];
  const errors: FieldErrors = {};
  for (let i = 0; i < DEDUCTION_ROWS; i++) {
    const cell = (name: string) => {
      const v = raw[`band.${i}.${name}`];
      return typeof v === "string" ? v.trim() : "";
    };
    const [from, to, rate] = [cell("from"), cell("to"), cell("rate")];
    if (!from && !to && !rate) continue;
    const fromPermille = parsePercent(from);
    const toPermille = parsePercent(to);
    const kgPerTonnePerPoint = parseWholeNumber(rate);
    if (fromPermille === null) errors[`band.${i}.from`] = "validation:percent";
    if (toPermille === null) errors[`band.${i}.to`] = "validation:percent";
    if (kgPerTonnePerPoint === null || kgPerTonnePerPoint > 1000) errors[`band.${i}.rate`] = "validation:wholeNumber";
    if (fromPermille !== null && toPermille !== null && kgPerTonnePerPoint !== null) {
      if (toPermille <= fromPermille) errors[`band.${i}.to`] = "offers:errors.bandReversed";
      else bands.push({ fromPermille, toPermille, kgPerTonnePerPoint });
    }
  }
  bands.sort((a, b) => a.fromPermille - b.fromPermille);
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.fromPermille < bands[i - 1]!.toPermille) errors.deductionTable = "offers:errors.bandsOverlap";
  }
  return { bands, errors };
}

/** When the FO pays transport or bags, the offer must say what that costs it. */
function costErrors(raw: Record<string, string | string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [by, cost] of [["transportPaidBy", "transportCostLak"], ["bagsPaidBy", "bagsCostLak"]] as const) {
    const value = raw[cost];
    if (raw[by] === "fo" && !(typeof value === "string" && value.trim())) errors[cost] = "offers:errors.costRequired";
  }
  // Each contract template needs its own terms: a floor price, or the inputs advanced.
  const given = (name: string) => typeof raw[name] === "string" && (raw[name] as string).trim() !== "";
  if (raw.templateCode === "forward_floor" && !given("floorPriceLakPerKg")) errors.floorPriceLakPerKg = "offers:errors.floorRequired";
  if (raw.templateCode === "input_supply") {
    if (!given("inputDescription")) errors.inputDescription = "offers:errors.inputRequired";
    if (!given("inputValueLak")) errors.inputValueLak = "offers:errors.inputRequired";
  }
  return errors;
}

export function parseOfferTermsForm(formData: FormData): FormResult<OfferTerms> {
  const raw = formDataToObject(formData);
  const parsed = OfferTermsSchema.safeParse(raw);
  const table = parseDeductionRows(raw);
  const fieldErrors = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...table.errors, ...costErrors(raw) };
  if (!parsed.success || Object.keys(fieldErrors).length) return { ok: false, fieldErrors, values: redisplayValues(raw) };
  const v = parsed.data;
  return {
    ok: true,
    data: {
      priceLakPerKg: v.priceLakPerKg,
      quantityKg: v.quantityKg,
      gradeId: v.gradeId,
      moistureBasisPermille: v.moistureBasis,
      deductionTable: table.bands,
      deliveryDate: v.deliveryDate,
      deliveryPlace: v.deliveryPlace,
      transportPaidBy: v.transportPaidBy,
      transportCostLak: v.transportPaidBy === "fo" ? BigInt(v.transportCostLak ?? 0) : 0n,
      bagsPaidBy: v.bagsPaidBy,
      bagsCostLak: v.bagsPaidBy === "fo" ? BigInt(v.bagsCostLak ?? 0) : 0n,
      advanceLak: BigInt(v.advanceLak ?? 0),
      paymentDays: v.paymentDays,
      latePenaltyPermillePerMonth: v.latePenalty,
      validUntil: v.validUntil,
      message: v.message,
      templateCode: v.templateCode,
      floorPriceLakPerKg: v.templateCode === "forward_floor" ? (v.floorPriceLakPerKg ?? null) : null,
      inputDescription: v.templateCode === "input_supply" ? (v.inputDescription ?? null) : null,
      inputValueLak: v.templateCode === "input_supply" && v.inputValueLak ? BigInt(v.inputValueLak) : null,
      inputInterestPermillePerMonth: v.templateCode === "input_supply" ? v.inputInterest : null,
    },
  };
}

export function serialiseDeductionTable(bands: readonly DeductionBand[]): string {
  return JSON.stringify(bands.map((b) => ({ fromPermille: b.fromPermille, toPermille: b.toPermille, kgPerTonnePerPoint: b.kgPerTonnePerPoint })));
}

// Built once: building a zod schema costs far more than parsing a table with it,
// and the comparison page reads one table per offer.
const StoredDeductionTable = z.array(z.object({ fromPermille: z.number().int(), toPermille: z.number().int(), kgPerTonnePerPoint: z.number().int() }));

export function readDeductionTable(json: string): DeductionBand[] {
  return StoredDeductionTable.parse(JSON.parse(json));
}
