// What the production server (server/index.mjs) asks of the app before and
// after the router: how large a request body may be, how many requests it works
// on at once, the short translated pages it answers itself (413, 503), the
// security headers of every response, and closing the database on shutdown.
// Exported through app/entry.server.tsx, so the server reads them from the build.
import { createHash } from "node:crypto";
import { z } from "zod";
import { MAX_UPLOAD_BODY_BYTES } from "~/routes/fo/members/import-upload.server";
import { db } from "./db.server";
import { detectLocale, i18nFor } from "./i18n.server";
import type { Locale } from "./i18n";
import { translator } from "./fast-t";
import { closeReads } from "./reads.server";

// ---------------------------------------------------------------------------
// Request bodies
// ---------------------------------------------------------------------------

/** Every form of the portal fits in far less; a larger body is refused unread. */
export const FORM_BODY_BYTES = 256 * 1024;

const MEMBER_IMPORT = /^\/fo\/[^/]+\/members\/import(?:\.data)?\/?$/;

/** The most bytes a request body to `pathname` may have. */
export function bodyLimitFor(pathname: string): number {
  return MEMBER_IMPORT.test(pathname) ? MAX_UPLOAD_BODY_BYTES : FORM_BODY_BYTES;
}

/** "256 KB", "2 MB": a limit as the 413 page states it. */
export function formatLimit(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.floor(bytes / (1024 * 1024))} MB` : `${Math.floor(bytes / 1024)} KB`;
}

// ---------------------------------------------------------------------------
// Load
// ---------------------------------------------------------------------------

const count = (name: string, fallback: number, min: number) =>
  z
    .string()
    .regex(/^\d{1,6}$/, { error: `${name} must be a whole number.` })
    .default(String(fallback))
    .transform(Number)
    .refine((n) => n >= min, { error: `${name} must be at least ${min}.` });

const LimitsSchema = z.object({
  MAX_REQUESTS_IN_FLIGHT: count("MAX_REQUESTS_IN_FLIGHT", 16, 1),
  MAX_REQUESTS_QUEUED: count("MAX_REQUESTS_QUEUED", 64, 0),
});

export type ServerLimits = {
  /** requests the app works on at once */
  inFlight: number;
  /** requests waiting for one of those places; beyond them, 503 */
  queued: number;
  /** how long a request may wait in the queue before it gets 503 */
  queueWaitMs: number;
  /** the bodies being received at once, all together */
  bufferedBodyBytes: number;
  /** seconds a refused client is asked to wait (Retry-After) */
  retryAfterSeconds: number;
};

/**
 * The server's bounds, from the environment. The defaults suit two cores: the
 * app's JavaScript runs on one, and sixteen requests at once let password
 * hashing (on the thread pool) and page rendering overlap; sixty-four waiting
 * at a few milliseconds of work each is well under a second of queue.
 */
export function serverLimits(environment: Record<string, string | undefined> = process.env): ServerLimits {
  const parsed = LimitsSchema.safeParse(environment);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`The portal cannot start; its environment is incomplete:\n${lines.join("\n")}`);
  }
  return {
    inFlight: parsed.data.MAX_REQUESTS_IN_FLIGHT,
    queued: parsed.data.MAX_REQUESTS_QUEUED,
    queueWaitMs: 5_000,
    bufferedBodyBytes: 32 * 1024 * 1024,
    retryAfterSeconds: 5,
  };
}

// ---------------------------------------------------------------------------
// The pages the server answers itself
// ---------------------------------------------------------------------------

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export type EdgeStatus = 403 | 413 | 503;

/**
 * A short page for a request the portal refuses before any route runs, in the
 * visitor's language: plain HTML, no script, no style, nothing to load.
 */
export function edgePage(status: EdgeStatus, locale: Locale, options: { limitBytes?: number; headers?: HeadersInit } = {}): Response {
  const t = translator(i18nFor(locale));
  const key = status === 403 ? "crossSite" : String(status);
  const title = t(`errors:${key}.title`);
  const text = t(`errors:${key}.text`, { limit: formatLimit(options.limitBytes ?? FORM_BODY_BYTES) });
  const html =
    `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
    `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>` +
    `<p><a href="/">${escapeHtml(t("errors:backHome"))}</a></p></main></body></html>`;
  const headers = new Headers(options.headers);
  headers.set("Content-Type", "text/html; charset=utf-8");
  headers.set("Cache-Control", "no-store");
  return new Response(html, { status, headers });
}

