import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { countMembers, isYouth } from "~/domain/members/youth";
import { resources } from "~/locales";

describe("isYouth", () => {
  const today = new Date("2025-06-15T10:00:00Z");
  it.each([
    [1991, true], // 34 this year
    [1990, false], // 35 this year
    [2010, true],
    [1950, false],
  ])("born %i: youth %s in 2025", (year, youth) => {
    expect(isYouth(year, today)).toBe(youth);
  });

  it("counts the year in Laos: 31 December 18:00 UTC is already the new year", () => {
    expect(isYouth(1991, new Date("2025-12-31T16:00:00Z"))).toBe(true);
    expect(isYouth(1991, new Date("2025-12-31T18:00:00Z"))).toBe(false);
  });
});

describe("member counts", () => {
  it("breaks members down by sex, youth and the household head's sex", () => {
    const today = new Date("2025-06-15T10:00:00Z");
    const counts = countMembers(
      [
        { memberSex: "female", householdHeadSex: "female", birthYear: 2000 },
        { memberSex: "female", householdHeadSex: "male", birthYear: 1960 },
        { memberSex: "male", householdHeadSex: "male", birthYear: 1999 },
      ],
      today,
    );
    expect(counts).toEqual({ total: 3, female: 2, male: 1, youth: 2, youngWomen: 1, femaleHeaded: 1 });
  });
});

// tests/unit/locales.test.ts checks the keys of the namespaces it knows; this
// checks every "members:…" key used in the app, and the keys the member pages
// look up inside their own namespace.
describe("member register translations", () => {
  const leaves = (value: unknown, prefix = ""): string[] =>
    typeof value === "string" ? [prefix] : Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  const keys = { en: new Set(leaves(resources.en.members)), lo: new Set(leaves(resources.lo.members)) };

  function sources(dir: string): string[] {
    return readdirSync(dir).flatMap((e) => {
      const p = path.join(dir, e);
      if (statSync(p).isDirectory()) return e === "generated" || e === "locales" ? [] : sources(p);
      return /\.tsx?$/.test(e) ? [p] : [];
    });
  }

  it("has every members: key used anywhere in the app, in both languages", () => {
    const used = new Set<string>();
    for (const f of sources("app")) for (const m of readFileSync(f, "utf8").matchAll(/"members:([\w.]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(15);
    for (const key of used) for (const lang of ["en", "lo"] as const) expect(keys[lang].has(key), `${lang} members:${key}`).toBe(true);
  });

  it("has every plain key the member pages translate", () => {
    const used = new Set<string>();
    for (const f of sources("app/routes/fo/members")) for (const m of readFileSync(f, "utf8").matchAll(/\bt\("([\w.]+)"/g)) used.add(m[1]!);
    expect(used.size).toBeGreaterThan(20);
    for (const key of used) for (const lang of ["en", "lo"] as const) expect(keys[lang].has(key), `${lang} members:${key}`).toBe(true);
  });
});
