import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { snapshotCurrency } from "~/domain/contracts/snapshot";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { formTokenOf, newFormToken } from "~/domain/contracts/form-token";
import { CashRepayments } from "~/components/input-cash";
import { CorrectionForm, HandoverTable, VoidedHandovers } from "~/components/input-correction";
import { correctHandover, correctionInputOf, CorrectionFormSchema } from "~/domain/inputs/input-corrections.server";
import { cashRepaymentInputOf, CashRepaymentFormSchema, recordCashRepayment } from "~/domain/inputs/input-cash.server";
import { handoverInputOf, HandoverFormSchema, handoverPage, recordHandover } from "~/domain/inputs/input-handovers.server";
import { inputUnits } from "~/domain/inputs/input-units";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { formatLak } from "~/utils/format";
import { formFailure, parseForm } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/inputs";

// Who received which input, and what each owes. The FO's leaders record; the
// trader and the district's facilitators read (it sets what the trader is repaid).
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  const page = await handoverPage(db, access, new Date());
  // Input credit is written in kip only: baht and yuan contracts are fixed-price ones (docs/decisions/0021).
  return { ...page, currency: snapshotCurrency(access.snapshot), today: toLaoDateInput(new Date()), formToken: newFormToken() };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  // Only the FO's leaders record: refused before reading anything sent.
  if (!access.roles.fo) forbidden(state);
  const formData = await request.formData();
  // The handover form predates the intents: no intent is a handover.
  const sent = formData.get("intent");
  const intent = sent === "cash" || sent === "correct" ? sent : "handover";
  const again = { formToken: newFormToken(), intent };
  const formToken = formTokenOf(formData);
  const expired = () => data({ ...formFailure({}, formData), ...again, message: "deliveries:errors.formExpired" }, { status: 400 });
  let result;
  let errors: string;
  if (intent === "cash") {
    const parsed = parseForm(CashRepaymentFormSchema, formData);
    if (!parsed.ok) return data({ ...parsed, ...again, message: null }, { status: 400 });
    if (!formToken) return expired();
    result = await recordCashRepayment(db, user, access.contract, access.snapshot, access.roles, cashRepaymentInputOf(parsed.data, formToken));
    errors = "inputs.cash.errors";
  } else if (intent === "correct") {
    const parsed = parseForm(CorrectionFormSchema, formData);
    if (!parsed.ok) return data({ ...parsed, ...again, message: null }, { status: 400 });
    result = await correctHandover(db, user, access.contract, access.snapshot, access.roles, correctionInputOf(parsed.data, formToken));
    errors = "inputs.correct.errors";
  } else {
    const parsed = parseForm(HandoverFormSchema, formData);
    if (!parsed.ok) return data({ ...parsed, ...again, message: null }, { status: 400 });
    if (!formToken) return expired();
    result = await recordHandover(db, user, access.contract, access.snapshot, access.roles, handoverInputOf(parsed.data, formToken));
    errors = "inputs.errors";
  }
  if (result.ok) throw redirect(`/contracts/${params.contractId}/inputs?done=${intent === "handover" ? "1" : intent}`);
  if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), ...again, message: null }, { status: 400 });
  return refusalResponse(state, result, { messages: `deliveries:${errors}`, body: { ...formFailure({}, formData), ...again }, forbidden: ["notTheFo"] });
}

