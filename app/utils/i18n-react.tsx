// The pages' translation hook: the same `useTranslation(ns)` shape as
// react-i18next, without its per-call wrapper. Each language's i18next
// instance is built once (./i18n.server), and the translate function of each
// namespace is made once per instance and reused by every render.
import { createContext, createElement, useContext, type ReactNode } from "react";
import type { i18n as I18n, TFunction } from "i18next";

const I18nContext = createContext<I18n | null>(null);
const fixedTs = new WeakMap<I18n, Map<string, TFunction>>();

function fixedT(instance: I18n, ns: string | undefined): TFunction {
  let byNs = fixedTs.get(instance);
  if (!byNs) fixedTs.set(instance, (byNs = new Map()));
  const key = ns ?? "";
  let t = byNs.get(key);
  if (!t) byNs.set(key, (t = ns ? instance.getFixedT(instance.language, ns) : instance.t.bind(instance)));
  return t;
}

export function I18nextProvider({ i18n, children }: { i18n: I18n; children?: ReactNode }) {
  return createElement(I18nContext.Provider, { value: i18n }, children);
}

export function useTranslation(ns?: string): { t: TFunction; i18n: I18n } {
  const instance = useContext(I18nContext);
  if (!instance) throw new Error("useTranslation needs an I18nextProvider above it");
  return { t: fixedT(instance, ns), i18n: instance };
}
