import { describe, expect, it } from "vitest";
import { normalisePhone, optionalEmailField, optionalPhoneField, phoneField } from "~/utils/fields";
import { formatPhone } from "~/utils/format";
import { safeRedirect } from "~/utils/redirect";
import { landingPathFor } from "~/utils/roles";
import { identifierKey } from "~/domain/auth/sign-in.server";

describe("phone numbers", () => {
  it.each([
    ["020 5555 1234", "8562055551234"],
    ["+856 20 5555 1234", "8562055551234"],
    ["856 20 5551 0001", "8562055510001"],
    ["856-20-5555-1234", "8562055551234"],
    ["02055510001", "8562055510001"],
    ["2055551234", "8562055551234"],
    ["(020) 5555-1234", "8562055551234"],
    ["030 512 3456", "856305123456"],
    ["+856 30 512 3456", "856305123456"],
    ["8563051234 56", "856305123456"],
  ])("reads %s as %s", (input, expected) => {
    expect(normalisePhone(input)).toBe(expected);
  });

  it.each([
    "",
    "12ab",
    "020 555",
    "020 123 45",
    "020 5555 12345",
    "021 5551 0001",
    "021 212345",
    "030 512 34567",
    "030 512 345",
    "+66 81 234 5678",
    "856 21 212345",
    "0020 5555 1234",
    "abc@def",
  ])("refuses %j", (input) => {
    expect(normalisePhone(input)).toBeNull();
  });

  it("gives the translation key of its error", () => {
    const result = phoneField.safeParse("nope");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("validation:phoneInvalid");
  });

  it("treats a blank optional phone as absent and refuses a bad one", () => {
    expect(optionalPhoneField.parse("  ")).toBeUndefined();
    expect(optionalPhoneField.parse(undefined)).toBeUndefined();
    expect(optionalPhoneField.parse("020 5551 0001")).toBe("8562055510001");
    expect(optionalPhoneField.safeParse("021 5551 0001").error?.issues[0]?.message).toBe("validation:phoneInvalid");
  });

  it.each([
    ["8562055551234", "020 5555 1234"],
    ["856305123456", "030 512 3456"],
    ["85621212345", "021212345"],
  ])("shows %s as %s", (stored, shown) => {
    expect(formatPhone(stored)).toBe(shown);
  });

  it("shows nothing for no phone, and what a person types reads back the same", () => {
    expect(formatPhone(null)).toBe("");
    expect(formatPhone(undefined)).toBe("");
    for (const typed of ["+856 20 5551 0001", "030 512 3456"]) {
      expect(normalisePhone(formatPhone(normalisePhone(typed)))).toBe(normalisePhone(typed));
    }
  });
});

describe("e-mail", () => {
  it("lower-cases and trims, and treats blank as absent", () => {
    expect(optionalEmailField.parse("  Name@Example.LA ")).toBe("name@example.la");
    expect(optionalEmailField.parse("")).toBeUndefined();
    expect(optionalEmailField.safeParse("name@").error?.issues[0]?.message).toBe("validation:emailInvalid");
  });
});

describe("sign-in identifiers", () => {
  it("counts the same person under one key however they write it", () => {
    expect(identifierKey(" Leader@Demo.LA ")).toBe("leader@demo.la");
    expect(identifierKey("020 5551 0001")).toBe(identifierKey("+8562055510001"));
    expect(identifierKey("whatever")).toBe("whatever");
  });
});

describe("redirects after sign-in", () => {
  it.each([
    ["/fo", "/fo"],
    ["/listings?crop=maize", "/listings?crop=maize"],
    ["//evil.example", "/x"],
    ["/\\evil.example", "/x"],
    ["https://evil.example", "/x"],
    ["", "/x"],
    [null, "/x"],
  ])("%j goes to %s", (to, expected) => {
    expect(safeRedirect(to, "/x")).toBe(expected);
  });
});

describe("landing pages", () => {
  it("puts FO leaders first, then traders, facilitators, admins", () => {
    expect(landingPathFor(["admin", "fo_leader"])).toBe("/fo");
    expect(landingPathFor(["admin", "trader"])).toBe("/trader");
    expect(landingPathFor(["admin", "facilitator"])).toBe("/facilitator");
    expect(landingPathFor(["admin"])).toBe("/admin");
    expect(landingPathFor([])).toBe("/");
  });
});

describe("whole numbers as typed", () => {
  it.each([
    ["12000", 12000],
    ["12,000", 12000],
    ["12.000", 12000],
    ["12 000", 12000],
    ["1,250,000", 1250000],
    [" 7 ", 7],
  ])("reads %j as %d", async (input, expected) => {
    const { parseWholeNumber } = await import("~/utils/numbers");
    expect(parseWholeNumber(input)).toBe(expected);
  });

  it.each(["3200.5", "3,2000", "12,00", "-5", "1e6", "", "abc", "1,000.50"])("refuses %j instead of guessing", async (input) => {
    const { parseWholeNumber } = await import("~/utils/numbers");
    expect(parseWholeNumber(input)).toBeNull();
  });
});
