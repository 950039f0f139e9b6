// The contract's words for quality: the moisture deduction table, grade
// prices and the foreign-matter schedule, in the clauses and in the summary.
import { moistureDeductionKg, sortedDeductionTable } from "~/domain/offers/moisture-deduction";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatKg, formatMoney } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { contentClauseText } from "./content-text";
import { snapshotCurrency, type ContractSnapshot, type SnapshotBand } from "./snapshot";
import { percent, points } from "./render-text";

// ---------------------------------------------------------------------------
// The moisture deduction table, read the way ~/domain/offers/moisture-deduction
// applies it: starting at the contract's moisture basis, each point pays the
// rate of the band it lies in (a point below or between bands pays the rate of
// the next band up; above the table, the last band's rate).
// ---------------------------------------------------------------------------

type Segment = { from: number; to: number | null; rate: number; aboveTable: boolean };

function chargedSegments(basis: number, table: readonly SnapshotBand[]): Segment[] {
  const bands = sortedDeductionTable(table);
  const last = bands.at(-1);
  if (!last) return [];
  const all: { from: number; to: number; rate: number; aboveTable: boolean }[] = bands.map((b, i) => ({
    from: i === 0 ? -Infinity : bands[i - 1]!.toPermille,
    to: b.toPermille,
    rate: b.kgPerTonnePerPoint,
    aboveTable: false,
  }));
  all.push({ from: last.toPermille, to: Infinity, rate: last.kgPerTonnePerPoint, aboveTable: true });
  return all
    .filter((s) => s.to > basis)
    .map((s) => ({ from: Math.max(s.from, basis), to: Number.isFinite(s.to) ? s.to : null, rate: s.rate, aboveTable: s.aboveTable }));
}

// ---------------------------------------------------------------------------
// Foreign matter and grade prices. Contracts written before these were priced
// carry neither field: their text, summary and hash are exactly as before.
// ---------------------------------------------------------------------------

function foreignMatterText(s: ContractSnapshot, locale: Locale): string | null {
  const basis = s.terms.foreignMatterBasisPermille;
  const table = s.terms.foreignMatterTable;
  if (basis === undefined || table === undefined) return null;
  const segments = chargedSegments(basis, table);
  const lo = locale === "lo";
  if (segments.length === 0) {
    return lo ? "ສິ່ງເຈືອປົນ (ດິນ, ຫີນ, ເປືອກ, ລຳຕົ້ນ ແລະ ອື່ນໆ): ບໍ່ມີການຫັກ." : "Foreign matter (soil, stones, husks, stems and the like): nothing is deducted.";
  }
  const tonne = formatKg(1000, locale);
  const lines = [
    lo
      ? `ສິ່ງເຈືອປົນ (ດິນ, ຫີນ, ເປືອກ, ລຳຕົ້ນ ແລະ ອື່ນໆ, ເປັນເປີເຊັນຂອງນ້ຳໜັກທີ່ຊັ່ງ): ບໍ່ເກີນ ${percent(basis, locale)} ບໍ່ຫັກ. ສຳລັບທຸກໆ 1 ຈຸດເປີເຊັນ ທີ່ເກີນ (ສ່ວນຂອງຈຸດ ຄິດຕາມສ່ວນ), ພໍ່ຄ້າຫັກອອກຈາກທຸກໆ ${tonne}:`
      : `Foreign matter (soil, stones, husks, stems and the like, as a percentage of the weight weighed): up to ${percent(basis, locale)} is not deducted. For each percentage point above it (part of a point counts in proportion), the trader deducts from every ${tonne}:`,
  ];
  for (const g of segments) {
    const range =
      g.to === null
        ? lo
          ? `ເກີນ ${percent(g.from, locale)}`
          : `above ${percent(g.from, locale)}`
        : lo
          ? `ເກີນ ${percent(g.from, locale)} ຫາ ${percent(g.to, locale)}`
          : `above ${percent(g.from, locale)} up to ${percent(g.to, locale)}`;
    lines.push(`  - ${range}: ${formatKg(g.rate, locale)}`);
  }
  lines.push(
    lo
      ? "ນີ້ແມ່ນການຫັກດຽວ ສຳລັບດິນ ແລະ ສິ່ງເຈືອປົນ; ຄ່າທີ່ວັດໄດ້ ຂຽນໃສ່ໃບກວດຄຸນນະພາບ (ມາດຕາ 4)."
      : "This is the only deduction for dirt and foreign matter; the measured figure is written on the grade sheet (clause 4).",
  );
  return lines.join("\n");
}

