// Accounts managed by others: an administrator disables and re-enables users;
// a facilitator (in their districts) or an administrator makes a one-time code
// with which a user who forgot their password sets a new one.
import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { normaliseResetCode, newResetCode } from "~/domain/auth/reset-code.server";
import { signIn } from "~/domain/auth/sign-in.server";
import { THROTTLE_RULES } from "~/domain/auth/throttle";
import { makeResetCode } from "~/domain/users/account-admin.server";
import { action as resetAction, loader as resetLoader } from "~/routes/account/reset";
import { action as userAction, loader as userLoader } from "~/routes/admin/user";
import { action as facilitatorAction, loader as facilitatorLoader } from "~/routes/facilitator/reset";
import { clientAddressContext } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import { requestStateContext, resolveRequestState } from "~/utils/request-state.server";
import { call, createUser, dataOf, locationOf, request, sessionCookieFor, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo } from "../fixtures/market";

const NEW_PASSWORD = "a-new-password-2026";

async function signedInAs(cookie: string) {
  return (await resolveRequestState(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user?.id ?? null;
}

const adminPage = async (actorId: string, userId: string, form?: Record<string, string>) =>
  call(form ? userAction : userLoader, await request(`/admin/users/${userId}`, { userId: actorId, form }), { userId });

async function codeFromAdmin(adminId: string, userId: string): Promise<string> {
  const result = await adminPage(adminId, userId, { intent: "resetCode" });
  expect(statusOf(result)).toBe(200);
  return dataOf<{ code: string }>(result).code;
}

async function postReset(form: Record<string, string>, address = "192.0.2.10") {
  const req = await request("/account/reset", { form });
  const context = new RouterContextProvider();
  context.set(requestStateContext, await resolveRequestState(req));
  context.set(clientAddressContext, address);
  try {
    return await resetAction({ request: req, params: {}, context } as never);
  } catch (thrown) {
    return thrown;
  }
}

const resetForm = (identifier: string, code: string) => ({ identifier, code, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });

async function facilitatorIn(districtId: string) {
  const facilitator = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId } });
  return facilitator;
}

const facilitatorPost = async (actorId: string, identifier: string) =>
  call(facilitatorAction, await request("/facilitator/reset", { userId: actorId, form: { identifier } }));

