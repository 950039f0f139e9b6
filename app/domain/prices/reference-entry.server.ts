// A facilitator's reference price: a farm-gate or market price they observed
// (a market survey by the district office) for a crop, in a market of one of
// their districts, on a day. It joins the price board and the price bands
// beside listings and offers at once. A facilitator enters prices only for the
// districts they work in; the source is always "facilitator_entry" and the
// entry names who made it.
import { z } from "zod";
import { recordAudit } from "~/utils/audit.server";
import { addDays } from "~/utils/dates";
import type { Db } from "~/utils/db.server";
import { idField, laoDateField, requiredText, wholeNumberField } from "~/utils/fields";
import { parseForm, type FieldErrors, type FormResult } from "~/utils/forms";
import { facilitatedBy } from "~/utils/access.server";

/** LAK per kg: below the cheapest crop's price (sugarcane, ~450) and above the dearest (dried cardamom, ~120,000) with room to spare. */
export const MIN_REFERENCE_PRICE_LAK = 10;
export const MAX_REFERENCE_PRICE_LAK = 1_000_000;
/** The board looks back at most a year; an older entry is most likely a typing mistake. */
export const MAX_ENTRY_AGE_DAYS = 366;

/** The day a price was observed: a real date, not in the future (Vientiane time), nor more than a year back. */
const observedOnField = (now: Date) =>
  laoDateField.superRefine((day, ctx) => {
    if (day.getTime() > now.getTime()) ctx.addIssue({ code: "custom", message: "priceboard:entry.errors.future" });
    else if (day.getTime() < addDays(now, -MAX_ENTRY_AGE_DAYS).getTime()) ctx.addIssue({ code: "custom", message: "priceboard:entry.errors.tooOld" });
  });

/** The reference-price form; the date rule depends on today, so the schema is made per request. */
export const referencePriceEntrySchema = (now: Date) =>
  z.object({
    cropId: idField,
    districtId: idField,
    market: requiredText(120),
    observedOn: observedOnField(now),
    priceLakPerKg: wholeNumberField(MIN_REFERENCE_PRICE_LAK, MAX_REFERENCE_PRICE_LAK),
  });
export type ReferencePriceEntry = z.output<ReturnType<typeof referencePriceEntrySchema>>;

export function parseReferencePriceEntry(formData: FormData, now: Date): FormResult<ReferencePriceEntry> {
  return parseForm(referencePriceEntrySchema(now), formData);
}

export type EnterReferencePriceResult =
  | { ok: true; referencePrice: { id: string; cropId: string; districtId: string } }
  | { ok: false; reason: "outsideScope" }
  | { ok: false; reason: "invalid"; fieldErrors: FieldErrors };

/** Records a facilitator's reference price for a district they work in, with its audit event, in one transaction. */
export async function enterReferencePrice(db: Db, actor: { id: string }, input: ReferencePriceEntry): Promise<EnterReferencePriceResult> {
  return db.$transaction(async (tx) => {
    const district = await tx.district.findFirst({ where: { id: input.districtId, ...facilitatedBy(actor.id) }, select: { id: true, provinceId: true } });
    if (!district) return { ok: false, reason: "outsideScope" } as const;
    const crop = await tx.crop.findFirst({ where: { id: input.cropId, active: true }, select: { id: true } });
    if (!crop) return { ok: false, reason: "invalid", fieldErrors: { cropId: "validation:invalidChoice" } } as const;
    const created = await tx.referencePrice.create({
      data: {
        cropId: crop.id,
        districtId: district.id,
        provinceId: district.provinceId,
        market: input.market,
        observedOn: input.observedOn,
        priceLakPerKg: input.priceLakPerKg,
        source: "facilitator_entry",
        enteredById: actor.id,
      },
      select: { id: true, cropId: true, districtId: true, provinceId: true, market: true, observedOn: true, priceLakPerKg: true, source: true },
    });
    await recordAudit(tx, { actorId: actor.id, action: "reference_price.entered", entityType: "ReferencePrice", entityId: created.id, after: created });
    return { ok: true, referencePrice: { id: created.id, cropId: created.cropId, districtId: district.id } } as const;
  });
}
