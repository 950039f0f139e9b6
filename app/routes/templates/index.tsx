import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { draftNewVersion, listTemplates } from "~/domain/contracts/templates.server";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireUserWithRole(state, ["facilitator", "admin"]);
  const rows = await listTemplates(db);
  const codes = [...new Set(rows.map((r) => r.code))];
  return {
    templates: codes.map((code) => {
      const versions = rows.filter((r) => r.code === code);
      return {
        code,
        name: localName(versions[0]!, state.locale),
        hasDraft: versions.some((v) => v.status === "draft"),
        versions: versions.map((v) => ({ id: v.id, version: v.version, status: v.status, contracts: v._count.contracts })),
      };
    }),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["facilitator", "admin"]);
  const code = String((await request.formData()).get("code") ?? "").slice(0, 64);
  const result = await draftNewVersion(db, user, code);
  if (result.ok) throw redirect(`/templates/${result.templateId}?done=drafted`);
  return data({ message: "reason" in result ? `templates:errors.${result.reason}` : "validation:invalid" }, { status: 409 });
}

export default function Templates() {
  const { t } = useTranslation("templates");
  const { templates } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      <ul className="flex flex-col gap-3">
        {templates.map((tpl) => (
          <li key={tpl.code} className="rounded border border-gray-200 bg-white p-3">
            <h2 className="text-lg font-bold">{tpl.name}</h2>
            <ul className="my-2 flex flex-col gap-1">
              {tpl.versions.map((v) => (
                <li key={v.id}>
                  <Link to={`/templates/${v.id}`} className="text-brand-700 underline">
                    {t("version", { version: v.version })}
                  </Link>{" "}
                  · {t(`status.${v.status}`)} · {t("contracts", { count: v.contracts })}
                </li>
              ))}
            </ul>
            {!tpl.hasDraft ? (
              <Form method="post">
                <input type="hidden" name="code" value={tpl.code} />
                <Button variant="secondary">{t("newVersion")}</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