function gradeStep(lakPerKg: number, locale: Locale, currency: ContractCurrency): string {
  const amount = formatMoney(Math.abs(lakPerKg), currency, locale);
  if (lakPerKg === 0) return locale === "lo" ? "ລາຄາສັນຍາ" : "the contract price";
  if (lakPerKg > 0) return locale === "lo" ? `ລາຄາສັນຍາ ບວກ ${amount} ຕໍ່ ກິໂລ` : `the contract price plus ${amount} per kg`;
  return locale === "lo" ? `ລາຄາສັນຍາ ລົບ ${amount} ຕໍ່ ກິໂລ` : `the contract price less ${amount} per kg`;
}

/** Grades are named by their code in the snapshot; the contracted grade by its name. */
function gradeLabel(s: ContractSnapshot, code: string, locale: Locale): string {
  if (code === s.grade.code) return s.grade.name[locale];
  const n = /^G(\d+)$/.exec(code);
  return n ? (locale === "lo" ? `ຊັ້ນ ${n[1]}` : `Grade ${n[1]}`) : code;
}

function gradePricesText(s: ContractSnapshot, locale: Locale): string | null {
  const adjustments = s.terms.gradeAdjustments;
  if (adjustments === undefined) return null;
  const lo = locale === "lo";
  if (adjustments.every((a) => a.lakPerKg === 0)) {
    return lo ? "ຊັ້ນຄຸນນະພາບ: ທຸກຊັ້ນ ທີ່ພໍ່ຄ້າຮັບ ໄດ້ລາຄາສັນຍາ." : "Grades: every grade the trader accepts is paid the contract price.";
  }
  const lines = [
    lo
      ? "ລາຄາຕາມຊັ້ນຄຸນນະພາບ: ຜົນຜະລິດແຕ່ລະຄັ້ງ ໄດ້ລາຄາຕາມຊັ້ນ ທີ່ຂຽນໃນໃບກວດຄຸນນະພາບ, ຕໍ່ ກິໂລ ນ້ຳໜັກສຸດທິ:"
      : "Price by grade: each lot is paid by the grade written on its grade sheet, per net kg:",
  ];
  for (const a of adjustments) lines.push(`  - ${gradeLabel(s, a.gradeCode, locale)}: ${gradeStep(a.lakPerKg, locale, snapshotCurrency(s))}`);
  lines.push(
    lo
      ? "ຜົນຜະລິດຂອງຊັ້ນທີ່ຢູ່ໃນລາຍການນີ້ ຖືກຮັບຊື້ ໃນລາຄານີ້, ບໍ່ຖືກປະຕິເສດຍ້ອນຊັ້ນຂອງມັນ. ຊັ້ນທີ່ບໍ່ຢູ່ໃນລາຍການ ໄດ້ລາຄາສັນຍາ."
      : "A lot of a grade listed here is bought at this price and is not refused for its grade. A grade not listed is paid the contract price.",
  );
  return lines.join("\n");
}

/** The moisture table, then (in contracts that carry them) the foreign-matter schedule and the grade prices. */
export function deductionTableText(s: ContractSnapshot, locale: Locale): string {
  return [moistureTableText(s, locale), foreignMatterText(s, locale), gradePricesText(s, locale), contentClauseText(s, locale)]
    .filter((x): x is string => x !== null)
    .join("\n");
}

