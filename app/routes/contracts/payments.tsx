import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { PaymentRecordForm, type PaymentReview } from "~/components/payment-record-form";
import { Notice } from "~/components/ui/notice";
import {
  checkPayment,
  confirmPayment,
  contestPayment,
  paymentFormSchema,
  paymentInputOf,
  paymentMethods,
  paymentStatement,
  recordPayment,
} from "~/domain/payments/contract-payments.server";
import { AnswerFormSchema } from "~/domain/deliveries/delivery-form";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { formTokenOf, newFormToken } from "~/domain/contracts/form-token";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { formatDate, formatMoney, formatPermilleAsPercent } from "~/utils/format";
import { snapshotCurrency } from "~/domain/contracts/snapshot";
import { formFailure, parseForm } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/payments";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  const now = new Date();
  const statement = await paymentStatement(db, access, user.id, now);
  return {
    contract: { id: access.contract.id, number: access.contract.number, status: access.contract.status, currency: snapshotCurrency(access.snapshot) },
    party: access.roles.fo || access.roles.trader,
    isTrader: access.roles.trader,
    ...statement,
    methods: [...paymentMethods],
    today: toLaoDateInput(now),
    asOf: now.toISOString(),
    // One per form shown: the same form sent twice records once (~/domain/contracts/form-token).
    formToken: newFormToken(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  if (!access.roles.fo && !access.roles.trader) forbidden(state);
  const formData = await request.formData();
  const back = `/contracts/${params.contractId}/payments`;
  const intent = formData.get("intent");
  if (intent === "record" || intent === "edit") {
    if (!access.roles.trader) forbidden(state);
    const quiet = { answerFor: null, message: null, over: null, review: null };
    // "No, change it" on the confirmation: the form again as typed, with the same token (nothing was recorded).
    if (intent === "edit") return { ...formFailure({}, formData), ...quiet, formToken: formTokenOf(formData) ?? newFormToken() };
    // A failed attempt gets a fresh token with its answer: nothing was recorded from it.
    const again = { ...quiet, formToken: newFormToken() };
    const parsed = parseForm(paymentFormSchema(snapshotCurrency(access.snapshot)), formData);
    if (!parsed.ok) return data({ ...parsed, ...again }, { status: 400 });
    const formToken = formTokenOf(formData);
    if (!formToken) return data({ ...formFailure({}, formData), ...again, message: "deliveries:errors.formExpired" }, { status: 400 });
    const input = paymentInputOf(parsed.data, formToken);
    // Only the confirmation step records; the record form's answer is the confirmation, once the server would record it.
    const result =
      formData.get("confirmed") === "yes" ? await recordPayment(db, user, params.contractId, input) : await checkPayment(db, user, params.contractId, input);
    // Recorded now, or by the same form sent before: the same answer.
    if (result.ok && ("paymentId" in result || result.recordedId)) throw redirect(`${back}?done=paymentRecorded`);
    if (result.ok) {
      const review: PaymentReview = {
        amountLak: input.amountLak.toString(),
        paidOn: input.paidOn.toISOString(),
        method: input.method,
        reference: input.reference,
        overpaymentLak: input.overpaymentLak?.toString() ?? null,
      };
      return { ...formFailure({}, formData), ...quiet, formToken, review };
    }
    if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), ...again }, { status: 400 });
    const over = result.reason === "overpayment" ? { owedLak: result.over.owedLak.toString(), overLak: result.over.overLak.toString() } : null;
    return refusalResponse(state, result, { messages: "deliveries:errors", body: { ...formFailure({}, formData), ...again, over } });
  }
  const parsed = parseForm(AnswerFormSchema, formData);
  const answerFor = String(formData.get("id") ?? "");
  if (!parsed.ok) return data({ ...parsed, answerFor, message: null, over: null, formToken: null, review: null }, { status: 400 });
  const answer = parsed.data;
  const result = answer.intent === "confirm" ? await confirmPayment(db, user, answer.id) : await contestPayment(db, user, answer.id, answer.reason);
  if (result.ok) throw redirect(`${back}?done=${result.completed ? "completed" : answer.intent === "confirm" ? "paymentConfirmed" : "paymentContested"}`);
  return refusalResponse(state, result, {
    messages: "deliveries:errors",
    body: { ...formFailure({}, formData), answerFor, over: null, formToken: null, review: null },
  });
}

