import { describe, expect, it } from "vitest";
import { FrozenContractError } from "~/domain/contracts/frozen";
import { contractHash } from "~/domain/contracts/contract-hash";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { withdrawListing } from "~/domain/listings/listings.server";
import { acceptOffer, counterOffer, rejectOffer, reviseOffer, withdrawOffer } from "~/domain/offers/offers.server";
import { action as contractAction, loader as contractLoader } from "~/routes/contracts/detail";
import { loader as contractsLoader } from "~/routes/contracts/index";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { acceptedContract as accepted } from "../fixtures/contracts";
import { createCompany, createFo, offerTerms, readContract } from "../fixtures/market";

const acceptedContract = (terms: Record<string, string> = {}) => accepted({ terms });

const sign = (
  contract: { id: string; sha256: string },
  actor: { id: string; roles: string[] },
  as: "fo" | "trader" | "witness",
  extra: Partial<{ password: string; confirmRead: boolean; sha256: string }> = {},
) => signContract(db, actor as never, contract.id, { as, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true, ...extra });

const withRoles = (user: { id: string }, ...roles: string[]) => ({ id: user.id, roles });

describe("contract generation on acceptance", () => {
  it("freezes the parties and every term, renders both languages with a summary, and hashes them", async () => {
    const { fo, trader, contract, offerId } = await acceptedContract({ priceLakPerKg: "3100", quantityKg: "3000", paymentDays: "7" });
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    expect(contract.number).toMatch(new RegExp(`^SSJ-${year}-\\d{4}$`));
    expect(contract).toMatchObject({
      status: "awaiting_signatures",
      offerId,
      organisationId: fo.organisation.id,
      companyId: trader.company.id,
      valueLak: 9_300_000n,
    });
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.terms).toMatchObject({ priceLakPerKg: 3100, quantityKg: 3000, paymentDays: 7, moistureBasisPermille: 140 });
    expect(snapshot.fo.name.en).toBe(fo.organisation.nameEn);
    expect(snapshot.trader.name).toBe(trader.company.name);
    expect(contract.summaryEn).toContain("3,000 kg");
    expect(contract.summaryEn).toContain("3,100");
    expect(contract.textLo).toMatch(/[\u0E80-\u0EFF]/);
    expect(contract.sha256).toBe(contractHash(contract.textLo, contract.textEn));
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.generated" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "contract_ready" } })).toBe(1);
    expect(await db.notification.count({ where: { userId: trader.trader.id, kind: "contract_ready" } })).toBe(1);
  });

  it("numbers contracts one after another within the year", async () => {
    const a = await acceptedContract();
    const b = await acceptedContract();
    expect(b.contract.sequence).toBe(a.contract.sequence + 1);
    expect(b.contract.year).toBe(a.contract.year);
  });

  it("needs a witness above the value threshold", async () => {
    const { contract } = await acceptedContract({ priceLakPerKg: "40000", quantityKg: "3000" });
    expect(contract.valueLak).toBe(120_000_000n);
    expect(contract.witnessRequired).toBe(true);
  });
});

