// Field schemas shared by every form. Error messages are translation keys in the
// "validation" namespace; the form shows them in the user's language.
import { z } from "zod";
import { endOfLaoDay, isoDayOf, startOfLaoDay } from "./dates";
import { parseWholeNumber } from "./numbers";

export const requiredText = (max = 200) =>
  z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(max, { error: "validation:tooLong" });

export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: "validation:tooLong" })
    .optional()
    .transform((v) => (v ? v : undefined));

/**
 * A Lao mobile number as people write it (020 5555 1234, +856 20 5555 1234,
 * 030 512 3456, 02055551234), stored as digits with the 856 country code. Only
 * mobiles (020 + 8 digits, 030 + 7 digits): the portal's messages go out by SMS
 * and a phone number signs a person in, which a landline can do neither of.
 */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s\-().+]/g, "");
  if (!/^\d+$/.test(digits)) return null;
  const national = digits.startsWith("856") ? digits.slice(3) : digits.startsWith("0") ? digits.slice(1) : digits;
  if (!/^(20\d{8}|30\d{7})$/.test(national)) return null;
  return `856${national}`;
}

export const phoneField = z
  .string()
  .trim()
  .transform((value, ctx) => {
    const phone = normalisePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "validation:phoneInvalid" });
      return z.NEVER;
    }
    return phone;
  });

export const optionalPhoneField = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return undefined;
    const phone = normalisePhone(value);
    if (!phone) {
      ctx.addIssue({ code: "custom", message: "validation:phoneInvalid" });
      return z.NEVER;
    }
    return phone;
  });

export const optionalEmailField = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(z.email({ error: "validation:emailInvalid" }).max(200, { error: "validation:tooLong" }).optional());

export const passwordField = z
  .string({ error: "validation:required" })
  .min(8, { error: "validation:passwordTooShort" })
  .max(200, { error: "validation:tooLong" });

export const choice = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, { error: "validation:invalidChoice" });

export const idField = z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(64);

export { parseWholeNumber };

export const wholeNumberField = (min: number, max: number, tooLow = "validation:tooLow", tooHigh = "validation:tooHigh") =>
  z
    .string({ error: "validation:required" })
    .trim()
    .min(1, { error: "validation:required" })
    .transform((value, ctx) => {
      const n = parseWholeNumber(value);
      if (n === null) {
        ctx.addIssue({ code: "custom", message: "validation:wholeNumber" });
        return z.NEVER;
      }
      if (n < min) ctx.addIssue({ code: "custom", message: tooLow, params: { min } });
      if (n > max) ctx.addIssue({ code: "custom", message: tooHigh, params: { max } });
      return n;
    });

export const optionalWholeNumberField = (min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v : undefined))
    .pipe(wholeNumberField(min, max).optional());

/** A percentage with at most one decimal ("14" or "14.5"), stored in per mille. */
export const percentAsPermilleField = (maxPercent = 100) =>
  z
    .string({ error: "validation:required" })
    .trim()
    .min(1, { error: "validation:required" })
    .transform((value, ctx) => {
      const m = /^(\d{1,3})(?:[.,](\d))?$/.exec(value.replace(/\s*%$/, ""));
      if (!m) {
        ctx.addIssue({ code: "custom", message: "validation:percent" });
        return z.NEVER;
      }
      const permille = Number(m[1]) * 10 + Number(m[2] ?? 0);
      if (permille > maxPercent * 10) ctx.addIssue({ code: "custom", message: "validation:tooHigh" });
      return permille;
    });

export const laoDateField = z
  .string({ error: "validation:required" })
  .trim()
  .min(1, { error: "validation:required" })
  .transform((value, ctx) => {
    const day = isoDayOf(value);
    const date = day ? startOfLaoDay(day) : null;
    if (!date) {
      ctx.addIssue({ code: "custom", message: "validation:date" });
      return z.NEVER;
    }
    return date;
  });

/** A deadline typed as a day runs to the end of that day in Vientiane. */
export const laoDeadlineField = z
  .string({ error: "validation:required" })
  .trim()
  .min(1, { error: "validation:required" })
  .transform((value, ctx) => {
    const day = isoDayOf(value);
    const date = day ? endOfLaoDay(day) : null;
    if (!date) {
      ctx.addIssue({ code: "custom", message: "validation:date" });
      return z.NEVER;
    }
    return date;
  });
