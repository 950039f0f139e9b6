import { describe, expect, it } from "vitest";
import { namespaces, resources } from "~/locales";

function leaves(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof value === "string") out.set(prefix, value);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) for (const [p, s] of leaves(v, prefix ? `${prefix}.${k}` : k)) out.set(p, s);
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe("translations", () => {
  for (const ns of namespaces) {
    it(`${ns}: Lao and English have the same keys, none empty, with the same placeholders`, () => {
      const en = leaves(resources.en[ns]);
      const lo = leaves(resources.lo[ns]);
      expect([...lo.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        const lao = lo.get(key)!;
        expect(text.trim(), `en ${ns}:${key}`).not.toBe("");
        expect(lao.trim(), `lo ${ns}:${key}`).not.toBe("");
        expect(placeholders(lao), `${ns}:${key}`).toEqual(placeholders(text));
      }
    });
  }

  it("writes the Lao texts in Lao script", () => {
    const laoScript = /[\u0E80-\u0EFF]/;
    const exceptions = new Set(["common:language.en"]);
    for (const ns of namespaces)
      for (const [key, text] of leaves(resources.lo[ns]))
        if (!exceptions.has(`${ns}:${key}`) && /[A-Za-z]{4,}/.test(text.replace(/{{\w+}}|name@example\.la/g, "")))
          expect(laoScript.test(text), `${ns}:${key} = ${text}`).toBe(true);
  });

  it("has a translation for every validation key the forms can return", async () => {
    const { readFileSync, readdirSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir)) {
        const p = path.join(dir, e);
        if (statSync(p).isDirectory()) {
          if (e !== "generated" && e !== "locales") walk(p);
        } else if (/\.tsx?$/.test(e)) files.push(p);
      }
    };
    walk("app");
    const used = new Set<string>();
    // A refusal's `messages: "namespace:group"` names a group of messages, one per reason.
    const groups = new Set<string>();
    // Any "namespace:key" string literal in app/ naming a known namespace.
    const nsKey = new RegExp(`(messages:\\s*)?["\`](${namespaces.join("|")}):([\\w.]+)["\`]`, "g");
    for (const f of files) for (const m of readFileSync(f, "utf8").matchAll(nsKey)) (m[1] ? groups : used).add(`${m[2]}:${m[3]}`);
    expect(used.size).toBeGreaterThan(10);
    expect(groups.size).toBeGreaterThan(3);
    for (const key of used) {
      const [ns, rest] = key.split(":") as [keyof typeof resources.en, string];
      for (const lang of ["en", "lo"] as const) expect(leaves(resources[lang][ns]).has(rest), `${lang} ${key}`).toBe(true);
    }
    for (const key of groups) {
      const [ns, rest] = key.split(":") as [keyof typeof resources.en, string];
      for (const lang of ["en", "lo"] as const) {
        const group = [...leaves(resources[lang][ns]).keys()].filter((k) => k.startsWith(`${rest}.`));
        expect(group.length, `${lang} ${key} names a group of messages`).toBeGreaterThan(0);
      }
    }
  });
});
