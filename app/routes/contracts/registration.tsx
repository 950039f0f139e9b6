import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { loadContractFor } from "~/domain/contracts/contract-view.server";
import { contractRegistration, parseRegistration, registerContract, registrableStatuses } from "~/domain/contracts/registration.server";
import { localName } from "~/utils/i18n";
import { toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formFailure } from "~/utils/forms";
import { notFound, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/registration";

// Only a facilitator of the contract's district registers it; anyone else,
// a party included, is told there is no such page.
async function facilitatorContract(state: ReturnType<typeof getRequestState>, contractId: string) {
  const user = requireUserWithRole(state, "facilitator");
  const found = await loadContractFor(db, user, contractId);
  if (!found || !found.roles.facilitator) notFound(state);
  return { user, contract: found.contract };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { contract } = await facilitatorContract(state, params.contractId);
  const [registration, district] = await Promise.all([
    contractRegistration(db, contract.id),
    db.district.findUnique({ where: { id: contract.districtId }, select: { nameLo: true, nameEn: true } }),
  ]);
  return {
    contract: { id: contract.id, number: contract.number, status: contract.status },
    signed: (registrableStatuses as readonly string[]).includes(contract.status),
    registration: registration ? { ...registration, registeredOn: registration.registeredOn.toISOString() } : null,
    district: district ? localName(district, state.locale) : "",
    today: toLaoDateInput(new Date()),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, contract } = await facilitatorContract(state, params.contractId);
  const formData = await request.formData();
  const now = new Date();
  const parsed = parseRegistration(formData, now);
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result = await registerContract(db, user, contract.id, parsed.data, now);
  if (result.ok) throw redirect(`/contracts/${contract.id}?registered=1#registration`);
  if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), message: null }, { status: 400 });
  return refusalResponse(state, result, {
    messages: "registration:errors",
    body: { ok: false as const, fieldErrors: {} as Record<string, string>, values: {} as Record<string, string> },
  });
}

export default function RegisterContract() {
  const { t } = useTranslation("registration");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const title = t("page.title", { number: d.contract.number });
  return (
    <section className="flex max-w-xl flex-col gap-4">
      <title>{title}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{t("page.intro")}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {d.registration ? (
        <Notice tone="info">{t("page.already", { number: d.registration.number })}</Notice>
      ) : !d.signed ? (
        <Notice tone="warning">{t("errors.notSigned")}</Notice>
      ) : (
        <Form method="post" className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-4">
          <TextField name="number" label={t("form.number")} hint={t("form.numberHint")} defaultValue={values.number} error={errors.number} required />
          <TextField
            name="registeredOn"
            type="date"
            label={t("form.registeredOn")}
            defaultValue={values.registeredOn ?? d.today}
            error={errors.registeredOn}
            required
          />
          <TextField
            name="office"
            label={t("form.office")}
            hint={t("form.officeHint")}
            defaultValue={values.office ?? t("form.officeDefault", { district: d.district })}
            error={errors.office}
            required
          />
          <p className="text-sm text-gray-700">{t("form.unchanged")}</p>
          <Button>{t("form.submit")}</Button>
        </Form>
      )}
      <p>
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("page.back", { number: d.contract.number })}
        </Link>
      </p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
