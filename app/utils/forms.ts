// Parses a submitted form with its zod schema. On failure it returns one
// translation key per field (the first problem found) and the values to show
// again, so a form without JavaScript comes back filled in, with its errors.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;

export type FormFailure = { ok: false; fieldErrors: FieldErrors; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

const SECRET_FIELDS = /password/i;
/** "validation:required", "members:import.errors.empty": a key, not zod's own English ("Invalid input: expected …"). */
const TRANSLATION_KEY = /^[a-zA-Z][\w-]*:[\w.-]+$/;

/** Whether a schema's message is one of the portal's translation keys, safe to show through t(). */
export function isTranslationKey(message: string): boolean {
  return TRANSLATION_KEY.test(message);
}

export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = key.endsWith("[]") ? all : (all[0] ?? "");
  }
  return out;
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    if (errors[key]) continue;
    errors[key] = isTranslationKey(issue.message) ? issue.message : "validation:invalid";
  }
  return errors;
}

export function parseForm<S extends z.ZodType>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const raw = formDataToObject(formData);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, fieldErrors: issuesToFieldErrors(parsed.error.issues), values: redisplayValues(raw) };
}

export function redisplayValues(raw: Record<string, string | string[]>): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (SECRET_FIELDS.test(key) || Array.isArray(value)) continue;
    values[key] = value;
  }
  return values;
}

/** A failure built by a domain rule after parsing succeeded (a phone number already taken). */
export function formFailure(fieldErrors: FieldErrors, formData: FormData): FormFailure {
  return { ok: false, fieldErrors, values: redisplayValues(formDataToObject(formData)) };
}