describe("the administrator's user page", () => {
  it("is for administrators only, for the page and for every action", async () => {
    const user = await createUser({ roles: ["fo_leader"] });
    const userCookie = await sessionCookieFor(user.id);
    expect(locationOf(await call(userLoader, await request(`/admin/users/${user.id}`), { userId: user.id }))).toBe(
      `/login?redirectTo=${encodeURIComponent(`/admin/users/${user.id}`)}`,
    );
    for (const role of ["facilitator", "trader", "fo_leader"] as const) {
      const other = await createUser({ roles: [role] });
      expect(statusOf(await adminPage(other.id, user.id))).toBe(403);
      for (const intent of ["disable", "resetCode"]) expect(statusOf(await adminPage(other.id, user.id, { intent }))).toBe(403);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe("active");
    expect(await signedInAs(userCookie)).toBe(user.id);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(0);
  });

  it("shows name, contact, roles and status, and answers 404 for no such user", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["trader", "fo_leader"], phone: "8562055551234", email: "shown@test.la" });
    expect(await adminPage(admin.id, user.id)).toEqual({
      user: { id: user.id, name: user.name, contact: "020 5555 1234, shown@test.la", roles: ["fo_leader", "trader"], status: "active", sex: "" },
      self: false,
    });
    expect(statusOf(await adminPage(admin.id, "nobody"))).toBe(404);
    expect(statusOf(await adminPage(admin.id, "nobody", { intent: "disable" }))).toBe(404);
    expect(statusOf(await adminPage(admin.id, "nobody", { intent: "resetCode" }))).toBe(404);
    expect(statusOf(await adminPage(admin.id, user.id, { intent: "delete" }))).toBe(400);
  });

  it("disables a user: every session stops at its next request, sign-in is refused, audited; enabling lets them in again", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["fo_leader"] });
    const phone = await sessionCookieFor(user.id);
    const laptop = await sessionCookieFor(user.id);
    const bystander = await createUser({ roles: ["fo_leader"] });
    const bystanderCookie = await sessionCookieFor(bystander.id);
    expect(await signedInAs(phone)).toBe(user.id);

    const disabled = await adminPage(admin.id, user.id, { intent: "disable" });
    expect(dataOf(disabled)).toMatchObject({ ok: true, message: "admin:user.disabled", params: { name: user.name } });
    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(laptop)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect(await signedInAs(bystanderCookie)).toBe(bystander.id);
    expect(await signIn(db, { identifier: user.email!, password: TEST_PASSWORD, clientAddress: "192.0.2.30" })).toEqual({ ok: false, reason: "disabled" });
    expect(((await adminPage(admin.id, user.id)) as { user: { status: string } }).user.status).toBe("disabled");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "user.disabled" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.parse(audit.before!)).toEqual({ status: "active" });
    expect(JSON.parse(audit.after!)).toEqual({ status: "disabled", sessionsEnded: 2 });

    // Disabling again changes nothing and writes nothing.
    await adminPage(admin.id, user.id, { intent: "disable" });
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.disabled" } })).toBe(1);

    const enabled = await adminPage(admin.id, user.id, { intent: "enable" });
    expect(dataOf(enabled)).toMatchObject({ ok: true, message: "admin:user.enabled" });
    expect((await signIn(db, { identifier: user.email!, password: TEST_PASSWORD, clientAddress: "192.0.2.30" })).ok).toBe(true);
    const back = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.enabled" } });
    expect(back.actorId).toBe(admin.id);
    expect(JSON.parse(back.after!)).toEqual({ status: "active", sessionsEnded: 0 });
  });

  it("refuses to let an administrator disable themselves or make a code for themselves", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const cookie = await sessionCookieFor(admin.id);
    expect((await adminPage(admin.id, admin.id)) as { self: boolean }).toMatchObject({ self: true });
    const refused = await adminPage(admin.id, admin.id, { intent: "disable" });
    expect(statusOf(refused)).toBe(400);
    expect(dataOf(refused)).toMatchObject({ ok: false, message: "admin:user.cannotChangeOwnStatus" });
    const noCode = await adminPage(admin.id, admin.id, { intent: "resetCode" });
    expect(statusOf(noCode)).toBe(400);
    expect(dataOf(noCode)).toMatchObject({ message: "auth:resetCode.ownAccount" });
    expect((await db.user.findUniqueOrThrow({ where: { id: admin.id } })).status).toBe("active");
    expect(await signedInAs(cookie)).toBe(admin.id);
    expect(await db.passwordReset.count({ where: { userId: admin.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { entityId: admin.id, action: { in: ["user.disabled", "user.reset_code_made"] } } })).toBe(0);
  });

  it("makes a reset code shown once: not cached, kept only as a hash, audited without it", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["facilitator"] });
    const result = await adminPage(admin.id, user.id, { intent: "resetCode" });
    expect((result as { init: { headers: Record<string, string> } }).init.headers["Cache-Control"]).toBe("no-store");
    const { code, expiresAt } = dataOf<{ code: string; expiresAt: string }>(result);
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored.createdById).toBe(admin.id);
    expect(stored.usedAt).toBeNull();
    expect(stored.codeHash).not.toContain(normaliseResetCode(code)!);
    expect(Math.abs(stored.expiresAt.getTime() - stored.createdAt.getTime() - 24 * 3600_000)).toBeLessThan(1000);
    expect(stored.expiresAt.toISOString()).toBe(expiresAt);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.reset_code_made" } });
    expect(audit.actorId).toBe(admin.id);
    expect(JSON.stringify(audit)).not.toContain(normaliseResetCode(code)!);
    expect(JSON.stringify(audit)).not.toContain(stored.codeHash);
  });
});

