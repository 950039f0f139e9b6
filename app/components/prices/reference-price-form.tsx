// A facilitator's form for a local reference price, in one of their districts.
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { useTranslation } from "~/utils/i18n-react";

type Option = { value: string; label: string };

export interface ReferenceEntryData {
  crops: Option[];
  districts: Option[];
  defaults: { cropId: string; districtId: string; observedOn: string };
}

export function ReferencePriceForm({ entry, errors, values }: { entry: ReferenceEntryData; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("priceboard");
  return (
    <section className="no-print flex flex-col gap-3 rounded border border-gray-200 bg-white p-3" aria-labelledby="entry-title">
      <h2 id="entry-title" className="text-xl font-bold">
        {t("entry.title")}
      </h2>
      {entry.districts.length === 0 ? (
        <p>{t("entry.noDistricts")}</p>
      ) : (
        <>
          <p>{t("entry.intro")}</p>
          {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
          <Form method="post" noValidate className="grid gap-3 sm:grid-cols-2">
            <SelectField
              name="cropId"
              label={t("entry.crop")}
              options={entry.crops}
              defaultValue={values.cropId ?? entry.defaults.cropId}
              error={errors.cropId}
              required
            />
            <SelectField
              name="districtId"
              label={t("entry.district")}
              options={entry.districts}
              defaultValue={values.districtId ?? entry.defaults.districtId}
              error={errors.districtId}
              required
            />
            <TextField name="market" label={t("entry.market")} hint={t("entry.marketHint")} defaultValue={values.market ?? ""} error={errors.market} required />
            <TextField
              name="observedOn"
              type="date"
              label={t("entry.observedOn")}
              defaultValue={values.observedOn ?? entry.defaults.observedOn}
              error={errors.observedOn}
              required
            />
            <TextField
              name="priceLakPerKg"
              label={t("entry.price")}
              hint={t("entry.priceHint")}
              inputMode="numeric"
              defaultValue={values.priceLakPerKg ?? ""}
              error={errors.priceLakPerKg}
              required
            />
            <div className="flex items-end">
              <Button>{t("entry.submit")}</Button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
