import type { ReactNode } from "react";
import { useTranslation } from "~/utils/i18n-react";
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField, type Option } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { ExportParityFields } from "~/components/export-parity-fields";
import { templateCodes } from "~/domain/contracts/snapshot";
import type { ContentMeasure } from "~/domain/contracts/content";
import { DEDUCTION_ROWS, FOREIGN_MATTER_ROWS } from "~/domain/offers/deduction-rows";

/** Rows of a deduction table (moisture: band.N.*, foreign matter: fmBand.N.*), blank rows ignored. */
function BandRows({ prefix, rows, values, errors }: { prefix: string; rows: number; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("offers");
  return (
    <table className="text-left">
      <thead>
        <tr>
          <th scope="col" className="sr-only">
            #
          </th>
          <th scope="col">{t("form.bandFrom")}</th>
          <th scope="col">{t("form.bandTo")}</th>
          <th scope="col">{t("form.bandRate")}</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: rows }, (_, i) => (
          <tr key={i}>
            <th scope="row" className="sr-only">
              {t("form.row", { n: i + 1 })}
            </th>
            {(["from", "to", "rate"] as const).map((cell) => {
              const name = `${prefix}.${i}.${cell}`;
              return (
                <td key={cell} className="pr-2 align-top">
                  <input
                    name={name}
                    aria-label={`${t("form.row", { n: i + 1 })}: ${t(cell === "from" ? "form.bandFrom" : cell === "to" ? "form.bandTo" : "form.bandRate")}`}
                    defaultValue={values[name] ?? ""}
                    inputMode="decimal"
                    aria-invalid={errors[name] ? true : undefined}
                    className="w-24 rounded border border-gray-400 px-2 py-1 aria-[invalid=true]:border-red-700"
                  />
                  {errors[name] ? <p className="text-xs font-semibold text-red-700">{t(errors[name])}</p> : null}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TableError({ error }: { error?: string }) {
  const { t } = useTranslation("offers");
  return error ? (
    <p role="alert" className="text-sm font-semibold text-red-700">
      {t(error)}
    </p>
  ) : null;
}

/** The terms form shared by a new offer, a trader's revision and the FO's counter-offer. */
export function OfferTermsForm({
  grades,
  gradeRows,
  values,
  errors,
  submitLabel,
  quantityHint,
  moistureHint,
  hidden,
  contentMeasure = null,
}: {
  grades: Option[];
  /** the crop's grades, one row each in the grade price table */
  gradeRows: { code: string; label: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
  submitLabel: string;
  quantityHint: string;
  moistureHint: string;
  hidden?: ReactNode;
  /** the crop's content measure: the form asks its basis and step; null: not asked */
  contentMeasure?: ContentMeasure | null;
}) {
  const { t } = useTranslation("offers");
  const paidBy = [
    { value: "trader", label: t("form.paidByTrader") },
    { value: "fo", label: t("form.paidByFo") },
  ];
  return (
    <Form method="post" className="flex flex-col gap-5" noValidate>
      {hidden}
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="priceLakPerKg" inputMode="numeric" label={t("form.priceLakPerKg")} defaultValue={values.priceLakPerKg} error={errors.priceLakPerKg} />
        <TextField
          name="quantityKg"
          inputMode="numeric"
          label={t("form.quantityKg")}
          hint={quantityHint}
          defaultValue={values.quantityKg}
          error={errors.quantityKg}
        />
        <SelectField name="gradeId" label={t("form.gradeId")} options={grades} defaultValue={values.gradeId} error={errors.gradeId} />
        <TextField
          name="moistureBasis"
          inputMode="text"
          label={t("form.moistureBasis")}
          hint={moistureHint}
          defaultValue={values.moistureBasis}
          error={errors.moistureBasis}
        />
        <TextField
          name="tolerance"
          inputMode="decimal"
          label={t("form.tolerance")}
          hint={t("form.toleranceHint")}
          defaultValue={values.tolerance}
          error={errors.tolerance}
        />
        {contentMeasure ? (
          <>
            <TextField
              name="contentBasis"
              inputMode="decimal"
              label={t(`form.content.${contentMeasure}.basis`)}
              hint={t(`form.content.${contentMeasure}.basisHint`)}
              defaultValue={values.contentBasis}
              error={errors.contentBasis}
            />
            <TextField
              name="contentStep"
              inputMode="numeric"
              label={t(`form.content.${contentMeasure}.step`)}
              hint={t("form.content.stepHint")}
              defaultValue={values.contentStep}
              error={errors.contentStep}
            />
          </>
        ) : null}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-bold">{t("form.deductionTable")}</legend>
        <p className="text-sm text-gray-700">{t("form.deductionHint")}</p>
        <TableError error={errors.deductionTable} />
        <BandRows prefix="band" rows={DEDUCTION_ROWS} values={values} errors={errors} />
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-bold">{t("form.foreignMatter")}</legend>
        <p className="text-sm text-gray-700">{t("form.foreignMatterHint")}</p>
        <div className="sm:w-1/2">
          <TextField
            name="foreignMatterBasis"
            inputMode="decimal"
            label={t("form.foreignMatterBasis")}
            hint={t("form.foreignMatterBasisHint")}
            defaultValue={values.foreignMatterBasis}
            error={errors.foreignMatterBasis}
          />
        </div>
        <TableError error={errors.foreignMatterTable} />
        <BandRows prefix="fmBand" rows={FOREIGN_MATTER_ROWS} values={values} errors={errors} />
      </fieldset>
      <fieldset className="flex flex-col gap-2">
        <legend className="font-bold">{t("form.gradePrices")}</legend>
        <p className="text-sm text-gray-700">{t("form.gradePricesHint")}</p>
        <table className="text-left">
          <thead>
            <tr>
              <th scope="col">{t("form.gradeId")}</th>
              <th scope="col">{t("form.gradeLakPerKg")}</th>
            </tr>
          </thead>
          <tbody>
            {gradeRows.map((g) => {
              const name = `gradeAdjustment.${g.code}`;
              return (
                <tr key={g.code}>
                  <th scope="row" className="pr-3 text-left font-normal">
                    {g.label}
                  </th>
                  <td className="align-top">
                    <input
                      name={name}
                      aria-label={`${g.label}: ${t("form.gradeLakPerKg")}`}
                      defaultValue={values[name] ?? ""}
                      inputMode="text"
                      aria-invalid={errors[name] ? true : undefined}
                      className="w-32 rounded border border-gray-400 px-2 py-1 aria-[invalid=true]:border-red-700"
                    />
                    {errors[name] ? <p className="text-xs font-semibold text-red-700">{t(errors[name])}</p> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="deliveryDate" type="date" label={t("form.deliveryDate")} defaultValue={values.deliveryDate} error={errors.deliveryDate} />
        <TextField name="deliveryPlace" label={t("form.deliveryPlace")} defaultValue={values.deliveryPlace} error={errors.deliveryPlace} />
        <SelectField
          name="transportPaidBy"
          label={t("form.transportPaidBy")}
          options={paidBy}
          defaultValue={values.transportPaidBy}
          error={errors.transportPaidBy}
        />
        <TextField
          name="transportCostLak"
          inputMode="numeric"
          label={t("form.transportCostLak")}
          defaultValue={values.transportCostLak}
          error={errors.transportCostLak}
        />
        <SelectField name="bagsPaidBy" label={t("form.bagsPaidBy")} options={paidBy} defaultValue={values.bagsPaidBy} error={errors.bagsPaidBy} />
        <TextField name="bagsCostLak" inputMode="numeric" label={t("form.bagsCostLak")} defaultValue={values.bagsCostLak} error={errors.bagsCostLak} />
        <TextField name="advanceLak" inputMode="numeric" label={t("form.advanceLak")} defaultValue={values.advanceLak} error={errors.advanceLak} />
        <TextField name="paymentDays" inputMode="numeric" label={t("form.paymentDays")} defaultValue={values.paymentDays} error={errors.paymentDays} />
        <TextField name="latePenalty" inputMode="decimal" label={t("form.latePenalty")} defaultValue={values.latePenalty} error={errors.latePenalty} />
        <TextField name="validUntil" type="date" label={t("form.validUntil")} defaultValue={values.validUntil} error={errors.validUntil} />
        <TextField name="message" label={t("form.message")} defaultValue={values.message} error={errors.message} />
      </div>
      <fieldset className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 font-bold">{t("form.templateCode")}</legend>
        <SelectField
          name="templateCode"
          label={t("form.templateCode")}
          hint={t("form.templateHint")}
          options={templateCodes.map((code) => ({ value: code, label: t(`templates.${code}`) }))}
          defaultValue={values.templateCode}
          error={errors.templateCode}
        />
        <TextField
          name="floorPriceLakPerKg"
          inputMode="numeric"
          label={t("form.floorPriceLakPerKg")}
          defaultValue={values.floorPriceLakPerKg}
          error={errors.floorPriceLakPerKg}
        />
        <ExportParityFields values={values} errors={errors} />
        <TextField name="inputDescription" label={t("form.inputDescription")} defaultValue={values.inputDescription} error={errors.inputDescription} />
        <TextField name="inputValueLak" inputMode="numeric" label={t("form.inputValueLak")} defaultValue={values.inputValueLak} error={errors.inputValueLak} />
        <TextField name="inputInterest" inputMode="decimal" label={t("form.inputInterest")} defaultValue={values.inputInterest} error={errors.inputInterest} />
      </fieldset>
      <Button>{submitLabel}</Button>
    </Form>
  );
}
