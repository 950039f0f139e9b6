import { refusalResponse } from "~/utils/refusal-response.server";
import { hectaresInput } from "~/domain/listings/production-site";
import { useTranslation } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { ListingForm } from "~/components/listing-form";
import { Notice } from "~/components/ui/notice";
import { parseListingForm } from "~/domain/listings/listing-form";
import { listingFormData } from "~/domain/listings/listing-form-data.server";
import { saveListingDraft } from "~/domain/listings/listings.server";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { permilleToPercentInput } from "~/domain/offers/offer-form-values";
import { formFailure } from "~/utils/forms";
import { notFound, requireOrganisationLeader } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/edit";

async function draftOf(listingId: string) {
  return db.listing.findUnique({ where: { id: listingId }, include: { pledges: { select: { memberId: true, kg: true, areaM2: true, siteVillageId: true } } } });
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const listing = await draftOf(params.listingId);
  if (!listing) notFound(state);
  await requireOrganisationLeader(state, listing.organisationId);
  if (listing.status !== "draft") throw redirect(`/listings/${listing.id}`);
  const values: Record<string, string> = {
    cropId: listing.cropId,
    gradeId: listing.gradeId,
    availableFrom: toLaoDateInput(listing.availableFrom),
    availableUntil: toLaoDateInput(listing.availableUntil),
    pickupVillageId: listing.pickupVillageId ?? "",
    deliveryPoint: listing.deliveryPoint ?? "",
    askingPriceLakPerKg: listing.askingPriceLakPerKg ? String(listing.askingPriceLakPerKg) : "",
    expectedMoisture: listing.expectedMoisturePermille === null ? "" : permilleToPercentInput(listing.expectedMoisturePermille),
    offerMode: listing.offerMode,
    offerDeadline: toLaoDateInput(listing.offerDeadline),
    notes: listing.notes ?? "",
  };
  for (const p of listing.pledges) {
    values[`pledge.${p.memberId}`] = String(p.kg);
    if (p.areaM2 !== null) values[`area.${p.memberId}`] = hectaresInput(p.areaM2);
    if (p.siteVillageId) values[`site.${p.memberId}`] = p.siteVillageId;
  }
  return { organisationId: listing.organisationId, values, form: await listingFormData(db, listing.organisationId, state.locale) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const listing = await db.listing.findUnique({ where: { id: params.listingId }, select: { organisationId: true } });
  if (!listing) notFound(state);
  const { user } = await requireOrganisationLeader(state, listing.organisationId);
  const formData = await request.formData();
  const parsed = parseListingForm(formData);
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result = await saveListingDraft(db, user, { organisationId: listing.organisationId, listingId: params.listingId }, parsed.data);
  if (result.ok) throw redirect(`/listings/${result.listingId}?saved=1`);
  if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), message: null }, { status: 400 });
  return refusalResponse(state, result, { messages: "listings:errors", body: { ...formFailure({}, formData) } });
}

export default function EditListing() {
  const { t } = useTranslation("listings");
  const { organisationId, values, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("form.editTitle")}</title>
      <h1 className="text-2xl font-bold">{t("form.editTitle")}</h1>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      <ListingForm
        organisationId={organisationId}
        {...form}
        values={actionData ? actionData.values : values}
        errors={actionData ? actionData.fieldErrors : {}}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
