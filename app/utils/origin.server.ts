// One check on every request that can change something (any method but GET and
// HEAD), for every route, pages and resource routes alike (/language, /logout):
// the browser says which page sent it, and that page must be the portal's own.
//
// The Origin header decides; without one, the Referer's origin does. A request
// with neither is let through: browsers send Origin with every form post (and
// "null" when they hide it, which is refused), so such a request does not come
// from a form on another site, and the session cookie is SameSite=Lax besides.
// Scripts and monitoring tools that send neither keep working. See
// docs/decisions/0007-hardening-at-the-edge.md.
import type { MiddlewareFunction } from "react-router";
import { edgePage } from "./edge.server";
import { getRequestState } from "./request-state.server";

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function originOf(value: string): URL | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/**
 * The portal's own origins: the address the request was made to (by its Host,
 * over http or https: a proxy in front may end TLS), and PUBLIC_BASE_URL when
 * the portal is reached under another name than the one it sees.
 */
function isOwnOrigin(claimed: URL, request: Request, publicBaseUrl: string | undefined): boolean {
  if (claimed.host === new URL(request.url).host) return true;
  const configured = publicBaseUrl ? originOf(publicBaseUrl) : null;
  return configured !== null && configured.origin === claimed.origin;
}

export type OriginVerdict = "same" | "foreign" | "unknown";

/** Whether a state-changing request comes from one of the portal's own pages. */
export function requestOrigin(request: Request, publicBaseUrl = process.env.PUBLIC_BASE_URL): OriginVerdict {
  const origin = request.headers.get("Origin");
  if (origin !== null) {
    const claimed = originOf(origin.trim());
    return claimed && isOwnOrigin(claimed, request, publicBaseUrl) ? "same" : "foreign";
  }
  const referer = request.headers.get("Referer");
  if (referer !== null) {
    const claimed = originOf(referer.trim());
    return claimed && isOwnOrigin(claimed, request, publicBaseUrl) ? "same" : "foreign";
  }
  return "unknown";
}

/** True when the request must be refused: it changes state and was sent from elsewhere. */
export function isForeignWrite(request: Request, publicBaseUrl?: string): boolean {
  return !SAFE_METHODS.has(request.method.toUpperCase()) && requestOrigin(request, publicBaseUrl) === "foreign";
}

/** Root middleware, after the request state: a cross-site write gets a 403 page in the visitor's language, and no route runs. */
export const originMiddleware: MiddlewareFunction<Response> = ({ request, context }, next) => {
  if (isForeignWrite(request)) {
    return edgePage(403, getRequestState(context).locale);
  }
  return next();
};