const DONE = ["paymentRecorded", "paymentConfirmed", "paymentContested", "completed"] as const;

export default function Payments() {
  const { t } = useTranslation("deliveries");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const done = DONE.find((k) => k === params.get("done"));
  const errors: Record<string, string> = actionData && actionData.answerFor === null ? actionData.fieldErrors : {};
  const values: Record<string, string> = actionData && actionData.answerFor === null ? actionData.values : {};
  const currency = d.contract.currency;
  const lak = (n: string) => formatMoney(BigInt(n), currency, locale);
  const date = (iso: string) => formatDate(iso, locale);
  const b = d.balance;
  const title = t("payments.title", { number: d.contract.number });
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <p className="no-print">
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("back", { number: d.contract.number })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{t("payments.intro")}</p>
      {done ? <Notice>{t(`done.${done}`)}</Notice> : null}
      {actionData?.message && !actionData.over ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {actionData?.over ? (
        <Notice tone="error">
          {t("overpayment.text", {
            amount: lak((BigInt(actionData.over.owedLak) + BigInt(actionData.over.overLak)).toString()),
            owed: lak(actionData.over.owedLak),
            over: lak(actionData.over.overLak),
          })}
        </Notice>
      ) : null}
      {!d.party ? <Notice>{t("readOnly")}</Notice> : null}
      <p>
        {d.terms.paymentDays === 0 ? t("payments.termsSameDay") : t("payments.terms", { days: d.terms.paymentDays })}{" "}
        {d.terms.latePenaltyPermillePerMonth > 0
          ? t("payments.penalty", { rate: formatPermilleAsPercent(d.terms.latePenaltyPermillePerMonth, locale) })
          : t("payments.noPenalty")}
      </p>

      <div className="flex flex-col gap-2 rounded border-2 border-brand-600 bg-white p-4">
        <h2 className="text-lg font-bold">{t("balance.title")}</h2>
        <p className="text-sm text-gray-700">{t("balance.asOf", { date: date(d.asOf) })}</p>
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1">
          <dt>{t("balance.due")}</dt>
          <dd className="text-right tabular-nums">{lak(b.dueLak)}</dd>
          <dt>{t("balance.paid")}</dt>
          <dd className="text-right tabular-nums">{lak(b.paidLak)}</dd>
          <dt className="font-bold">{BigInt(b.balanceLak) < 0n ? t("balance.credit") : t("balance.balance")}</dt>
          <dd className="text-right font-bold tabular-nums">{lak((BigInt(b.balanceLak) < 0n ? -BigInt(b.balanceLak) : BigInt(b.balanceLak)).toString())}</dd>
        </dl>
        {BigInt(b.overdueLak) > 0n ? (
          <Notice tone="error">{t("balance.overdue", { amount: lak(b.overdueLak), days: b.oldestOverdueDays })}</Notice>
        ) : (
          <p>{t("balance.notOverdue")}</p>
        )}
        {BigInt(b.penaltyLak) > 0n ? <p className="font-semibold">{t("balance.penalty", { amount: lak(b.penaltyLak) })}</p> : null}
        <ArithmeticLines lines={b.lines} caption={t("balance.arithmetic")} currency={currency} />
        <ArithmeticLines lines={b.overdueLines} caption={t("balance.overdueArithmetic")} currency={currency} />
        <ArithmeticLines lines={b.penaltyLines} caption={t("balance.penaltyArithmetic")} currency={currency} />
        {b.allocations.length ? (
          <table className="card-table w-full border-collapse text-sm">
            <caption className="py-1 text-left font-semibold">{t("balance.allocations")}</caption>
            <thead>
              <tr className="text-left">
                <th scope="col" className="pr-2">
                  {t("balance.delivered")}
                </th>
                <th scope="col" className="pr-2">
                  {t("balance.dueDate")}
                </th>
                <th scope="col" className="pr-2 text-right">
                  {t("balance.amount")}
                </th>
                <th scope="col" className="pr-2">
                  {t("balance.paidBy")}
                </th>
                <th scope="col" className="text-right">
                  {t("balance.daysLate")}
                </th>
              </tr>
            </thead>
            <tbody>
              {b.allocations.map((a, i) => (
                <tr key={i} className={`border-t border-gray-200 ${a.source === "unpaid" && a.daysLate > 0 ? "font-semibold text-red-800" : ""}`}>
                  <td data-label={t("balance.delivered")} className="pr-2">
                    {date(a.deliveredOn)}
                  </td>
                  <td data-label={t("balance.dueDate")} className="pr-2">
                    {date(a.dueDate)}
                  </td>
                  <td data-label={t("balance.amount")} className="pr-2 text-right tabular-nums">
                    {lak(a.amountLak)}
                  </td>
                  <td data-label={t("balance.paidBy")} className="pr-2">
                    {a.source === "payment" && a.paidOn ? t("balance.source.payment", { date: date(a.paidOn) }) : t(`balance.source.${a.source}`)}
                  </td>
                  <td data-label={t("balance.daysLate")} className="text-right tabular-nums">
                    {a.daysLate}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </div>

      {d.payments.length === 0 ? <p>{t("payments.empty")}</p> : null}
      <ol className="flex flex-col gap-3">
        {d.payments.map((p) => (
          <li key={p.id} className="flex flex-col gap-1 rounded border border-gray-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-bold">{t("payments.heading", { amount: lak(p.amountLak), date: date(p.paidOn) })}</h2>
              <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`status.${p.status}`)}</span>
            </div>
            <p className="text-sm">
              {t("payments.method", { method: t(`method.${p.method}`) })}
              {p.reference ? ` · ${t("payments.reference", { reference: p.reference })}` : ""} · {t("payments.recordedBy", { name: p.recordedBy })}
            </p>
            {p.overpayment ? <p className="text-sm font-semibold">{t("payments.overpaymentMarked")}</p> : null}
            {p.status === "confirmed" && p.answeredBy ? (
              <p className="text-sm">{t("deliveries.confirmedBy", { name: p.answeredBy, date: date(p.answeredAt!) })}</p>
            ) : null}
            {p.status === "contested" && p.answeredBy ? (
              <p className="text-sm font-semibold text-red-800">
                {t("deliveries.contestedBy", { name: p.answeredBy, date: date(p.answeredAt!), reason: p.contestReason ?? "" })}
              </p>
            ) : null}
            {p.canAnswer ? (
              <div className="no-print flex flex-col gap-3 border-t border-gray-200 pt-3 sm:flex-row sm:items-end">
                <Form method="post">
                  <input type="hidden" name="id" value={p.id} />
                  <Button name="intent" value="confirm">
                    {t("answer.confirmPayment")}
                  </Button>
                </Form>
                <Form method="post" className="flex flex-1 flex-col gap-2" noValidate>
                  <input type="hidden" name="id" value={p.id} />
                  <TextField name="reason" label={t("answer.reason")} error={actionData?.answerFor === p.id ? actionData.fieldErrors.reason : undefined} />
                  <Button name="intent" value="contest" variant="secondary">
                    {t("answer.contest")}
                  </Button>
                </Form>
              </div>
            ) : null}
          </li>
        ))}
      </ol>

      {d.canRecord ? (
        <PaymentRecordForm
          currency={currency}
          contractId={d.contract.id}
          formToken={actionData?.formToken ?? d.formToken}
          today={d.today}
          methods={d.methods}
          values={values}
          errors={errors}
          overLak={actionData?.over?.overLak ?? null}
          review={actionData?.review ?? null}
        />
      ) : d.isTrader ? (
        <p className="no-print">{t("payments.notPayable")}</p>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
