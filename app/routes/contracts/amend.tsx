import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData, Form } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { amendContract, AmendmentSchema } from "~/domain/contracts/amend.server";
import { loadContractFor } from "~/domain/contracts/contract-view.server";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { parseForm } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/amend";

async function partyContract(state: ReturnType<typeof getRequestState>, contractId: string) {
  const user = requireUser(state);
  const found = await loadContractFor(db, user, contractId);
  if (!found) notFound(state);
  if (!found.roles.fo && !found.roles.trader) forbidden(state);
  return { user, found };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { found } = await partyContract(state, params.contractId);
  const { contract } = found;
  const terms = (JSON.parse(contract.document.snapshot) as ContractSnapshot).terms;
  return {
    number: contract.number,
    contractId: contract.id,
    open: contract.status === "active" && !contract.amendment,
    values: {
      priceLakPerKg: String(terms.priceLakPerKg),
      quantityKg: String(terms.quantityKg),
      deliveryDate: toLaoDateInput(terms.deliveryDate),
      paymentDays: String(terms.paymentDays),
    } as Record<string, string>,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user } = await partyContract(state, params.contractId);
  const parsed = parseForm(AmendmentSchema, await request.formData());
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result = await amendContract(db, user, params.contractId, parsed.data);
  if (result.ok) throw redirect(`/contracts/${result.contractId}`);
  return refusalResponse(state, result, {
    messages: "amendments:errors",
    body: { ok: false as const, fieldErrors: {} as Record<string, string>, values: {} as Record<string, string> },
  });
}

export default function AmendContract() {
  const { t } = useTranslation("amendments");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const values: Record<string, string> = actionData && Object.keys(actionData.values).length ? actionData.values : d.values;
  return (
    <section className="flex max-w-xl flex-col gap-4">
      <title>{t("title", { number: d.number })}</title>
      <h1 className="text-2xl font-bold">{t("title", { number: d.number })}</h1>
      <p>{t("intro")}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {!d.open ? (
        <Notice tone="warning">{t("errors.notActive")}</Notice>
      ) : (
        <Form method="post" className="flex flex-col gap-3" noValidate>
          <TextField name="priceLakPerKg" inputMode="numeric" label={t("priceLakPerKg")} defaultValue={values.priceLakPerKg} error={errors.priceLakPerKg} />
          <TextField name="quantityKg" inputMode="numeric" label={t("quantityKg")} defaultValue={values.quantityKg} error={errors.quantityKg} />
          <TextField name="deliveryDate" type="date" label={t("deliveryDate")} defaultValue={values.deliveryDate} error={errors.deliveryDate} />
          <TextField name="paymentDays" inputMode="numeric" label={t("paymentDays")} defaultValue={values.paymentDays} error={errors.paymentDays} />
          <TextField name="reason" label={t("reason")} hint={t("reasonHint")} defaultValue={values.reason} error={errors.reason} />
          <Button>{t("submit")}</Button>
        </Form>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
