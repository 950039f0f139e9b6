// The listing form: what an FO leader types to offer a pooled volume for sale.
import { z } from "zod";
import { choice, idField, laoDateField, laoDeadlineField, optionalText, optionalWholeNumberField, parseWholeNumber } from "~/utils/fields";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors, type FormResult } from "~/utils/forms";
import { expectedMoistureField } from "./expected-moisture";
import { MAX_PLEDGE_KG, normalisePledges, type PledgeInput } from "./pledges";
import { MAX_AREA_M2, parseHectares } from "./production-site";
import { offerModes } from "./status";

export const MAX_PRICE_LAK_PER_KG = 10_000_000;

export const ListingSchema = z
  .object({
    cropId: idField,
    gradeId: idField,
    availableFrom: laoDateField,
    availableUntil: laoDateField,
    pickupVillageId: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((v) => v || undefined),
    deliveryPoint: optionalText(200),
    askingPriceLakPerKg: optionalWholeNumberField(1, MAX_PRICE_LAK_PER_KG),
    /** per mille; blank: the default for the crop and season */
    expectedMoisture: expectedMoistureField,
    offerMode: choice(offerModes),
    offerDeadline: laoDeadlineField,
    notes: optionalText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.availableUntil.getTime() < v.availableFrom.getTime())
      ctx.addIssue({ code: "custom", path: ["availableUntil"], message: "listings:errors.windowReversed" });
    if (!v.pickupVillageId && !v.deliveryPoint) ctx.addIssue({ code: "custom", path: ["pickupVillageId"], message: "listings:errors.placeRequired" });
  });

export type ListingInput = z.output<typeof ListingSchema> & { pledges: PledgeInput[] };

export const PLEDGE_PREFIX = "pledge.";
/** The production site beside each pledge: area.<memberId> in hectares, site.<memberId> a village id; both optional. */
export const AREA_PREFIX = "area.";
export const SITE_PREFIX = "site.";

/** Pledges come as one field per member, named pledge.<memberId>; blank means none. */
export function parsePledgeFields(raw: Record<string, string | string[]>): { pledges: PledgeInput[]; errors: FieldErrors } {
  const pledges: PledgeInput[] = [];
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!key.startsWith(PLEDGE_PREFIX) || typeof value !== "string" || !value.trim()) continue;
    const memberId = key.slice(PLEDGE_PREFIX.length);
    const kg = parseWholeNumber(value);
    if (kg === null) errors[key] = "validation:wholeNumber";
    else if (kg > MAX_PLEDGE_KG) errors[key] = "validation:tooHigh";
    else {
      const area = raw[`${AREA_PREFIX}${memberId}`];
      const site = raw[`${SITE_PREFIX}${memberId}`];
      const pledge: PledgeInput = { memberId, kg };
      if (typeof area === "string" && area.trim()) {
        const m2 = parseHectares(area);
        if (m2 === null) errors[`${AREA_PREFIX}${memberId}`] = "listings:errors.areaHectares";
        else if (m2 === 0) errors[`${AREA_PREFIX}${memberId}`] = "validation:tooLow";
        else if (m2 > MAX_AREA_M2) errors[`${AREA_PREFIX}${memberId}`] = "validation:tooHigh";
        else pledge.areaM2 = m2;
      }
      if (typeof site === "string" && site.trim()) pledge.siteVillageId = site.trim().slice(0, 64);
      pledges.push(pledge);
    }
  }
  const merged = normalisePledges(pledges);
  if (!Object.keys(errors).length && merged.length === 0) errors.pledges = "listings:errors.noPledges";
  return { pledges: merged, errors };
}

export function parseListingForm(formData: FormData): FormResult<ListingInput> {
  const raw = formDataToObject(formData);
  const parsed = ListingSchema.safeParse(raw);
  const { pledges, errors } = parsePledgeFields(raw);
  const fieldErrors = { ...(parsed.success ? {} : issuesToFieldErrors(parsed.error.issues)), ...errors };
  if (!parsed.success || Object.keys(fieldErrors).length) {
    return { ok: false, fieldErrors, values: redisplayValues(raw) };
  }
  return { ok: true, data: { ...parsed.data, pledges } };
}
