// Translation set-up shared by server and browser. Both languages are bundled:
// they are small, and a phone on a weak network should not fetch them separately.
import i18next, { type i18n, type TFunction } from "i18next";
import { initReactI18next } from "react-i18next";
import { namespaces, resources } from "~/locales";

export const supportedLocales = ["lo", "en"] as const;
export type Locale = (typeof supportedLocales)[number];
/** Lao first: the language of the farmers' organisations. */
export const defaultLocale: Locale = "lo";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (supportedLocales as readonly string[]).includes(value);
}

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
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
