import { describe, expect, it } from "vitest";
import { checkTemplate, guideClauseKeys } from "~/domain/contracts/template-check";
import { contractTemplates } from "~/domain/contracts/templates";
import { templateCodes } from "~/domain/contracts/snapshot";

const failing = (check: ReturnType<typeof checkTemplate>) => check.items.filter((i) => !i.ok);

describe("the template completeness check", () => {
  it.each(templateCodes)("passes the %s template as the portal ships it", (code) => {
    const check = checkTemplate(contractTemplates[code]);
    expect(failing(check)).toEqual([]);
    expect(check.passed).toBe(true);
    // every clause the guide lists, both placeholders renderings, four summary figures in each language
    expect(check.items).toHaveLength(guideClauseKeys.length + 2 + 8);
  });

  it("refuses a version that lacks a clause the guide lists", () => {
    const t = contractTemplates.forward_fixed;
    const check = checkTemplate({ ...t, clauses: t.clauses.filter((c) => c.key !== "force_majeure") });
    expect(check.passed).toBe(false);
    expect(failing(check)).toEqual([{ kind: "clause", key: "force_majeure", ok: false, missing: ["titleLo", "titleEn", "bodyLo", "bodyEn"] }]);
  });

  it("refuses a clause written in one language only", () => {
    const t = contractTemplates.spot_fixed;
    const clauses = t.clauses.map((c) => (c.key === "payment" ? { ...c, bodyEn: "  " } : c));
    expect(failing(checkTemplate({ ...t, clauses }))).toEqual([{ kind: "clause", key: "payment", ok: false, missing: ["bodyEn"] }]);
  });

  it("refuses a placeholder that does not resolve, in the language it is in", () => {
    const t = contractTemplates.spot_fixed;
    const clauses = t.clauses.map((c) => (c.key === "price" ? { ...c, bodyLo: `${c.bodyLo} {{priceInDollars}}` } : c));
    const bad = failing(checkTemplate({ ...t, clauses }));
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ kind: "placeholders", locale: "lo", ok: false });
    expect((bad[0] as { problem: string }).problem).toContain("priceInDollars");
  });
});

describe("the summary's figures", () => {
  it("finds each figure missing from a summary that leaves it out, in each language", async () => {
    const { summaryItems } = await import("~/domain/contracts/template-check");
    const t = contractTemplates.forward_floor;
    for (const locale of ["lo", "en"] as const) {
      const items = summaryItems("Nothing but words.", t, locale);
      expect(items.map((i) => [i.kind === "summary" && i.what, i.ok])).toEqual([["price", false], ["quantity", false], ["payment", false], ["deductions", false]]);
    }
  });
});