function moistureTableText(s: ContractSnapshot, locale: Locale): string {
  const basis = s.terms.moistureBasisPermille;
  const segments = chargedSegments(basis, s.terms.deductionTable);
  if (segments.length === 0) {
    return locale === "lo"
      ? "ພືດນີ້ບໍ່ໄດ້ຊື້ຕາມຄວາມຊຸ່ມ: ບໍ່ມີການຫັກຄວາມຊຸ່ມ. ຄຸນນະພາບກວດຕາມຂໍ້ກຳນົດຂອງຊັ້ນຄຸນນະພາບເທົ່ານັ້ນ."
      : "This crop is not bought on moisture: there is no moisture deduction. Quality is judged on the grade specification only.";
  }
  const tonne = formatKg(1000, locale);
  const lines: string[] = [];
  if (locale === "lo") {
    lines.push(`ພື້ນຖານຄວາມຊຸ່ມ: ${percent(basis, locale)}. ສຳລັບທຸກໆ 1 ຈຸດເປີເຊັນ ຂອງຄວາມຊຸ່ມທີ່ເກີນພື້ນຖານ (ສ່ວນຂອງຈຸດ ຄິດຕາມສ່ວນ), ພໍ່ຄ້າຫັກອອກຈາກທຸກໆ ${tonne}:`);
    for (const g of segments) {
      const range = g.to === null ? `ເກີນ ${percent(g.from, locale)}` : `ເກີນ ${percent(g.from, locale)} ຫາ ${percent(g.to, locale)}`;
      lines.push(`  - ${range}: ${formatKg(g.rate, locale)}${g.aboveTable ? "; ພໍ່ຄ້າອາດບໍ່ຮັບຊື້ຜົນຜະລິດທີ່ຊຸ່ມປານນີ້" : ""}`);
    }
  } else {
    lines.push(
      `Moisture basis: ${percent(basis, locale)}. For each percentage point of moisture above the basis (part of a point counts in proportion), the trader deducts from every ${tonne}:`,
    );
    for (const g of segments) {
      const range = g.to === null ? `above ${percent(g.from, locale)}` : `above ${percent(g.from, locale)} up to ${percent(g.to, locale)}`;
      lines.push(`  - ${range}: ${formatKg(g.rate, locale)}${g.aboveTable ? "; the trader may refuse a lot this wet" : ""}`);
    }
  }
  // A worked example on 1,000 kg, computed by the same rule the deliveries use.
  const last = sortedDeductionTable(s.terms.deductionTable).at(-1)!;
  const measured = Math.min(basis + 60, Math.max(last.toPermille, basis + 10));
  const example = moistureDeductionKg({ grossKg: 1000, measuredPermille: measured, basisPermille: basis, bands: s.terms.deductionTable });
  const steps = example.lines.map((l) => `${points(l.pointsTenths, locale)} × ${formatKg(l.kgPerTonnePerPoint, locale)}`).join(" + ");
  lines.push(
    locale === "lo"
      ? `ຕົວຢ່າງ: ${tonne} ທີ່ຄວາມຊຸ່ມ ${percent(measured, locale)}: ${steps} = ຫັກ ${formatKg(example.deductedKg, locale)}, ຈ່າຍເງິນໃຫ້ ${formatKg(example.netKg, locale)}.`
      : `Example: ${tonne} at ${percent(measured, locale)} moisture: ${steps} = ${formatKg(example.deductedKg, locale)} deducted, ${formatKg(example.netKg, locale)} paid.`,
  );
  const standard = s.crop.standardMoisturePermille;
  if (standard > 0 && standard !== basis) {
    lines.push(
      locale === "lo"
        ? `(ຄວາມຊຸ່ມມາດຕະຖານຂອງພືດນີ້ແມ່ນ ${percent(standard, locale)}; ສັນຍານີ້ໃຊ້ພື້ນຖານ ${percent(basis, locale)}.)`
        : `(The standard moisture of this crop is ${percent(standard, locale)}; this contract uses a basis of ${percent(basis, locale)}.)`,
    );
  }
  return lines.join("\n");
}

