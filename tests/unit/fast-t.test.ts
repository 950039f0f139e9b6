// The pages translate with ./fast-t; it must give exactly what i18next gives,
// for every string of both languages, with and without values for its placeholders.
import { describe, expect, it } from "vitest";
import { translator } from "~/utils/fast-t";
import { createI18n, supportedLocales } from "~/utils/i18n";
import { namespaces, resources } from "~/locales";

function keysOf(value: unknown, prefix = ""): string[] {
  if (typeof value === "string") return [prefix];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe("the fast translate function", () => {
  for (const locale of supportedLocales) {
    it(`gives what i18next gives for every ${locale} string, in its own namespace and from another`, () => {
      const instance = createI18n(locale);
      let checked = 0;
      for (const ns of namespaces) {
        const fast = translator(instance, ns);
        const fromCommon = translator(instance, "common");
        const slow = instance.getFixedT(locale, ns);
        for (const key of keysOf(resources.en[ns as keyof typeof resources.en])) {
          const names = [...((slow(key) as string).matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g) ?? [])].map((m) => m[1]!);
          const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? 1234 : `«${n}»`]));
          expect(fast(key)).toBe(slow(key));
          expect(fast(key, values)).toBe(slow(key, values));
          expect(fromCommon(`${ns}:${key}`, values)).toBe(slow(key, values));
          if (names.length) expect(fast(key, { [names[0]!]: null })).toBe(slow(key, { [names[0]!]: null }));
          for (const count of [0, 1, 2, 21]) expect(fast(key, { ...values, count })).toBe(slow(key, { ...values, count }));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(500);
    });
  }

  it("hands what it does not know to i18next: a missing key, a whole object, a count", () => {
    const instance = createI18n("en");
    const fast = translator(instance, "listings");
    const slow = instance.getFixedT("en", "listings");
    for (const args of [["no.such.key"], ["browse"], ["browse.found", { count: 3 }], ["common:nope"], ["browse.found", { context: "x" }]] as const)
      expect(fast(...(args as [string]))).toBe(slow(...(args as [string])));
  });
});
