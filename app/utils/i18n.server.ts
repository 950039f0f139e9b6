// One i18next instance per language, built once: creating one per request costs
// far more than the page it translates. Never call changeLanguage on these.
import type { i18n } from "i18next";
import { env } from "./env.server";
import { createI18n, defaultLocale, isLocale, supportedLocales, type Locale } from "./i18n";

const instances = Object.fromEntries(supportedLocales.map((l) => [l, createI18n(l)])) as Record<Locale, i18n>;

export function i18nFor(locale: Locale): i18n {
  return instances[locale];
}

export const LOCALE_COOKIE = "lng";

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

function fromAcceptLanguage(header: string | null): Locale | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((entry) => {
      const [tag = "", ...params] = entry.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { lang: tag.toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((e) => Number.isFinite(e.q) && e.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { lang } of ranked) if (isLocale(lang)) return lang;
  return null;
}

/** The user's remembered choice, then the language cookie, then the browser, then Lao. */
export function detectLocale(request: Request, userLocale: string | null | undefined): Locale {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie = readCookie(request.headers.get("Cookie"), LOCALE_COOKIE);
  if (isLocale(fromCookie)) return fromCookie;
  return fromAcceptLanguage(request.headers.get("Accept-Language")) ?? defaultLocale;
}

/** The language cookie; Secure, as the session cookie, when the portal is served over HTTPS. */
export function localeCookieHeader(locale: Locale): string {
  const secure = env().SESSION_COOKIE_SECURE ? "; Secure" : "";
  return `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${365 * 24 * 3600}; SameSite=Lax${secure}`;
}
