import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { resetPassword } from "~/domain/auth/reset-password.server";
import { waitMessage } from "~/domain/auth/authenticator.server";
import { clientAddress } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import type { Route } from "./+types/reset";

// Public: the person who forgot their password is not signed in.
export function loader({ request }: Route.LoaderArgs) {
  return { done: new URL(request.url).searchParams.get("done") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const result = await resetPassword(db, { clientAddress: clientAddress(context) }, await request.formData());
  if (result.ok) throw redirect("/account/reset?done=1");
  if ("retryAfterSeconds" in result) {
    return data(
      { fieldErrors: result.fieldErrors, values: result.values, formError: waitMessage(result.retryAfterSeconds) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data(
    { fieldErrors: result.fieldErrors, values: result.values, formError: result.formError ? { key: result.formError, params: {} } : null },
    { status: 400 },
  );
}

export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}

export default function ResetPassword() {
  const { t } = useTranslation("auth");
  const { done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const formError = actionData?.formError;
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4">
      <title>{t("reset.title")}</title>
      <h1 className="text-2xl font-bold">{t("reset.title")}</h1>
      {done && !actionData ? (
        <Notice>
          {t("reset.done")}{" "}
          <Link to="/login" className="underline">
            {t("reset.signIn")}
          </Link>
        </Notice>
      ) : null}
      {formError ? <Notice tone="error">{t(formError.key, formError.params)}</Notice> : null}
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <p>{t("reset.intro")}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <TextField
          name="identifier"
          label={t("reset.identifier")}
          autoComplete="username"
          defaultValue={values.identifier}
          error={errors.identifier}
          required
        />
        <TextField name="code" label={t("reset.code")} hint={t("reset.codeHint")} autoComplete="one-time-code" error={errors.code} required />
        <TextField
          name="newPassword"
          type="password"
          label={t("reset.new")}
          hint={t("reset.newHint")}
          autoComplete="new-password"
          error={errors.newPassword}
          required
        />
        <TextField
          name="newPasswordConfirm"
          type="password"
          label={t("reset.confirm")}
          autoComplete="new-password"
          error={errors.newPasswordConfirm}
          required
        />
        <Button>{t("reset.submit")}</Button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
