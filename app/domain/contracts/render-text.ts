// How the contract's texts write amounts, dates, people and line ends, so the
// clauses, the placeholder values and the summary write them alike. Every
// date is shown in Vientiane time and every number through ~/utils/format, so
// it looks the same as on every other page.
import { toLaoDateInput } from "~/utils/dates";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatDate as formatDateNumeric, formatDateInWords, formatMoney, formatPermilleAsPercent, formatPhone } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { type ContractSnapshot } from "./snapshot";

const DAY_MS = 86_400_000;
export const orgTypes: Record<string, { lo: string; en: string }> = {
  producer_group: { lo: "ກຸ່ມຜູ້ຜະລິດ", en: "producer group" },
  cooperative: { lo: "ສະຫະກອນ", en: "cooperative" },
  association: { lo: "ສະມາຄົມ", en: "association" },
};

/** An amount in the contract's currency (whole kip, or hundredths of baht or yuan). */
export function lak(value: string | number | bigint, locale: Locale, currency: ContractCurrency): string {
  return formatMoney(typeof value === "string" ? toBigInt(value) : value, currency, locale);
}

export function toBigInt(decimal: string): bigint {
  if (!/^\d+$/.test(decimal)) throw new RangeError(`Not a whole LAK amount: "${decimal}"`);
  return BigInt(decimal);
}

export function perKg(price: number, locale: Locale, currency: ContractCurrency): string {
  return locale === "lo" ? `${formatMoney(price, currency, locale)} ຕໍ່ ກິໂລ` : `${formatMoney(price, currency, locale)} per kg`;
}

export const percent = formatPermilleAsPercent;
/** Tenths of a point as a one-decimal number ("4.0"), in the same style as the percentages. */
export function points(tenths: number, locale: Locale): string {
  return percent(tenths, locale).replace(/\s*%$/, "");
}

export function people(list: { name: string; phone: string | null }[], locale: Locale, none: { lo: string; en: string }, writing?: 2): string {
  if (list.length === 0) return none[locale];
  const phone = (stored: string) => (writing === 2 ? formatPhone(stored) : stored);
  return list.map((p) => (p.phone ? `${p.name} (${phone(p.phone)})` : p.name)).join(", ");
}

/** A date as the contract's own writing states it (see ContractSnapshot.writing). */
export function contractDate(s: ContractSnapshot, date: Date | string, locale: Locale): string {
  return s.writing === 2 ? formatDateNumeric(date, locale) : formatDateInWords(date, locale);
}

/** Whole Vientiane calendar days from one instant's day to another's (0 when the second is not later). */
export function calendarDays(from: string, to: string): number {
  const days = (Date.parse(toLaoDateInput(to)) - Date.parse(toLaoDateInput(from))) / DAY_MS;
  return Math.max(0, days);
}

/** NFC, "\n" line ends, no trailing spaces. */
export function tidy(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((l) => l.replace(/[ \t]+$/, ""))
    .join("\n");
}
