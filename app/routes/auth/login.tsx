import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { authenticateSignIn, SignInRefused } from "~/domain/auth/authenticator.server";
import { clientAddress } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import { localeCookieHeader } from "~/utils/i18n.server";
import { safeRedirectPath } from "~/utils/redirect";
import { getRequestState } from "~/utils/request-state.server";
import { landingPathFor, isRole } from "~/utils/roles";
import { startSession } from "~/utils/session.server";
import type { Route } from "./+types/login";

export function loader({ context }: Route.LoaderArgs) {
  const { user } = getRequestState(context);
  if (user) throw redirect(landingPathFor(user.roles));
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const form = await request.clone().formData();
  const identifier = String(form.get("identifier") ?? "");
  let userId: string;
  try {
    userId = await authenticateSignIn(request, clientAddress(context));
  } catch (error) {
    if (!(error instanceof SignInRefused)) throw error;
    const body = { fieldErrors: error.fieldErrors, formError: error.formError ?? null, identifier };
    if (error.retryAfterSeconds !== undefined) {
      return data(body, { status: 429, headers: { "Retry-After": String(error.retryAfterSeconds) } });
    }
    return data(body, { status: 400 });
  }

  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { locale: true, roles: { select: { role: true } } },
  });
  // The language chosen before signing in becomes the remembered one.
  if (!user.locale) await db.user.update({ where: { id: userId }, data: { locale: state.locale } });
  const locale = user.locale === "en" || user.locale === "lo" ? user.locale : state.locale;

  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(db, userId));
  headers.append("Set-Cookie", localeCookieHeader(locale));
  const landing = landingPathFor(user.roles.map((r) => r.role).filter(isRole));
  throw redirect(safeRedirectPath(form.get("redirectTo"), landing), { headers });
}

/** A refused attempt says when to come back (Retry-After) on the page itself too, not only in its text. */
export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}

export default function Login() {
  const { t } = useTranslation("auth");
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const fieldErrors: Record<string, string> = actionData?.fieldErrors ?? {};
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4">
      <title>{t("signIn.title")}</title>
      <h1 className="text-2xl font-bold">{t("signIn.title")}</h1>
      {params.get("signedOut") ? <Notice>{t("signIn.signedOut")}</Notice> : null}
      {actionData?.formError ? <Notice tone="error">{t(actionData.formError.key, actionData.formError.params)}</Notice> : null}
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <input type="hidden" name="redirectTo" value={safeRedirectPath(params.get("redirectTo"), "")} />
        <TextField
          name="identifier"
          label={t("signIn.identifier")}
          hint={t("signIn.identifierHint")}
          autoComplete="username"
          defaultValue={actionData?.identifier}
          error={fieldErrors.identifier}
          required
        />
        <TextField name="password" type="password" label={t("signIn.password")} autoComplete="current-password" error={fieldErrors.password} required />
        <Button>{t("signIn.submit")}</Button>
      </Form>
      <p>
        {t("signIn.noAccount")}{" "}
        <Link to="/register" className="text-brand-700 underline">
          {t("signIn.registerLink")}
        </Link>
      </p>
      <p>
        <Link to="/account/reset" className="text-brand-700 underline">
          {t("signIn.forgotLink")}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
