import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { SetRolesSchema, setUserRoles } from "~/domain/users/roles.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { isRole, roles } from "~/utils/roles";
import type { Route } from "./+types/index";

export async function loader({ context }: Route.LoaderArgs) {
  requireUserWithRole(getRequestState(context), "admin");
  const users = await db.user.findMany({
    orderBy: { name: "asc" },
    take: 500,
    select: { id: true, name: true, phone: true, email: true, status: true, roles: { select: { role: true } } },
  });
  return {
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      contact: [u.phone ? `+${u.phone}` : null, u.email].filter(Boolean).join(", "),
      roles: u.roles.map((r) => r.role).filter(isRole),
    })),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const actor = requireUserWithRole(state, "admin");
  const parsed = parseForm(SetRolesSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false as const, message: "validation:invalidChoice", params: {} }, { status: 400 });
  const result = await setUserRoles(db, actor, parsed.data.userId, parsed.data["roles[]"]);
  if (result.ok) return { ok: true as const, message: "admin:saved", params: { name: result.name } };
  if (result.reason === "ownAdmin") return data({ ok: false as const, message: "admin:cannotRemoveOwnAdmin", params: {} }, { status: 400 });
  throw data({ message: state.t("errors:404.text") }, { status: 404 });
}

export default function Admin() {
  const { t } = useTranslation("admin");
  const { users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {actionData ? <Notice tone={actionData.ok ? "info" : "error"}>{t(actionData.message, actionData.params)}</Notice> : null}
      {users.length === 0 ? <p>{t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {users.map((u) => (
          <li key={u.id} className="rounded border border-gray-200 bg-white p-3">
            <Form method="post" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <input type="hidden" name="userId" value={u.id} />
              <div>
                <p className="font-bold">{u.name}</p>
                <p className="text-sm text-gray-700">{u.contact}</p>
              </div>
              <fieldset className="flex flex-wrap gap-3">
                <legend className="sr-only">{t("roles")}</legend>
                {roles.map((role) => (
                  <label key={role} className="flex items-center gap-1">
                    <input type="checkbox" name="roles[]" value={role} defaultChecked={u.roles.includes(role)} />
                    {t(`common:roles.${role}`)}
                  </label>
                ))}
              </fieldset>
              <Button variant="secondary">
                {t("saveRoles")} <span className="sr-only">{u.name}</span>
              </Button>
            </Form>
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
