import { useTranslation, useLocale } from "~/utils/i18n-react";
import { Fragment } from "react";
import { Form } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { SelectField, TextField, type Option, type OptionGroup } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { parseWholeNumber } from "~/utils/numbers";
import { AREA_PREFIX, PLEDGE_PREFIX, SITE_PREFIX } from "~/domain/listings/listing-form";
import { formatKg, formatNumber } from "~/utils/format";

export type ListingFormProps = {
  organisationId: string;
  crops: Option[];
  grades: OptionGroup[];
  villages: OptionGroup[];
  /** the villages of the FO's district, where its members' fields may lie */
  siteVillages: Option[];
  members: { id: string; name: string; village: string }[];
  values: Record<string, string>;
  errors: Record<string, string>;
};

/** The listing form, for a new listing and for editing a draft; works without JavaScript. */
export function ListingForm({ organisationId, crops, grades, villages, siteVillages, members, values, errors }: ListingFormProps) {
  const { t } = useTranslation("listings");
  const locale = useLocale();
  const pledged = members.reduce((sum, m) => sum + (parseWholeNumber(values[`pledge.${m.id}`] ?? "") ?? 0), 0);
  if (members.length === 0) {
    return (
      <Notice tone="warning">
        {t("form.noMembers")}{" "}
        <Link to={`/fo/${organisationId}/members`} className="underline">
          {t("form.addMembers")}
        </Link>
      </Notice>
    );
  }
  return (
    <Form method="post" className="flex flex-col gap-5" noValidate data-running-total="">
      <input type="hidden" name="organisationId" value={organisationId} />
      {Object.keys(errors).length ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField name="cropId" label={t("form.crop")} options={crops} placeholder="—" defaultValue={values.cropId} error={errors.cropId} />
        <SelectField
          name="gradeId"
          label={t("form.grade")}
          hint={t("form.gradeHint")}
          groups={grades}
          follows="cropId"
          placeholder={t("form.chooseGrade")}
          defaultValue={values.gradeId}
          error={errors.gradeId}
        />
        <TextField name="availableFrom" type="date" label={t("form.availableFrom")} defaultValue={values.availableFrom} error={errors.availableFrom} />
        <TextField name="availableUntil" type="date" label={t("form.availableUntil")} defaultValue={values.availableUntil} error={errors.availableUntil} />
        <SelectField
          name="pickupVillageId"
          label={t("form.pickupVillage")}
          groups={villages}
          placeholder={t("form.noVillage")}
          defaultValue={values.pickupVillageId}
          error={errors.pickupVillageId}
        />
        <TextField
          name="deliveryPoint"
          label={t("form.deliveryPoint")}
          hint={t("form.deliveryPointHint")}
          defaultValue={values.deliveryPoint}
          error={errors.deliveryPoint}
        />
        <TextField
          name="askingPriceLakPerKg"
          inputMode="numeric"
          label={t("form.askingPrice")}
          defaultValue={values.askingPriceLakPerKg}
          error={errors.askingPriceLakPerKg}
        />
        <TextField
          name="expectedMoisture"
          inputMode="decimal"
          label={t("form.expectedMoisture")}
          hint={t("form.expectedMoistureHint")}
          defaultValue={values.expectedMoisture}
          error={errors.expectedMoisture}
        />
        <SelectField
          name="offerMode"
          label={t("form.offerMode")}
          defaultValue={values.offerMode ?? "open"}
          error={errors.offerMode}
          options={[
            { value: "open", label: t("mode.open") },
            { value: "sealed", label: t("mode.sealed") },
          ]}
        />
        <TextField name="offerDeadline" type="date" label={t("form.offerDeadline")} defaultValue={values.offerDeadline} error={errors.offerDeadline} />
        <TextField name="notes" label={t("form.notes")} defaultValue={values.notes} error={errors.notes} />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-lg font-bold">{t("form.pledges")}</legend>
        <p className="text-sm text-gray-700">{t("form.pledgesHint")}</p>
        <p className="text-sm text-gray-700">{t("form.siteHint")}</p>
        {errors.pledges ? (
          <p role="alert" className="text-sm font-semibold text-red-700">
            {t(errors.pledges)}
          </p>
        ) : null}
        <table className="w-full text-left">
          <thead>
            <tr>
              <th className="py-1">{t("detail.member")}</th>
              <th className="py-1">{t("detail.kg")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const name = `pledge.${m.id}`;
              const error = errors[name];
              return (
                <Fragment key={m.id}>
                  <tr className="border-t border-gray-200">
                    <td className="py-1 pr-2">
                      <label htmlFor={name}>{m.name}</label>
                      <span className="block text-xs text-gray-600">{m.village}</span>
                    </td>
                    <td className="py-1">
                      <input
                        id={name}
                        name={name}
                        inputMode="numeric"
                        defaultValue={values[name] ?? ""}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${name}-error` : undefined}
                        className="w-32 rounded border border-gray-400 px-2 py-1 aria-[invalid=true]:border-red-700"
                      />
                      {error ? (
                        <p id={`${name}-error`} className="text-sm font-semibold text-red-700">
                          {t(error)}
                        </p>
                      ) : null}
                    </td>
                  </tr>
                  <tr>
                    <td colSpan={2} className="pb-2">
                      <SiteFields memberId={m.id} memberName={m.name} siteVillages={siteVillages} values={values} errors={errors} />
                    </td>
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
        {/* The server's total of what was sent; app/enhance.js keeps it up to date while typing. */}
        <p
          hidden={pledged === 0}
          data-running-total-output=""
          data-sums={JSON.stringify({ kg: `^${PLEDGE_PREFIX.replace(".", "\\.")}` })}
          data-group={formatNumber(1000, locale).replace(/\d/g, "")}
          data-template={t("form.total", { kg: formatKg(0, locale).replace("0", "{{kg}}") })}
          className="sticky bottom-0 rounded bg-gray-100 p-2 font-semibold"
          aria-live="polite"
        >
          {pledged > 0 ? t("form.total", { kg: formatKg(pledged, locale) }) : null}
        </p>
      </fieldset>
      <Button>{t("form.saveDraft")}</Button>
    </Form>
  );
}

/** The production site beside a pledge: the field's area (ha) and its village (blank: the member's home village). */
function SiteFields({
  memberId,
  memberName,
  siteVillages,
  values,
  errors,
}: {
  memberId: string;
  memberName: string;
  siteVillages: Option[];
  values: Record<string, string>;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation("listings");
  const area = `${AREA_PREFIX}${memberId}`;
  const site = `${SITE_PREFIX}${memberId}`;
  const areaError = errors[area];
  const siteError = errors[site];
  return (
    <div className="flex flex-wrap items-start gap-x-3 gap-y-1 text-sm">
      <div className="flex flex-col">
        <span aria-hidden="true" className="text-xs text-gray-700">
          {t("form.area")}
        </span>
        <input
          id={area}
          name={area}
          inputMode="decimal"
          aria-label={`${t("form.area")}: ${memberName}`}
          defaultValue={values[area] ?? ""}
          aria-invalid={areaError ? true : undefined}
          aria-describedby={areaError ? `${area}-error` : undefined}
          className="w-20 rounded border border-gray-400 px-2 py-1 aria-[invalid=true]:border-red-700"
        />
        {areaError ? (
          <p id={`${area}-error`} className="font-semibold text-red-700">
            {t(areaError)}
          </p>
        ) : null}
      </div>
      <div className="flex min-w-0 flex-col">
        <span aria-hidden="true" className="text-xs text-gray-700">
          {t("form.siteVillage")}
        </span>
        <select
          id={site}
          name={site}
          aria-label={`${t("form.siteVillage")}: ${memberName}`}
          defaultValue={values[site] ?? ""}
          aria-invalid={siteError ? true : undefined}
          aria-describedby={siteError ? `${site}-error` : undefined}
          className="max-w-48 rounded border border-gray-400 px-1 py-1 aria-[invalid=true]:border-red-700"
        >
          <option value="">{t("form.siteSameAsHome")}</option>
          {siteVillages.map((v) => (
            <option key={v.value} value={v.value}>
              {v.label}
            </option>
          ))}
        </select>
        {siteError ? (
          <p id={`${site}-error`} className="font-semibold text-red-700">
            {t(siteError)}
          </p>
        ) : null}
      </div>
    </div>
  );
}
