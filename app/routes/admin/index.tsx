import { useTranslation } from "~/utils/i18n-react";
import { data, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { z } from "zod";
import { Pager } from "~/components/pager";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { SetRolesSchema, setUserRoles } from "~/domain/users/roles.server";
import { listUsers, USER_SEARCH_MAX } from "~/domain/users/user-list.server";
import { db } from "~/utils/db.server";
import { formatPhone } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { roles } from "~/utils/roles";
import type { Route } from "./+types/index";

// A query string is typed by hand: a wrong page is the first one.
const QuerySchema = z.object({
  q: z.string().catch("").default(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});

export async function loader({ request, context }: Route.LoaderArgs) {
  requireUserWithRole(getRequestState(context), "admin");
  const { q, page } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const list = await listUsers({ search: q, page });
  return {
    search: list.search,
    searchMax: USER_SEARCH_MAX,
    page: list.page,
    hasMore: list.hasMore,
    users: list.users.map((u) => ({
      id: u.id,
      name: u.name,
      contact: [u.phone ? formatPhone(u.phone) : null, u.email].filter(Boolean).join(", "),
      roles: u.roles,
      disabled: u.status === "disabled",
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
  const { search, searchMax, page, hasMore, users } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const roleNames = roles.map((role) => ({ role, name: t(`common:roles.${role}`) }));
  const rolesLabel = t("roles");
  const saveRoles = t("saveRoles");
  const disabled = t("user.statusDisabled");
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>
        {t("intro")} {t("order")}
      </p>
      {actionData ? <Notice tone={actionData.ok ? "info" : "error"}>{t(actionData.message, actionData.params)}</Notice> : null}
      {/* A plain GET form: the search works without a script and the address can be kept or shared. */}
      <form method="get" role="search" className="flex flex-wrap items-end gap-3 rounded border border-gray-200 bg-white p-3">
        <div className="flex min-w-0 grow flex-col gap-1">
          <label htmlFor="user-search" className="font-semibold text-earth-900">
            {t("search.label")}
          </label>
          <p id="user-search-hint" className="text-sm text-gray-600">
            {t("search.hint")}
          </p>
          <input
            id="user-search"
            name="q"
            type="search"
            defaultValue={search}
            maxLength={searchMax}
            aria-describedby="user-search-hint"
            className="w-full rounded border border-gray-400 bg-white px-3 py-2 text-base focus:outline-2 focus:outline-brand-500"
          />
        </div>
        <Button>{t("search.submit")}</Button>
        {search ? (
          <Link to="/admin" className="py-2 text-brand-700 underline">
            {t("search.clear")}
          </Link>
        ) : null}
      </form>
      {users.length === 0 ? <p>{search ? t("search.noMatch", { search }) : t("empty")}</p> : null}
      <ul className="flex flex-col gap-3">
        {users.map((u) => (
          <li key={u.id} className="rounded border border-gray-200 bg-white p-3">
            {/* A plain form (the page is not hydrated): it posts to this address, search and page included, and the same page comes back. */}
            <form method="post" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
              <input type="hidden" name="userId" value={u.id} />
              <div>
                {/* A plain anchor per row (the page is not hydrated): the user's own page, to disable the account or make a reset code. */}
                <a href={`/admin/users/${u.id}`} className="font-bold text-brand-700 underline">
                  {u.name}
                </a>
                <p className="text-sm text-gray-700">{u.contact}</p>
                {u.disabled ? <p className="text-sm font-semibold text-red-800">{disabled}</p> : null}
              </div>
              <fieldset className="flex flex-wrap gap-3">
                <legend className="sr-only">{rolesLabel}</legend>
                {roleNames.map(({ role, name }) => (
                  <label key={role} className="flex items-center gap-1">
                    <input type="checkbox" name="roles[]" value={role} defaultChecked={u.roles.includes(role)} />
                    {name}
                  </label>
                ))}
              </fieldset>
              <Button variant="secondary">
                {saveRoles} <span className="sr-only">{u.name}</span>
              </Button>
            </form>
          </li>
        ))}
      </ul>
      <Pager page={page} hasMore={hasMore} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
