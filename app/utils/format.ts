// Locale-aware display of LAK, kg and dates. Stored values are integers; these
// only format them. Both languages use Western digits, as on Lao price boards
// and scales; the unit words and month names follow the language.
import type { Locale } from "./i18n";

// Separators are fixed here rather than taken from Intl: the server's ICU data
// and a phone browser's disagree for Lao (one groups with ".", the other with
// ","), which would make figures change as the page loads. Lao follows CLDR:
// "." between thousands, "," before decimals.
const separators: Record<Locale, { group: string; decimal: string }> = {
  lo: { group: ".", decimal: "," },
  en: { group: ",", decimal: "." },
};

function groupDigits(digits: string, group: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** A whole number (rounded half away from zero when given a fraction), grouped by thousands. */
export function formatNumber(value: number | bigint, locale: Locale): string {
  const whole = typeof value === "bigint" ? value : BigInt(Math.round(value));
  const negative = whole < 0n;
  const digits = (negative ? -whole : whole).toString();
  return `${negative ? "-" : ""}${groupDigits(digits, separators[locale].group)}`;
}

/** A number of tenths with one decimal: 145 → "14.5" (English), "14,5" (Lao). */
export function formatTenths(tenths: number, locale: Locale): string {
  const whole = Math.round(tenths);
  const negative = whole < 0;
  const abs = Math.abs(whole);
  return `${negative ? "-" : ""}${formatNumber(Math.trunc(abs / 10), locale)}${separators[locale].decimal}${abs % 10}`;
}

/** A number of hundredths with two decimals: 985 → "9.85" (English), "9,85" (Lao); export prices and exchange rates. */
export function formatHundredths(hundredths: number, locale: Locale): string {
  const whole = Math.round(hundredths);
  const abs = Math.abs(whole);
  return `${whole < 0 ? "-" : ""}${formatNumber(Math.trunc(abs / 100), locale)}${separators[locale].decimal}${String(abs % 100).padStart(2, "0")}`;
}

export function formatLak(value: number | bigint, locale: Locale): string {
  return locale === "lo" ? `${formatNumber(value, locale)} ກີບ` : `${formatNumber(value, locale)} LAK`;
}

const currencyWords: Record<"THB" | "CNY", Record<Locale, string>> = {
  THB: { lo: "ບາດ", en: "THB" },
  CNY: { lo: "ຢວນ", en: "CNY" },
};

/** Hundredths (satang, fen) as a grouped amount with two decimals; BigInt-safe. */
function formatHundredthsExact(value: number | bigint, locale: Locale): string {
  const whole = typeof value === "bigint" ? value : BigInt(Math.round(value));
  const abs = whole < 0n ? -whole : whole;
  return `${whole < 0n ? "-" : ""}${formatNumber(abs / 100n, locale)}${separators[locale].decimal}${String(abs % 100n).padStart(2, "0")}`;
}

/**
 * An amount stored in a contract's currency (~/domain/prices/currency): whole
 * kip for LAK, satang for THB and fen for CNY, shown with the currency's name
 * in the user's language: "3,100 LAK", "9.85 THB", "9,85 ບາດ". A THB amount is
 * never shown as kip.
 */
export function formatMoney(value: number | bigint, currency: "LAK" | "THB" | "CNY", locale: Locale): string {
  if (currency === "LAK") return formatLak(value, locale);
  return `${formatHundredthsExact(value, locale)} ${currencyWords[currency][locale]}`;
}

/** A price per kg in a contract's currency: "3,100 LAK per kg", "9.85 THB per kg". */
export function formatMoneyPerKg(value: number | bigint, currency: "LAK" | "THB" | "CNY", locale: Locale): string {
  return locale === "lo" ? `${formatMoney(value, currency, locale)} ຕໍ່ ກິໂລ` : `${formatMoney(value, currency, locale)} per kg`;
}

export function formatKg(value: number | bigint, locale: Locale): string {
  return locale === "lo" ? `${formatNumber(value, locale)} ກິໂລ` : `${formatNumber(value, locale)} kg`;
}

/** Moisture and other per-mille measures, shown as a percentage with one decimal. */
export function formatPermilleAsPercent(permille: number, locale: Locale): string {
  return `${formatTenths(permille, locale)} %`;
}

const laoMonths = ["ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ", "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ"];
const englishMonths = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** A month's name, 1 = January. */
export function formatMonth(month: number, locale: Locale): string {
  const names = locale === "lo" ? laoMonths : englishMonths;
  const name = names[month - 1];
  if (name === undefined) throw new RangeError(`No month ${month}`);
  return name;
}

/**
 * A calendar day in the portal's time zone (Asia/Vientiane, UTC+7, no daylight
 * saving) as day/month/year, 05/12/2026, in both languages: the order Lao
 * documents and the programme's forms use, and never read as 12 May.
 */
export function formatDate(date: Date | string, _locale: Locale): string {
  const d = typeof date === "string" ? new Date(date) : date;
  if (Number.isNaN(d.getTime())) return String(date);
  const local = new Date(d.getTime() + 7 * 3600_000);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(local.getUTCDate())}/${two(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/**
 * A date with the month's name, "5 ທັນວາ 2026" / "5 December 2026": how contracts
 * written before dates were numeric state theirs (their text is frozen).
 */
export function formatDateInWords(date: Date | string, locale: Locale): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const local = new Date(d.getTime() + 7 * 3600_000);
  // Written out rather than through Intl: Node's ICU data may lack Lao month names.
  return `${local.getUTCDate()} ${formatMonth(local.getUTCMonth() + 1, locale)} ${local.getUTCFullYear()}`;
}

/**
 * A stored phone (8562055551234, 856305123456) as people read and dial it in
 * Laos: 020 5555 1234, 030 512 3456. A number stored before only mobiles were
 * taken (a landline) keeps its digits, written from 0.
 */
export function formatPhone(phone: string | null | undefined): string {
  if (!phone) return "";
  const national = phone.startsWith("856") ? phone.slice(3) : phone.replace(/^0/, "");
  if (/^20\d{8}$/.test(national)) return `020 ${national.slice(2, 6)} ${national.slice(6)}`;
  if (/^30\d{7}$/.test(national)) return `030 ${national.slice(2, 5)} ${national.slice(5)}`;
  return phone.startsWith("856") ? `0${national}` : phone;
}
