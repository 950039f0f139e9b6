import { describe, expect, it } from "vitest";
import { amendContract } from "~/domain/contracts/amend.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { signContract } from "~/domain/contracts/signing.server";
import { action as amendAction } from "~/routes/contracts/amend";
import { db } from "~/utils/db.server";
import { startOfLaoDay } from "~/utils/dates";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, readContract } from "../fixtures/market";

import type { Role } from "~/utils/roles";
import { contractInForce } from "../fixtures/contracts";

const fo = (u: { id: string }) => ({ id: u.id, roles: ["fo_leader"] as Role[] });
const tr = (u: { id: string }) => ({ id: u.id, roles: ["trader"] as Role[] });

const activeContract = async () => {
  const scene = await contractInForce({ terms: { priceLakPerKg: "3100" } });
  return { ...scene, org: scene.fo };
};

const change = { priceLakPerKg: 3250, quantityKg: undefined, deliveryDate: undefined, paymentDays: 10, reason: "Market rose before delivery" };

describe("amendments", () => {
  it("create a new linked contract with the changed terms, signed again, which then replaces the original", async () => {
    const { org, trader, contract } = await activeContract();
    const result = await amendContract(db, tr(trader.trader), contract.id, change);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.number).toBe(`${contract.number}-A2`);
    const amendment = await readContract(result.contractId);
    expect(amendment).toMatchObject({
      status: "awaiting_signatures",
      previousContractId: contract.id,
      amendmentNumber: 2,
      amendmentReason: change.reason,
      valueLak: 3250n * 3000n,
    });
    const terms = (JSON.parse(amendment.snapshot) as ContractSnapshot).terms;
    expect(terms).toMatchObject({ priceLakPerKg: 3250, paymentDays: 10, quantityKg: 3000 });
    expect(amendment.textEn).toContain(contract.number);
    expect(amendment.sha256).not.toBe(contract.sha256);
    // The original is untouched and still in force until the amendment is signed.
    const original = await readContract(contract.id);
    expect(original).toMatchObject({ status: "active", sha256: contract.sha256, textEn: contract.textEn, snapshot: contract.snapshot });

    await signContract(db, fo(org.leader), amendment.id, { as: "fo", password: TEST_PASSWORD, sha256: amendment.sha256, confirmRead: true });
    expect((await readContract(contract.id)).status).toBe("active");
    await signContract(db, tr(trader.trader), amendment.id, { as: "trader", password: TEST_PASSWORD, sha256: amendment.sha256, confirmRead: true });
    expect((await readContract(amendment.id)).status).toBe("active");
    expect((await readContract(contract.id)).status).toBe("superseded");
  });

  it("refuse a second amendment while one waits, no change at all, and contracts not in force", async () => {
    const { trader, contract } = await activeContract();
    expect(await amendContract(db, tr(trader.trader), contract.id, { ...change, priceLakPerKg: 3100, paymentDays: 7 })).toEqual({
      ok: false,
      reason: "nothingChanged",
    });
    expect((await amendContract(db, tr(trader.trader), contract.id, change)).ok).toBe(true);
    expect(await amendContract(db, tr(trader.trader), contract.id, { ...change, priceLakPerKg: 3300 })).toEqual({ ok: false, reason: "amendmentPending" });
    const pending = await readContract((await db.contract.findFirstOrThrow({ where: { previousContractId: contract.id } })).id);
    expect(await amendContract(db, tr(trader.trader), pending.id, change)).toEqual({ ok: false, reason: "notActive" });
  });

  it("are refused to anyone but the parties, and bad input writes nothing", async () => {
    const { contract, org } = await activeContract();
    const other = await createCompany();
    expect(await amendContract(db, tr(other.trader), contract.id, change)).toEqual({ ok: false, reason: "notFound" });
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    expect(await amendContract(db, { id: facilitator.id, roles: ["facilitator"] as Role[] }, contract.id, change)).toEqual({ ok: false, reason: "notAParty" });
    expect(
      statusOf(
        await call(amendAction, await request(`/contracts/${contract.id}/amend`, { userId: facilitator.id, form: { reason: "x" } }), {
          contractId: contract.id,
        }),
      ),
    ).toBe(403);

    const bad = await call(
      amendAction,
      await request(`/contracts/${contract.id}/amend`, { userId: org.leader.id, form: { priceLakPerKg: "abc", reason: "" } }),
      { contractId: contract.id },
    );
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toMatchObject({
      priceLakPerKg: "validation:wholeNumber",
      reason: "validation:required",
    });
    const ok = await call(
      amendAction,
      await request(`/contracts/${contract.id}/amend`, { userId: org.leader.id, form: { deliveryDate: "2027-01-15", reason: "Road closed by the rains" } }),
      { contractId: contract.id },
    );
    expect(locationOf(ok)).toMatch(/^\/contracts\/\w+$/);
    const amendment = await readContract((await db.contract.findFirstOrThrow({ where: { previousContractId: contract.id } })).id);
    expect((JSON.parse(amendment.snapshot) as ContractSnapshot).terms.deliveryDate).toBe(startOfLaoDay("2027-01-15")!.toISOString());
    expect(await db.contract.count({ where: { previousContractId: contract.id } })).toBe(1);
  });
});
