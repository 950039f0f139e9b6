// The export-parity terms of an offer: which export reference series, which
// kind of exchange rate converts it, and the margin taken off. The contract
// matches the series by the crop, this market name and the currency.
import { useTranslation } from "~/utils/i18n-react";
import { SelectField, TextField } from "~/components/ui/field";
import { exportCurrencies, rateSourceKinds } from "~/domain/contracts/snapshot";

export function ExportParityFields({ values, errors }: { values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("offers");
  return (
    <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-2">
      <legend className="mb-2 font-semibold">{t("form.exportLegend")}</legend>
      <TextField
        name="exportMarket"
        label={t("form.exportMarket")}
        hint={t("form.exportMarketHint")}
        defaultValue={values.exportMarket}
        error={errors.exportMarket}
      />
      <SelectField
        name="exportCurrency"
        label={t("form.exportCurrency")}
        options={exportCurrencies.map((c) => ({ value: c, label: t(`currencies.${c}`) }))}
        defaultValue={values.exportCurrency || "THB"}
        error={errors.exportCurrency}
      />
      <SelectField
        name="exportRateSourceKind"
        label={t("form.exportRateSourceKind")}
        options={rateSourceKinds.map((k) => ({ value: k, label: t(`rateSources.${k}`) }))}
        defaultValue={values.exportRateSourceKind || "bol_reference"}
        error={errors.exportRateSourceKind}
      />
      <TextField
        name="exportMarginLakPerKg"
        inputMode="numeric"
        label={t("form.exportMarginLakPerKg")}
        defaultValue={values.exportMarginLakPerKg}
        error={errors.exportMarginLakPerKg}
      />
    </fieldset>
  );
}
