// The terms of an offer or counter-offer, as typed in the offer form. The same
// form serves the trader's offer, the FO's counter and every revision.
import { z } from "zod";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors, type FormResult } from "~/utils/forms";
import {
  choice,
  idField,
  laoDateField,
  laoDeadlineField,
  optionalText,
  optionalWholeNumberField,
  parseWholeNumber,
  percentAsPermilleField,
  requiredText,
  wholeNumberField,
} from "~/utils/fields";
import { MAX_PRICE_LAK_PER_KG } from "~/domain/listings/listing-form";
import { MAX_CONTENT_STEP_LAK_PER_KG } from "~/domain/contracts/content";
import { exportCurrencies, rateSourceKinds, templateCodes, type ExportCurrency, type RateSourceKind, type TemplateCode } from "~/domain/contracts/snapshot";
import type { ContractCurrency } from "~/domain/prices/currency";

export const parties = ["trader", "fo"] as const;
export type Party = (typeof parties)[number];

export type DeductionBand = { fromPermille: number; toPermille: number; kgPerTonnePerPoint: number };

/** Premium (+) or discount (−) in LAK per net kg for a lot delivered at this grade (the contract snapshot's shape). */
export type GradeAdjustment = { gradeCode: string; lakPerKg: number };

import { DEDUCTION_ROWS, FOREIGN_MATTER_ROWS } from "./deduction-rows";

export { DEDUCTION_ROWS, FOREIGN_MATTER_ROWS };

/** Until tolerance was negotiable every contract allowed 5 % either way; new offers start there. */
export const DEFAULT_TOLERANCE_PERMILLE = 50;
/** More than 20 % either way is no longer a quantity agreed. */
export const MAX_TOLERANCE_PERCENT = 20;
/** Foreign matter allowed free: beyond 30 % a lot is not the crop any more. */
export const MAX_FOREIGN_MATTER_BASIS_PERCENT = 30;
const MAX_LAK_TOTAL = 1_000_000_000_000; // one trillion LAK: far above any one deal

export const OfferTermsSchema = z.object({
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
  // Export parity: checked only for that template (exportErrors), ignored for the others.
  exportMarket: optionalText(120),
  exportCurrency: z.string().optional(),
  exportRateSourceKind: z.string().optional(),
  exportMarginLakPerKg: optionalWholeNumberField(0, MAX_PRICE_LAK_PER_KG),
  inputDescription: optionalText(300),
  inputValueLak: optionalWholeNumberField(1, MAX_LAK_TOTAL),
  inputInterest: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : "0"))
    .pipe(percentAsPermilleField(100)),
  // Left blank, the tolerance is the customary 5 % (the form says so next to the field).
  tolerance: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : String(DEFAULT_TOLERANCE_PERMILLE / 10)))
    .pipe(percentAsPermilleField(MAX_TOLERANCE_PERCENT)),
  foreignMatterBasis: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(percentAsPermilleField(MAX_FOREIGN_MATTER_BASIS_PERCENT).optional()),
  // The content term (DRC, starch): shown only for a crop with a content measure;
  // the offer is checked against its crop in ./offers.server (checkTerms).
  contentBasis: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(percentAsPermilleField(100).optional()),
  contentStep: optionalWholeNumberField(0, MAX_CONTENT_STEP_LAK_PER_KG),
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
  /** export parity with a floor: all four set, else all null */
  exportMarket: string | null;
  exportCurrency: ExportCurrency | null;
  exportRateSourceKind: RateSourceKind | null;
  exportMarginLakPerKg: number | null;
  inputDescription: string | null;
  inputValueLak: bigint | null;
  inputInterestPermillePerMonth: number | null;
  /** delivered net kg may differ from quantityKg by this much, per mille */
  tolerancePermille: number;
  /**
   * The currency every amount of these terms is in (~/domain/prices/currency):
   * absent or LAK, whole kip; THB or CNY, hundredths, with the exchange rate
   * that converts to kip named by its kind and its recorded source.
   */
  currency?: ContractCurrency;
  rateSourceKind?: RateSourceKind | null;
  rateSourceName?: string | null;
  /** one entry per grade the form gave a figure for (blank rows are left out: paid the price) */
  gradeAdjustments: GradeAdjustment[];
  /** null: no foreign-matter schedule (and foreignMatterTable is empty) */
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: DeductionBand[];
  /** the content the price assumes, per mille, and LAK per kg a point: both null, or both set (crops with a content measure) */
  contentBasisPermille: number | null;
  contentStepLakPerKg: number | null;
};