describe("signing", () => {
  it("comes into force once the FO and the trader have signed, each with their password", async () => {
    const { fo, trader, contract } = await acceptedContract();
    expect(await sign(contract, withRoles(fo.leader, "fo_leader"), "fo")).toEqual({ ok: true, active: false });
    expect(await sign(contract, withRoles(trader.trader, "trader"), "trader")).toEqual({ ok: true, active: true });
    const after = await db.contract.findUniqueOrThrow({ where: { id: contract.id }, include: { signatures: true } });
    expect(after.status).toBe("active");
    expect(after.signatures.map((s) => s.party).sort()).toEqual(["fo", "trader"]);
    expect(after.signatures.every((s) => s.sha256 === contract.sha256)).toBe(true);
    expect(await db.notification.count({ where: { userId: fo.leader.id, kind: "contract_active" } })).toBe(1);
  });

  it("refuses a wrong password, an unread contract, a stale text and the wrong party, recording nothing", async () => {
    const { fo, trader, contract } = await acceptedContract();
    const leader = withRoles(fo.leader, "fo_leader");
    expect(await sign(contract, leader, "fo", { password: "not-it" })).toEqual({ ok: false, fieldErrors: { password: "contracts:errors.wrongPassword" } });
    expect(await sign(contract, leader, "fo", { confirmRead: false })).toEqual({ ok: false, fieldErrors: { confirmRead: "contracts:errors.mustReadFirst" } });
    // Both wrong: both said at once; an empty password is asked for, not checked.
    expect(await sign(contract, leader, "fo", { password: "not-it", confirmRead: false })).toEqual({
      ok: false,
      fieldErrors: { confirmRead: "contracts:errors.mustReadFirst", password: "contracts:errors.wrongPassword" },
    });
    expect(await sign(contract, leader, "fo", { password: "", confirmRead: false })).toEqual({
      ok: false,
      fieldErrors: { confirmRead: "contracts:errors.mustReadFirst", password: "validation:required" },
    });
    expect(await sign(contract, leader, "fo", { sha256: "0".repeat(64) })).toEqual({ ok: false, reason: "changed" });
    expect(await sign(contract, leader, "trader")).toEqual({ ok: false, reason: "notAParty" });
    expect(await sign(contract, withRoles(trader.trader, "trader"), "fo")).toEqual({ ok: false, reason: "notAParty" });
    const other = await createCompany();
    expect(await sign(contract, withRoles(other.trader, "trader"), "trader")).toEqual({ ok: false, reason: "notAParty" });
    expect(await sign(contract, leader, "witness")).toEqual({ ok: false, reason: "notAParty" });
    expect(await db.contractSignature.count({ where: { contractId: contract.id } })).toBe(0);
  });

  it("waits for the district's facilitator as witness when the value needs one", async () => {
    const { fo, trader, contract } = await acceptedContract({ priceLakPerKg: "40000", quantityKg: "3000" });
    await sign(contract, withRoles(fo.leader, "fo_leader"), "fo");
    expect(await sign(contract, withRoles(trader.trader, "trader"), "trader")).toEqual({ ok: true, active: false });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    expect(await sign(contract, withRoles(elsewhere, "facilitator"), "witness")).toEqual({ ok: false, reason: "notAParty" });
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    expect(await sign(contract, withRoles(facilitator, "facilitator"), "witness")).toEqual({ ok: true, active: true });
  });

  it("keeps one signature per party when the same party signs twice at once", async () => {
    const { fo, contract } = await acceptedContract();
    const second = await createUser({ roles: ["fo_leader"] });
    await db.organisationLeader.create({ data: { organisationId: fo.organisation.id, userId: second.id } });
    const results = await Promise.all([sign(contract, withRoles(fo.leader, "fo_leader"), "fo"), sign(contract, withRoles(second, "fo_leader"), "fo")]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.contractSignature.count({ where: { contractId: contract.id, party: "fo" } })).toBe(1);
  });
});

describe("a signed contract cannot change", () => {
  async function activeContract() {
    const scene = await acceptedContract();
    await sign(scene.contract, withRoles(scene.fo.leader, "fo_leader"), "fo");
    await sign(scene.contract, withRoles(scene.trader.trader, "trader"), "trader");
    return scene;
  }

  it("refuses every domain function that could touch it, and the database client refuses content updates", async () => {
    const { fo, trader, listing, offerId, contract } = await activeContract();
    const frozen = await readContract(contract.id);

    expect(await sign(contract, withRoles(fo.leader, "fo_leader"), "fo")).toEqual({ ok: false, reason: "notAwaiting" });
    expect(await reviseOffer(db, trader.trader, offerId, 1, await offerTerms({ priceLakPerKg: "1" }))).toEqual({ ok: false, reason: "notAllowed" });
    expect(await counterOffer(db, fo.leader, offerId, 1, await offerTerms({ priceLakPerKg: "9999" }))).toEqual({ ok: false, reason: "notAllowed" });
    expect(await withdrawOffer(db, trader.trader, offerId)).toEqual({ ok: false, reason: "notAllowed" });
    expect(await rejectOffer(db, fo.leader, offerId)).toEqual({ ok: false, reason: "notAllowed" });
    expect(await acceptOffer(db, fo.leader, offerId, 1)).toEqual({ ok: false, reason: "alreadyDecided" });
    expect(await withdrawListing(db, fo.leader, listing.id)).toEqual({ ok: false, reason: "notAllowed" });

    for (const data of [{ sha256: "0".repeat(64) }, { valueLak: 1n }, { priceLakPerKg: 1 }, { quantityKg: 1 }, { paymentDays: 90 }]) {
      await expect(db.contract.update({ where: { id: contract.id }, data })).rejects.toBeInstanceOf(FrozenContractError);
      await expect(db.contract.updateMany({ where: { id: contract.id }, data })).rejects.toBeInstanceOf(FrozenContractError);
    }
    await expect(db.$transaction((tx) => tx.contract.update({ where: { id: contract.id }, data: { sha256: "x" } }))).rejects.toBeInstanceOf(
      FrozenContractError,
    );
    // The document (snapshot and texts) is never updated nor deleted, in any form.
    const onDocument = { where: { contractId: contract.id } };
    await expect(db.contractDocument.update({ ...onDocument, data: { textEn: "Price: 1 LAK/kg" } })).rejects.toBeInstanceOf(FrozenContractError);
    await expect(db.contractDocument.updateMany({ ...onDocument, data: { snapshot: "{}" } })).rejects.toBeInstanceOf(FrozenContractError);
    await expect(
      db.contractDocument.upsert({
        ...onDocument,
        create: { contractId: contract.id, snapshot: "{}", summaryLo: "x", summaryEn: "x", textLo: "x", textEn: "x" },
        update: { summaryLo: "x" },
      }),
    ).rejects.toBeInstanceOf(FrozenContractError);
    await expect(db.contractDocument.delete(onDocument)).rejects.toBeInstanceOf(FrozenContractError);
    await expect(db.contractDocument.deleteMany(onDocument)).rejects.toBeInstanceOf(FrozenContractError);
    await expect(db.$transaction((tx) => tx.contractDocument.update({ ...onDocument, data: { textLo: "x" } }))).rejects.toBeInstanceOf(FrozenContractError);

    const after = await readContract(contract.id);
    for (const field of ["number", "snapshot", "textLo", "textEn", "summaryLo", "summaryEn", "sha256", "valueLak"] as const)
      expect(after[field]).toEqual(frozen[field]);
    expect(await db.offerRevision.count({ where: { offerId } })).toBe(1);
  });
});

