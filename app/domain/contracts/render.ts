// Contract rendering: turns a contract's frozen snapshot and its template's
// bilingual clauses into the Lao and English texts both parties read and sign,
// the plain-language summary printed (large) at the top and read aloud in the
// FO's meeting, and the SHA-256 printed on every copy so anyone can check it on
// the portal. Pure and deterministic: no clock, no database; every date comes
// from the snapshot and is shown in Vientiane time, every number through
// ~/utils/format so it looks the same as on every other page.
//
// PLACEHOLDERS. Clause text holds `{{name}}` placeholders. `placeholderValues`
// is the one place they are defined; `placeholderNames` lists them. A clause
// naming any other placeholder (or holding a stray `{{` or `}}`) is an error,
// so a template can never print a blank or a raw `{{...}}` to a farmer.
//
// THE HASH. `contractHash` is the SHA-256 (hex, lower case) of the UTF-8 bytes of
//
//   "SSJ-CONTRACT-1\n" + "lo " + B(textLo) + "\n" + textLo + "\n" + "en " + B(textEn) + "\n" + textEn + "\n"
//
// where B(x) is the length of x in UTF-8 bytes, written in decimal ASCII. The
// texts are hashed exactly as stored (no trimming, no Unicode normalisation, so
// the /verify page recomputes it from the stored texts alone); the length
// prefixes make the join unambiguous whatever the texts contain. The renderer
// itself produces NFC text with "\n" line ends and no trailing spaces.
import { createHash } from "node:crypto";
import { z } from "zod";
import { moistureDeductionKg, sortedDeductionTable } from "~/domain/offers/moisture-deduction";
import { divideRoundHalfUp } from "~/domain/prices/rounding";
import { addDays, toLaoDateInput } from "~/utils/dates";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatDate as formatDateNumeric, formatDateInWords, formatKg, formatMoney, formatNumber, formatPermilleAsPercent, formatPhone } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { contentClauseText } from "./content-text";
import { memberTermsSummary, membersAnnex, membersCoveredText, productionSiteText, signatoriesText } from "./guide-terms";
import { snapshotCurrency, type ContractSnapshot, type SnapshotBand, type SnapshotExportParity } from "./snapshot";

/** One clause of a template, as stored in ContractTemplate.clauses (a JSON array of these). */
export type ContractClause = { key: string; titleLo: string; titleEn: string; bodyLo: string; bodyEn: string };

