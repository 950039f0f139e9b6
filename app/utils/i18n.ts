// Translation set-up. Pages are rendered on the server only, so the strings of
// both languages stay there; a phone receives the page, not the dictionary.
import i18next, { type i18n, type TFunction } from "i18next";
import { namespaces, resources } from "~/locales";

export const supportedLocales = ["lo", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
/** Lao first: the language of the farmers' organisations. */
export const defaultLocale: Locale = "lo";

/** A place's, an FO's or a crop's name in the reader's language. */
export function localName(row: { nameLo: string; nameEn: string }, locale: Locale): string {
  return locale === "lo" ? row.nameLo : row.nameEn;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: locale,
    fallbackLng: "en",
    supportedLngs: [...supportedLocales],
    ns: namespaces,
    defaultNS: "common",
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

export type { TFunction };
