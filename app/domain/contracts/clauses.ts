// A template's clauses and the placeholders in them. Clause text holds
// `{{name}}` placeholders, filled from ./placeholder-values (the one place
// they are defined). A clause naming any other placeholder (or holding a stray
// `{{` or `}}`) is an error, so a template can never print a blank or a raw
// `{{...}}` to a farmer.
import { z } from "zod";
import type { Locale } from "~/utils/i18n";

/** One clause of a template, as stored in ContractTemplate.clauses (a JSON array of these). */
export type ContractClause = { key: string; titleLo: string; titleEn: string; bodyLo: string; bodyEn: string };

const ContractClauseSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  titleLo: z.string().min(1),
  titleEn: z.string().min(1),
  bodyLo: z.string().min(1),
  bodyEn: z.string().min(1),
});

/** The clauses of a stored template (ContractTemplate.clauses); throws on malformed JSON. */
export function readClauses(json: string): ContractClause[] {
  return z.array(ContractClauseSchema).min(1).parse(JSON.parse(json));
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9]*)\s*\}\}/g;

/** The placeholder names a piece of clause text uses, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

function fill(text: string, values: Readonly<Record<string, string>>, where: string): string {
  const stray = text.replace(PLACEHOLDER, "");
  if (stray.includes("{{") || stray.includes("}}")) throw new Error(`Malformed placeholder in ${where}: ${JSON.stringify(text.slice(0, 80))}`);
  return text.replace(PLACEHOLDER, (_match, name: string) => {
    if (!Object.hasOwn(values, name)) throw new Error(`Unknown placeholder {{${name}}} in ${where}`);
    return values[name]!;
  });
}

/**
 * The clauses in one language, numbered in order: a heading line ("ມາດຕາ 1. …" /
 * "Clause 1. …") then the body, clauses separated by a blank line. Throws on a
 * placeholder that `values` does not define.
 */
export function renderClauses(clauses: readonly ContractClause[], values: Readonly<Record<string, string>>, locale: Locale): string {
  return clauses
    .map((c, i) => {
      const title = fill(locale === "lo" ? c.titleLo : c.titleEn, values, `clause "${c.key}" (title${locale === "lo" ? "Lo" : "En"})`);
      const body = fill(locale === "lo" ? c.bodyLo : c.bodyEn, values, `clause "${c.key}" (body${locale === "lo" ? "Lo" : "En"})`);
      return `${locale === "lo" ? "ມາດຕາ" : "Clause"} ${i + 1}. ${title}\n${body}`;
    })
    .join("\n\n");
}