describe("a facilitator making a reset code", () => {
  it("is refused to other roles and to anonymous visitors", async () => {
    expect(locationOf(await call(facilitatorLoader, await request("/facilitator/reset")))).toBe("/login?redirectTo=%2Ffacilitator%2Freset");
    const { leader } = await createFo();
    for (const role of ["fo_leader", "trader"] as const) {
      const other = await createUser({ roles: [role] });
      expect(statusOf(await call(facilitatorLoader, await request("/facilitator/reset", { userId: other.id })))).toBe(403);
      expect(statusOf(await facilitatorPost(other.id, leader.email!))).toBe(403);
    }
    expect(await db.passwordReset.count({ where: { userId: leader.id } })).toBe(0);
  });

  it("works for FO leaders in their districts and traders of companies based in their provinces", async () => {
    const { leader, village } = await createFo({ district: "Beng" });
    const { trader } = await createCompany(); // based in Oudomxay, Beng's province
    const facilitator = await facilitatorIn(village.districtId);
    expect(await call(facilitatorLoader, await request("/facilitator/reset", { userId: facilitator.id }))).toBeNull();
    for (const person of [leader, trader]) {
      const made = await facilitatorPost(facilitator.id, person.email!.toUpperCase());
      expect(statusOf(made)).toBe(200);
      expect(dataOf(made)).toMatchObject({ ok: true, name: person.name });
      const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "user.reset_code_made" } });
      expect(audit.actorId).toBe(facilitator.id);
    }
  });

  it("refuses users outside their districts, administrators and facilitators, themselves and unknown accounts, alike", async () => {
    const elsewhere = await db.district.findFirstOrThrow({ where: { province: { nameEn: "Sayabouly" } } });
    const { leader: farLeader } = await createFo({ district: elsewhere.nameEn });
    const { village, leader: nearLeader } = await createFo({ district: "Beng" });
    const facilitator = await facilitatorIn(village.districtId);
    // An admin who also leads an FO here: a code would hand the facilitator the admin's account.
    const adminLeader = await createUser({ roles: ["admin", "fo_leader"] });
    const colleague = await createUser({ roles: ["facilitator", "fo_leader"] });
    const fo = await db.organisationLeader.findFirstOrThrow({ where: { userId: nearLeader.id } });
    await db.organisationLeader.createMany({ data: [adminLeader, colleague].map((u) => ({ organisationId: fo.organisationId, userId: u.id })) });
    const noDistricts = await createUser({ roles: ["facilitator"] });

    for (const [actor, target] of [
      [facilitator, farLeader],
      [facilitator, adminLeader],
      [facilitator, colleague],
      [noDistricts, nearLeader],
    ] as const) {
      const refused = await facilitatorPost(actor.id, target.email!);
      expect(statusOf(refused)).toBe(404);
      expect(dataOf(refused)).toMatchObject({ ok: false, formError: "auth:resetCode.notFound" });
      expect(await db.passwordReset.count({ where: { userId: target.id } })).toBe(0);
    }
    const unknown = await facilitatorPost(facilitator.id, "no-one@test.la");
    const far = await facilitatorPost(facilitator.id, farLeader.email!);
    expect(statusOf(unknown)).toBe(statusOf(far));
    expect(dataOf<{ formError: string }>(unknown).formError).toBe(dataOf<{ formError: string }>(far).formError);
    expect(dataOf(unknown)).toMatchObject({ formError: "auth:resetCode.notFound", values: { identifier: "no-one@test.la" } });
    const self = await facilitatorPost(facilitator.id, facilitator.email!);
    expect(dataOf(self)).toMatchObject({ formError: "auth:resetCode.ownAccount" });
    expect(statusOf(await facilitatorPost(facilitator.id, ""))).toBe(400);
    expect(await db.auditEvent.count({ where: { actorId: facilitator.id, action: "user.reset_code_made" } })).toBe(0);
  });
});

