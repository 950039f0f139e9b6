import { RouterContextProvider } from "react-router";
import { describe, expect, it } from "vitest";
import { signIn } from "~/domain/auth/sign-in.server";
import { THROTTLE_RULES } from "~/domain/auth/throttle";
import { action as passwordAction, loader as passwordLoader } from "~/routes/account/password";
import { clientAddressContext } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import { requestStateContext, resolveRequestState } from "~/utils/request-state.server";
import { call, createUser, dataOf, locationOf, request, sessionCookieFor, statusOf, TEST_PASSWORD } from "../fixtures/app";

const NEW_PASSWORD = "a-new-password-2026";

async function post(cookie: string | null, form: Record<string, string>, address = "192.0.2.50") {
  const req = await request("/account/password", { form, headers: cookie ? { Cookie: cookie } : {} });
  const context = new RouterContextProvider();
  context.set(requestStateContext, await resolveRequestState(req));
  context.set(clientAddressContext, address);
  try {
    return await passwordAction({ request: req, params: {}, context } as never);
  } catch (thrown) {
    return thrown;
  }
}

/** Who a cookie signs in now, or null. */
async function signedInAs(cookie: string) {
  return (await resolveRequestState(new Request("http://localhost/", { headers: { Cookie: cookie } }))).user?.id ?? null;
}

async function userWithTwoSessions() {
  const user = await createUser({ roles: ["fo_leader"] });
  const here = await sessionCookieFor(user.id);
  const phone = await sessionCookieFor(user.id);
  const before = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
  return { user, here, phone, hashBefore: before.passwordHash };
}

const fieldErrorsOf = (result: unknown) => dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors;

describe("changing one's password", () => {
  it("sends anonymous visitors to sign in, for the page and for the form", async () => {
    expect(locationOf(await call(passwordLoader, await request("/account/password")))).toBe("/login?redirectTo=%2Faccount%2Fpassword");
    const posted = await post(null, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(locationOf(posted)).toBe("/login?redirectTo=%2Faccount%2Fpassword");
  });

  it("shows the form to a signed-in user", async () => {
    const user = await createUser({ roles: ["trader"] });
    expect(await call(passwordLoader, await request("/account/password", { userId: user.id }))).toEqual({ changed: false });
    expect(await call(passwordLoader, await request("/account/password?changed=1", { userId: user.id }))).toEqual({ changed: true });
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const { user, here, phone, hashBefore } = await userWithTwoSessions();
    const result = await post(here, { currentPassword: "not-my-password", newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(statusOf(result)).toBe(400);
    expect(fieldErrorsOf(result)).toEqual({ currentPassword: "auth:password.currentWrong" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    expect(await signedInAs(here)).toBe(user.id);
    expect(await signedInAs(phone)).toBe(user.id);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.password_changed" } })).toBe(0);
  });

  it("applies registration's rules to the new password and changes nothing when they fail", async () => {
    const { user, here, phone, hashBefore } = await userWithTwoSessions();
    const short = await post(here, { currentPassword: TEST_PASSWORD, newPassword: "short", newPasswordConfirm: "short" });
    expect(statusOf(short)).toBe(400);
    expect(fieldErrorsOf(short)).toEqual({ newPassword: "validation:passwordTooShort" });
    const differ = await post(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: `${NEW_PASSWORD}x` });
    expect(fieldErrorsOf(differ)).toEqual({ newPasswordConfirm: "validation:passwordsDiffer" });
    const empty = await post(here, { currentPassword: "", newPassword: "", newPasswordConfirm: "" });
    expect(fieldErrorsOf(empty)).toMatchObject({ currentPassword: "validation:required" });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
    expect(await signedInAs(phone)).toBe(user.id);
  });

  it("changes it with argon2id, ends every other session, keeps this one, and audits the change", async () => {
    const { user, here, phone } = await userWithTwoSessions();
    const third = await sessionCookieFor(user.id);
    const other = await createUser({ roles: ["trader"] });
    const otherCookie = await sessionCookieFor(other.id);

    const result = await post(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD });
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe("/account/password?changed=1");

    expect(await signedInAs(here)).toBe(user.id);
    expect(await signedInAs(phone)).toBeNull();
    expect(await signedInAs(third)).toBeNull();
    expect(await signedInAs(otherCookie)).toBe(other.id);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);

    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await signIn(db, { identifier: user.email!, password: TEST_PASSWORD, clientAddress: "192.0.2.99" })).ok).toBe(false);
    expect((await signIn(db, { identifier: user.email!, password: NEW_PASSWORD, clientAddress: "192.0.2.99" })).ok).toBe(true);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityType: "User", entityId: user.id, action: "user.password_changed" } });
    expect(audit.actorId).toBe(user.id);
    expect(JSON.parse(audit.after!)).toEqual({ sessionsEnded: 2 });
    expect(`${audit.before ?? ""}${audit.after}`).not.toContain("argon2");
  });

  it(`makes guessing the current password wait like signing in does`, async () => {
    const { user, here, hashBefore } = await userWithTwoSessions();
    const address = "192.0.2.77";
    for (let i = 0; i < THROTTLE_RULES.pair.free; i++) {
      expect(statusOf(await post(here, { currentPassword: `guess-${i}`, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD }, address))).toBe(400);
    }
    const waiting = await post(here, { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD, newPasswordConfirm: NEW_PASSWORD }, address);
    expect(statusOf(waiting)).toBe(429);
    expect(dataOf<{ formError: { key: string } }>(waiting).formError.key).toBe("auth:signIn.waitSeconds");
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(hashBefore);
  });
});