/** The visitor's language from the request's headers alone (the language cookie, else the browser's). */
export function localeFromHeaders(cookie: string | undefined, acceptLanguage: string | undefined): Locale {
  const headers = new Headers();
  if (cookie) headers.set("Cookie", cookie);
  if (acceptLanguage) headers.set("Accept-Language", acceptLanguage);
  return detectLocale(new Request("http://portal.invalid/", { headers }), null);
}

/** The 413 or 503 page the server sends, in the language its headers ask for. */
export function refusalPage(
  status: 413 | 503,
  headers: { cookie?: string; "accept-language"?: string },
  options: { limitBytes?: number; retryAfterSeconds?: number } = {},
): Response {
  const extra: Record<string, string> = {};
  if (status === 503) extra["Retry-After"] = String(options.retryAfterSeconds ?? 5);
  return edgePage(status, localeFromHeaders(headers.cookie, headers["accept-language"]), { limitBytes: options.limitBytes, headers: extra });
}

// ---------------------------------------------------------------------------
// Security headers
// ---------------------------------------------------------------------------

/**
 * The pages' inline <style> elements, each a fixed print rule, allowed by its
 * hash (no other inline style is: style attributes and injected <style> are
 * refused). A change to one of these rules must change it here too: the unit
 * test reads the routes and fails until it does.
 */
export const INLINE_STYLES: readonly string[] = [
  // app/routes/fo/members/passbook.tsx
  "@media print { main { max-width: none; padding: 0; } }",
  // app/routes/reports/index.tsx
  "@media print { @page { size: A4 landscape; } main { max-width: none; padding: 0; } section.report-table { break-inside: avoid; } table { font-size: 8pt; } }",
  // app/routes/prices/index.tsx
  "@page { size: A4; margin: 12mm; } @media print { body { background: white; } main { max-width: none; padding: 0; } table { font-size: 9pt; } .price-chart { display: none; } section.price-parity { break-inside: avoid; } }",
  // app/routes/contracts/payout.tsx
  "@page { size: A4; margin: 12mm; } @media print { body { background: white; } main { max-width: none; padding: 0; } table { font-size: 9pt; } }",
];

const styleHash = (css: string) => `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;

/**
 * The portal's own files only: pages carry no inline script (they are not
 * hydrated; the one script is /assets/enhance-*.js), so no nonce is needed.
 * Images may be data: URLs (none today; the QR code is inline SVG markup).
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self' ${INLINE_STYLES.map(styleHash).join(" ")}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
}

/** "true" in SESSION_COOKIE_SECURE: the portal is served over HTTPS. */
export function servedOverHttps(environment: Record<string, string | undefined> = process.env): boolean {
  return environment.SESSION_COOKIE_SECURE === "true";
}

/** The headers every response carries (pages, files, redirects, refusals). */
export function securityHeaders(environment: Record<string, string | undefined> = process.env): Record<string, string> {
  const headers: Record<string, string> = {
    "Content-Security-Policy": contentSecurityPolicy(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (servedOverHttps(environment)) headers["Strict-Transport-Security"] = "max-age=31536000";
  return headers;
}

// ---------------------------------------------------------------------------
// Shutdown
// ---------------------------------------------------------------------------

/** Closes both database connections: Prisma's (writes) and the prepared-statement reader. */
export async function closeDatabases(): Promise<void> {
  await db.$disconnect();
  closeReads();
}
