// Who may keep a copy of the price board. A signed-out reader gets the same
// board as every other signed-out reader in their language, so phones and
// shared caches may keep it for a few minutes (prices change a few times a
// day); the response varies with the cookie (the language, a session) and the
// browser's language. A signed-in reader's page carries their name and menu,
// so it is never stored by anyone but them, and not even by them.
import type { SessionUser } from "~/utils/request-state.server";

export const PUBLIC_BOARD_MAX_AGE_SECONDS = 300;

export function boardCacheHeaders(user: SessionUser | null): Record<string, string> {
  return {
    "Cache-Control": user ? "private, no-store" : `public, max-age=${PUBLIC_BOARD_MAX_AGE_SECONDS}`,
    Vary: "Cookie, Accept-Language",
  };
}

/** The route's `headers`: the loader's caching rule; anything else (an action's answer, an error) is not stored. */
export function boardHeaders({ loaderHeaders }: { loaderHeaders: Headers }): Headers {
  const headers = new Headers();
  headers.set("Cache-Control", loaderHeaders.get("Cache-Control") ?? "private, no-store");
  headers.set("Vary", loaderHeaders.get("Vary") ?? "Cookie, Accept-Language");
  return headers;
}
