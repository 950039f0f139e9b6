// Locale-aware display of LAK, kg and dates. Stored values are integers; these
// only format them. Both languages use Western digits, as on Lao price boards
// and scales; the unit words and month names follow the language.
import type { Locale } from "./i18n";

const tags: Record<Locale, string> = { lo: "lo-LA", en: "en-GB" };

const numberFormats = new Map<Locale, Intl.NumberFormat>();
function numberFormat(locale: Locale): Intl.NumberFormat {
  let f = numberFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(tags[locale], { maximumFractionDigits: 0, numberingSystem: "latn" });
    numberFormats.set(locale, f);
  }
  return f;
}

export function formatNumber(value: number | bigint, locale: Locale): string {
  return numberFormat(locale).format(value);
}

export function formatLak(value: number | bigint, locale: Locale): string {
  return locale === "lo" ? `${formatNumber(value, locale)} ກີບ` : `${formatNumber(value, locale)} LAK`;
}

export function formatKg(value: number | bigint, locale: Locale): string {
  return locale === "lo" ? `${formatNumber(value, locale)} ກິໂລ` : `${formatNumber(value, locale)} kg`;
}

/** Moisture and other per-mille measures, shown as a percentage with one decimal. */
export function formatPermilleAsPercent(permille: number, locale: Locale): string {
  const f = new Intl.NumberFormat(tags[locale], { minimumFractionDigits: 1, maximumFractionDigits: 1, numberingSystem: "latn" });
  return `${f.format(permille / 10)} %`;
}

const laoMonths = [
  "ມັງກອນ", "ກຸມພາ", "ມີນາ", "ເມສາ", "ພຶດສະພາ", "ມິຖຸນາ",
  "ກໍລະກົດ", "ສິງຫາ", "ກັນຍາ", "ຕຸລາ", "ພະຈິກ", "ທັນວາ",
];
const englishMonths = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
];

/** Dates in the portal's time zone (Asia/Vientiane, UTC+7, no daylight saving). */
export function formatDate(date: Date | string, locale: Locale): string {
  const d = typeof date === "string" ? new Date(date) : date;
  const local = new Date(d.getTime() + 7 * 3600_000);
  const day = local.getUTCDate();
  const month = local.getUTCMonth();
  const year = local.getUTCFullYear();
  // Written out rather than through Intl: Node's ICU data may lack Lao month names.
  return locale === "lo" ? `${day} ${laoMonths[month]} ${year}` : `${day} ${englishMonths[month]} ${year}`;
}
