// The form a party records a delivery with: its day, who measured with what,
// the empty bag's weight, then one row per lot on the grade sheet (./lot-sheet),
// the lots the buyer refused, and the server's running total before recording.
import { Form } from "react-router";
import { PreviewTotals, type Preview } from "~/components/delivery-card";
import { LotSheet, RunningTotal } from "~/components/lot-sheet";
import { RefusedLotSheet } from "~/components/refused-lots";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { lotSheetMeasures, type ContentTerm } from "~/domain/contracts/content";
import { MAX_LOT_ROWS } from "~/domain/deliveries/lot-form";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatLak, formatPermilleAsPercent } from "~/utils/format";
import { useLocale, useTranslation } from "~/utils/i18n-react";

export function DeliveryRecordForm({
  formToken,
  rows,
  members,
  grades,
  terms,
  today,
  defaultBagGrams,
  values,
  errors,
  preview,
  currency,
}: {
  formToken: string;
  rows: number;
  members: { id: string; name: string }[] | null;
  grades: { value: string; label: string }[];
  terms: { basisPermille: number; gradeCode: string; content: ContentTerm | null } & ReturnType<typeof lotSheetMeasures>;
  today: string;
  defaultBagGrams: number;
  values: Record<string, string>;
  errors: Record<string, string>;
  preview: Preview | null;
  currency: ContractCurrency;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  return (
    <Form method="post" className="no-print flex flex-col gap-3 rounded border-2 border-brand-600 bg-white p-4" noValidate data-running-total="">
      <h2 className="text-lg font-bold">{t("form.title")}</h2>
      <p className="text-sm">{t("form.computed")}</p>
      <p className="text-sm">{members ? t("lots.introFo") : t("lots.introTrader")}</p>
      <input type="hidden" name="formToken" value={formToken} />
      <input type="hidden" name="rows" value={rows} />
      <TextField name="deliveredOn" type="date" label={t("form.deliveredOn")} defaultValue={values.deliveredOn ?? today} error={errors.deliveredOn} required />
      <TextField
        name="measuredBy"
        label={t("form.measuredBy")}
        hint={t("form.measuredByHint")}
        defaultValue={values.measuredBy}
        error={errors.measuredBy}
        required
      />
      <TextField
        name="instrument"
        label={t("form.instrument")}
        hint={t("form.instrumentHint")}
        defaultValue={values.instrument}
        error={errors.instrument}
        required
      />
      <TextField
        name="bagGrams"
        inputMode="numeric"
        label={t("form.bagGrams")}
        hint={t("form.bagGramsHint")}
        defaultValue={values.bagGrams ?? String(defaultBagGrams)}
        error={errors.bagGrams}
        required
      />
      {terms.moisture ? <p className="text-sm">{t("form.moistureHint", { basis: formatPermilleAsPercent(terms.basisPermille, locale) })}</p> : null}
      {terms.content ? (
        <p className="text-sm">
          {t(`form.contentHint.${terms.content.measure}`, {
            basis: formatPermilleAsPercent(terms.content.basisPermille, locale),
            step: formatLak(terms.content.stepLakPerKgPerPoint, locale),
          })}
        </p>
      ) : null}
      {errors.lots ? <Notice tone="error">{t(errors.lots)}</Notice> : null}
      <LotSheet
        rows={rows}
        members={members}
        grades={grades}
        defaultGrade={terms.gradeCode}
        values={values}
        errors={errors}
        locale={locale}
        contentMeasure={terms.contentMeasure}
        moisture={terms.moisture}
      />
      <RunningTotal locale={locale} />
      <RefusedLotSheet members={members} values={values} errors={errors} locale={locale} />
      {preview ? <PreviewTotals preview={preview} currency={currency} /> : null}
      <div className="flex flex-wrap gap-2">
        <Button name="intent" value="preview" variant="secondary">
          {t("lots.check")}
        </Button>
        {rows < MAX_LOT_ROWS ? (
          <Button name="intent" value="more" variant="secondary">
            {t("lots.more")}
          </Button>
        ) : null}
        <Button name="intent" value="record">
          {t("form.submit")}
        </Button>
      </div>
    </Form>
  );
}
