import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { changePassword } from "~/domain/auth/change-password.server";
import { waitMessage } from "~/domain/auth/authenticator.server";
import { clientAddress } from "~/utils/client-address.server";
import { db } from "~/utils/db.server";
import { requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/password";

export function loader({ request, context }: Route.LoaderArgs) {
  requireUser(getRequestState(context));
  return { changed: new URL(request.url).searchParams.get("changed") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const result = await changePassword(db, { userId: user.id, sessionId: state.sessionId!, clientAddress: clientAddress(context) }, await request.formData());
  if (result.ok) throw redirect("/account/password?changed=1");
  if ("retryAfterSeconds" in result) {
    return data(
      { fieldErrors: result.fieldErrors, formError: waitMessage(result.retryAfterSeconds) },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  return data({ fieldErrors: result.fieldErrors, formError: result.formError ? { key: result.formError } : null }, { status: 400 });
}

export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  const retryAfter = actionHeaders.get("Retry-After");
  if (retryAfter) headers.set("Retry-After", retryAfter);
  return headers;
}

export default function ChangePassword() {
  const { t } = useTranslation("auth");
  const { changed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const formError = actionData?.formError as { key: string; params?: Record<string, unknown> } | null | undefined;
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4">
      <title>{t("password.title")}</title>
      <h1 className="text-2xl font-bold">{t("password.title")}</h1>
      {changed && !actionData ? <Notice>{t("password.done")}</Notice> : null}
      {formError ? <Notice tone="error">{t(formError.key, formError.params)}</Notice> : null}
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <p>{t("password.intro")}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <TextField
          name="currentPassword"
          type="password"
          label={t("password.current")}
          autoComplete="current-password"
          error={errors.currentPassword}
          required
        />
        <TextField
          name="newPassword"
          type="password"
          label={t("password.new")}
          hint={t("password.newHint")}
          autoComplete="new-password"
          error={errors.newPassword}
          required
        />
        <TextField
          name="newPasswordConfirm"
          type="password"
          label={t("password.confirm")}
          autoComplete="new-password"
          error={errors.newPasswordConfirm}
          required
        />
        <Button>{t("password.submit")}</Button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