export const ContractClauseSchema = z.object({
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

export const placeholderNames = [
  "contractNumber",
  "contractDate",
  "templateName",
  "amends",
  "foName",
  "foType",
  "foVillage",
  "foDistrict",
  "foProvince",
  "foLeaders",
  "traderName",
  "traderLicence",
  "traderProvince",
  "traderStaff",
  "cropName",
  "gradeName",
  "gradeSpec",
  "quantity",
  "quantityMin",
  "quantityMax",
  "tolerance",
  "price",
  "floorPrice",
  "priceRule",
  "referencePriceRule",
  "exportParityRule",
  "moistureBasis",
  "standardMoisture",
  "deductionTable",
  "deliveryDate",
  "deliveryPlace",
  "transport",
  "bags",
  "advance",
  "paymentAmount",
  "paymentDays",
  "paymentDeadline",
  "latePenalty",
  "inputDescription",
  "inputValue",
  "inputInterest",
  "inputExample",
  "inputMaxDeduction",
  "value",
  "witness",
  // Since template version 2 (./guide-terms).
  "signatories",
  "membersCovered",
  "productionSite",
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

const DAY_MS = 86_400_000;
const orgTypes: Record<string, { lo: string; en: string }> = {
  producer_group: { lo: "ກຸ່ມຜູ້ຜະລິດ", en: "producer group" },
  cooperative: { lo: "ສະຫະກອນ", en: "cooperative" },
  association: { lo: "ສະມາຄົມ", en: "association" },
};

/** An amount in the contract's currency (whole kip, or hundredths of baht or yuan). */
function lak(value: string | number | bigint, locale: Locale, currency: ContractCurrency): string {
  return formatMoney(typeof value === "string" ? toBigInt(value) : value, currency, locale);
}

function toBigInt(decimal: string): bigint {
  if (!/^\d+$/.test(decimal)) throw new RangeError(`Not a whole LAK amount: "${decimal}"`);
  return BigInt(decimal);
}

function perKg(price: number, locale: Locale, currency: ContractCurrency): string {
  return locale === "lo" ? `${formatMoney(price, currency, locale)} ຕໍ່ ກິໂລ` : `${formatMoney(price, currency, locale)} per kg`;
}

const percent = formatPermilleAsPercent;
/** Tenths of a point as a one-decimal number ("4.0"), in the same style as the percentages. */
function points(tenths: number, locale: Locale): string {
  return percent(tenths, locale).replace(/\s*%$/, "");
}

function people(list: { name: string; phone: string | null }[], locale: Locale, none: { lo: string; en: string }, writing?: 2): string {
  if (list.length === 0) return none[locale];
  const phone = (stored: string) => (writing === 2 ? formatPhone(stored) : stored);
  return list.map((p) => (p.phone ? `${p.name} (${phone(p.phone)})` : p.name)).join(", ");
}

/** A date as the contract's own writing states it (see ContractSnapshot.writing). */
function contractDate(s: ContractSnapshot, date: Date | string, locale: Locale): string {
  return s.writing === 2 ? formatDateNumeric(date, locale) : formatDateInWords(date, locale);
}

/** Whole Vientiane calendar days from one instant's day to another's (0 when the second is not later). */
function calendarDays(from: string, to: string): number {
  const days = (Date.parse(toLaoDateInput(to)) - Date.parse(toLaoDateInput(from))) / DAY_MS;
  return Math.max(0, days);
}

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
function deductionTableText(s: ContractSnapshot, locale: Locale): string {
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
function deductionSummary(s: ContractSnapshot, locale: Locale): string {
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
function qualitySummary(s: ContractSnapshot, locale: Locale): string | null {
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

// ---------------------------------------------------------------------------
// Input credit (input-supply contracts)
// ---------------------------------------------------------------------------

/** The most that can be deducted for inputs: value plus simple interest from the contract date to the delivery date. */
function inputCredit(s: ContractSnapshot): { value: bigint; days: number; interest: bigint; total: bigint; permille: number } | null {
  if (s.terms.inputValueLak === null) return null;
  const value = toBigInt(s.terms.inputValueLak);
  const permille = s.terms.inputInterestPermillePerMonth ?? 0;
  const days = calendarDays(s.date, s.terms.deliveryDate);
  const interest = divideRoundHalfUp(value * BigInt(permille) * BigInt(days), 30_000n);
  return { value, days, interest, total: value + interest, permille };
}

function inputExample(s: ContractSnapshot, locale: Locale): string {
  const c = inputCredit(s);
  if (!c) return locale === "lo" ? "ບໍ່ມີປັດໄຈການຜະລິດລ່ວງໜ້າ." : "No inputs are advanced.";
  const handover = contractDate(s, s.date, locale);
  const delivery = contractDate(s, s.terms.deliveryDate, locale);
  if (c.permille === 0) {
    return locale === "lo"
      ? `ບໍ່ມີດອກເບ້ຍ: ຫັກພຽງ ${lak(c.value, locale, snapshotCurrency(s))} ເທົ່ານັ້ນ.`
      : `No interest is charged: exactly ${lak(c.value, locale, snapshotCurrency(s))} is deducted.`;
  }
  return locale === "lo"
    ? `ຕົວຢ່າງ: ຖ້າມອບປັດໄຈການຜະລິດວັນທີ ${handover} ແລະ ສົ່ງຜົນຜະລິດວັນທີ ${delivery} (${formatNumber(c.days, locale)} ມື້), ດອກເບ້ຍແມ່ນ ${lak(c.value, locale, snapshotCurrency(s))} × ${percent(c.permille, locale)} × ${formatNumber(c.days, locale)} ÷ 30 = ${lak(c.interest, locale, snapshotCurrency(s))}, ແລະ ຫັກທັງໝົດ ${lak(c.total, locale, snapshotCurrency(s))}. ນີ້ແມ່ນຈຳນວນຫຼາຍທີ່ສຸດ ທີ່ຫັກໄດ້, ເພາະດອກເບ້ຍຢຸດໃນວັນສົ່ງຜົນຜະລິດຕາມສັນຍາ.`
    : `Example: if the inputs are handed over on ${handover} and the crop is delivered on ${delivery} (${formatNumber(c.days, locale)} days), the interest is ${lak(c.value, locale, snapshotCurrency(s))} × ${percent(c.permille, locale)} × ${formatNumber(c.days, locale)} ÷ 30 = ${lak(c.interest, locale, snapshotCurrency(s))}, and the total deducted is ${lak(c.total, locale, snapshotCurrency(s))}. This is the most that can be deducted, because interest stops on the contract's delivery date.`;
}

// ---------------------------------------------------------------------------
// Placeholder values
// ---------------------------------------------------------------------------

// ---------------------------------------------------------------------------
// Export parity with a floor
// ---------------------------------------------------------------------------

const currencyNames: Record<SnapshotExportParity["currency"], { lo: string; en: string }> = {
  THB: { lo: "ບາດໄທ (THB)", en: "Thai baht (THB)" },
  CNY: { lo: "ຢວນຈີນ (CNY)", en: "Chinese yuan (CNY)" },
  USD: { lo: "ໂດລາສະຫະລັດ (USD)", en: "US dollars (USD)" },
};

const rateSourceNames: Record<SnapshotExportParity["rateSourceKind"], { lo: string; en: string }> = {
  bol_reference: { lo: "ອັດຕາອ້າງອີງຂອງທະນາຄານແຫ່ງ ສປປ ລາວ", en: "the reference rate of the Bank of the Lao PDR" },
  commercial_bank: {
    lo: "ອັດຕາຂອງທະນາຄານທຸລະກິດ (ຊື່ທະນາຄານ ບອກໄວ້ກັບແຕ່ລະອັດຕາໃນເວັບ)",
    en: "a commercial bank's rate (the bank is named with each rate on the portal)",
  },
};

function exportTerms(s: ContractSnapshot): SnapshotExportParity & { floorLakPerKg: number } {
  const e = s.terms.exportParity;
  const floor = s.terms.floorPriceLakPerKg;
  if (!e || floor === null) throw new Error(`Contract ${s.number}: an export-parity contract needs its export terms and a floor price`);
  return { ...e, floorLakPerKg: floor };
}

function exportParityRule(s: ContractSnapshot, locale: Locale): string {
  const lo = locale === "lo";
  if (s.template.priceMechanism !== "export_parity_floor") return lo ? "ສັນຍານີ້ ບໍ່ໄດ້ຄິດລາຄາຕາມລາຄາສົ່ງອອກ." : "This contract is not priced on export parity.";
  const e = exportTerms(s);
  const crop = s.crop.name[locale];
  const currency = currencyNames[e.currency][locale];
  const rate = rateSourceNames[e.rateSourceKind][locale];
  const margin = perKg(e.marginLakPerKg, locale, snapshotCurrency(s));
  const floor = perKg(e.floorLakPerKg, locale, snapshotCurrency(s));
  const days = formatNumber(e.maxAgeDays, locale);
  return lo
    ? [
        "ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງ = ລາຄາອ້າງອີງສົ່ງອອກ × ອັດຕາແລກປ່ຽນ − ສ່ວນຫັກ, ເຊິ່ງ:",
        `  - ລາຄາອ້າງອີງສົ່ງອອກ: ລາຄາ${crop} ທີ່ ${e.market}, ເປັນ ${currency} ຕໍ່ ກິໂລ, ທີ່ພະນັກງານອຳນວຍຄວາມສະດວກ ບັນທຶກໄວ້ໃນເວັບ ພ້ອມຊື່ແຫຼ່ງທີ່ມາ;`,
        `  - ອັດຕາແລກປ່ຽນ: ${rate}, ເປັນກີບ ຕໍ່ 1 ${currency};`,
        `  - ສ່ວນຫັກ: ${margin}, ສຳລັບຄ່າຂົນສົ່ງ, ຄ່າໃຊ້ຈ່າຍຂ້າມແດນ ແລະ ກຳໄລຂອງພໍ່ຄ້າ; ສ່ວນຫັກນີ້ບໍ່ປ່ຽນແປງ.`,
        `ສຳລັບລາຄາອ້າງອີງ ແລະ ອັດຕາແລກປ່ຽນ, ແຕ່ລະອັນ ໃຊ້ຕົວເລກລ່າສຸດ ທີ່ປະກາດໃນມື້ສົ່ງ ຫຼື ກ່ອນມື້ສົ່ງ; ຖ້າມື້ດຽວກັນມີສອງຕົວເລກ, ໃຊ້ຕົວເລກທີ່ບັນທຶກຫຼັງສຸດ. ບໍ່ໃຊ້ຕົວເລກທີ່ປະກາດຫຼັງມື້ສົ່ງ. ຖ້າໃນ ${days} ມື້ ກ່ອນມື້ສົ່ງ (ລວມທັງມື້ສົ່ງ) ບໍ່ມີລາຄາອ້າງອີງ ຫຼື ບໍ່ມີອັດຕາແລກປ່ຽນ, ຈ່າຍລາຄາຂັ້ນຕ່ຳ ${floor}. ລາຄາອ້າງອີງ × ອັດຕາແລກປ່ຽນ ປັດເປັນກີບເຕັມ (ເຄິ່ງກີບ ປັດຂຶ້ນ).`,
        "ບັນທຶກການສົ່ງ ສະແດງແຕ່ລະຕົວເລກ ພ້ອມແຫຼ່ງທີ່ມາ ແລະ ວັນທີ, ແລະ ເກັບຮັກສາໄວ້: ຖ້າຕົວເລກໃດຖືກແກ້ໄຂພາຍຫຼັງ, ເງິນຂອງການສົ່ງທີ່ບັນທຶກແລ້ວ ບໍ່ປ່ຽນແປງ.",
      ].join("\n")
    : [
        "Export parity for a delivery day = the export reference price × the exchange rate − the margin, where:",
        `  - the export reference price is the price of ${crop} at ${e.market}, in ${currency} per kg, as recorded on the portal by the facilitators with its source named;`,
        `  - the exchange rate is ${rate}, in LAK for 1 ${currency};`,
        `  - the margin is ${margin}, for transport, border costs and the trader's margin; it does not change.`,
        `For the reference price and for the exchange rate, each, the figure used is the latest published on or before the delivery day; for a day with two, the one entered last. Figures published after the delivery day are never used. If the reference price or the exchange rate has none in the ${days} days up to and including the delivery day, the floor price of ${floor} is paid. The reference price × the exchange rate is rounded to a whole kip (half a kip rounds up).`,
        "The delivery record shows each figure with its source and date, and keeps them: a figure corrected later does not change a delivery already recorded.",
      ].join("\n");
}

/**
 * The exchange-rate clause of a contract written in baht or yuan (see
 * SnapshotCurrency): which rate converts its amounts to kip and on which day.
 * Null in a kip contract, whose text is as it always was.
 */
export function exchangeRateClause(s: ContractSnapshot, locale: Locale): string | null {
  const c = s.currency;
  if (!c) return null;
  const currency = currencyNames[c.code][locale];
  const kind = rateSourceNames[c.rateSourceKind][locale];
  return locale === "lo"
    ? `ສະກຸນເງິນ ແລະ ອັດຕາແລກປ່ຽນ: ສັນຍານີ້ຂຽນເປັນ ${currency}; ທຸກຈຳນວນເງິນໃນສັນຍານີ້ ແມ່ນເປັນ ${c.code}, ແລະ ພໍ່ຄ້າຈ່າຍເປັນ ${c.code}. ເມື່ອປ່ຽນເປັນກີບ (ໃບຈ່າຍເງິນໃຫ້ສະມາຊິກ), ໃຊ້ອັດຕາແລກປ່ຽນ ຂອງມື້ສົ່ງແຕ່ລະຄັ້ງ: ${kind}, ແຫຼ່ງທີ່ມາ "${c.rateSourceName}", ເປັນກີບ ຕໍ່ 1 ${c.code}, ຕາມທີ່ພະນັກງານອຳນວຍຄວາມສະດວກ ບັນທຶກໄວ້ໃນເວັບ. ບໍ່ໃຊ້ອັດຕາຂອງແຫຼ່ງອື່ນ ຫຼື ຂອງມື້ອື່ນ: ຖ້າບໍ່ມີອັດຕາຂອງແຫຼ່ງນີ້ ສຳລັບມື້ສົ່ງ, ໃບຈ່າຍເງິນ ຍັງສຳເລັດບໍ່ໄດ້ ຈົນກວ່າຈະບັນທຶກອັດຕານັ້ນ. ເງິນທີ່ປ່ຽນແລ້ວ ປັດເປັນກີບເຕັມ (ເຄິ່ງກີບ ປັດຂຶ້ນ).`
    : `Currency and exchange rate: this contract is written in ${currency}; every amount in it is in ${c.code}, and the trader pays in ${c.code}. Where an amount is converted to kip (the members' payout sheet), the rate used is that of the day of each delivery: ${kind}, source "${c.rateSourceName}", in LAK for 1 ${c.code}, as recorded on the portal by the facilitators. No other source's rate and no other day's rate is used: if none of this source is recorded for a delivery day, the payout sheet cannot be finalised until it is. The converted amount is rounded to a whole kip (half a kip rounds up).`;
}

function priceRule(s: ContractSnapshot, locale: Locale): string {
  const rule = priceRuleOnly(s, locale);
  const clause = exchangeRateClause(s, locale);
  return clause === null ? rule : `${rule}\n${clause}`;
}

function priceRuleOnly(s: ContractSnapshot, locale: Locale): string {
  const price = perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s));
  const crop = s.crop.name[locale];
  if (s.template.priceMechanism === "export_parity_floor") {
    const e = exportTerms(s);
    const f = perKg(e.floorLakPerKg, locale, snapshotCurrency(s));
    return locale === "lo"
      ? `ລາຄາແມ່ນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງສອງລາຄານີ້: ລາຄາຂັ້ນຕ່ຳ ${f} ເຊິ່ງຮັບປະກັນ, ຫຼື ລາຄາທຽບເທົ່າສົ່ງອອກ ຂອງມື້ສົ່ງຜົນຜະລິດ: ລາຄາ${crop} ທີ່ ${e.market} × ${rateSourceNames[e.rateSourceKind].lo} − ${perKg(e.marginLakPerKg, locale, snapshotCurrency(s))}. ຖ້າລາຄາສົ່ງອອກສູງ, ກຸ່ມໄດ້ລາຄາທຽບເທົ່າສົ່ງອອກ; ຖ້າລາຄາສົ່ງອອກຕົກ, ກຸ່ມຍັງໄດ້ ${f}.`
      : `The price is the higher of two prices: the floor price of ${f}, which is guaranteed, or export parity on the day of delivery: the price of ${crop} at ${e.market} × ${rateSourceNames[e.rateSourceKind].en} − ${perKg(e.marginLakPerKg, locale, snapshotCurrency(s))}. If export prices are high, the FO gets export parity; if they fall, the FO still gets ${f}.`;
  }
  if (s.template.priceMechanism === "floor_premium") {
    const floor = s.terms.floorPriceLakPerKg;
    if (floor === null) throw new Error(`Contract ${s.number}: a floor-price contract needs floorPriceLakPerKg`);
    const f = perKg(floor, locale, snapshotCurrency(s));
    return locale === "lo"
      ? `ລາຄາແມ່ນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງສອງລາຄານີ້: ລາຄາຂັ້ນຕ່ຳ ${f} ເຊິ່ງຮັບປະກັນ, ຫຼື ລາຄາອ້າງອີງຂອງ${crop} ໃນມື້ສົ່ງຜົນຜະລິດ. ຖ້າລາຄາຕະຫຼາດສູງ, ກຸ່ມໄດ້ລາຄາຕະຫຼາດ; ຖ້າລາຄາຕະຫຼາດຕົກ, ກຸ່ມຍັງໄດ້ ${f}.`
      : `The price is the higher of two prices: the floor price of ${f}, which is guaranteed, or the reference price for ${crop} on the day of delivery. If the market is high, the FO gets the market price; if the market falls, the FO still gets ${f}.`;
  }
  const fixed =
    locale === "lo"
      ? `ລາຄາຄົງທີ່ ${price}. ລາຄານີ້ບໍ່ປ່ຽນແປງ ເຖິງວ່າລາຄາຕະຫຼາດຈະຂຶ້ນ ຫຼື ລົງ ກ່ອນມື້ສົ່ງຜົນຜະລິດ.`
      : `The price is fixed at ${price}. It does not change if the market price goes up or down before delivery.`;
  if (s.template.priceMechanism === "input_supply") {
    return locale === "lo"
      ? `${fixed} ມູນຄ່າປັດໄຈການຜະລິດ ແລະ ດອກເບ້ຍ (ມາດຕາ 10) ຫັກອອກຈາກເງິນທີ່ຈ່າຍ; ບໍ່ໄດ້ຫຼຸດລາຄາຕໍ່ກິໂລ.`
      : `${fixed} The value of the inputs and their interest (clause 10) are deducted from the payment; they never lower the price per kg.`;
  }
  return fixed;
}

function referencePriceRule(s: ContractSnapshot, locale: Locale): string {
  const crop = s.crop.name[locale];
  const district = s.fo.district[locale];
  const province = s.fo.province[locale];
  return locale === "lo"
    ? `ລາຄາອ້າງອີງຂອງມື້ໃດໜຶ່ງ ແມ່ນລາຄາກາງ (ມັດທະຍະຖານ) ຂອງລາຄາຕະຫຼາດ${crop} ທີ່ບັນທຶກໄວ້ໃນເວັບ ໂດຍການສຳຫຼວດຕະຫຼາດ ແລະ ພະນັກງານອຳນວຍຄວາມສະດວກ ສຳລັບເມືອງ${district} (ຖ້າເມືອງນີ້ບໍ່ມີ, ສຳລັບແຂວງ${province}), ໃນມື້ລ່າສຸດທີ່ມີລາຄາ ຮອດມື້ນັ້ນ (ລວມທັງມື້ນັ້ນ) ແລະ ບໍ່ເກີນ 7 ມື້ກ່ອນມື້ນັ້ນ. ບໍ່ໃຊ້ລາຄາທີ່ບັນທຶກຫຼັງມື້ນັ້ນ ແລະ ບໍ່ນັບລາຄາທີ່ມາຈາກສັນຍາ.`
    : `The reference price for a day is the middle value (median) of the market prices for ${crop} recorded on the portal by market surveys and facilitators for ${district} district (if there are none, for ${province} province), on the latest day with prices up to and including that day and no more than 7 days before it. Prices recorded after that day are never used, and prices taken from contracts are not counted.`;
}

function paymentAmount(s: ContractSnapshot, locale: Locale): string {
  const lo = locale === "lo";
  const parts: string[] = [];
  if (s.template.priceMechanism === "floor_premium" || s.template.priceMechanism === "export_parity_floor")
    parts.push(lo ? "ນ້ຳໜັກສຸດທິ × ລາຄາຕາມມາດຕາ 5 ຂອງມື້ສົ່ງ" : "net weight × the price of clause 5 for the day of delivery");
  else
    parts.push(
      lo
        ? `ນ້ຳໜັກສຸດທິ × ${perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s))}`
        : `net weight × ${perKg(s.terms.priceLakPerKg, locale, snapshotCurrency(s))}`,
    );
  if (toBigInt(s.terms.advanceLak) > 0n)
    parts.push(
      lo
        ? `ລົບເງິນລ່ວງໜ້າ ${lak(s.terms.advanceLak, locale, snapshotCurrency(s))} ທີ່ຈ່າຍແລ້ວ (ຫັກຄັ້ງດຽວ)`
        : `minus the advance of ${lak(s.terms.advanceLak, locale, snapshotCurrency(s))} already paid (deducted once)`,
    );
  if (s.template.priceMechanism === "input_supply")
    parts.push(lo ? "ລົບມູນຄ່າປັດໄຈການຜະລິດ ແລະ ດອກເບ້ຍ ຕາມມາດຕາ 10 (ຫັກຄັ້ງດຽວ)" : "minus the inputs and interest of clause 10 (deducted once)");
  return parts.join(", ");
}

export function placeholderValues(snapshot: ContractSnapshot, locale: Locale): PlaceholderValues {
  const s = snapshot;
  const t = s.terms;
  const lo = locale === "lo";
  const min = Math.floor((t.quantityKg * (1000 - t.tolerancePermille) + 500) / 1000);
  const max = Math.floor((t.quantityKg * (1000 + t.tolerancePermille) + 500) / 1000);
  const credit = inputCredit(s);
  const none = lo ? "ບໍ່ມີ" : "none";
  const deliveryDate = contractDate(s, t.deliveryDate, locale);
  const dueDate = contractDate(s, addDays(new Date(t.deliveryDate), t.paymentDays), locale);
  const ordinal = Math.max(1, s.amendmentNumber - 1);
  const reason = s.amendmentReason?.trim();

  return {
    contractNumber: s.number,
    contractDate: contractDate(s, s.date, locale),
    templateName: s.template.name[locale],
    amends:
      s.amends === null
        ? lo
          ? "ນີ້ແມ່ນສັນຍາສະບັບຕົ້ນ, ບໍ່ແມ່ນສັນຍາສະບັບປັບປຸງ."
          : "This is an original contract, not an amendment."
        : lo
          ? `ສັນຍານີ້ແມ່ນສັນຍາສະບັບປັບປຸງ ຄັ້ງທີ ${ordinal} ຂອງສັນຍາເລກທີ ${s.amends}: ມັນແທນສັນຍານັ້ນ ນັບແຕ່ມື້ທີ່ທັງສອງຝ່າຍເຊັນ.${reason ? ` ເຫດຜົນ: ${reason}` : ""}`
          : `This contract is amendment no. ${ordinal} of contract ${s.amends}: it replaces that contract from the day both parties have signed it.${reason ? ` Reason: ${reason}` : ""}`,
    foName: s.fo.name[locale],
    foType: orgTypes[s.fo.type]?.[locale] ?? s.fo.type,
    foVillage: s.fo.village[locale],
    foDistrict: s.fo.district[locale],
    foProvince: s.fo.province[locale],
    foLeaders: people(s.fo.leaders, locale, { lo: "(ບໍ່ມີຊື່ຫົວໜ້າກຸ່ມ)", en: "(no leader recorded)" }, s.writing),
    traderName: s.trader.name,
    traderLicence: s.trader.licenceNumber,
    traderProvince: s.trader.province[locale],
    traderStaff: people(s.trader.staff, locale, { lo: "(ບໍ່ມີຊື່ພະນັກງານ)", en: "(no staff recorded)" }, s.writing),
    cropName: s.crop.name[locale],
    gradeName: s.grade.name[locale],
    gradeSpec: s.grade.spec[locale],
    quantity: formatKg(t.quantityKg, locale),
    quantityMin: formatKg(min, locale),
    quantityMax: formatKg(max, locale),
    tolerance:
      t.tolerancePermille === 0
        ? lo
          ? `ບໍ່ມີ: ຕ້ອງສົ່ງ ${formatKg(t.quantityKg, locale)} ພໍດີ`
          : `none: exactly ${formatKg(t.quantityKg, locale)} must be delivered`
        : lo
          ? `ບວກ ຫຼື ລົບ ${percent(t.tolerancePermille, locale)}; ນ້ຳໜັກສຸດທິ ແຕ່ ${formatKg(min, locale)} ຫາ ${formatKg(max, locale)} ຖືວ່າສົ່ງຄົບ`
          : `${percent(t.tolerancePermille, locale)} more or less; any net quantity from ${formatKg(min, locale)} to ${formatKg(max, locale)} counts as full delivery`,
    price: perKg(t.priceLakPerKg, locale, snapshotCurrency(s)),
    floorPrice: t.floorPriceLakPerKg === null ? none : perKg(t.floorPriceLakPerKg, locale, snapshotCurrency(s)),
    priceRule: priceRule(s, locale),
    referencePriceRule: referencePriceRule(s, locale),
    exportParityRule: exportParityRule(s, locale),
    moistureBasis: percent(t.moistureBasisPermille, locale),
    standardMoisture:
      s.crop.standardMoisturePermille === 0
        ? lo
          ? "ບໍ່ມີ (ພືດນີ້ບໍ່ໄດ້ຊື້ຕາມຄວາມຊຸ່ມ)"
          : "not applicable (this crop is not bought on moisture)"
        : percent(s.crop.standardMoisturePermille, locale),
    deductionTable: deductionTableText(s, locale),
    deliveryDate,
    deliveryPlace: t.deliveryPlace,
    transport:
      t.transportPaidBy === "trader"
        ? lo
          ? "ພໍ່ຄ້າມາຮັບຜົນຜະລິດຢູ່ບ່ອນສົ່ງ ແລະ ຈ່າຍຄ່າຂົນສົ່ງຈາກບ່ອນນັ້ນ"
          : "the trader collects the crop at the delivery place and pays the transport from there"
        : lo
          ? `ກຸ່ມເອົາຜົນຜະລິດໄປສົ່ງຮອດບ່ອນສົ່ງ ແລະ ຈ່າຍຄ່າຂົນສົ່ງເອງ${toBigInt(t.transportCostLak) > 0n ? ` (ຄ່າຂົນສົ່ງທີ່ຕົກລົງ: ${lak(t.transportCostLak, locale, snapshotCurrency(s))} ລວມທັງໝົດ)` : ""}`
          : `the FO brings the crop to the delivery place and pays the transport itself${toBigInt(t.transportCostLak) > 0n ? ` (agreed cost: ${lak(t.transportCostLak, locale, snapshotCurrency(s))} in total)` : ""}`,
    bags:
      t.bagsPaidBy === "trader"
        ? lo
          ? "ພໍ່ຄ້າເປັນຜູ້ສະໜອງ ແລະ ຈ່າຍຄ່າກະສອບ; ບໍ່ຫັກອອກຈາກເງິນຂອງກຸ່ມ"
          : "the trader provides and pays for the bags; they are not deducted from the FO's payment"
        : lo
          ? `ກຸ່ມເປັນຜູ້ສະໜອງ ແລະ ຈ່າຍຄ່າກະສອບເອງ${toBigInt(t.bagsCostLak) > 0n ? ` (${lak(t.bagsCostLak, locale, snapshotCurrency(s))} ລວມທັງໝົດ)` : ""}`
          : `the FO provides and pays for the bags itself${toBigInt(t.bagsCostLak) > 0n ? ` (${lak(t.bagsCostLak, locale, snapshotCurrency(s))} in total)` : ""}`,
    advance:
      toBigInt(t.advanceLak) === 0n
        ? none
        : lo
          ? `${lak(t.advanceLak, locale, snapshotCurrency(s))}, ພໍ່ຄ້າຈ່າຍໃຫ້ກຸ່ມ ພາຍໃນ 3 ມື້ ຫຼັງຈາກທັງສອງຝ່າຍເຊັນສັນຍາ; ຫັກອອກຈາກເງິນທີ່ຈ່າຍຄັ້ງທຳອິດ. ຖ້າກຸ່ມບໍ່ໄດ້ສົ່ງຜົນຜະລິດ, ຕ້ອງສົ່ງເງິນລ່ວງໜ້າຄືນ (ມາດຕາ 11 ແລະ 12)`
          : `${lak(t.advanceLak, locale, snapshotCurrency(s))}, paid by the trader within 3 days after both parties have signed; it is deducted from the first payment. If the FO delivers nothing, it pays the advance back (clauses 11 and 12)`,
    paymentAmount: paymentAmount(s, locale),
    paymentDays:
      t.paymentDays === 0
        ? lo
          ? "ໃນມື້ສົ່ງຜົນຜະລິດ"
          : "on the day of delivery"
        : lo
          ? `ພາຍໃນ ${formatNumber(t.paymentDays, locale)} ມື້ ຫຼັງຈາກສົ່ງຜົນຜະລິດ`
          : `within ${formatNumber(t.paymentDays, locale)} ${t.paymentDays === 1 ? "day" : "days"} of delivery`,
    paymentDeadline: lo
      ? `ຖ້າສົ່ງຜົນຜະລິດວັນທີ ${deliveryDate}, ຕ້ອງຈ່າຍບໍ່ໃຫ້ກາຍວັນທີ ${dueDate}`
      : `if the crop is delivered on ${deliveryDate}, payment is due by ${dueDate} at the latest`,
    latePenalty:
      t.latePenaltyPermillePerMonth === 0
        ? lo
          ? "ບໍ່ໄດ້ຕົກລົງຄ່າປັບໃໝ; ແຕ່ການຈ່າຍຊ້າ ຍັງຖືວ່າລະເມີດສັນຍາ (ມາດຕາ 12)."
          : "no penalty was agreed; paying late is still a breach of this contract (clause 12)."
        : lo
          ? `ຖ້າພໍ່ຄ້າຈ່າຍຊ້າ, ຕ້ອງຈ່າຍເພີ່ມ ${percent(t.latePenaltyPermillePerMonth, locale)} ຂອງເງິນທີ່ຍັງຄ້າງ ຕໍ່ເດືອນທີ່ຊ້າ, ຄິດເປັນມື້ (1/30 ຂອງອັດຕານີ້ ຕໍ່ມື້ທີ່ຊ້າ).`
          : `if the trader pays late, it adds ${percent(t.latePenaltyPermillePerMonth, locale)} of the unpaid amount for each month of delay, counted by the day (1/30 of that rate for each day late).`,
    inputDescription: t.inputDescription ?? none,
    inputValue: credit ? lak(credit.value, locale, snapshotCurrency(s)) : none,
    inputInterest:
      credit === null
        ? none
        : credit.permille === 0
          ? lo
            ? "ບໍ່ມີດອກເບ້ຍ"
            : "none"
          : lo
            ? `${percent(credit.permille, locale)} ຕໍ່ເດືອນ`
            : `${percent(credit.permille, locale)} per month`,
    inputExample: inputExample(s, locale),
    inputMaxDeduction: credit ? lak(credit.total, locale, snapshotCurrency(s)) : none,
    value: lak(s.valueLak, locale, snapshotCurrency(s)),
    witness: s.witnessRequired
      ? lo
        ? "ພະນັກງານອຳນວຍຄວາມສະດວກຂອງໂຄງການ ເປັນພະຍານສັນຍານີ້; ສັນຍາມີຜົນ ພາຍຫຼັງທີ່ພະຍານເຊັນແລ້ວເທົ່ານັ້ນ."
        : "a programme facilitator witnesses this contract; it takes effect only after the witness has signed."
      : lo
        ? "ບໍ່ຈຳເປັນຕ້ອງມີພະຍານ; ແຕ່ຝ່າຍໃດຝ່າຍໜຶ່ງ ສາມາດຂໍໃຫ້ພະນັກງານອຳນວຍຄວາມສະດວກເປັນພະຍານໄດ້."
        : "no witness is required; either party may still ask a facilitator to witness it.",
    signatories: signatoriesText(s, locale),
    membersCovered: membersCoveredText(s, locale),
    productionSite: productionSiteText(s, locale),
  };
}

// ---------------------------------------------------------------------------
// Clauses
// ---------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------
// Summary
// ---------------------------------------------------------------------------

/**
 * Who a summary speaks to. "document" is the summary stored with the contract
 * when it was written (addressed to the FO, as read aloud in its meeting), and
 * must stay as it is: contracts already written keep it word for word. The
 * pages build the others at render time from the same frozen snapshot, so the
 * figures are the document's: the FO's leader reads what they will deliver and
 * be paid, the trader what they will receive and pay, anyone else (a
 * facilitator, the printed paper) the parties by name.
 */
export type SummaryVoice = "document" | "fo" | "trader" | "neutral";

/** The voice a contract's reader is spoken to in: a party as itself, anyone else (a facilitator) in the third person. */
export function summaryVoiceFor(roles: { fo: boolean; trader: boolean }): SummaryVoice {
  return roles.fo ? "fo" : roles.trader ? "trader" : "neutral";
}

/** The plain-language summary, one sentence a line, written to be read aloud to the FO's members. */
export function renderSummary(snapshot: ContractSnapshot, locale: Locale, voice: SummaryVoice = "document"): string {
  const s = snapshot;
  const t = s.terms;
  const v = placeholderValues(s, locale);
  const lo = locale === "lo";
  const lines: string[] = [];
  const said = (words: Record<SummaryVoice, string>) => words[voice];
  const tol =
    t.tolerancePermille > 0 ? (lo ? ` (ບວກ ຫຼື ລົບ ${percent(t.tolerancePermille, locale)})` : ` (${percent(t.tolerancePermille, locale)} more or less)`) : "";

  let price: string;
  if (s.template.priceMechanism === "export_parity_floor") {
    const e = exportTerms(s);
    const rate = rateSourceNames[e.rateSourceKind][locale];
    const margin = perKg(e.marginLakPerKg, locale, snapshotCurrency(s));
    price = lo
      ? `ໃນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງ ລາຄາຂັ້ນຕ່ຳ ${v.floorPrice} (ຮັບປະກັນ: ບໍ່ຕ່ຳກວ່ານີ້) ແລະ ລາຄາທຽບເທົ່າສົ່ງອອກ ໃນມື້ສົ່ງຜົນຜະລິດ: ລາຄາທີ່ ${e.market} ເປັນ ${e.currency} × ${rate} − ${margin}; ຖ້າບໍ່ມີຕົວເລກ ພາຍໃນ ${formatNumber(e.maxAgeDays, locale)} ມື້, ຈ່າຍລາຄາຂັ້ນຕ່ຳ`
      : `at the higher of the floor price of ${v.floorPrice} (guaranteed: never less) and export parity on the day of delivery: the price at ${e.market} in ${e.currency} × ${rate} − ${margin}; with no figures within ${formatNumber(e.maxAgeDays, locale)} days, the floor price`;
  } else if (s.template.priceMechanism === "floor_premium") {
    price = lo
      ? `ໃນລາຄາທີ່ສູງກວ່າ ລະຫວ່າງ ລາຄາຂັ້ນຕ່ຳ ${v.floorPrice} (ຮັບປະກັນ: ບໍ່ຕ່ຳກວ່ານີ້) ແລະ ລາຄາອ້າງອີງຂອງຕະຫຼາດ ໃນມື້ສົ່ງຜົນຜະລິດ`
      : `at the higher of the floor price of ${v.floorPrice} (guaranteed: never less) and the market reference price on the day of delivery`;
  } else {
    price = lo ? `ໃນລາຄາຄົງທີ່ ${v.price}` : `at a fixed price of ${v.price}`;
  }
  const goods = lo ? `${v.cropName} ${v.gradeName} ຈຳນວນ ${v.quantity}${tol}` : `${v.quantity}${tol} of ${v.cropName}, ${v.gradeName},`;
  lines.push(
    lo
      ? said({
          document: `ທ່ານ (${v.foName}) ຂາຍ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
          fo: `ທ່ານ (${v.foName}) ຈະສົ່ງ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
          trader: `ທ່ານ (${v.traderName}) ຈະໄດ້ຮັບ ${goods} ຈາກ ${v.foName} ${price}.`,
          neutral: `${v.foName} ຂາຍ ${goods} ໃຫ້ ${v.traderName} ${price}.`,
        })
      : said({
          document: `You, ${v.foName}, sell ${goods} to ${v.traderName} ${price}.`,
          fo: `You, ${v.foName}, will deliver ${goods} to ${v.traderName}, sold ${price}.`,
          trader: `You, ${v.traderName}, will receive ${goods} from ${v.foName}, bought ${price}.`,
          neutral: `${v.foName} sells ${goods} to ${v.traderName} ${price}.`,
        }),
  );
  if (s.currency) {
    const c = s.currency;
    lines.push(
      lo
        ? `ສະກຸນເງິນ: ${currencyNames[c.code].lo}; ປ່ຽນເປັນກີບ ດ້ວຍອັດຕາ "${c.rateSourceName}" ຂອງມື້ສົ່ງແຕ່ລະຄັ້ງ.`
        : `Currency: ${currencyNames[c.code].en}; converted to kip at the "${c.rateSourceName}" rate of each delivery day.`,
    );
  }
  const when = lo ? `ວັນທີ ${v.deliveryDate} ທີ່ ${v.deliveryPlace}` : `on ${v.deliveryDate} at ${v.deliveryPlace}`;
  lines.push(
    lo
      ? `ສົ່ງຜົນຜະລິດ: ${said({ document: "", neutral: "", fo: "ທ່ານຈະສົ່ງ ", trader: "ທ່ານຈະໄດ້ຮັບ " })}${when}; ${v.transport}; ກະສອບ: ${v.bags}.`
      : `Delivery: ${said({ document: "", neutral: "", fo: "you will deliver ", trader: "you will receive it " })}${when}; ${v.transport}; bags: ${v.bags}.`,
  );
  const advance = toBigInt(t.advanceLak) > 0n;
  const penalty = percent(t.latePenaltyPermillePerMonth, locale);
  const late =
    t.latePenaltyPermillePerMonth > 0
      ? lo
        ? said({
            document: `; ຖ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            neutral: `; ຖ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            fo: `; ຖ້າພໍ່ຄ້າຈ່າຍຊ້າ, ພໍ່ຄ້າຕ້ອງຈ່າຍເພີ່ມໃຫ້ທ່ານ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
            trader: `; ຖ້າທ່ານຈ່າຍຊ້າ, ທ່ານຕ້ອງຈ່າຍເພີ່ມ ${penalty} ຂອງເງິນທີ່ຄ້າງ ຕໍ່ເດືອນ`,
          })
        : said({
            document: `; if payment is late, the trader adds ${penalty} of the unpaid amount per month`,
            neutral: `; if payment is late, the trader adds ${penalty} of the unpaid amount per month`,
            fo: `; if the trader pays late, the trader adds ${penalty} of the unpaid amount per month`,
            trader: `; if you pay late, you add ${penalty} of the unpaid amount per month`,
          })
      : "";
  const advanceLak = lak(t.advanceLak, locale, snapshotCurrency(s));
  const advanced = !advance
    ? ""
    : lo
      ? said({
          document: `; ເງິນລ່ວງໜ້າ ${advanceLak} ຈ່າຍຫຼັງເຊັນສັນຍາ ແລະ ຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          neutral: `; ເງິນລ່ວງໜ້າ ${advanceLak} ຈ່າຍຫຼັງເຊັນສັນຍາ ແລະ ຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          fo: `; ທ່ານຈະໄດ້ຮັບເງິນລ່ວງໜ້າ ${advanceLak} ຫຼັງເຊັນສັນຍາ, ຊຶ່ງຈະຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
          trader: `; ທ່ານຈະຈ່າຍເງິນລ່ວງໜ້າ ${advanceLak} ຫຼັງເຊັນສັນຍາ, ຊຶ່ງຈະຫັກອອກຈາກເງິນທີ່ຈ່າຍ`,
        })
      : said({
          document: `; an advance of ${advanceLak} is paid after signing and deducted from the payment`,
          neutral: `; an advance of ${advanceLak} is paid after signing and deducted from the payment`,
          fo: `; you will be paid an advance of ${advanceLak} after signing, deducted from the payment`,
          trader: `; you will pay an advance of ${advanceLak} after signing, deducted from the payment`,
        });
  lines.push(
    lo
      ? `ຈ່າຍເງິນ: ${said({ document: "", neutral: "", fo: "ທ່ານຈະໄດ້ຮັບເງິນ ", trader: "ທ່ານຈະຈ່າຍເງິນ " })}${v.paymentDays} (${v.paymentDeadline})${advanced}${late}.`
      : `Payment: ${said({ document: "", neutral: "", fo: "you will be paid ", trader: "you will pay " })}${v.paymentDays} (${v.paymentDeadline})${advanced}${late}.`,
  );
  lines.push(deductionSummary(s, locale));
  const quality = qualitySummary(s, locale);
  if (quality) lines.push(quality);
  const credit = inputCredit(s);
  if (credit) {
    const interest =
      credit.permille > 0 ? (lo ? `, ດອກເບ້ຍ ${v.inputInterest}` : `, with interest of ${v.inputInterest}`) : lo ? ", ບໍ່ມີດອກເບ້ຍ" : ", with no interest";
    const worth = lo ? `${v.inputDescription}, ມູນຄ່າ ${v.inputValue}${interest}` : `${v.inputDescription}, worth ${v.inputValue}${interest}`;
    lines.push(
      lo
        ? said({
            document: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ກຸ່ມລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            neutral: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ກຸ່ມລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            fo: `ປັດໄຈການຜະລິດ: ພໍ່ຄ້າໃຫ້ທ່ານລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ທ່ານໄດ້ຮັບ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
            trader: `ປັດໄຈການຜະລິດ: ທ່ານໃຫ້ ${v.foName} ລ່ວງໜ້າ ${worth}; ເມື່ອສົ່ງຜົນຜະລິດ ຈະຫັກມູນຄ່ານີ້ ພ້ອມດອກເບ້ຍ ອອກຈາກເງິນທີ່ທ່ານຈ່າຍ, ຫຼາຍສຸດ ${v.inputMaxDeduction}.`,
          })
        : said({
            document: `Inputs: the trader advances ${worth}; at delivery this and the interest are deducted from your payment, at most ${v.inputMaxDeduction}.`,
            neutral: `Inputs: the trader advances ${v.foName} ${worth}; at delivery this and the interest are deducted from its payment, at most ${v.inputMaxDeduction}.`,
            fo: `Inputs: the trader advances you ${worth}; at delivery this and the interest are deducted from your payment, at most ${v.inputMaxDeduction}.`,
            trader: `Inputs: you advance ${v.foName} ${worth}; at delivery this and the interest are deducted from what you pay, at most ${v.inputMaxDeduction}.`,
          }),
    );
  } else {
    lines.push(lo ? "ປັດໄຈການຜະລິດ: ບໍ່ມີ; ສັນຍານີ້ບໍ່ມີໜີ້ສິນ." : "Inputs: none; there is no credit in this contract.");
  }
  lines.push(
    s.template.priceMechanism === "floor_premium" || s.template.priceMechanism === "export_parity_floor"
      ? lo
        ? `ມູນຄ່າຢ່າງໜ້ອຍ (ທີ່ລາຄາຂັ້ນຕ່ຳ): ${v.value}.`
        : `Value at least (at the floor price): ${v.value}.`
      : lo
        ? `ມູນຄ່າສັນຍາ: ${v.value}.`
        : `Contract value: ${v.value}.`,
  );
  lines.push(...memberTermsSummary(s, locale));
  if (s.amends !== null) lines.push(v.amends);
  lines.push(
    lo
      ? "ເມື່ອທັງສອງຝ່າຍເຊັນແລ້ວ, ບໍ່ມີຫຍັງໃນສັນຍານີ້ປ່ຽນແປງໄດ້; ການປ່ຽນແປງ ຕ້ອງເຮັດເປັນສັນຍາສະບັບປັບປຸງ ແລະ ເຊັນໃໝ່."
      : "Once both sides have signed, nothing in this contract can change; a change needs an amendment signed again.",
  );
  return tidy(lines.join("\n"));
}

// ---------------------------------------------------------------------------
// The whole contract
// ---------------------------------------------------------------------------

export interface RenderedContract {
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

/** NFC, "\n" line ends, no trailing spaces. */
function tidy(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n");
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

/** SHA-256 (lower-case hex) of the canonical join described at the top of this file. */
export function contractHash(textLo: string, textEn: string): string {
  const canonical = `SSJ-CONTRACT-1\n` + `lo ${Buffer.byteLength(textLo, "utf8")}\n${textLo}\n` + `en ${Buffer.byteLength(textEn, "utf8")}\n${textEn}\n`;
  return createHash("sha256").update(canonical, "utf8").digest("hex");
}
