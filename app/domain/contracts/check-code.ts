// The check code printed beside a contract's number (on the A4 print and in its
// QR code's address). Contract numbers run in sequence (SSJ-2026-0001, -0002…),
// so anyone could list them all; the public check page therefore shows a
// contract's parties, date and fingerprints only to someone who also holds its
// code, that is someone who has the paper. The number alone says only that such
// a contract exists.
//
// THE CODE: 8 characters of Crockford's base 32 (digits and capital letters
// without I, L, O and U), 40 random bits, drawn when the contract is written and
// stored on it (Contract.checkCode), never derived from a secret: a paper stays
// checkable whatever keys the server later changes. Printed in two groups of
// four ("K7QX M3PD"). As typed from paper any case, spaces and hyphens are
// accepted, and O is read as 0, I and L as 1.
import { randomInt, timingSafeEqual } from "node:crypto";

export const CHECK_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CHECK_CODE_LENGTH = 8;

/** A new random code (see the header). */
export function newCheckCode(): string {
  let code = "";
  for (let i = 0; i < CHECK_CODE_LENGTH; i++) code += CHECK_CODE_ALPHABET[randomInt(CHECK_CODE_ALPHABET.length)];
  return code;
}

/** A code as someone may type it from paper, in its stored form; null when it cannot be one. */
export function normaliseCheckCode(raw: string | null | undefined): string | null {
  if (typeof raw !== "string" || raw.length > 40) return null;
  const code = raw
    .replace(/[\s\u200b-]+/g, "")
    .toUpperCase()
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (code.length !== CHECK_CODE_LENGTH) return null;
  for (const c of code) if (!CHECK_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** For print: two groups of four. */
export function formatCheckCode(code: string): string {
  return `${code.slice(0, 4)} ${code.slice(4)}`;
}

/**
 * Whether the typed code is the contract's, compared in constant time. A
 * contract without a code (none should be left: see the migration) matches
 * nothing.
 */
export function checkCodeMatches(stored: string | null | undefined, typed: string | null | undefined): boolean {
  const a = normaliseCheckCode(stored);
  const b = normaliseCheckCode(typed);
  if (!a || !b) return false;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
