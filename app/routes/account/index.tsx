import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { RadioGroup } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { sexes, SexSchema } from "~/domain/users/sex";
import { setUserSex } from "~/domain/users/sex.server";
import { db } from "~/utils/db.server";
import { parseForm } from "~/utils/forms";
import { requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const user = requireUser(getRequestState(context));
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { name: true, sex: true } });
  return { name: row.name, sex: row.sex ?? "", saved: new URL(request.url).searchParams.get("saved") === "1" };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const parsed = parseForm(SexSchema, await request.formData());
  if (!parsed.ok) return data({ fieldErrors: parsed.fieldErrors }, { status: 400 });
  await setUserSex(db, user, user.id, parsed.data.sex);
  throw redirect("/account?saved=1");
}

export default function Account() {
  const { t } = useTranslation("auth");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="mx-auto flex max-w-md flex-col gap-4">
      <title>{t("account.title")}</title>
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>
      <p className="font-semibold">{d.name}</p>
      {d.saved && !actionData ? <Notice>{t("account.saved")}</Notice> : null}
      <Form method="post" className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-4" noValidate>
        <RadioGroup
          name="sex"
          legend={t("account.sex")}
          options={sexes.map((s) => ({ value: s, label: t(`account.sexes.${s}`) }))}
          defaultValue={d.sex}
          error={actionData?.fieldErrors.sex}
        />
        <p className="text-sm text-gray-700">{t("account.sexHint")}</p>
        <Button className="self-start">{t("account.save")}</Button>
      </Form>
      <p>
        <Link to="/account/password" className="font-semibold text-brand-700 underline">
          {t("account.changePassword")}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
