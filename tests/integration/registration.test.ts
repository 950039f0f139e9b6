import { describe, expect, it } from "vitest";
import { registerAccount, type RegistrationInput } from "~/domain/organisations/registration.server";
import { action as registerAction, loader as registerLoader } from "~/routes/auth/register";
import { db } from "~/utils/db.server";
import { signIn } from "~/domain/auth/sign-in.server";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";

async function foForm(overrides: Record<string, string> = {}) {
  const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Beng" } } });
  return {
    kind: "fo",
    name: "Nang Khamla",
    phone: "020 5577 1234",
    email: "",
    password: "secret-pass",
    passwordConfirm: "secret-pass",
    orgNameLo: "ກຸ່ມປູກສາລີ ບ້ານທົດລອງ",
    orgNameEn: "Ban Thotlong Maize Group",
    orgType: "producer_group",
    villageId: village.id,
    ...overrides,
  };
}

async function counts() {
  const [users, organisations, companies, roles, audits] = await Promise.all([
    db.user.count(),
    db.organisation.count(),
    db.traderCompany.count(),
    db.userRole.count(),
    db.auditEvent.count(),
  ]);
  return { users, organisations, companies, roles, audits };
}

describe("registration", () => {
  it("offers the villages grouped by district and the provinces", async () => {
    const result = dataOf<{ villages: { label: string; options: unknown[] }[]; provinces: unknown[] }>(
      await call(registerLoader, await request("/register", { headers: { Cookie: "lng=en" } })),
    );
    expect(result.villages).toHaveLength(9);
    expect(result.villages.map((g) => g.label)).toContain("Beng, Oudomxay");
    expect(result.provinces).toHaveLength(2);
  });

  it("registers an FO leader with a pending organisation, signs them in and audits it", async () => {
    const before = await counts();
    const result = await call(registerAction, await request("/register", { form: await foForm() }));
    expect(locationOf(result)).toBe("/fo?registered=1");
    expect((result as Response).headers.get("Set-Cookie")).toContain("__session=");

    const user = await db.user.findUniqueOrThrow({
      where: { phone: "8562055771234" },
      include: { roles: true, leaderships: { include: { organisation: true } } },
    });
    expect(user.roles.map((r) => r.role)).toEqual(["fo_leader"]);
    expect(user.leaderships).toHaveLength(1);
    expect(user.leaderships[0]!.organisation).toMatchObject({ nameEn: "Ban Thotlong Maize Group", status: "pending", type: "producer_group" });
    expect(user.locale).toBe("lo");
    expect(await counts()).toEqual({
      ...before,
      users: before.users + 1,
      organisations: before.organisations + 1,
      roles: before.roles + 1,
      audits: before.audits + 2,
    });
    // Pending accounts can sign in.
    expect((await signIn(db, { identifier: "02055771234", password: "secret-pass" })).ok).toBe(true);
  });

  it("registers a trader with a pending company", async () => {
    const province = await db.province.findFirstOrThrow({ where: { nameEn: "Oudomxay" } });
    const result = await call(
      registerAction,
      await request("/register", {
        form: {
          kind: "trader",
          name: "Trader Test",
          phone: "",
          email: "Buyer@Company.la",
          password: "secret-pass",
          passwordConfirm: "secret-pass",
          companyName: "Test Trading Co.",
          licenceNumber: "ERC-0001",
          baseProvinceId: province.id,
        },
      }),
    );
    expect(locationOf(result)).toBe("/trader?registered=1");
    const user = await db.user.findUniqueOrThrow({
      where: { email: "buyer@company.la" },
      include: { roles: true, traderStaff: { include: { company: true } } },
    });
    expect(user.roles.map((r) => r.role)).toEqual(["trader"]);
    expect(user.traderStaff[0]!.company).toMatchObject({ name: "Test Trading Co.", status: "pending", baseProvinceId: province.id });
  });

  it.each([
    [
      "an empty form",
      { kind: "", name: "", phone: "", email: "", password: "", passwordConfirm: "" },
      { kind: "validation:invalidChoice", name: "validation:required", phone: "validation:phoneOrEmail", password: "validation:passwordTooShort" },
    ],
    ["a bad phone number", { phone: "12ab" }, { phone: "validation:phoneInvalid" }],
    ["a phone number two digits short", { phone: "020 123 45" }, { phone: "validation:phoneInvalid" }],
    ["a landline-prefixed number", { phone: "021 5551 0001" }, { phone: "validation:phoneInvalid" }],
    ["a bad e-mail", { email: "not-an-email" }, { email: "validation:emailInvalid" }],
    ["a short password", { password: "short", passwordConfirm: "short" }, { password: "validation:passwordTooShort" }],
    ["different passwords", { passwordConfirm: "other-pass" }, { passwordConfirm: "validation:passwordsDiffer" }],
    ["no organisation name", { orgNameLo: " ", orgNameEn: "" }, { orgNameLo: "validation:required", orgNameEn: "validation:required" }],
    ["an unknown organisation type", { orgType: "company" }, { orgType: "validation:invalidChoice" }],
    ["no village", { villageId: "" }, { villageId: "validation:required" }],
    ["a village that does not exist", { villageId: "no-such-village" }, { villageId: "validation:invalidChoice" }],
    ["an over-long name", { name: "x".repeat(121) }, { name: "validation:tooLong" }],
  ])("refuses %s with a clear error and writes nothing", async (_label, overrides, expected) => {
    const before = await counts();
    const result = await call(registerAction, await request("/register", { form: await foForm(overrides) }));
    expect(statusOf(result)).toBe(400);
    const body = dataOf<{ fieldErrors: Record<string, string>; values: Record<string, string> }>(result);
    expect(body.fieldErrors).toMatchObject(expected);
    expect(body.values).not.toHaveProperty("password");
    expect(await counts()).toEqual(before);
  });

  it("refuses missing company fields for a trader", async () => {
    const before = await counts();
    const result = await call(
      registerAction,
      await request("/register", { form: { kind: "trader", name: "T", email: "t@t.la", password: "secret-pass", passwordConfirm: "secret-pass" } }),
    );
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({
      companyName: "validation:required",
      licenceNumber: "validation:required",
      baseProvinceId: "validation:required",
    });
    expect(await counts()).toEqual(before);
  });

  it("refuses a phone number or e-mail that already has an account", async () => {
    await createUser({ phone: "8562055771111", email: "taken@test.la" });
    const before = await counts();
    const phone = await call(registerAction, await request("/register", { form: await foForm({ phone: "020 5577 1111" }) }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(phone).fieldErrors).toEqual({ phone: "validation:phoneTaken" });
    const email = await call(registerAction, await request("/register", { form: await foForm({ phone: "020 5577 2222", email: "TAKEN@test.la" }) }));
    expect(dataOf<{ fieldErrors: Record<string, string> }>(email).fieldErrors).toEqual({ email: "validation:emailTaken" });
    expect(await counts()).toEqual(before);
  });

  it("lets only one of two simultaneous registrations with the same phone through", async () => {
    const village = await db.village.findFirstOrThrow();
    const input = (n: number): RegistrationInput => ({
      kind: "fo",
      name: `Racer ${n}`,
      phone: "8562055773333",
      email: undefined,
      password: "secret-pass",
      passwordConfirm: "secret-pass",
      orgNameLo: `ກຸ່ມ ${n}`,
      orgNameEn: `Group ${n}`,
      orgType: "cooperative",
      villageId: village.id,
    });
    const results = await Promise.all([registerAccount(db, input(1)), registerAccount(db, input(2))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, fieldErrors: { phone: "validation:phoneTaken" } });
    expect(await db.user.count({ where: { phone: "8562055773333" } })).toBe(1);
    expect(await db.organisation.count({ where: { nameEn: { in: ["Group 1", "Group 2"] } } })).toBe(1);
  });
});