function parsePercent(value: string): number | null {
  const m = /^(\d{1,2})(?:[.,](\d))?$/.exec(value.trim().replace(/\s*%$/, ""));
  return m ? Number(m[1]) * 10 + Number(m[2] ?? 0) : null;
}

/**
 * A deduction table from rows band.N.from / band.N.to (percent) and band.N.rate
 * (kg per tonne per point). The foreign-matter schedule has the same rows under
 * fmBand.N.*, its overlap error under foreignMatterTable.
 */
export function parseDeductionRows(
  raw: Record<string, string | string[]>,
  rows: { prefix: string; count: number; tableField: string } = { prefix: "band", count: DEDUCTION_ROWS, tableField: "deductionTable" },
): { bands: DeductionBand[]; errors: FieldErrors } {
  const bands: DeductionBand[] = [];
  const errors: FieldErrors = {};
  const { prefix } = rows;
  for (let i = 0; i < rows.count; i++) {
    const cell = (name: string) => {
      const v = raw[`${prefix}.${i}.${name}`];
      return typeof v === "string" ? v.trim() : "";
    };
    const [from, to, rate] = [cell("from"), cell("to"), cell("rate")];
    if (!from && !to && !rate) continue;
    const fromPermille = parsePercent(from);
    const toPermille = parsePercent(to);
    const kgPerTonnePerPoint = parseWholeNumber(rate);
    if (fromPermille === null) errors[`${prefix}.${i}.from`] = "validation:percent";
    if (toPermille === null) errors[`${prefix}.${i}.to`] = "validation:percent";
    if (kgPerTonnePerPoint === null || kgPerTonnePerPoint > 1000) errors[`${prefix}.${i}.rate`] = "validation:wholeNumber";
    if (fromPermille !== null && toPermille !== null && kgPerTonnePerPoint !== null) {
      if (toPermille <= fromPermille) errors[`${prefix}.${i}.to`] = "offers:errors.bandReversed";
      else bands.push({ fromPermille, toPermille, kgPerTonnePerPoint });
    }
  }
  bands.sort((a, b) => a.fromPermille - b.fromPermille);
  for (let i = 1; i < bands.length; i++) {
    if (bands[i]!.fromPermille < bands[i - 1]!.toPermille) errors[rows.tableField] = "offers:errors.bandsOverlap";
  }
  return { bands, errors };
}

const FOREIGN_MATTER_ROW_FIELDS = { prefix: "fmBand", count: FOREIGN_MATTER_ROWS, tableField: "foreignMatterTable" };

/** A grade code as the crop catalogue writes them (G1, G2, …): the form's field names carry it. */
const GRADE_CODE = /^[A-Z0-9_]{1,16}$/;

/** A signed whole number of LAK as people type it: "150", "+150", "-150", "−1,000" (the minus sign too). */
export function parseSignedLak(input: string): number | null {
  const m = /^([+\-\u2212])?\s*(.+)$/.exec(input.trim());
  if (!m) return null;
  const n = parseWholeNumber(m[2]!);
  if (n === null) return null;
  return m[1] === "-" || m[1] === "\u2212" ? -n || 0 : n;
}

/**
 * The grade price table from fields gradeAdjustment.<GRADE CODE>: a signed LAK
 * per net kg for each grade, blank for "paid the price". A discount may not
 * reach the price itself (a lot is never worth nothing or less by its grade).
 */
