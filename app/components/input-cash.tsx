// The inputs page's repayments in cash: the list, and for the FO's leaders the
// form that records one (intent "cash"). Plain form; works without JavaScript.
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { formatDate, formatLak } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

export type CashRow = { id: string; memberName: string; amountLak: string; interestLak: string; paidOn: string; note: string | null };

export function CashRepayments({
  rows,
  form,
}: {
  rows: CashRow[];
  /** null: this user may not record one */
  form: {
    debtors: { value: string; label: string }[];
    formToken: string;
    today: string;
    values: Record<string, string>;
    errors: Record<string, string>;
  } | null;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const lak = (n: string) => formatLak(BigInt(n), locale);
  return (
    <section aria-labelledby="cash-repayments" className="flex flex-col gap-2">
      <h2 id="cash-repayments" className="text-lg font-bold">
        {t("inputs.cash.title")}
      </h2>
      <p className="text-sm">{t("inputs.cash.intro")}</p>
      {rows.length === 0 ? (
        <p>{t("inputs.cash.empty")}</p>
      ) : (
        <table className="card-table w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-gray-300 text-left">
              <th scope="col" className="pr-2">
                {t("inputs.cash.member")}
              </th>
              <th scope="col" className="pr-2 text-right">
                {t("inputs.cash.amount")}
              </th>
              <th scope="col" className="pr-2 text-right">
                {t("inputs.cash.interest")}
              </th>
              <th scope="col" className="pr-2">
                {t("inputs.cash.paidOn")}
              </th>
              <th scope="col">{t("inputs.cash.note")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} className="border-b border-gray-100">
                <th scope="row" className="pr-2 text-left font-normal">
                  {r.memberName}
                </th>
                <td data-label={t("inputs.cash.amount")} className="pr-2 text-right tabular-nums">
                  {lak(r.amountLak)}
                </td>
                <td data-label={t("inputs.cash.interest")} className="pr-2 text-right tabular-nums">
                  {lak(r.interestLak)}
                </td>
                <td data-label={t("inputs.cash.paidOn")} className="pr-2">
                  {formatDate(r.paidOn, locale)}
                </td>
                <td data-label={t("inputs.cash.note")}>{r.note ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {form && form.debtors.length ? (
        <Form method="post" className="no-print flex flex-col gap-3 rounded border border-brand-600 bg-white p-4" noValidate>
          <h3 className="font-bold">{t("inputs.cash.form.title")}</h3>
          <input type="hidden" name="intent" value="cash" />
          <input type="hidden" name="formToken" value={form.formToken} />
          <SelectField
            name="memberId"
            label={t("inputs.cash.form.memberId")}
            options={form.debtors}
            placeholder={t("inputs.form.chooseMember")}
            defaultValue={form.values.memberId}
            error={form.errors.memberId}
            required
          />
          <TextField
            name="amountLak"
            inputMode="numeric"
            label={t("inputs.cash.form.amountLak")}
            hint={t("inputs.cash.form.amountHint")}
            defaultValue={form.values.amountLak}
            error={form.errors.amountLak}
            required
          />
          <TextField
            name="paidOn"
            type="date"
            label={t("inputs.cash.form.paidOn")}
            defaultValue={form.values.paidOn ?? form.today}
            error={form.errors.paidOn}
            required
          />
          <TextField name="note" label={t("inputs.cash.form.note")} defaultValue={form.values.note} error={form.errors.note} />
          <Button variant="secondary">{t("inputs.cash.form.submit")}</Button>
        </Form>
      ) : null}
    </section>
  );
}
