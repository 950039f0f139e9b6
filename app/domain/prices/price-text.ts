// The price board as a text message: a line per crop such as
// "ລາຄາສາລີ ແບ່ງ 12/2026: ຕະຫຼາດ 3.250, ສົ່ງອອກ 3.932, ສັນຍາ 3.300 ກີບ/ກິໂລ",
// short enough for an SMS, so that members who are not users (and phones that
// browse nothing) can have the prices.
//
// LENGTH. Lao script is outside the GSM 7-bit alphabet, so a message is sent
// in UCS-2: 70 characters (UTF-16 code units) in one part, 67 per part once it
// is split (the rest carries the part header). English texts are counted the
// same way, which errs on the short side. Figures are dropped before a
// message grows past the parts allowed: first other crops' lines, then a
// line's figures from the last (contract, then export parity; the market
// price stays); a lone line still too long has its names cut short, never a figure.
// Pure: the words come from the translations, the figures from the board.
import type { Locale } from "~/utils/i18n";
import { formatNumber } from "~/utils/format";

export const SMS_SINGLE_PART = 70;
export const SMS_SPLIT_PART = 67;

/** How many UCS-2 parts a text takes. */
export function smsPartCount(text: string): number {
  if (text.length <= SMS_SINGLE_PART) return 1;
  return Math.ceil(text.length / SMS_SPLIT_PART);
}

/** The characters that fit in `parts` UCS-2 parts. */
export function smsCapacity(parts: number): number {
  return parts <= 1 ? SMS_SINGLE_PART : parts * SMS_SPLIT_PART;
}

export interface PriceTextRow {
  crop: string;
  /** the district's name, or the words for every programme district */
  place: string;
  /** the Vientiane month of the figures, "2026-12" */
  month: string | null;
  /** median reference price of the month (market surveys, facilitators) */
  referenceLakPerKg: number | null;
  /** median price of the month's signed contracts */
  contractLakPerKg: number | null;
  /** the export-parity farm-gate price today */
  exportParityLakPerKg: number | null;
}

export interface PriceTextWords {
  /** placed before the crop: "ລາຄາ" / "Price:" */
  price: string;
  reference: string;
  contract: string;
  exportParity: string;
  /** "ກີບ/ກິໂລ" / "LAK/kg" */
  unit: string;
  noPrice: string;
  allDistricts: string;
}

export interface PriceTextOptions {
  words: PriceTextWords;
  /** the most SMS parts the text may take (1 unless said) */
  maxParts?: number;
}

export interface PriceText {
  text: string;
  parts: number;
  /** rows left out whole for want of room */
  omittedRows: number;
}

const glue = (price: string, crop: string, locale: Locale) => (locale === "lo" ? `${price}${crop}` : `${price} ${crop}`);

function monthLabel(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/**
 * The forms of one row's line, fullest first, down to its single most useful
 * figure; last, that figure with the names cut short to fit `capacity`, so a
 * figure is never cut.
 */
function lineForms(row: PriceTextRow, locale: Locale, words: PriceTextWords, capacity: number): string[] {
  const head = [glue(words.price, row.crop, locale), row.place, row.month ? monthLabel(row.month) : null].filter(Boolean).join(" ");
  const figures = (
    [
      [words.reference, row.referenceLakPerKg],
      [words.exportParity, row.exportParityLakPerKg],
      [words.contract, row.contractLakPerKg],
    ] as const
  ).filter((f): f is readonly [string, number] => f[1] !== null);
  const tails =
    figures.length === 0
      ? [`: ${words.noPrice}`]
      : figures.map(
          (_, i) =>
            `: ${figures
              .slice(0, figures.length - i)
              .map(([label, value]) => `${label} ${formatNumber(value, locale)}`)
              .join(", ")} ${words.unit}`,
        );
  const shortest = tails.at(-1)!;
  const room = capacity - shortest.length - 1;
  const cut = room > 0 ? `${head.slice(0, room)}…${shortest}` : shortest.slice(2, 2 + capacity);
  return [...tails.map((tail) => head + tail), cut];
}

/** The rows as one message of at most `maxParts` SMS parts (see LENGTH above). */
export function priceBoardText(rows: readonly PriceTextRow[], locale: Locale, options: PriceTextOptions): PriceText {
  const maxParts = Math.max(1, Math.trunc(options.maxParts ?? 1));
  const capacity = smsCapacity(maxParts);
  const lines: string[] = [];
  let omittedRows = 0;
  for (const row of rows) {
    const used = lines.reduce((n, l) => n + l.length + 1, 0);
    const forms = lineForms(row, locale, options.words, capacity);
    const fitting = forms.slice(0, -1).find((form) => used + form.length <= capacity);
    if (fitting) lines.push(fitting);
    else if (lines.length === 0) lines.push(forms.at(-1)!);
    else omittedRows += 1;
  }
  const text = lines.join("\n");
  return { text, parts: smsPartCount(text), omittedRows };
}