export function parseGradeAdjustments(
  raw: Record<string, string | string[]>,
  prices: { priceLakPerKg?: number; floorPriceLakPerKg?: number | null } = {},
): { adjustments: GradeAdjustment[]; errors: FieldErrors } {
  const adjustments: GradeAdjustment[] = [];
  const errors: FieldErrors = {};
  const lowest = Math.min(...[prices.priceLakPerKg, prices.floorPriceLakPerKg].filter((p): p is number => typeof p === "number" && p > 0));
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith("gradeAdjustment.") || typeof value !== "string") continue;
    const gradeCode = key.slice("gradeAdjustment.".length);
    if (!GRADE_CODE.test(gradeCode)) {
      errors[key] = "offers:errors.unknownGrade";
      continue;
    }
    if (!value.trim()) continue;
    const lakPerKg = parseSignedLak(value);
    if (lakPerKg === null) errors[key] = "offers:errors.signedLak";
    else if (Math.abs(lakPerKg) > MAX_PRICE_LAK_PER_KG) errors[key] = "validation:tooHigh";
    else if (Number.isFinite(lowest) && -lakPerKg >= lowest) errors[key] = "offers:errors.discountAbovePrice";
    else adjustments.push({ gradeCode, lakPerKg });
  }
  adjustments.sort((a, b) => (a.gradeCode < b.gradeCode ? -1 : a.gradeCode > b.gradeCode ? 1 : 0));
  return { adjustments, errors };
}

/** Bands without a basis mean nothing: the schedule needs the foreign matter it starts from. */
function foreignMatterErrors(raw: Record<string, string | string[]>, bands: readonly DeductionBand[]): FieldErrors {
  const basis = raw.foreignMatterBasis;
  if (bands.length > 0 && !(typeof basis === "string" && basis.trim())) return { foreignMatterBasis: "offers:errors.foreignMatterBasisRequired" };
  return {};
}

/** The content term is a basis and a step: one without the other means nothing. */
function contentErrors(raw: Record<string, string | string[]>): FieldErrors {
  const given = (name: string) => typeof raw[name] === "string" && (raw[name] as string).trim() !== "";
  if (given("contentBasis") && !given("contentStep")) return { contentStep: "offers:errors.contentBoth" };
  if (given("contentStep") && !given("contentBasis")) return { contentBasis: "offers:errors.contentBoth" };
  return {};
}

/** When the FO pays transport or bags, the offer must say what that costs it. */
function costErrors(raw: Record<string, string | string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [by, cost] of [
    ["transportPaidBy", "transportCostLak"],
    ["bagsPaidBy", "bagsCostLak"],
  ] as const) {
    const value = raw[cost];
    if (raw[by] === "fo" && !(typeof value === "string" && value.trim())) errors[cost] = "offers:errors.costRequired";
  }
  // Each contract template needs its own terms: a floor price, or the inputs advanced.
  const given = (name: string) => typeof raw[name] === "string" && (raw[name] as string).trim() !== "";
  if ((raw.templateCode === "forward_floor" || raw.templateCode === "export_parity") && !given("floorPriceLakPerKg"))
    errors.floorPriceLakPerKg = "offers:errors.floorRequired";
  if (raw.templateCode === "export_parity") {
    if (!given("exportMarket")) errors.exportMarket = "offers:errors.exportRequired";
    if (!given("exportMarginLakPerKg")) errors.exportMarginLakPerKg = "offers:errors.exportRequired";
    if (!(exportCurrencies as readonly unknown[]).includes(raw.exportCurrency)) errors.exportCurrency = "validation:invalidChoice";
    if (!(rateSourceKinds as readonly unknown[]).includes(raw.exportRateSourceKind)) errors.exportRateSourceKind = "validation:invalidChoice";
  }
  if (raw.templateCode === "input_supply") {
    if (!given("inputDescription")) errors.inputDescription = "offers:errors.inputRequired";
    if (!given("inputValueLak")) errors.inputValueLak = "offers:errors.inputRequired";
  }
  return errors;
}