/** The deduction rule in one sentence, for the summary. */
export function deductionSummary(s: ContractSnapshot, locale: Locale): string {
  const basis = s.terms.moistureBasisPermille;
  const segments = chargedSegments(basis, s.terms.deductionTable);
  if (segments.length === 0) {
    if (s.terms.foreignMatterTable !== undefined && s.terms.foreignMatterTable.length > 0) {
      return locale === "lo"
        ? "ຄວາມຊຸ່ມ: ພືດນີ້ບໍ່ມີການຫັກຄວາມຊຸ່ມ; ຫັກແຕ່ນ້ຳໜັກກະສອບເປົ່າ ແລະ ສິ່ງເຈືອປົນ, ບໍ່ມີການຫັກອື່ນ."
        : "Moisture: there is no moisture deduction for this crop; only the weight of the empty bags and foreign matter are deducted, nothing else.";
    }
    return locale === "lo"
      ? "ຄວາມຊຸ່ມ: ພືດນີ້ບໍ່ມີການຫັກຄວາມຊຸ່ມ; ຫັກແຕ່ນ້ຳໜັກກະສອບເປົ່າ, ບໍ່ມີການຫັກອື່ນ."
      : "Moisture: there is no moisture deduction for this crop; only the weight of the empty bags is deducted, nothing else.";
  }
  // The open segment above the table pays the last band's rate: fold it into that band.
  const shown = segments.length > 1 && segments.at(-1)!.aboveTable ? segments.slice(0, -1) : segments;
  const parts = shown.map((g, i) => {
    const open = i === shown.length - 1;
    if (locale === "lo") {
      const rate = `${formatKg(g.rate, locale)} ຕໍ່ ຈຸດ`;
      if (shown.length === 1) return rate;
      return open ? `${rate} ເກີນ ${percent(g.from, locale)}` : `${rate} ຮອດ ${percent(g.to!, locale)}`;
    }
    const rate = `${formatKg(g.rate, locale)} per point`;
    if (shown.length === 1) return rate;
    return open ? `${rate} above ${percent(g.from, locale)}` : `${rate} up to ${percent(g.to!, locale)}`;
  });
  const tonne = formatKg(1000, locale);
  // A contract with a foreign-matter schedule deducts that too (the quality line says how).
  const withForeignMatter = s.terms.foreignMatterTable !== undefined && s.terms.foreignMatterTable.length > 0;
  const nothingElse =
    locale === "lo"
      ? withForeignMatter
        ? "ບໍ່ມີການຫັກອື່ນ ນອກຈາກນ້ຳໜັກກະສອບເປົ່າ ແລະ ສິ່ງເຈືອປົນ."
        : "ບໍ່ມີການຫັກອື່ນ ນອກຈາກນ້ຳໜັກກະສອບເປົ່າ."
      : withForeignMatter
        ? "Nothing else is deducted except the weight of the empty bags and foreign matter."
        : "Nothing else is deducted except the weight of the empty bags.";
  return locale === "lo"
    ? `ຄວາມຊຸ່ມ: ລາຄານີ້ສຳລັບຄວາມຊຸ່ມ ${percent(basis, locale)}; ຖ້າຄວາມຊຸ່ມເກີນ ${percent(basis, locale)}, ຫັກຈາກທຸກໆ ${tonne}: ${parts.join(", ")}. ${nothingElse}`
    : `Moisture: the price is for ${percent(basis, locale)} moisture; moisture above ${percent(basis, locale)} is deducted from every ${tonne} at ${parts.join(", ")}. ${nothingElse}`;
}

/** Foreign matter and grade prices in one sentence, for contracts that carry them. */
export function qualitySummary(s: ContractSnapshot, locale: Locale): string | null {
  const lo = locale === "lo";
  const parts: string[] = [];
  const basis = s.terms.foreignMatterBasisPermille;
  const table = s.terms.foreignMatterTable;
  if (basis !== undefined && table !== undefined) {
    const segments = chargedSegments(basis, table);
    if (segments.length === 0) parts.push(lo ? "ບໍ່ຫັກສິ່ງເຈືອປົນ" : "no deduction for foreign matter");
    else {
      const first = segments[0]!;
      parts.push(
        lo
          ? `ສິ່ງເຈືອປົນ ບໍ່ເກີນ ${percent(basis, locale)} ບໍ່ຫັກ; ເກີນນັ້ນ ຫັກ ${formatKg(first.rate, locale)} ຕໍ່ ໂຕນ ຕໍ່ ຈຸດ${segments.length > 1 ? " ຫຼື ຫຼາຍກວ່າ (ມາດຕາ 6)" : ""}`
          : `foreign matter up to ${percent(basis, locale)} is free; above it ${formatKg(first.rate, locale)} per tonne per point is deducted${segments.length > 1 ? " or more (clause 6)" : ""}`,
      );
    }
  }
  const adjustments = s.terms.gradeAdjustments;
  if (adjustments !== undefined) {
    const priced = adjustments.filter((a) => a.lakPerKg !== 0);
    if (priced.length === 0) parts.push(lo ? "ທຸກຊັ້ນຄຸນນະພາບ ໄດ້ລາຄາສັນຍາ" : "every grade is paid the contract price");
    else parts.push(priced.map((a) => `${gradeLabel(s, a.gradeCode, locale)}: ${gradeStep(a.lakPerKg, locale, snapshotCurrency(s))}`).join(", "));
  }
  if (parts.length === 0) return null;
  return lo ? `ຄຸນນະພາບ: ${parts.join("; ")}.` : `Quality: ${parts.join("; ")}.`;
}
