// One-time password reset codes: 10 characters of Crockford's base 32 (50 bits
// from the system's random source), shown once to the person who made them and
// kept only as a keyed hash. The key is the session secret, so a copy of the
// database alone is not enough to try codes offline.
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "~/utils/env.server";

export const RESET_CODE_LENGTH = 10;
export const RESET_CODE_HOURS = 24;
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new code, as stored and compared (no separator). */
export function newResetCode(): string {
  // 256 is a multiple of 32, so every character is equally likely.
  return [...randomBytes(RESET_CODE_LENGTH)].map((b) => ALPHABET[b & 31]).join("");
}

/** The code as people read it out: two groups of five. */
export function displayResetCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The code as typed, in its stored form: case, spaces and hyphens do not
 * matter, and the letters Crockford's alphabet leaves out for looking like
 * digits (I, L, O) are read as those digits. Null when it cannot be a code.
 */
export function normaliseResetCode(input: string): string | null {
  const text = input.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (text.length !== RESET_CODE_LENGTH) return null;
  for (const c of text) if (!ALPHABET.includes(c)) return null;
  return text;
}

/** The stored hash of a code for one user: a code made for one account does nothing for another. */
export function hashResetCode(userId: string, code: string): string {
  return createHmac("sha256", env().SESSION_SECRET).update(`password-reset:${userId}:${code}`).digest("hex");
}

export function resetCodeMatches(userId: string, code: string, storedHash: string): boolean {
  const a = Buffer.from(hashResetCode(userId, code), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