function exportTermsOf(
  v: z.output<typeof OfferTermsSchema>,
): Pick<OfferTerms, "exportMarket" | "exportCurrency" | "exportRateSourceKind" | "exportMarginLakPerKg"> {
  const currency = exportCurrencies.find((c) => c === v.exportCurrency);
  const kind = rateSourceKinds.find((k) => k === v.exportRateSourceKind);
  if (v.templateCode !== "export_parity" || !v.exportMarket || !currency || !kind || v.exportMarginLakPerKg === undefined)
    return { exportMarket: null, exportCurrency: null, exportRateSourceKind: null, exportMarginLakPerKg: null };
  return { exportMarket: v.exportMarket, exportCurrency: currency, exportRateSourceKind: kind, exportMarginLakPerKg: v.exportMarginLakPerKg };
}

export function parseOfferTermsForm(formData: FormData): FormResult<OfferTerms> {
  const raw = formDataToObject(formData);
  const parsed = OfferTermsSchema.safeParse(raw);
  const table = parseDeductionRows(raw);
  const foreignMatter = parseDeductionRows(raw, FOREIGN_MATTER_ROW_FIELDS);
  const grades = parseGradeAdjustments(
    raw,
    parsed.success ? { priceLakPerKg: parsed.data.priceLakPerKg, floorPriceLakPerKg: parsed.data.floorPriceLakPerKg } : {},
  );
  const fieldErrors = {
    ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)),
    ...table.errors,
    ...foreignMatter.errors,
    ...foreignMatterErrors(raw, foreignMatter.bands),
    ...grades.errors,
    ...costErrors(raw),
    ...contentErrors(raw),
  };
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
      floorPriceLakPerKg: v.templateCode === "forward_floor" || v.templateCode === "export_parity" ? (v.floorPriceLakPerKg ?? null) : null,
      ...exportTermsOf(v),
      inputDescription: v.templateCode === "input_supply" ? (v.inputDescription ?? null) : null,
      inputValueLak: v.templateCode === "input_supply" && v.inputValueLak ? BigInt(v.inputValueLak) : null,
      inputInterestPermillePerMonth: v.templateCode === "input_supply" ? v.inputInterest : null,
      tolerancePermille: v.tolerance,
      gradeAdjustments: grades.adjustments,
      foreignMatterBasisPermille: v.foreignMatterBasis ?? null,
      foreignMatterTable: v.foreignMatterBasis === undefined ? [] : foreignMatter.bands,
      contentBasisPermille: v.contentBasis ?? null,
      contentStepLakPerKg: v.contentBasis === undefined ? null : (v.contentStep ?? null),
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

export function serialiseGradeAdjustments(adjustments: readonly GradeAdjustment[]): string {
  return JSON.stringify(adjustments.map((a) => ({ gradeCode: a.gradeCode, lakPerKg: a.lakPerKg })));
}

const StoredGradeAdjustments = z.array(z.object({ gradeCode: z.string(), lakPerKg: z.number().int() }));

/** A revision's grade price table; null for a revision written before grades were priced. */
export function readGradeAdjustments(json: string | null): GradeAdjustment[] | null {
  return json === null ? null : StoredGradeAdjustments.parse(JSON.parse(json));
}

/** A revision's foreign-matter schedule; null when it has none (basis null). */
export function readForeignMatter(revision: {
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: string | null;
}): { basisPermille: number; table: DeductionBand[] } | null {
  if (revision.foreignMatterBasisPermille === null) return null;
  return {
    basisPermille: revision.foreignMatterBasisPermille,
    table: revision.foreignMatterTable === null ? [] : readDeductionTable(revision.foreignMatterTable),
  };
}

/** The JSON tables of a stored revision, read back into terms (the form and the offer view start from these). */
export function readRevisionTables(revision: {
  deductionTable: string;
  gradeAdjustments: string | null;
  foreignMatterBasisPermille: number | null;
  foreignMatterTable: string | null;
}) {
  const foreignMatter = readForeignMatter(revision);
  return {
    deductionTable: readDeductionTable(revision.deductionTable),
    gradeAdjustments: readGradeAdjustments(revision.gradeAdjustments),
    foreignMatterBasisPermille: foreignMatter?.basisPermille ?? null,
    foreignMatterTable: foreignMatter?.table ?? [],
  };
}
