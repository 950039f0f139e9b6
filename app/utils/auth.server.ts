// remix-auth with the form strategy: the strategy parses the form and asks the
// sign-in domain function; any refusal is thrown as a SignInRefused carrying
// what the sign-in page must say.
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import { signIn } from "~/domain/auth/sign-in.server";
import { db } from "./db.server";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "./forms";

export const SignInSchema = z.object({
  identifier: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(200),
  password: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }).max(200),
});

export class SignInRefused extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly formError?: { key: string; params?: Record<string, unknown> },
  ) {
    super("sign-in refused");
  }
}

export const authenticator = new Authenticator<string>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const parsed = SignInSchema.safeParse(formDataToObject(form));
    if (!parsed.success) throw new SignInRefused(issuesToFieldErrors(parsed.error.issues));
    const result = await signIn(db, parsed.data);
    if (result.ok) return result.userId;
    switch (result.reason) {
      case "tooMany":
        throw new SignInRefused({}, { key: "auth:signIn.tooMany", params: { minutes: result.minutesLeft } });
      case "disabled":
        throw new SignInRefused({}, { key: "auth:signIn.disabled" });
      default:
        throw new SignInRefused({}, { key: "auth:signIn.invalid" });
    }
  }),
  "form",
);
