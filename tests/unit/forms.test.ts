// The form parser every action uses (docs/decisions/0003): one translation key
// per field, the first problem found; the values sent back to refill the form,
// passwords never among them; list fields ("roles[]") kept as lists.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formDataToObject, formFailure, parseForm } from "~/utils/forms";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};

const Schema = z.object({
  name: z.string().trim().min(1, { error: "validation:required" }),
  birthYear: z.coerce.number().int().min(1900, { error: "validation:tooLow" }),
  password: z.string().min(8, { error: "validation:passwordTooShort" }),
  "roles[]": z.array(z.enum(["fo_leader", "trader"])).min(1, { error: "validation:required" }),
  note: z.string().refine(() => false, { message: "not a key" }),
});

describe("parseForm", () => {
  it("returns the parsed data when every field is valid", () => {
    const ok = parseForm(
      Schema.omit({ note: true }),
      form([
        ["name", " Somphone "],
        ["birthYear", "1985"],
        ["password", "long enough"],
        ["roles[]", "trader"],
        ["roles[]", "fo_leader"],
      ]),
    );
    expect(ok).toEqual({ ok: true, data: { name: "Somphone", birthYear: 1985, password: "long enough", "roles[]": ["trader", "fo_leader"] } });
  });

  it("gives one translation key per field, and a generic key for a message that is not one", () => {
    const failed = parseForm(
      Schema,
      form([
        ["name", "  "],
        ["birthYear", "1200"],
        ["password", "short"],
        ["note", "x"],
      ]),
    );
    expect(failed.ok).toBe(false);
    if (failed.ok) return;
    expect(failed.fieldErrors).toEqual({
      name: "validation:required",
      birthYear: "validation:tooLow",
      password: "validation:passwordTooShort",
      "roles[]": "validation:invalid",
      note: "validation:invalid",
    });
    // Refilled as typed, the password left out.
    expect(failed.values).toEqual({ name: "  ", birthYear: "1200", note: "x" });
  });

  it("keeps only the first value of a plain field and every value of a list field", () => {
    expect(
      formDataToObject(
        form([
          ["name", "a"],
          ["name", "b"],
          ["roles[]", "x"],
          ["roles[]", "y"],
        ]),
      ),
    ).toEqual({ name: "a", "roles[]": ["x", "y"] });
  });

  it("builds the same failure for a rule the domain applies after parsing", () => {
    expect(
      formFailure(
        { phone: "validation:phoneTaken" },
        form([
          ["phone", "020 5555 1234"],
          ["newPassword", "secret"],
        ]),
      ),
    ).toEqual({
      ok: false,
      fieldErrors: { phone: "validation:phoneTaken" },
      values: { phone: "020 5555 1234" },
    });
  });
});
