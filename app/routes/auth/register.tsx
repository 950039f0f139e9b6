import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { RadioGroup, SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { provinceChoices, villageChoices } from "~/domain/places/choices.server";
import { parseRegistrationForm, registerAccount } from "~/domain/organisations/registration.server";
import { organisationTypes } from "~/domain/organisations/types";
import { db } from "~/utils/db.server";
import { formFailure } from "~/utils/forms";
import { localeCookieHeader } from "~/utils/i18n.server";
import { getRequestState } from "~/utils/request-state.server";
import { landingPathFor } from "~/utils/roles";
import { startSession } from "~/utils/session.server";
import type { Route } from "./+types/register";

export async function loader({ context }: Route.LoaderArgs) {
  const { user, locale } = getRequestState(context);
  if (user) throw redirect(landingPathFor(user.roles));
  const [villages, provinces] = await Promise.all([villageChoices(db, locale), provinceChoices(db, locale)]);
  return { villages, provinces };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  if (state.user) throw redirect(landingPathFor(state.user.roles));
  const formData = await request.formData();
  const parsed = parseRegistrationForm(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await registerAccount(db, parsed.data);
  if (!result.ok) return data(formFailure(result.fieldErrors, formData), { status: 400 });
  await db.user.update({ where: { id: result.userId }, data: { locale: state.locale } });
  const headers = new Headers();
  headers.append("Set-Cookie", await startSession(db, result.userId));
  headers.append("Set-Cookie", localeCookieHeader(state.locale));
  throw redirect(parsed.data.kind === "fo" ? "/fo?registered=1" : "/trader?registered=1", { headers });
}

export default function Register() {
  const { t } = useTranslation("auth");
  const { villages, provinces } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData && !actionData.ok ? actionData.fieldErrors : {};
  const values: Record<string, string> = actionData && !actionData.ok ? actionData.values : {};

  return (
    <section className="mx-auto flex max-w-xl flex-col gap-4">
      <title>{t("register.title")}</title>
      <h1 className="text-2xl font-bold">{t("register.title")}</h1>
      <p>{t("register.intro")}</p>
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      {/* Once a kind is chosen only its part of the form shows (app.css, with :has; no script needed). */}
      <Form method="post" className="register-form flex flex-col gap-6" noValidate>
        <RadioGroup
          name="kind"
          legend={t("register.kind")}
          defaultValue={values.kind}
          error={errors.kind}
          options={[
            { value: "fo", label: t("register.kindFo") },
            { value: "trader", label: t("register.kindTrader") },
          ]}
        />
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-bold">{t("register.you")}</legend>
          <TextField name="name" label={t("register.name")} autoComplete="name" defaultValue={values.name} error={errors.name} required />
          <TextField
            name="phone"
            type="tel"
            inputMode="tel"
            label={t("register.phone")}
            hint={t("register.phoneHint")}
            autoComplete="tel"
            defaultValue={values.phone}
            error={errors.phone}
          />
          <TextField name="email" type="email" label={t("register.email")} autoComplete="email" defaultValue={values.email} error={errors.email} />
          <TextField
            name="password"
            type="password"
            label={t("register.password")}
            hint={t("register.passwordHint")}
            autoComplete="new-password"
            error={errors.password}
            required
          />
          <TextField
            name="passwordConfirm"
            type="password"
            label={t("register.passwordConfirm")}
            autoComplete="new-password"
            error={errors.passwordConfirm}
            required
          />
        </fieldset>
        <fieldset data-kind-section="fo" className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-bold">{t("register.organisation")}</legend>
          <TextField name="orgNameLo" label={t("register.orgNameLo")} defaultValue={values.orgNameLo} error={errors.orgNameLo} />
          <TextField name="orgNameEn" label={t("register.orgNameEn")} defaultValue={values.orgNameEn} error={errors.orgNameEn} />
          <SelectField
            name="orgType"
            label={t("register.orgType")}
            defaultValue={values.orgType}
            error={errors.orgType}
            options={organisationTypes.map((type) => ({ value: type, label: t(`common:orgType.${type}`) }))}
          />
          <SelectField
            name="villageId"
            label={t("register.village")}
            placeholder={t("register.chooseVillage")}
            groups={villages}
            defaultValue={values.villageId}
            error={errors.villageId}
          />
        </fieldset>
        <fieldset data-kind-section="trader" className="flex flex-col gap-3">
          <legend className="mb-2 text-lg font-bold">{t("register.company")}</legend>
          <TextField name="companyName" label={t("register.companyName")} defaultValue={values.companyName} error={errors.companyName} />
          <TextField name="licenceNumber" label={t("register.licenceNumber")} defaultValue={values.licenceNumber} error={errors.licenceNumber} />
          <SelectField
            name="baseProvinceId"
            label={t("register.baseProvince")}
            placeholder={t("register.chooseProvince")}
            options={provinces}
            defaultValue={values.baseProvinceId}
            error={errors.baseProvinceId}
          />
        </fieldset>
        <Button>{t("register.submit")}</Button>
      </Form>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
