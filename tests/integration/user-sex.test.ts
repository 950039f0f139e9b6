// A user states their sex on their account page, an administrator records it
// on the user's page; both audited, bad values refused, and a contract written
// afterwards names the signatory with it.
import { describe, expect, it } from "vitest";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { action as accountAction, loader as accountLoader } from "~/routes/account/index";
import { action as adminAction, loader as adminLoader } from "~/routes/admin/user";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing, readContract } from "../fixtures/market";

const sexOf = async (id: string) => (await db.user.findUniqueOrThrow({ where: { id }, select: { sex: true } })).sex;

describe("a user's sex", () => {
  it("is stated on the account page, audited, and written into a contract's signatories afterwards", async () => {
    const fo = await createFo();
    const page = dataOf<{ sex: string }>(await call(accountLoader, await request("/account", { userId: fo.leader.id })));
    expect(page.sex).toBe("");
    const saved = await call(accountAction, await request("/account", { userId: fo.leader.id, form: { sex: "female" } }));
    expect(locationOf(saved)).toBe("/account?saved=1");
    expect(await sexOf(fo.leader.id)).toBe("female");
    expect(await db.auditEvent.findFirst({ where: { entityId: fo.leader.id, action: "user.sexStated" } })).toMatchObject({ actorId: fo.leader.id });

    const listing = await publishedListing(fo);
    const trader = await createCompany();
    const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, await offerTerms());
    if (!made.ok) throw new Error(JSON.stringify(made));
    const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
    if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
    const snapshot = JSON.parse((await readContract(accepted.contractId)).snapshot) as ContractSnapshot;
    expect(snapshot.fo.leaders).toEqual([expect.objectContaining({ name: fo.leader.name, sex: "female" })]);
  });

  it("refuses a value that is not a sex, and a visitor, changing nothing", async () => {
    const user = await createUser({ roles: ["trader"] });
    const bad = await call(accountAction, await request("/account", { userId: user.id, form: { sex: "other" } }));
    expect(statusOf(bad)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(bad).fieldErrors).toEqual({ sex: "validation:invalidChoice" });
    expect(locationOf(await call(accountAction, await request("/account", { form: { sex: "male" } })))).toMatch(/^\/login/);
    expect(await sexOf(user.id)).toBeNull();
  });

  it("is recorded by an administrator on the user's page, audited; no one else may", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const facilitator = await createUser({ roles: ["facilitator"] });
    const user = await createUser({ roles: ["fo_leader"] });
    const posted = await call(adminAction, await request(`/admin/users/${user.id}`, { userId: admin.id, form: { intent: "sex", sex: "male" } }), {
      userId: user.id,
    });
    expect(dataOf<{ ok: boolean; message: string }>(posted)).toMatchObject({ ok: true, message: "admin:user.sexSaved" });
    expect(await sexOf(user.id)).toBe("male");
    expect(await db.auditEvent.findFirst({ where: { entityId: user.id, action: "user.sexStated" } })).toMatchObject({ actorId: admin.id });
    expect(
      dataOf<{ user: { sex: string } }>(await call(adminLoader, await request(`/admin/users/${user.id}`, { userId: admin.id }), { userId: user.id })).user.sex,
    ).toBe("male");

    const bad = await call(adminAction, await request(`/admin/users/${user.id}`, { userId: admin.id, form: { intent: "sex", sex: "" } }), { userId: user.id });
    expect(statusOf(bad)).toBe(400);
    const refused = await call(adminAction, await request(`/admin/users/${user.id}`, { userId: facilitator.id, form: { intent: "sex", sex: "female" } }), {
      userId: user.id,
    });
    expect(statusOf(refused)).toBe(403);
    const unknown = await call(adminAction, await request(`/admin/users/nobody`, { userId: admin.id, form: { intent: "sex", sex: "female" } }), {
      userId: "nobody",
    });
    expect(statusOf(unknown)).toBe(404);
    expect(await sexOf(user.id)).toBe("male");
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.sexStated" } })).toBe(1);
  });
});
