// The trader's payment in two steps, both plain forms: the record form first
// asks the server to check it; the answer repeats what will be recorded and
// says it cannot be undone, with the typed values in hidden fields and the
// same form token, so that "Yes" records once however often it is sent.
// "No, change it" brings the form back as it was typed.
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { formatDate, formatMoney } from "~/utils/format";
import type { ContractCurrency } from "~/domain/prices/currency";
import { useTranslation, useLocale } from "~/utils/i18n-react";

export type PaymentReview = { amountLak: string; paidOn: string; method: string; reference: string | null; overpaymentLak: string | null };

const KEPT = ["amountLak", "paidOn", "method", "reference", "overpaymentLak"] as const;

export function PaymentRecordForm({
  currency,
  contractId,
  formToken,
  today,
  methods,
  values,
  errors,
  overLak,
  review,
}: {
  contractId: string;
  formToken: string;
  today: string;
  methods: readonly string[];
  values: Record<string, string>;
  errors: Record<string, string>;
  /** by how much the amount passes what is owed, once the server has said so */
  overLak: string | null;
  review: PaymentReview | null;
  /** the contract's currency: the amount is typed, and shown, in it */
  currency: ContractCurrency;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const lak = (n: string) => formatMoney(BigInt(n), currency, locale);
  const path = `/contracts/${contractId}/payments`;
  if (review) {
    const rows: [string, string][] = [
      [t("paymentConfirm.amount"), lak(review.amountLak)],
      [t("paymentConfirm.method"), t(`method.${review.method}`)],
      [t("paymentConfirm.paidOn"), formatDate(review.paidOn, locale)],
      [t("paymentConfirm.reference"), review.reference ?? t("paymentConfirm.noReference")],
    ];
    return (
      <section
        id="record"
        aria-labelledby="record-heading"
        className="no-print flex scroll-mt-4 flex-col gap-3 rounded border-2 border-brand-600 bg-brand-50 p-4"
      >
        <h2 id="record-heading" className="text-lg font-bold">
          {t("paymentConfirm.title")}
        </h2>
        <p>{t("paymentConfirm.intro")}</p>
        <dl className="flex flex-col gap-1">
          {rows.map(([label, value]) => (
            <div key={label} className="flex flex-wrap justify-between gap-x-4 border-b border-brand-100 py-1">
              <dt className="font-semibold">{label}</dt>
              <dd className="tabular-nums">{value}</dd>
            </div>
          ))}
        </dl>
        {review.overpaymentLak ? <p className="font-semibold">{t("paymentConfirm.overpayment", { over: lak(review.overpaymentLak) })}</p> : null}
        <p className="font-semibold">{t("paymentConfirm.consequence")}</p>
        {/* No #record here: after recording, the page opens at the top, where the news is. */}
        <Form method="post" action={path} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="formToken" value={formToken} />
          {KEPT.map((k) => (values[k] !== undefined ? <input key={k} type="hidden" name={k} value={values[k]} /> : null))}
          <input type="hidden" name="confirmed" value="yes" />
          <Button name="intent" value="record">
            {t("paymentConfirm.confirm")}
          </Button>
          <Button name="intent" value="edit" variant="secondary" formAction={`${path}#record`}>
            {t("paymentConfirm.change")}
          </Button>
        </Form>
      </section>
    );
  }
  return (
    <Form
      id="record"
      method="post"
      action={`${path}#record`}
      className="no-print flex scroll-mt-4 flex-col gap-3 rounded border-2 border-brand-600 bg-white p-4"
      noValidate
    >
      <h2 className="text-lg font-bold">{t("paymentForm.title")}</h2>
      <input type="hidden" name="intent" value="record" />
      <input type="hidden" name="formToken" value={formToken} />
      <TextField
        name="amountLak"
        inputMode="numeric"
        label={currency === "LAK" ? t("paymentForm.amountLak") : t("paymentForm.amountIn", { currency })}
        defaultValue={values.amountLak}
        error={errors.amountLak}
        required
      />
      <TextField name="paidOn" type="date" label={t("paymentForm.paidOn")} defaultValue={values.paidOn ?? today} error={errors.paidOn} required />
      <SelectField
        name="method"
        label={t("paymentForm.method")}
        options={methods.map((m) => ({ value: m, label: t(`method.${m}`) }))}
        defaultValue={values.method ?? "bank_transfer"}
        error={errors.method}
        required
      />
      <TextField
        name="reference"
        label={t("paymentForm.reference")}
        hint={t("paymentForm.referenceHint")}
        defaultValue={values.reference}
        error={errors.reference}
      />
      {overLak ? (
        // Shown once the portal has said by how much the payment passes what is owed: ticking says so for that amount.
        <label className="flex items-start gap-2 rounded border-2 border-amber-600 bg-amber-50 p-3">
          <input type="checkbox" name="overpaymentLak" value={overLak} className="mt-1 size-5" />
          <span>{t("paymentForm.overpayment", { over: lak(overLak) })}</span>
        </label>
      ) : null}
      <Button>{t("paymentForm.submit")}</Button>
    </Form>
  );
}
