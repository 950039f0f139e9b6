// Where the portal may send a browser back to after an action (sign-in, a
// language switch, a notification's link): only a path of the portal itself.
//
// Browsers are lenient with a Location header: they strip tabs and line breaks
// ("/\t/evil.example" becomes "//evil.example", another site), read "\" as "/",
// and treat "//host" as an address elsewhere. So a value is refused outright when
// it holds anything but printable ASCII (control characters, spaces, characters
// outside Latin-1 that the header cannot even carry) or a backslash, and is then
// parsed with the URL parser against a fixed base: it must stay on that base's
// origin, and the path it normalises to must not start with "//" (as
// "/..//evil.example" does) nor decode to one that does.

const BASE = new URL("http://portal.invalid");
const MAX_LENGTH = 2048;

/** Printable ASCII except the backslash: "!" (0x21) to "~" (0x7e). */
const PLAIN = /^[\x21-\x5b\x5d-\x7e]*$/;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A path that must not lead anywhere but this origin, even if decoded once more by someone. */
function isSafePathname(pathname: string): boolean {
  if (!pathname.startsWith("/") || pathname.startsWith("//")) return false;
  const decoded = decodedOnce(pathname);
  if (decoded === null) return false;
  // Control characters and spaces, which a browser may drop or read as a path of its own.
  // eslint-disable-next-line no-control-regex
  return !decoded.startsWith("//") && !/[\\\x00-\x20\x7f]/.test(decoded);
}

/**
 * `value` when it is a path of the portal ("/fo", "/listings?crop=maize"),
 * normalised by the URL parser; otherwise `fallback`. Never throws.
 */
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  if (!PLAIN.test(value) || !value.startsWith("/") || value.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin || url.username || url.password) return fallback;
  if (!isSafePathname(url.pathname)) return fallback;
  const path = url.pathname + url.search + url.hash;
  return PLAIN.test(path) ? path : fallback;
}

/** The same check under its older name. */
export const safeRedirect = safeRedirectPath;
