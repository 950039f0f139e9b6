// Reading numbers as people type them; no zod here, so pages can use it in the browser.

/**
 * Whole numbers as people type them: "12000", "12,000", "12 000" and "12.000"
 * (Lao groups thousands with ".") are all 12000. A separator must be followed
 * by exactly three digits, so "3200.5" is refused rather than read as 32005.
 */
export function parseWholeNumber(input: string): number | null {
  const trimmed = input.trim();
  if (!/^\d{1,15}$/.test(trimmed) && !/^\d{1,3}(?:[ ,._'\u00a0]\d{3})+$/.test(trimmed)) return null;
  const n = Number(trimmed.replace(/[ ,._'\u00a0]/g, ""));
  return Number.isSafeInteger(n) ? n : null;
}
