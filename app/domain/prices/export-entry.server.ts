// A facilitator's (or an administrator's) export references and exchange
// rates: a border or export price such as the Thai Ministry of Commerce's
// feed-corn quotation at 14.5 % moisture, stated with the logistics margin from
// the farm gate to that market, and the rates that convert it to kip, each
// with its source named (the Bank of the Lao PDR's reference rate and a
// commercial bank's buying rate differ, and the board shows both). They are
// national figures, not a district's, so any facilitator may record them.
// Decimals are read as exact hundredths; nothing is stored as a float.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import { addDays } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { choice, idField, laoDateField, percentAsPermilleField, requiredText, wholeNumberField } from "~/utils/fields";
import { parseForm, type FieldErrors, type FormResult } from "~/utils/forms";
import { exportCurrencies, parseHundredths, rateSourceKinds } from "./export-parity";
import { MAX_ENTRY_AGE_DAYS } from "./reference-entry.server";

/** Hundredths per kg: 1,000.00 of any currency per kg is far above any crop's export price. */
export const MAX_EXPORT_PRICE_HUNDREDTHS = 100_000;
/** LAK for one unit: 100,000.00 leaves room above the dollar's rate (about 22,000). */
export const MAX_RATE_HUNDREDTHS = 10_000_000;
export const MAX_MARGIN_LAK = 1_000_000;

/** A decimal with at most two places, in hundredths, between 0.01 and `max`. */
const hundredthsField = (max: number) =>
  z
    .string({ error: "validation:required" })
    .trim()
    .min(1, { error: "validation:required" })
    .transform((value, ctx) => {
      const n = parseHundredths(value);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: "priceboard:exportEntry.errors.decimal" });
        return z.NEVER;
      }
      if (n < 1) ctx.addIssue({ code: "custom", message: "priceboard:exportEntry.errors.tooLow" });
      if (n > max) ctx.addIssue({ code: "custom", message: "priceboard:exportEntry.errors.tooHigh" });
      return n;
    });

const observedOnField = (now: Date) =>
  laoDateField.superRefine((day, ctx) => {
    if (day.getTime() > now.getTime()) ctx.addIssue({ code: "custom", message: "priceboard:entry.errors.future" });
    else if (day.getTime() < addDays(now, -MAX_ENTRY_AGE_DAYS).getTime()) ctx.addIssue({ code: "custom", message: "priceboard:entry.errors.tooOld" });
  });

const optionalPermille = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() ? v : undefined))
  .pipe(percentAsPermilleField(100).optional());

export const exportReferenceEntrySchema = (now: Date) =>
  z.object({
    cropId: idField,
    market: requiredText(120),
    currency: choice(exportCurrencies),
    price: hundredthsField(MAX_EXPORT_PRICE_HUNDREDTHS),
    moisture: optionalPermille,
    sourceName: requiredText(160),
    observedOn: observedOnField(now),
    marginLakPerKg: wholeNumberField(0, MAX_MARGIN_LAK),
  });
export type ExportReferenceEntry = z.output<ReturnType<typeof exportReferenceEntrySchema>>;

export const exchangeRateEntrySchema = (now: Date) =>
  z.object({
    currency: choice(exportCurrencies),
    rate: hundredthsField(MAX_RATE_HUNDREDTHS),
    sourceKind: choice(rateSourceKinds),
    sourceName: requiredText(160),
    observedOn: observedOnField(now),
  });
export type ExchangeRateEntry = z.output<ReturnType<typeof exchangeRateEntrySchema>>;

export function parseExportReferenceEntry(formData: FormData, now: Date): FormResult<ExportReferenceEntry> {
  return parseForm(exportReferenceEntrySchema(now), formData);
}

export function parseExchangeRateEntry(formData: FormData, now: Date): FormResult<ExchangeRateEntry> {
  return parseForm(exchangeRateEntrySchema(now), formData);
}

export type RecordEntryResult = { ok: true; id: string } | { ok: false; fieldErrors: FieldErrors };

/** Records an export reference price with its margin and its audit event, in one transaction. */
export async function recordExportReference(db: Db, actor: { id: string }, input: ExportReferenceEntry): Promise<RecordEntryResult> {
  return db.$transaction(async (tx) => {
    const crop = await tx.crop.findFirst({ where: { id: input.cropId, active: true }, select: { id: true } });
    if (!crop) return { ok: false, fieldErrors: { cropId: "validation:invalidChoice" } } as const;
    const created = await tx.exportReferencePrice.create({
      data: {
        cropId: crop.id,
        market: input.market,
        currency: input.currency,
        priceHundredthsPerKg: input.price,
        moistureBasisPermille: input.moisture ?? null,
        sourceName: input.sourceName,
        observedOn: input.observedOn,
        marginLakPerKg: input.marginLakPerKg,
        enteredById: actor.id,
      },
    });
    await recordAudit(tx, { actorId: actor.id, action: "export_reference.recorded", entityType: "ExportReferencePrice", entityId: created.id, after: created });
    return { ok: true, id: created.id } as const;
  });
}

/** Records an exchange rate with its named source and its audit event, in one transaction. */
export async function recordExchangeRate(db: Db, actor: { id: string }, input: ExchangeRateEntry): Promise<RecordEntryResult> {
  return db.$transaction(async (tx) => {
    const created = await tx.exchangeRate.create({
      data: {
        currency: input.currency,
        lakPerHundred: input.rate,
        sourceKind: input.sourceKind,
        sourceName: input.sourceName,
        observedOn: input.observedOn,
        enteredById: actor.id,
      },
    });
    await recordAudit(tx, { actorId: actor.id, action: "exchange_rate.recorded", entityType: "ExchangeRate", entityId: created.id, after: created });
    return { ok: true, id: created.id } as const;
  });
}