describe("setting a new password with a code", () => {
  it("is a public page", async () => {
    expect(await call(resetLoader, await request("/account/reset"))).toEqual({ done: false });
    expect(await call(resetLoader, await request("/account/reset?done=1"))).toEqual({ done: true });
  });

  it("sets the password, ends every session, audits, and works once", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["trader"], phone: "8562055559876" });
    const phone = await sessionCookieFor(user.id);
    const laptop = await sessionCookieFor(user.id);
    const code = await codeFromAdmin(admin.id, user.id);

    // Typed loosely: lower case, spaces for the hyphen, a phone number written locally.
    const typed = code.toLowerCase().replace("-", " ");
    const done = await postReset(resetForm("020 5555 9876", typed));
    expect(locationOf(done)).toBe("/account/reset?done=1");
    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(laptop)).toBeNull();
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    expect((await signIn(db, { identifier: user.email!, password: TEST_PASSWORD, clientAddress: "192.0.2.11" })).ok).toBe(false);
    expect((await signIn(db, { identifier: user.email!, password: NEW_PASSWORD, clientAddress: "192.0.2.11" })).ok).toBe(true);
    const row = await db.passwordReset.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.usedAt).not.toBeNull();
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.password_reset" } });
    expect(audit.actorId).toBe(user.id);
    expect(JSON.parse(audit.after!)).toEqual({ resetId: row.id, sessionsEnded: 2 });

    const hash = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const again = await postReset({ ...resetForm(user.email!, code), newPassword: "third-password-1", newPasswordConfirm: "third-password-1" });
    expect(statusOf(again)).toBe(400);
    expect(dataOf(again)).toMatchObject({ formError: { key: "auth:reset.invalid" } });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hash);
  });

  it("refuses a wrong code, another user's code, an expired code and a replaced code, changing nothing", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["fo_leader"] });
    const other = await createUser({ roles: ["fo_leader"] });
    const cookie = await sessionCookieFor(user.id);
    const hashBefore = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    const invalid = { formError: { key: "auth:reset.invalid" } };

    const otherCode = await codeFromAdmin(admin.id, other.id);
    expect(dataOf(await postReset(resetForm(user.email!, otherCode)))).toMatchObject(invalid);
    expect(dataOf(await postReset(resetForm(user.email!, newResetCode())))).toMatchObject(invalid);
    expect(dataOf(await postReset(resetForm("nobody@test.la", otherCode)))).toMatchObject(invalid);

    const made = await makeResetCode(db, { id: admin.id, roles: ["admin"] }, user.id, new Date(Date.now() - 24 * 3600_000 - 60_000));
    if (!made.ok) throw new Error("no code");
    expect(dataOf(await postReset(resetForm(user.email!, made.code)))).toMatchObject(invalid);

    const first = await codeFromAdmin(admin.id, user.id);
    const second = await codeFromAdmin(admin.id, user.id);
    expect(dataOf(await postReset(resetForm(user.email!, first)))).toMatchObject(invalid);

    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    expect(await signedInAs(cookie)).toBe(user.id);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.password_reset" } })).toBe(0);
    // The newest code still works.
    expect(locationOf(await postReset(resetForm(user.email!, second)))).toBe("/account/reset?done=1");
  });

  it("checks the new password like registration and keeps the code for a second try", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["fo_leader"] });
    const code = await codeFromAdmin(admin.id, user.id);
    const short = await postReset({ identifier: user.email!, code, newPassword: "short", newPasswordConfirm: "short" });
    expect(statusOf(short)).toBe(400);
    expect(dataOf(short)).toMatchObject({ fieldErrors: { newPassword: "validation:passwordTooShort" }, values: { identifier: user.email! } });
    expect(dataOf<{ values: Record<string, string> }>(short).values).not.toHaveProperty("code");
    const differ = await postReset({ identifier: user.email!, code, newPassword: NEW_PASSWORD, newPasswordConfirm: "something-else" });
    expect(dataOf(differ)).toMatchObject({ fieldErrors: { newPasswordConfirm: "validation:passwordsDiffer" } });
    expect(locationOf(await postReset(resetForm(user.email!, code)))).toBe("/account/reset?done=1");
  });

  it("makes guessing codes wait like signing in does", async () => {
    const admin = await createUser({ roles: ["admin"] });
    const user = await createUser({ roles: ["fo_leader"] });
    const code = await codeFromAdmin(admin.id, user.id);
    const address = "192.0.2.66";
    for (let i = 0; i < THROTTLE_RULES.pair.free; i++) expect(statusOf(await postReset(resetForm(user.email!, newResetCode()), address))).toBe(400);
    const waiting = await postReset(resetForm(user.email!, code), address);
    expect(statusOf(waiting)).toBe(429);
    expect(dataOf(waiting)).toMatchObject({ formError: { key: "auth:signIn.waitSeconds" } });
    expect(await db.passwordReset.count({ where: { userId: user.id, usedAt: { not: null } } })).toBe(0);
  });
});
