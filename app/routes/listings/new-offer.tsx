import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { OfferTermsForm } from "~/components/offer-terms-form";
import { SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { isLive } from "~/domain/listings/status";
import { companiesThatMayOffer, offerFormContext } from "~/domain/offers/offer-form-data.server";
import { newOfferValues, permilleToPercentInput } from "~/domain/offers/offer-form-values";
import { parseOfferTermsForm } from "~/domain/offers/offer-terms";
import { makeOffer } from "~/domain/offers/offers.server";
import { db } from "~/utils/db.server";
import { formatKg } from "~/utils/format";
import { formFailure } from "~/utils/forms";
import { notFound, requireCompanyStaff, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/new-offer";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "trader");
  const found = await offerFormContext(db, params.listingId, state.locale);
  if (!found || found.listing.status === "draft") notFound(state);
  const now = new Date();
  const companies = await companiesThatMayOffer(db, user.id, found.listing.id);
  const { listing } = found;
  return {
    listingId: listing.id,
    title: found.title,
    live: isLive(listing, now),
    companies: companies.map((c) => ({ value: c.id, label: c.name })),
    grades: found.grades,
    totalKg: listing.totalKg,
    standardMoisture: permilleToPercentInput(listing.crop.standardMoisturePermille),
    gradeRows: found.gradeRows,
    values: newOfferValues(listing, found.cropDefaults, now, found.pickupVillageName),
    contentMeasure: found.contentMeasure,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  requireUserWithRole(state, "trader");
  const formData = await request.formData();
  const companyId = String(formData.get("companyId") ?? "");
  const { user } = await requireCompanyStaff(state, companyId);
  const parsed = parseOfferTermsForm(formData);
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result = await makeOffer(db, user, { listingId: params.listingId, companyId }, parsed.data);
  if (result.ok) throw redirect(`/offers/${result.offerId}?done=sent`);
  if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), message: null }, { status: 400 });
  return refusalResponse(state, result, { messages: "offers:errors", body: { ...formFailure({}, formData) } });
}

export default function NewOffer() {
  const { t } = useTranslation("offers");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useLocale();
  const values = actionData ? actionData.values : d.values;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("form.newTitle", { listing: d.title })}</title>
      <h1 className="text-2xl font-bold">{t("form.newTitle", { listing: d.title })}</h1>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {!d.live ? <Notice tone="warning">{t("errors.listingClosed")}</Notice> : null}
      {d.live && d.companies.length === 0 ? <Notice tone="warning">{t("errors.notVerified")}</Notice> : null}
      {d.live && d.companies.length > 0 ? (
        <OfferTermsForm
          grades={d.grades}
          gradeRows={d.gradeRows}
          values={values}
          errors={actionData ? actionData.fieldErrors : {}}
          submitLabel={t("form.submit")}
          quantityHint={t("form.quantityHint", { kg: formatKg(d.totalKg, locale) })}
          moistureHint={t("form.moistureHint", { percent: `${d.standardMoisture} %` })}
          contentMeasure={d.contentMeasure}
          hidden={
            d.companies.length === 1 ? (
              <input type="hidden" name="companyId" value={d.companies[0]!.value} />
            ) : (
              <SelectField name="companyId" label={t("form.company")} options={d.companies} defaultValue={values.companyId} />
            )
          }
        />
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
