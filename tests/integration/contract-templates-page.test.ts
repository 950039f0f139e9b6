import { describe, expect, it } from "vitest";
import { readClauses } from "~/domain/contracts/clauses";
import { draftNewVersion, publishTemplate, saveDraftClauses } from "~/domain/contracts/templates.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { action as listAction, loader as listLoader } from "~/routes/templates/index";
import { action as templateAction, loader as templateLoader } from "~/routes/templates/template";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

async function latest(code: string) {
  return db.contractTemplate.findFirstOrThrow({ where: { code }, orderBy: { version: "desc" } });
}

describe("contract templates", () => {
  it("lets a facilitator draft, edit and publish a new version; new contracts use it, written ones keep theirs", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const fo = await createFo();
    const trader = await createCompany();
    const listing = await publishedListing(fo);
    const before = await latest("spot_fixed");

    const started = await call(listAction, await request("/templates", { userId: facilitator.id, form: { code: "spot_fixed" } }));
    const draftId = locationOf(started)!.split("/")[2]!.split("?")[0]!;
    const draft = await db.contractTemplate.findUniqueOrThrow({ where: { id: draftId } });
    expect(draft).toMatchObject({ code: "spot_fixed", version: before.version + 1, status: "draft", clauses: before.clauses });

    const clauses = readClauses(draft.clauses);
    const form: Record<string, string> = {
      intent: "save",
      legalBasisLo: draft.legalBasisLo ?? "",
      legalBasisEn: "Decree No. 56/Gov on Contract Farming (January 2025)",
    };
    clauses.forEach((c, i) => {
      form[`clause.${i}.titleLo`] = c.titleLo;
      form[`clause.${i}.titleEn`] = c.titleEn;
      form[`clause.${i}.bodyLo`] = c.bodyLo;
      form[`clause.${i}.bodyEn`] = i === 0 ? `${c.bodyEn}\nRevised wording for contract {{contractNumber}}.` : c.bodyEn;
    });
    expect(
      dataOf<{ ok: boolean }>(await call(templateAction, await request(`/templates/${draftId}`, { userId: facilitator.id, form }), { templateId: draftId })).ok,
    ).toBe(true);

    // Before publication, new contracts still use the published version.
    const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms());
    expect(
      dataOf<{ ok: boolean }>(
        await call(templateAction, await request(`/templates/${draftId}`, { userId: facilitator.id, form: { intent: "publish" } }), { templateId: draftId }),
      ).ok,
    ).toBe(true);
    if (!made.ok) throw new Error("offer");
    const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
    const contract = await readContract((accepted as { contractId: string }).contractId);
    expect(contract.templateId).toBe(draftId);
    expect(contract.textEn).toContain(`Revised wording for contract ${contract.number}.`);
    expect(contract.textEn).toContain("Legal basis: Decree No. 56/Gov on Contract Farming (January 2025)\n");
    expect((await db.contractTemplate.findUniqueOrThrow({ where: { id: before.id } })).clauses).toBe(before.clauses);
  });

  it("never changes a published version", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const published = await latest("forward_fixed");
    const clauses = readClauses(published.clauses).map((c) => ({ ...c, bodyEn: "Changed." }));
    expect(await saveDraftClauses(db, facilitator, published.id, clauses)).toEqual({ ok: false, reason: "notDraft" });
    expect(await publishTemplate(db, facilitator, published.id)).toEqual({ ok: false, reason: "notDraft" });
    expect((await db.contractTemplate.findUniqueOrThrow({ where: { id: published.id } })).clauses).toBe(published.clauses);
  });

  it("refuses a draft saved without its legal basis, writing nothing", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const started = await draftNewVersion(db, facilitator, "forward_fixed");
    if (!started.ok) throw new Error("draft");
    const draft = await db.contractTemplate.findUniqueOrThrow({ where: { id: started.templateId } });
    expect(draft.legalBasisLo).toBeTruthy();
    const result = await saveDraftClauses(db, facilitator, draft.id, readClauses(draft.clauses), { lo: "  ", en: "x".repeat(501) });
    expect(result).toEqual({ ok: false, fieldErrors: { legalBasisLo: "validation:required", legalBasisEn: "validation:tooLong" } });
    expect(await db.contractTemplate.findUniqueOrThrow({ where: { id: draft.id } })).toEqual(draft);
  });

  it("refuses unknown placeholders and empty texts, writing nothing, and a second draft", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const started = await draftNewVersion(db, facilitator, "input_supply");
    if (!started.ok) throw new Error("draft");
    expect(await draftNewVersion(db, facilitator, "input_supply")).toEqual({ ok: false, reason: "draftExists" });
    const draft = await db.contractTemplate.findUniqueOrThrow({ where: { id: started.templateId } });
    const clauses = readClauses(draft.clauses);
    const bad = clauses.map((c, i) => (i === 0 ? { ...c, bodyEn: "Pay {{bribe}} to the agent.", titleLo: " " } : c));
    expect(await saveDraftClauses(db, facilitator, draft.id, bad)).toEqual({
      ok: false,
      fieldErrors: { "clause.0.bodyEn": "templates:errors.unknownPlaceholder", "clause.0.titleLo": "validation:required" },
    });
    expect((await db.contractTemplate.findUniqueOrThrow({ where: { id: draft.id } })).clauses).toBe(draft.clauses);
  });

  it("publishes only a version that passes the completeness check, and shows the check to the facilitator", async () => {
    const facilitator = await createUser({ roles: ["facilitator"] });
    const started = await draftNewVersion(db, facilitator, "forward_floor");
    if (!started.ok) throw new Error("draft");
    const draft = await db.contractTemplate.findUniqueOrThrow({ where: { id: started.templateId } });
    const page = async () =>
      dataOf<{ check: { passed: boolean; items: { kind: string; key?: string; ok: boolean }[] } }>(
        await call(templateLoader, await request(`/templates/${draft.id}`, { userId: facilitator.id }), { templateId: draft.id }),
      );
    expect((await page()).check.passed).toBe(true);

    // A version without the force-majeure clause, as an older draft could be.
    const lacking = JSON.stringify(readClauses(draft.clauses).filter((c) => c.key !== "force_majeure"));
    await db.contractTemplate.update({ where: { id: draft.id }, data: { clauses: lacking } });
    const shown = await page();
    expect(shown.check.passed).toBe(false);
    expect(shown.check.items.filter((i) => !i.ok)).toEqual([expect.objectContaining({ kind: "clause", key: "force_majeure", ok: false })]);
    const refused = await call(templateAction, await request(`/templates/${draft.id}`, { userId: facilitator.id, form: { intent: "publish" } }), {
      templateId: draft.id,
    });
    expect(statusOf(refused)).toBe(409);
    expect(dataOf<{ message: string }>(refused).message).toBe("templates:errors.incomplete");
    expect(await db.contractTemplate.findUniqueOrThrow({ where: { id: draft.id }, select: { status: true, publishedAt: true } })).toEqual({
      status: "draft",
      publishedAt: null,
    });

    await db.contractTemplate.update({ where: { id: draft.id }, data: { clauses: draft.clauses } });
    expect(await publishTemplate(db, facilitator, draft.id)).toEqual({ ok: true, templateId: draft.id });
  });

  it("is for facilitators and administrators only", async () => {
    const templatesBefore = await db.contractTemplate.count();
    for (const role of ["fo_leader", "trader"] as const) {
      const user = await createUser({ roles: [role] });
      expect(statusOf(await call(listLoader, await request("/templates", { userId: user.id })))).toBe(403);
      expect(statusOf(await call(listAction, await request("/templates", { userId: user.id, form: { code: "spot_fixed" } })))).toBe(403);
    }
    expect(await db.contractTemplate.count()).toBe(templatesBefore);
  });
});
