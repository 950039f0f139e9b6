// Reading numbers as people type them; no zod here, so pages can use it in the browser.

/** Whole numbers as people type them: "12,000", "12 000" and "12.000" are all 12000. */
export function parseWholeNumber(input: string): number | null {
  const cleaned = input.trim().replace(/[\s,._']/g, "");
  if (!/^\d{1,15}$/.test(cleaned)) return null;
  const n = Number(cleaned);
  return Number.isSafeInteger(n) ? n : null;
}