describe("contract pages", () => {
  it("show the contract to its parties and the district's facilitators only", async () => {
    const { fo, trader, contract } = await acceptedContract();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const cases: [string, number][] = [
      [fo.leader.id, 200],
      [trader.trader.id, 200],
      [facilitator.id, 200],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [(await createUser({ roles: ["facilitator"] })).id, 404],
      [(await createUser({ roles: ["admin"] })).id, 404],
    ];
    for (const [userId, status] of cases) {
      expect(statusOf(await call(contractLoader, await request(`/contracts/${contract.id}`, { userId }), { contractId: contract.id })), userId).toBe(status);
    }
    const list = dataOf<{ contracts: { id: string }[] }>(
      await call(contractsLoader, await request("/contracts", { userId: (await createCompany()).trader.id })),
    );
    expect(list.contracts.map((c) => c.id)).not.toContain(contract.id);
  });

  it("signs through the page with the password and the hash shown, and refuses a wrong password", async () => {
    const { fo, contract } = await acceptedContract();
    const page = dataOf<{ canSignAs: string; contract: { sha256: string; summary: string } }>(
      await call(contractLoader, await request(`/contracts/${contract.id}`, { userId: fo.leader.id, headers: { Cookie: "lng=en" } }), {
        contractId: contract.id,
      }),
    );
    expect(page.canSignAs).toBe("fo");
    const wrong = await call(
      contractAction,
      await request(`/contracts/${contract.id}`, {
        userId: fo.leader.id,
        form: { as: "fo", password: "nope", sha256: page.contract.sha256, confirmRead: "on" },
      }),
      { contractId: contract.id },
    );
    expect(statusOf(wrong)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(wrong).fieldErrors).toEqual({ password: "contracts:errors.wrongPassword" });
    const ok = await call(
      contractAction,
      await request(`/contracts/${contract.id}`, {
        userId: fo.leader.id,
        form: { as: "fo", password: TEST_PASSWORD, sha256: page.contract.sha256, confirmRead: "on" },
      }),
      { contractId: contract.id },
    );
    expect(locationOf(ok)).toBe(`/contracts/${contract.id}?done=signed`);
    expect(await db.contractSignature.count({ where: { contractId: contract.id } })).toBe(1);
  });

  it("reports a wrong password and a missing tick together, beside their fields, and signs nothing", async () => {
    const { fo, contract } = await acceptedContract();
    const path = `/contracts/${contract.id}`;
    const post = async (form: Record<string, string>) => call(contractAction, await request(path, { userId: fo.leader.id, form }), { contractId: contract.id });
    const both = await post({ as: "fo", password: "nope", sha256: contract.sha256 });
    expect(statusOf(both)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string>; message: string | null }>(both)).toEqual({
      ok: false,
      fieldErrors: { confirmRead: "contracts:errors.mustReadFirst", password: "contracts:errors.wrongPassword" },
      message: null,
    });
    const empty = await post({ as: "fo", password: "", sha256: contract.sha256 });
    expect(dataOf<{ fieldErrors: Record<string, string> }>(empty).fieldErrors).toEqual({
      confirmRead: "contracts:errors.mustReadFirst",
      password: "validation:required",
    });
    expect(await db.contractSignature.count({ where: { contractId: contract.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: contract.id, action: "contract.signed" } })).toBe(0);
  });

  it("refuses signing for the FO by its trader, another FO's leader and a facilitator, whatever the password", async () => {
    const { trader, contract } = await acceptedContract();
    const other = await createFo();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const form = { as: "fo", password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: "on" };
    const status = async (userId: string) =>
      statusOf(await call(contractAction, await request(`/contracts/${contract.id}`, { userId, form }), { contractId: contract.id }));
    expect(await status(trader.trader.id)).toBe(403);
    expect(await status(facilitator.id)).toBe(403);
    expect(await status(other.leader.id)).toBe(404);
    expect(await db.contractSignature.count({ where: { contractId: contract.id } })).toBe(0);
  });
});
