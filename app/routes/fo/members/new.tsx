import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { MemberSchema } from "~/domain/members/member-schema";
import { addMember } from "~/domain/members/register.server";
import { db } from "~/utils/db.server";
import { formFailure, parseForm } from "~/utils/forms";
import { notFound } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/new";
import { backToRegister, requireRegister } from "./access.server";
import { registerPath } from "./paths";
import { MemberFields } from "./member-fields";

export async function loader({ params, context }: Route.LoaderArgs) {
  const { organisation, villages } = await requireRegister(getRequestState(context), params.organisationId);
  return { organisation, villages };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, organisation } = await requireRegister(state, params.organisationId);
  const formData = await request.formData();
  const parsed = parseForm(MemberSchema, formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await addMember(db, user, organisation.id, parsed.data);
  if (result.ok) return backToRegister(organisation.id, "added", result.member.name);
  if (result.reason === "invalid") return data(formFailure(result.fieldErrors, formData), { status: 400 });
  return notFound(state);
}

export default function NewMember() {
  const { t } = useTranslation("members");
  const { organisation, villages } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};
  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <title>{t("new.title")}</title>
      <p>
        <Link to={registerPath(organisation.id)} className="text-brand-700 underline">
          {t("actions.backToRegister", { organisation: organisation.name })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("new.title")}</h1>
      <p>{t("new.intro", { organisation: organisation.name, district: organisation.district })}</p>
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <MemberFields villages={villages} values={values} errors={errors} />
        <Button>{t("new.submit")}</Button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
