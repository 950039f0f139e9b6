import { useTranslation } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { ListingForm } from "~/components/listing-form";
import { Notice } from "~/components/ui/notice";
import { parseListingForm } from "~/domain/listings/listing-form";
import { listingFormData, organisationsLedBy } from "~/domain/listings/listing-form-data.server";
import { saveListingDraft } from "~/domain/listings/listings.server";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formFailure } from "~/utils/forms";
import { notFound, requireOrganisationLeader, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/new";

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "fo_leader");
  const led = await organisationsLedBy(db, user.id);
  const wanted = new URL(request.url).searchParams.get("organisationId");
  const chosen = wanted ? led.find((o) => o.id === wanted) : led.length === 1 ? led[0] : undefined;
  if (wanted && !chosen) notFound(state);
  const organisations = led.map((o) => ({ id: o.id, name: localName(o, state.locale), status: o.status }));
  if (!chosen) return { organisations, chosen: null, form: null };
  return {
    organisations,
    chosen: { id: chosen.id, name: localName(chosen, state.locale), status: chosen.status },
    form: await listingFormData(db, chosen.id, state.locale),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const formData = await request.formData();
  const organisationId = String(formData.get("organisationId") ?? "");
  const { user } = await requireOrganisationLeader(state, organisationId);
  const parsed = parseListingForm(formData);
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await saveListingDraft(db, user, { organisationId }, parsed.data);
  if (result.ok) throw redirect(`/listings/${result.listingId}?saved=1`);
  if ("fieldErrors" in result) return data(formFailure(result.fieldErrors, formData), { status: 400 });
  notFound(state);
}

export default function NewListing() {
  const { t } = useTranslation("listings");
  const { organisations, chosen, form } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("form.newTitle")}</title>
      <h1 className="text-2xl font-bold">{t("form.newTitle")}</h1>
      {organisations.length === 0 ? <p>{t("dashboard:fo.empty")}</p> : null}
      {!chosen && organisations.length > 0 ? (
        <nav aria-label={t("form.organisation")}>
          <p className="font-semibold">{t("form.organisation")}</p>
          <ul className="list-inside list-disc">
            {organisations.map((o) => (
              <li key={o.id}>
                <Link to={`?organisationId=${o.id}`} className="text-brand-700 underline">
                  {o.name}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {chosen && form ? (
        <>
          <p>
            {t("form.organisation")}: <strong>{chosen.name}</strong>
          </p>
          {chosen.status !== "verified" ? <Notice tone="warning">{t("detail.pendingFo")}</Notice> : null}
          <ListingForm
            organisationId={chosen.id}
            {...form}
            values={actionData && !actionData.ok ? actionData.values : {}}
            errors={actionData && !actionData.ok ? actionData.fieldErrors : {}}
          />
        </>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
