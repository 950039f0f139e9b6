import { describe, expect, it } from "vitest";
import { checkTemplate, guideClauseKeys } from "~/domain/contracts/template-check";
import { contractTemplates, latestContractTemplates } from "~/domain/contracts/templates";
import { templateCodes } from "~/domain/contracts/snapshot";

const failing = (check: ReturnType<typeof checkTemplate>) => check.items.filter((i) => !i.ok);

describe("the template completeness check", () => {
  it.each(templateCodes)("passes the %s template as the portal ships it", (code) => {
    const check = checkTemplate(latestContractTemplates[code]);
    expect(failing(check)).toEqual([]);
    expect(check.passed).toBe(true);
    // every clause the guide lists, both placeholders renderings, four summary figures in each language
    expect(check.items).toHaveLength(1 + guideClauseKeys.length + 2 + 8);
  });

  it.each(templateCodes)("refuses version 1 of %s, which lacks confidentiality and the member's grievance path", (code) => {
    const check = checkTemplate(contractTemplates[code]);
    expect(check.passed).toBe(false);
    expect(failing(check)).toEqual([
      { kind: "clause", key: "confidentiality", ok: false, missing: ["titleLo", "titleEn", "bodyLo", "bodyEn"] },
      { kind: "clause", key: "grievance", ok: false, missing: ["titleLo", "titleEn", "bodyLo", "bodyEn"] },
    ]);
  });

  it("lists the guide's further clauses after the fifteen", () => {
    expect(guideClauseKeys.slice(-2)).toEqual(["confidentiality", "grievance"]);
    expect(guideClauseKeys).toHaveLength(17);
  });

  it("refuses a version 2 without its confidentiality clause, or with its grievance clause in one language", () => {
    const t = latestContractTemplates.forward_floor;
    expect(failing(checkTemplate({ ...t, clauses: t.clauses.filter((c) => c.key !== "confidentiality") }))).toEqual([
      { kind: "clause", key: "confidentiality", ok: false, missing: ["titleLo", "titleEn", "bodyLo", "bodyEn"] },
    ]);
    const clauses = t.clauses.map((c) => (c.key === "grievance" ? { ...c, bodyLo: "" } : c));
    expect(failing(checkTemplate({ ...t, clauses }))).toEqual([{ kind: "clause", key: "grievance", ok: false, missing: ["bodyLo"] }]);
  });

  it("refuses a version that lacks a clause the guide lists", () => {
    const t = latestContractTemplates.forward_fixed;
    const check = checkTemplate({ ...t, clauses: t.clauses.filter((c) => c.key !== "force_majeure") });
    expect(check.passed).toBe(false);
    expect(failing(check)).toEqual([{ kind: "clause", key: "force_majeure", ok: false, missing: ["titleLo", "titleEn", "bodyLo", "bodyEn"] }]);
  });

  it("refuses a version that does not name its legal basis in both languages", () => {
    const t = latestContractTemplates.input_supply;
    expect(failing(checkTemplate({ ...t, legalBasisEn: " " }))).toEqual([{ kind: "legalBasis", ok: false, missing: ["en"] }]);
    expect(failing(checkTemplate({ ...t, legalBasisLo: null, legalBasisEn: null }))).toEqual([{ kind: "legalBasis", ok: false, missing: ["lo", "en"] }]);
  });

  it("refuses a clause written in one language only", () => {
    const t = latestContractTemplates.spot_fixed;
    const clauses = t.clauses.map((c) => (c.key === "payment" ? { ...c, bodyEn: "  " } : c));
    expect(failing(checkTemplate({ ...t, clauses }))).toEqual([{ kind: "clause", key: "payment", ok: false, missing: ["bodyEn"] }]);
  });

  it("refuses a placeholder that does not resolve, in the language it is in", () => {
    const t = latestContractTemplates.spot_fixed;
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
    const t = latestContractTemplates.forward_floor;
    for (const locale of ["lo", "en"] as const) {
      const items = summaryItems("Nothing but words.", t, locale);
      expect(items.map((i) => [i.kind === "summary" && i.what, i.ok])).toEqual([
        ["price", false],
        ["quantity", false],
        ["payment", false],
        ["deductions", false],
      ]);
    }
  });
});

describe("the legal basis in the contract's heading", () => {
  it("is named when the template version names it, and absent from contracts written before", async () => {
    const { renderContract } = await import("~/domain/contracts/render");
    const { sampleSnapshot } = await import("~/domain/contracts/sample-contract");
    const t = contractTemplates.forward_fixed;
    const before = sampleSnapshot(t);
    const named = { ...before, template: { ...before.template, legalBasis: { lo: t.legalBasisLo, en: t.legalBasisEn } } };
    const without = renderContract(before, t.clauses);
    const withBasis = renderContract(named, t.clauses);
    expect(without.textEn).not.toContain("Legal basis");
    expect(withBasis.textEn).toContain(`Legal basis: ${t.legalBasisEn}\n`);
    expect(withBasis.textLo).toContain(`ພື້ນຖານທາງກົດໝາຍ: ${t.legalBasisLo}\n`);
    expect(withBasis.sha256).not.toBe(without.sha256);
    // Only the heading differs.
    expect(withBasis.textEn.replace(`Legal basis: ${t.legalBasisEn}\n`, "")).toBe(without.textEn);
  });
});
