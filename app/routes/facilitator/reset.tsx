import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { displayResetCode } from "~/domain/auth/reset-code.server";
import { formatResetExpiry } from "~/domain/auth/reset-display";
import { findUserByIdentifier, makeResetCode, ResetIdentifierSchema } from "~/domain/users/account-admin.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/reset";

export function loader({ context }: Route.LoaderArgs) {
  requireUserWithRole(getRequestState(context), ["facilitator", "admin"]);
  return null;
}

type Outcome =
  | { ok: true; code: string; name: string; expiresAt: string }
  | { ok: false; fieldErrors: Record<string, string>; values: Record<string, string>; formError: string | null };

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUserWithRole(getRequestState(context), ["facilitator", "admin"]);
  const parsed = parseForm(ResetIdentifierSchema, await request.formData());
  if (!parsed.ok) return data<Outcome>({ ok: false, fieldErrors: parsed.fieldErrors, values: parsed.values, formError: null }, { status: 400 });
  const values = { identifier: parsed.data.identifier };
  const target = await findUserByIdentifier(db, parsed.data.identifier);
  // Unknown and out of reach answer alike: the page does not tell which accounts exist.
  const made = target ? await makeResetCode(db, actor, target.id) : ({ ok: false, reason: "notFound" } as const);
  if (made.ok) {
    return data<Outcome>(
      { ok: true, code: displayResetCode(made.code), name: made.name, expiresAt: made.expiresAt.toISOString() },
      { headers: { "Cache-Control": "no-store" } },
    );
  }
  const formError = made.reason === "ownAccount" ? "auth:resetCode.ownAccount" : "auth:resetCode.notFound";
  return data<Outcome>({ ok: false, fieldErrors: {}, values, formError }, { status: made.reason === "ownAccount" ? 400 : 404 });
}

export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  const cache = actionHeaders.get("Cache-Control");
  if (cache) headers.set("Cache-Control", cache);
  return headers;
}

export default function FacilitatorReset() {
  const { t, i18n } = useTranslation("auth");
  const outcome = useActionData<typeof action>();
  const failed = outcome && !outcome.ok ? outcome : null;
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4">
      <title>{t("resetCode.title")}</title>
      <h1 className="text-2xl font-bold">{t("resetCode.title")}</h1>
      {outcome?.ok ? (
        <div role="status" className="rounded border-l-4 border-brand-500 bg-brand-50 p-3 text-brand-900">
          <p className="font-bold">{t("resetCode.made", { name: outcome.name })}</p>
          <p className="my-2 font-mono text-3xl tracking-widest">{outcome.code}</p>
          <p>{t("resetCode.showOnce", { expiresAt: formatResetExpiry(outcome.expiresAt, i18n.language) })}</p>
          <p>{t("resetCode.howToUse", { path: "/account/reset" })}</p>
        </div>
      ) : null}
      {failed?.formError ? <Notice tone="error">{t(failed.formError)}</Notice> : null}
      <p>{t("resetCode.intro")}</p>
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <TextField
          name="identifier"
          label={t("resetCode.identifier")}
          hint={t("resetCode.identifierHint")}
          defaultValue={failed?.values.identifier}
          error={failed?.fieldErrors.identifier}
          autoComplete="off"
          required
        />
        <Button>{t("resetCode.submit")}</Button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
