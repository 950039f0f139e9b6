// A token per form shown, so that a form sent twice (a double click, a reload
// that posts again, a request replayed) records once. The page makes one when
// it shows the form and puts it in a hidden field; the record keeps it, unique
// per contract (Delivery.formToken, Payment.formToken). A second submission
// with the same token finds the first record and is answered with the first's
// result; with the same token but different content (the page went back and
// was changed), it is refused, so that nothing typed is dropped silently.
import { randomBytes } from "node:crypto";
import { z } from "zod";

/** 128 random bits, URL-safe. */
export function newFormToken(): string {
  return randomBytes(16).toString("base64url");
}

export const FormTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, "deliveries:errors.formExpired");

/** The token a form was sent with; null when missing or not one the portal makes. */
export function formTokenOf(formData: FormData): string | null {
  const parsed = FormTokenSchema.safeParse(formData.get("formToken"));
  return parsed.success ? parsed.data : null;
}

/** Whether an error from the database is the unique constraint on the form token (another request recorded it first). */
export function isUniqueViolation(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  if (e.code === "P2002") return true;
  if (typeof e.message === "string" && /UNIQUE constraint failed/i.test(e.message)) return true;
  return e.cause !== undefined && e.cause !== error ? isUniqueViolation(e.cause) : false;
}
