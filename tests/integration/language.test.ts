import { describe, expect, it } from "vitest";
import { loader as rootLoader } from "~/root";
import { action as languageAction } from "~/routes/language";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

async function localeOf(req: Request) {
  return dataOf<{ locale: string }>(await call(rootLoader, req)).locale;
}

describe("language", () => {
  it("is Lao for a visitor whose browser asks for neither language", async () => {
    expect(await localeOf(await request("/", { headers: { "Accept-Language": "th-TH,fr;q=0.8" } }))).toBe("lo");
  });

  it("follows the browser when it asks for English", async () => {
    expect(await localeOf(await request("/", { headers: { "Accept-Language": "en-GB,en;q=0.9" } }))).toBe("en");
    expect(await localeOf(await request("/", { headers: { "Accept-Language": "fr;q=0.9,lo;q=0.8,en;q=0.5" } }))).toBe("lo");
  });

  it("switches for an anonymous visitor with a cookie and goes back to the page", async () => {
    const result = await call(languageAction, await request("/language", { form: { locale: "en", redirectTo: "/register?x=1" } }));
    expect(locationOf(result)).toBe("/register?x=1");
    expect((result as Response).headers.get("Set-Cookie")).toMatch(/^lng=en;/);
    expect(await localeOf(await request("/", { headers: { Cookie: "lng=en", "Accept-Language": "lo" } }))).toBe("en");
  });

  it("remembers a signed-in user's choice on the account, over cookie and browser", async () => {
    const user = await createUser({ roles: ["fo_leader"] });
    await call(languageAction, await request("/language", { userId: user.id, form: { locale: "en", redirectTo: "/fo" } }));
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("en");
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: "user.locale_set" } })).toBe(1);
    // A new device with a Lao cookie and a Lao browser still gets English.
    expect(await localeOf(await request("/fo", { userId: user.id, headers: { Cookie: "lng=lo", "Accept-Language": "lo" } }))).toBe("en");
  });

  it("ignores an unknown language and an off-site return address", async () => {
    const user = await createUser({ roles: ["trader"], locale: "lo" });
    const bad = await call(languageAction, await request("/language", { userId: user.id, form: { locale: "fr", redirectTo: "https://evil.example" } }));
    expect(statusOf(bad)).toBe(302);
    expect(locationOf(bad)).toBe("/");
    expect((bad as Response).headers.get("Set-Cookie")).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).locale).toBe("lo");
  });
});
