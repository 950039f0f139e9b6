import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { RadioGroup } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { displayResetCode } from "~/domain/auth/reset-code.server";
import { formatResetExpiry } from "~/domain/auth/reset-display";
import { AccountActionSchema, makeResetCode, setUserStatus } from "~/domain/users/account-admin.server";
import { sexes, SexSchema } from "~/domain/users/sex";
import { setUserSex } from "~/domain/users/sex.server";
import { db } from "~/utils/db.server";
import { formatPhone } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { notFound, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { isRole } from "~/utils/roles";
import type { Route } from "./+types/user";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const actor = requireUserWithRole(state, "admin");
  const user = await db.user.findUnique({
    where: { id: params.userId },
    select: { id: true, name: true, phone: true, email: true, status: true, sex: true, roles: { select: { role: true }, orderBy: { role: "asc" } } },
  });
  if (!user) notFound(state);
  return {
    user: {
      id: user.id,
      name: user.name,
      contact: [user.phone ? formatPhone(user.phone) : null, user.email].filter(Boolean).join(", "),
      roles: user.roles.map((r) => r.role).filter(isRole),
      status: user.status === "disabled" ? ("disabled" as const) : ("active" as const),
      sex: user.sex ?? "",
    },
    self: actor.id === user.id,
  };
}

type Outcome =
  { kind: "code"; code: string; name: string; expiresAt: string } | { kind: "message"; ok: boolean; message: string; params: Record<string, string> };

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const actor = requireUserWithRole(state, "admin");
  const formData = await request.formData();
  if (formData.get("intent") === "sex") {
    const sex = parseForm(SexSchema, formData);
    if (!sex.ok) return data<Outcome>({ kind: "message", ok: false, message: sex.fieldErrors.sex ?? "validation:invalidChoice", params: {} }, { status: 400 });
    const saved = await setUserSex(db, actor, params.userId, sex.data.sex);
    if (!saved.ok) notFound(state);
    return data<Outcome>({ kind: "message", ok: true, message: "admin:user.sexSaved", params: {} });
  }
  const parsed = parseForm(AccountActionSchema, formData);
  if (!parsed.ok) return data<Outcome>({ kind: "message", ok: false, message: "validation:invalidChoice", params: {} }, { status: 400 });
  const userId = params.userId;

  if (parsed.data.intent === "resetCode") {
    const made = await makeResetCode(db, actor, userId);
    if (made.ok) {
      // The code exists only in this answer: no redirect, nothing cached.
      return data<Outcome>(
        { kind: "code", code: displayResetCode(made.code), name: made.name, expiresAt: made.expiresAt.toISOString() },
        { headers: { "Cache-Control": "no-store" } },
      );
    }
    if (made.reason === "ownAccount") return data<Outcome>({ kind: "message", ok: false, message: "auth:resetCode.ownAccount", params: {} }, { status: 400 });
    notFound(state);
  }

  const result = await setUserStatus(db, actor, userId, parsed.data.intent === "disable" ? "disabled" : "active");
  if (result.ok) {
    return data<Outcome>({
      kind: "message",
      ok: true,
      message: parsed.data.intent === "disable" ? "admin:user.disabled" : "admin:user.enabled",
      params: { name: result.name },
    });
  }
  if (result.reason === "ownAccount")
    return data<Outcome>({ kind: "message", ok: false, message: "admin:user.cannotChangeOwnStatus", params: {} }, { status: 400 });
  notFound(state);
}

export function headers({ actionHeaders, parentHeaders }: Route.HeadersArgs) {
  const headers = new Headers(parentHeaders);
  const cache = actionHeaders.get("Cache-Control");
  if (cache) headers.set("Cache-Control", cache);
  return headers;
}

export default function AdminUser() {
  const { t, i18n } = useTranslation("admin");
  const { user, self } = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{user.name}</title>
      <p>
        <Link to="/admin" className="text-brand-700 underline">
          {t("user.back")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{user.name}</h1>
      {outcome?.kind === "code" ? (
        <div role="status" className="rounded border-l-4 border-brand-500 bg-brand-50 p-3 text-brand-900">
          <p className="font-bold">{t("auth:resetCode.made", { name: outcome.name })}</p>
          <p className="my-2 font-mono text-3xl tracking-widest">{outcome.code}</p>
          <p>{t("auth:resetCode.showOnce", { expiresAt: formatResetExpiry(outcome.expiresAt, i18n.language) })}</p>
          <p>{t("auth:resetCode.howToUse", { path: "/account/reset" })}</p>
        </div>
      ) : outcome ? (
        <Notice tone={outcome.ok ? "info" : "error"}>{t(outcome.message, outcome.params)}</Notice>
      ) : null}
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 rounded border border-gray-200 bg-white p-3">
        <dt className="font-semibold">{t("user.contact")}</dt>
        <dd>{user.contact || t("user.noContact")}</dd>
        <dt className="font-semibold">{t("user.roles")}</dt>
        <dd>{user.roles.length ? user.roles.map((r) => t(`common:roles.${r}`)).join(", ") : t("user.noRoles")}</dd>
        <dt className="font-semibold">{t("user.status")}</dt>
        <dd>{user.status === "disabled" ? t("user.statusDisabled") : t("user.statusActive")}</dd>
      </dl>
      <Form method="post" className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-3" noValidate>
        <RadioGroup name="sex" legend={t("user.sex")} options={sexes.map((x) => ({ value: x, label: t(`auth:account.sexes.${x}`) }))} defaultValue={user.sex} />
        <p className="text-sm text-gray-700">{t("auth:account.sexHint")}</p>
        <Button variant="secondary" name="intent" value="sex" className="self-start">
          {t("user.saveSex")}
        </Button>
      </Form>
      {self ? null : (
        <div className="flex flex-col gap-4">
          <Form method="post" className="flex flex-col gap-2">
            {user.status === "active" ? (
              <>
                <p className="text-sm text-gray-700">{t("user.disableHint")}</p>
                <Button variant="danger" name="intent" value="disable" className="self-start">
                  {t("user.disable")}
                </Button>
              </>
            ) : (
              <Button variant="secondary" name="intent" value="enable" className="self-start">
                {t("user.enable")}
              </Button>
            )}
          </Form>
          <Form method="post" className="flex flex-col gap-2">
            <p className="text-sm text-gray-700">{t("user.resetHint")}</p>
            <Button variant="secondary" name="intent" value="resetCode" className="self-start">
              {t("auth:resetCode.submit")}
            </Button>
          </Form>
        </div>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
