// The pages' translation hook: the same `useTranslation(ns)` shape as
// react-i18next, without its per-call wrapper. Each language's i18next
// instance is built once (./i18n.server), and the translate function of each
// namespace is made once per instance (./fast-t) and reused by every render.
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { i18n as I18n, TFunction } from "i18next";
import { translator } from "./fast-t";
import { defaultLocale, isLocale, type Locale } from "./i18n";

const I18nContext = createContext<I18n | null>(null);

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

export function useTranslation(ns?: string): { t: TFunction; i18n: I18n } {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error("useTranslation needs an I18nextProvider above it");
  return { t: translator(instance, ns), i18n: instance };
}

/** The language the page is rendered in. */
export function useLocale(): Locale {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error("useLocale needs an I18nextProvider above it");
  return isLocale(instance.language) ? instance.language : defaultLocale;
}
