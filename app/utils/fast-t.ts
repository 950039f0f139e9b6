// A translate function that looks strings up in a flat table built once per
// language and fills {{placeholders}} itself: i18next's own t() re-parses the
// key, options and every nesting and plural rule on each call, which cost a
// tenth of a page's CPU. The portal's strings use plain {{name}} placeholders
// only (no plurals, contexts, nesting or formats: a test checks every string
// gives what i18next gives); anything else is handed to i18next.
import type { i18n as I18n, TFunction } from "i18next";

type Table = Map<string, string>;
const tables = new WeakMap<I18n, Table>();

function flatten(into: Table, ns: string, prefix: string, value: unknown) {
  if (typeof value === "string") into.set(`${ns}:${prefix}`, value);
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) flatten(into, ns, prefix ? `${prefix}.${k}` : k, v);
}

/** Every string of the instance's language, with the fallback language beneath it, by "ns:key". */
function tableOf(instance: I18n): Table {
  let table = tables.get(instance);
  if (table) return table;
  table = new Map();
  const store = instance.store.data;
  const fallbacks = [instance.options.fallbackLng].flat().filter((l): l is string => typeof l === "string");
  for (const lng of [...fallbacks.reverse(), instance.language]) for (const [ns, strings] of Object.entries(store[lng] ?? {})) flatten(table, ns, "", strings);
  tables.set(instance, table);
  return table;
}

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** A string cut once at its placeholders: even entries are text, odd ones `[name, whole]`. */
type Template = (string | readonly [string, string])[];
const templates = new Map<string, Template>();

function templateOf(text: string): Template {
  let parts = templates.get(text);
  if (parts) return parts;
  parts = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, match.index), [match[1]!, match[0]] as const);
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  templates.set(text, parts);
  return parts;
}

// The strings are few and fixed, the calls many: a page of offers fills the same
// sentences hundreds of times, so each is parsed once instead of by a regex each call.
function interpolate(text: string, values: Record<string, unknown>): string {
  const parts = templateOf(text);
  let out = parts[0] as string;
  for (let i = 1; i < parts.length; i += 2) {
    const [name, whole] = parts[i] as readonly [string, string];
    const v = name in values ? values[name] : undefined;
    out += (v === undefined ? whole : v === null ? "" : String(v)) + (parts[i + 1] as string);
  }
  return out;
}

const SIMPLE_OPTIONS = new Set(["lng", "ns"]);

/** A translate function for one namespace, equal to i18next's getFixedT(language, ns) on the portal's strings. */
export function createFastT(instance: I18n, defaultNs: string): TFunction {
  const table = tableOf(instance);
  const namespaces = new Set(Object.keys(instance.store.data[instance.language] ?? {}));
  const slow = instance.getFixedT(instance.language, defaultNs) as unknown as (...a: unknown[]) => unknown;
  const plurals = new Set(
    [...table.keys()].flatMap((k) => (/_(zero|one|two|few|many|other)$/.test(k) ? [k.replace(/_(zero|one|two|few|many|other)$/, "")] : [])),
  );
  const t = (key: unknown, options?: unknown): unknown => {
    if (typeof key !== "string" || (options !== undefined && (typeof options !== "object" || options === null))) return slow(key, options);
    const opts = (options ?? {}) as Record<string, unknown>;
    for (const name of ["context", "defaultValue", "returnObjects", "ordinal", "replace", "lngs", "fallbackLng"]) if (name in opts) return slow(key, options);
    const colon = key.indexOf(":");
    const ns = typeof opts.ns === "string" ? opts.ns : colon > 0 && namespaces.has(key.slice(0, colon)) ? key.slice(0, colon) : defaultNs;
    const bare = colon > 0 && namespaces.has(key.slice(0, colon)) ? key.slice(colon + 1) : key;
    const text = table.get(`${ns}:${bare}`);
    if (text === undefined || "lng" in opts) return slow(key, options);
    // A count picks a plural form (key_one, key_other…) where the strings have them; none do today, but hand those to i18next.
    if ("count" in opts && plurals.has(`${ns}:${bare}`)) return slow(key, options);
    for (const name of Object.keys(opts)) if (!SIMPLE_OPTIONS.has(name) && name.startsWith("interpolation")) return slow(key, options);
    return text.includes("{{") ? interpolate(text, opts) : text;
  };
  return t as unknown as TFunction;
}

const cache = new WeakMap<I18n, Map<string, TFunction>>();

/** The translate function of one namespace (default: the instance's default one), made once per instance. */
export function translator(instance: I18n, ns?: string): TFunction {
  const name = ns ?? String(instance.options.defaultNS ?? "common");
  let byNs = cache.get(instance);
  if (!byNs) cache.set(instance, (byNs = new Map()));
  let t = byNs.get(name);
  if (!t) byNs.set(name, (t = createFastT(instance, name)));
  return t;
}
