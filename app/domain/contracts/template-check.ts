// Before a template version is published it is checked, the way the
// UNIDROIT/FAO/IFAD Legal Guide on Contract Farming and FAO's guidance read a
// contract: every clause they list is there in Lao and in English, every
// placeholder resolves to a figure, and the plain-language summary read to
// the members states the price, the quantity, the payment and the deductions.
// The check renders the version against a sample contract (./sample-contract),
// so it judges what a contract would say, not only what the template holds.
// Pure.
import { formatKg, formatLak } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { placeholderValues } from "./placeholder-values";
import { renderClauses, type ContractClause } from "./clauses";
import { renderSummary } from "./summary";
import { sampleSnapshot, SAMPLE_TERMS, type SampleTemplate } from "./sample-contract";
import { clauseKeysV2 } from "./templates/common";

/**
 * The clauses the Legal Guide asks every contract to have, as the templates key
 * them: since version 2 of the templates, confidentiality of the parties' data
 * and a member's grievance path too, so a version without them is refused.
 */
export const guideClauseKeys = clauseKeysV2;

export type CheckItem =
  | { kind: "legalBasis"; ok: boolean; missing: Locale[] }
  | { kind: "clause"; key: string; ok: boolean; missing: ("titleLo" | "titleEn" | "bodyLo" | "bodyEn")[] }
  | { kind: "placeholders"; locale: Locale; ok: boolean; problem: string | null }
  | { kind: "summary"; what: "price" | "quantity" | "payment" | "deductions"; locale: Locale; ok: boolean };

export interface TemplateCheck {
  passed: boolean;
  items: CheckItem[];
}

const locales: Locale[] = ["lo", "en"];

/** Whether a summary of the sample contract names each figure it must, in the sample's own formatting. */
export function summaryItems(summary: string, template: SampleTemplate, locale: Locale): CheckItem[] {
  const price =
    template.priceMechanism === "floor_premium" || template.priceMechanism === "export_parity_floor"
      ? SAMPLE_TERMS.floorPriceLakPerKg
      : SAMPLE_TERMS.priceLakPerKg;
  const values = placeholderValues(sampleSnapshot(template), locale);
  const has = (text: string) => text !== "" && summary.includes(text);
  return [
    { kind: "summary", what: "price", locale, ok: has(formatLak(BigInt(price), locale)) },
    { kind: "summary", what: "quantity", locale, ok: has(formatKg(SAMPLE_TERMS.quantityKg, locale)) },
    { kind: "summary", what: "payment", locale, ok: has(values.paymentDays) },
    { kind: "summary", what: "deductions", locale, ok: has(locale === "lo" ? "ຫັກ" : "deduct") },
  ];
}

export function checkTemplate(
  template: SampleTemplate & { clauses: readonly ContractClause[]; legalBasisLo: string | null; legalBasisEn: string | null },
): TemplateCheck {
  const items: CheckItem[] = [];
  // Decree No. 56/Gov: a contract names the law it is made under.
  const basisMissing = locales.filter((l) => !(l === "lo" ? template.legalBasisLo : template.legalBasisEn)?.trim());
  items.push({ kind: "legalBasis", ok: basisMissing.length === 0, missing: basisMissing });
  for (const key of guideClauseKeys) {
    const clause = template.clauses.find((c) => c.key === key);
    const missing = (["titleLo", "titleEn", "bodyLo", "bodyEn"] as const).filter((field) => !clause || !clause[field].trim());
    items.push({ kind: "clause", key, ok: missing.length === 0, missing });
  }
  const sample = sampleSnapshot(template);
  for (const locale of locales) {
    let problem: string | null = null;
    try {
      const text = renderClauses(template.clauses, placeholderValues(sample, locale), locale);
      if (/\{\{|\}\}/.test(text)) problem = "{{ }}";
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    items.push({ kind: "placeholders", locale, ok: problem === null, problem });
  }
  for (const locale of locales) items.push(...summaryItems(renderSummary(sample, locale), template, locale));
  return { passed: items.every((i) => i.ok), items };
}
