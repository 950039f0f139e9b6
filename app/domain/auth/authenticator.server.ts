// remix-auth's form strategy: it parses the form and asks the sign-in domain
// function; any refusal is thrown as a SignInRefused carrying what the sign-in
// page must say. The strategy is made for each attempt, because the sign-in
// rule needs the client address, which comes from the router's context and
// not from the request (app/utils/client-address.server.ts).
import { FormStrategy } from "remix-auth-form";
import { z } from "zod";
import { signIn } from "~/domain/auth/sign-in.server";
import { db } from "~/utils/db.server";
import { formDataToObject, issuesToFieldErrors, type FieldErrors } from "~/utils/forms";

export const SignInSchema = z.object({
  identifier: z.string({ error: "validation:required" }).trim().min(1, { error: "validation:required" }).max(200),
  password: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }).max(200),
});

export class SignInRefused extends Error {
  constructor(
    readonly fieldErrors: FieldErrors,
    readonly formError?: { key: string; params?: Record<string, unknown> },
    /** set when the client must wait: the answer is 429 with Retry-After */
    readonly retryAfterSeconds?: number,
  ) {
    super("sign-in refused");
  }
}

/** The translated "wait" message for a wait of `seconds`: in seconds up to two minutes, then in minutes. */
export function waitMessage(seconds: number): { key: string; params: Record<string, unknown> } {
  return seconds < 120
    ? { key: "auth:signIn.waitSeconds", params: { seconds } }
    : { key: "auth:signIn.waitMinutes", params: { minutes: Math.ceil(seconds / 60) } };
}

/** Signs in with the submitted form; returns the user's id or throws SignInRefused. */
export function authenticateSignIn(request: Request, clientAddress: string): Promise<string> {
  const strategy = new FormStrategy<string>(async ({ form }) => {
    const parsed = SignInSchema.safeParse(formDataToObject(form));
    if (!parsed.success) throw new SignInRefused(issuesToFieldErrors(parsed.error.issues));
    const result = await signIn(db, { ...parsed.data, clientAddress });
    if (result.ok) return result.userId;
    switch (result.reason) {
      case "tooMany":
        throw new SignInRefused({}, waitMessage(result.retryAfterSeconds), result.retryAfterSeconds);
      case "disabled":
        throw new SignInRefused({}, { key: "auth:signIn.disabled" });
      default:
        throw new SignInRefused({}, { key: "auth:signIn.invalid" });
    }
  });
  return strategy.authenticate(request);
}
