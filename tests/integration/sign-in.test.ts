import { describe, expect, it } from "vitest";
import { signIn } from "~/domain/auth/sign-in.server";
import { action as loginAction, loader as loginLoader } from "~/routes/auth/login";
import { action as logoutAction } from "~/routes/auth/logout";
import { loader as homeLoader } from "~/routes/home";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";

describe("sign-in", () => {
  it("signs in with an e-mail in any case and sets an httpOnly, SameSite=Lax session cookie", async () => {
    const user = await createUser({ roles: ["trader"], email: "buyer@test.la" });
    const result = await call(loginAction, await request("/login", { form: { identifier: "  Buyer@Test.LA ", password: TEST_PASSWORD } }));
    expect(statusOf(result)).toBe(302);
    expect(locationOf(result)).toBe("/trader");
    const cookies = (result as Response).headers.get("Set-Cookie") ?? "";
    expect(cookies).toMatch(/__session=[^;]+;.*HttpOnly/);
    expect(cookies).toMatch(/__session=[^;]+;.*SameSite=Lax/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
  });

  it("signs in with a phone number written the local way", async () => {
    await createUser({ roles: ["fo_leader"], phone: "8562055599999" });
    for (const written of ["020 5559 9999", "+856 20 5559 9999", "2055599999"]) {
      const result = await signIn(db, { identifier: written, password: TEST_PASSWORD });
      expect(result.ok, written).toBe(true);
    }
  });

  it("goes back to the page that asked for sign-in, but never to another site", async () => {
    await createUser({ roles: ["facilitator"], email: "fac@test.la" });
    const back = await call(
      loginAction,
      await request("/login", { form: { identifier: "fac@test.la", password: TEST_PASSWORD, redirectTo: "/facilitator/verification" } }),
    );
    expect(locationOf(back)).toBe("/facilitator/verification");
    const evil = await call(
      loginAction,
      await request("/login", { form: { identifier: "fac@test.la", password: TEST_PASSWORD, redirectTo: "//evil.example/x" } }),
    );
    expect(locationOf(evil)).toBe("/facilitator");
  });

  it("refuses a wrong password with a clear message and creates no session", async () => {
    const user = await createUser({ roles: ["trader"], email: "wrong@test.la" });
    const result = await call(loginAction, await request("/login", { form: { identifier: "wrong@test.la", password: "not-it" } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ formError: { key: string } }>(result).formError.key).toBe("auth:signIn.invalid");
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("answers an unknown account exactly like a wrong password", async () => {
    const result = await call(loginAction, await request("/login", { form: { identifier: "nobody@test.la", password: "whatever1" } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ formError: { key: string } }>(result).formError.key).toBe("auth:signIn.invalid");
  });

  it("reports empty fields next to each field", async () => {
    const result = await call(loginAction, await request("/login", { form: { identifier: "", password: "" } }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({
      identifier: "validation:required",
      password: "validation:required",
    });
  });

  it("refuses a disabled account", async () => {
    const user = await createUser({ roles: ["trader"], email: "gone@test.la" });
    await db.user.update({ where: { id: user.id }, data: { status: "disabled" } });
    expect(await signIn(db, { identifier: "gone@test.la", password: TEST_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
  });

  it("remembers the language in use at first sign-in", async () => {
    const user = await createUser({ roles: ["trader"], email: "english@test.la" });
    await call(loginAction, await request("/login", { form: { identifier: "english@test.la", password: TEST_PASSWORD }, headers: { Cookie: "lng=en" } }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
  });

  it("sends a signed-in user away from the sign-in page", async () => {
    const user = await createUser({ roles: ["admin"] });
    expect(locationOf(await call(loginLoader, await request("/login", { userId: user.id })))).toBe("/admin");
  });
});

describe("sign-out", () => {
  it("ends the session in the database and clears the cookie", async () => {
    const user = await createUser({ roles: ["fo_leader"] });
    const req = await request("/logout", { userId: user.id, method: "POST" });
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    const result = await call(logoutAction, req);
    expect(locationOf(result)).toBe("/login?signedOut=1");
    expect((result as Response).headers.get("Set-Cookie")).toMatch(/__session=;.*Max-Age=0/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The old cookie no longer signs anyone in.
    const again = await call(homeLoader, new Request("http://localhost/", { headers: req.headers }));
    expect(statusOf(again)).toBe(200);
  });

  it("does not accept an expired session", async () => {
    const user = await createUser({ roles: ["trader"] });
    const req = await request("/trader", { userId: user.id });
    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const result = await call(homeLoader, req);
    expect(statusOf(result)).toBe(200);
  });
});
