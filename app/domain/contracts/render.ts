// Contract rendering: turns a contract's frozen snapshot and its template's
// bilingual clauses (./clauses, ./placeholder-values) into the Lao and English
// texts both parties read and sign, the plain-language summary (./summary),
// and the SHA-256 printed on every copy (./contract-hash). Pure and
// deterministic: no clock, no database; every date comes from the snapshot.
import type { Locale } from "~/utils/i18n";
import { membersAnnex } from "./guide-terms";
import { type ContractSnapshot } from "./snapshot";
import { type ContractClause, renderClauses } from "./clauses";
import { contractDate, tidy } from "./render-text";
import { placeholderValues } from "./placeholder-values";
import { renderSummary } from "./summary";
import { contractHash } from "./contract-hash";

// ---------------------------------------------------------------------------
// The whole contract
// ---------------------------------------------------------------------------

interface RenderedContract {
  textLo: string;
  textEn: string;
  summaryLo: string;
  summaryEn: string;
  /** contractHash(textLo, textEn) */
  sha256: string;
}

function heading(s: ContractSnapshot, locale: Locale): string {
  const lines = [
    s.template.name[locale],
    locale === "lo" ? `ສັນຍາເລກທີ ${s.number}, ວັນທີ ${contractDate(s, s.date, locale)}` : `Contract ${s.number}, ${contractDate(s, s.date, locale)}`,
    // Written since 2: the template by its name (the first line) and version; its code is the portal's, not the parties'.
    s.writing === 2
      ? locale === "lo"
        ? `ແບບສັນຍາ ສະບັບທີ ${s.template.version}`
        : `Template version ${s.template.version}`
      : locale === "lo"
        ? `ແບບສັນຍາ ${s.template.code}, ສະບັບທີ ${s.template.version}`
        : `Template ${s.template.code}, version ${s.template.version}`,
  ];
  if (s.amends !== null) lines.push(locale === "lo" ? `ສັນຍາສະບັບປັບປຸງ ຂອງສັນຍາເລກທີ ${s.amends}` : `Amendment of contract ${s.amends}`);
  if (s.callOff)
    lines.push(
      locale === "lo"
        ? `ການສັ່ງຊື້ຂອງລະດູ ${s.callOff.season}, ຕາມສັນຍາກອບເລກທີ ${s.callOff.framework}`
        : `Call-off for the ${s.callOff.season} season under framework contract ${s.callOff.framework}`,
    );
  // Only where the template version names one: older contracts render, and hash, as they did.
  if (s.template.legalBasis) lines.push(locale === "lo" ? `ພື້ນຖານທາງກົດໝາຍ: ${s.template.legalBasis.lo}` : `Legal basis: ${s.template.legalBasis.en}`);
  return lines.join("\n");
}

/** The annex after the clauses, where the snapshot has one (./guide-terms); nothing in contracts written before. */
function annex(snapshot: ContractSnapshot, locale: Locale): string {
  const text = membersAnnex(snapshot, locale);
  return text === null ? "" : `\n${text}\n`;
}

export function renderContract(snapshot: ContractSnapshot, clauses: readonly ContractClause[]): RenderedContract {
  const textLo = tidy(`${heading(snapshot, "lo")}\n\n${renderClauses(clauses, placeholderValues(snapshot, "lo"), "lo")}\n${annex(snapshot, "lo")}`);
  const textEn = tidy(`${heading(snapshot, "en")}\n\n${renderClauses(clauses, placeholderValues(snapshot, "en"), "en")}\n${annex(snapshot, "en")}`);
  return {
    textLo,
    textEn,
    summaryLo: renderSummary(snapshot, "lo"),
    summaryEn: renderSummary(snapshot, "en"),
    sha256: contractHash(textLo, textEn),
  };
}