export default function Inputs() {
  const { t } = useTranslation("deliveries");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const lak = (n: string) => formatLak(BigInt(n), locale);
  const mine = actionData?.intent === "handover";
  const cash = actionData?.intent === "cash";
  const fixing = actionData?.intent === "correct";
  const correcting = d.handovers.find((h) => h.correctable && h.id === (params.get("correct") ?? actionData?.values?.handoverId));
  const errors: Record<string, string> = (mine && actionData?.fieldErrors) || {};
  const values: Record<string, string> = (mine && actionData?.values) || {};
  const title = t("inputs.title", { number: d.contract.number });
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <p className="no-print">
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("back", { number: d.contract.number })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      {!d.inputs ? (
        <p>{t("inputs.noInputs")}</p>
      ) : (
        <>
          <p>{t("inputs.intro", { description: d.inputs.description, value: lak(d.inputs.valueLak) })}</p>
          {params.get("done") ? (
            <Notice>{t(params.get("done") === "cash" ? "inputs.cash.done" : params.get("done") === "correct" ? "inputs.correct.done" : "inputs.done")}</Notice>
          ) : null}
          {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
          <p className="font-semibold">{t("inputs.handed", { handed: lak(d.inputs.handedLak), value: lak(d.inputs.valueLak), left: lak(d.inputs.leftLak) })}</p>
          {d.handovers.length === 0 ? <p>{t("inputs.empty")}</p> : <HandoverTable rows={d.handovers} canCorrect={d.isFo} />}
          {d.balances.length ? (
            <div className="flex flex-col gap-2">
              <h2 className="text-lg font-bold">{t("inputs.balances")}</h2>
              <ul className="flex flex-col gap-2">
                {d.balances.map((b) => (
                  <li key={b.memberId ?? "fo"} className="rounded border border-gray-200 bg-white p-2">
                    <p className="font-semibold">
                      {b.memberId ? b.name : t("inputs.poolOwed")}: {t("inputs.owed")} {lak(b.owedLak)}
                    </p>
                    <ArithmeticLines
                      currency={d.currency}
                      lines={b.lines}
                      summary={t("inputs.arithmetic", { name: b.memberId ? b.name : t("inputs.poolOwed") })}
                    />
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {correcting ? (
            <CorrectionForm
              handover={correcting}
              members={d.members}
              formToken={(fixing && actionData?.formToken) || d.formToken}
              values={(fixing && actionData?.values) || {}}
              errors={(fixing && actionData?.fieldErrors) || {}}
              backTo={`/contracts/${d.contract.id}/inputs`}
            />
          ) : null}
          {d.isFo && d.handovers.some((h) => !h.correctable) ? <p className="no-print text-sm">{t("inputs.correct.settledNote")}</p> : null}
          <VoidedHandovers rows={d.voided} />
          <CashRepayments
            rows={d.cash}
            form={
              d.canRepay
                ? {
                    debtors: d.debtors,
                    formToken: (cash && actionData?.formToken) || d.formToken,
                    today: d.today,
                    values: (cash && actionData?.values) || {},
                    errors: (cash && actionData?.fieldErrors) || {},
                  }
                : null
            }
          />
          {d.canRecord ? (
            <Form method="post" className="no-print flex flex-col gap-3 rounded border-2 border-brand-600 bg-white p-4" noValidate>
              <h2 className="text-lg font-bold">{t("inputs.form.title")}</h2>
              <input type="hidden" name="formToken" value={actionData?.formToken ?? d.formToken} />
              <SelectField
                name="memberId"
                label={t("inputs.form.memberId")}
                options={d.members}
                placeholder={t("inputs.form.chooseMember")}
                defaultValue={values.memberId}
                error={errors.memberId}
                required
              />
              <TextField name="item" label={t("inputs.form.item")} defaultValue={values.item} error={errors.item} required />
              <div className="grid grid-cols-2 gap-2">
                <TextField
                  name="quantity"
                  inputMode="numeric"
                  label={t("inputs.form.quantity")}
                  defaultValue={values.quantity}
                  error={errors.quantity}
                  required
                />
                <SelectField
                  name="unit"
                  label={t("inputs.form.unit")}
                  options={inputUnits.map((u) => ({ value: u, label: t(`inputs.unit.${u}`) }))}
                  defaultValue={values.unit ?? "kg"}
                  error={errors.unit}
                  required
                />
              </div>
              <TextField
                name="valueLak"
                inputMode="numeric"
                label={t("inputs.form.valueLak")}
                hint={t("inputs.form.valueHint", { left: lak(d.inputs.leftLak) })}
                defaultValue={values.valueLak}
                error={errors.valueLak}
                required
              />
              <TextField
                name="handedOn"
                type="date"
                label={t("inputs.form.handedOn")}
                defaultValue={values.handedOn ?? d.today}
                error={errors.handedOn}
                required
              />
              <Button>{t("inputs.form.submit")}</Button>
            </Form>
          ) : d.isFo ? (
            <p className="no-print">{t("inputs.notActive")}</p>
          ) : (
            <p className="no-print">{t("inputs.readOnly")}</p>
          )}
        </>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
