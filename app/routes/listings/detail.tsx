import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { CompareOffersLink } from "~/components/compare-offers-link";
import { ListingStatusBadge } from "~/components/listing-card";
import { PriceBand } from "~/components/price-band";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { WithdrawListing } from "~/components/withdraw-listing";
import { loadListingFor } from "~/domain/listings/listing-view.server";
import { publishListing, withdrawListing } from "~/domain/listings/listings.server";
import { allowedListingActions } from "~/domain/listings/status";
import { localName } from "~/utils/i18n";
import { getPriceBand } from "~/domain/prices/price-band.server";
import { db } from "~/utils/db.server";
import { formatDate, formatKg, formatLak } from "~/utils/format";
import { notFound, requireOrganisationLeader, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { IntentSchema } from "./detail-schema.server";
import type { Route } from "./+types/detail";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const now = new Date();
  const found = await loadListingFor(db, user, params.listingId, now);
  if (!found) notFound(state);
  const { listing, locale } = { listing: found.listing, locale: state.locale };
  const band = await getPriceBand(db, { cropId: listing.cropId, districtId: listing.districtId, now });
  const seesMembers = found.leadsFo || found.facilitatesDistrict;
  return {
    listing: {
      id: listing.id,
      crop: localName(listing.crop, locale),
      grade: localName(listing.grade, locale),
      gradeSpec: locale === "lo" ? listing.grade.specLo : listing.grade.specEn,
      organisation: localName(listing.organisation, locale),
      organisationId: listing.organisation.id,
      organisationStatus: listing.organisation.status,
      district: localName(listing.district, locale),
      province: localName(listing.province, locale),
      place: [listing.pickupVillage ? localName(listing.pickupVillage, locale) : null, listing.deliveryPoint].filter(Boolean).join(" · "),
      totalKg: listing.totalKg,
      households: listing.householdCount,
      availableFrom: listing.availableFrom.toISOString(),
      availableUntil: listing.availableUntil.toISOString(),
      askingPriceLakPerKg: listing.askingPriceLakPerKg,
      offerMode: listing.offerMode,
      offerDeadline: listing.offerDeadline.toISOString(),
      notes: listing.notes,
    },
    status: found.status,
    actions: found.leadsFo ? allowedListingActions(listing, now) : [],
    leadsFo: found.leadsFo,
    canCompare: found.view === "all" && listing.status !== "draft",
    pledges: seesMembers ? listing.pledges.map((p) => ({ id: p.member.id, name: p.member.name, kg: p.kg })) : null,
    view: found.view,
    bestPrice: found.view === "all" ? null : found.bestPrice,
    liveOfferCount: found.liveOfferCount,
    ownOffers: found.ownOffers.map((o) => ({ id: o.id, status: o.status, price: o.currentPriceLakPerKg, company: o.company.name })),
    canOffer:
      found.live &&
      found.companies.some(
        (c) => c.status === "verified" && !found.ownOffers.some((o) => o.company.id === c.id && ["submitted", "countered"].includes(o.status)),
      ),
    companyPending: found.companies.length > 0 && found.companies.every((c) => c.status !== "verified"),
    band,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const listing = await db.listing.findUnique({ where: { id: params.listingId }, select: { organisationId: true } });
  if (!listing) notFound(state);
  const { user } = await requireOrganisationLeader(state, listing.organisationId);
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return data({ ok: false as const, message: "validation:invalidChoice" }, { status: 400 });
  // Withdrawing turns down every open offer: only from its confirmation, else back to it, nothing changed.
  if (intent.data === "withdraw" && formData.get("confirmed") !== "yes") throw redirect(`/listings/${params.listingId}?confirm=withdraw#confirm`);
  const result = intent.data === "publish" ? await publishListing(db, user, params.listingId) : await withdrawListing(db, user, params.listingId);
  if (result.ok) return { ok: true as const, message: intent.data === "publish" ? "listings:detail.published" : "listings:detail.withdrawn" };
  if ("reason" in result) {
    return refusalResponse(state, result, { messages: "listings:errors", body: { ok: false as const } });
  }
  return data({ ok: false as const, message: "validation:invalid" }, { status: 400 });
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col border-b border-gray-100 py-1 sm:flex-row sm:gap-4">
      <dt className="font-semibold sm:w-48">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function ListingDetail() {
  const { t } = useTranslation("listings");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const l = d.listing;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("detail.title", { crop: l.crop, grade: l.grade })}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("detail.title", { crop: l.crop, grade: l.grade })}</h1>
        <ListingStatusBadge status={d.status} />
      </div>
      {params.get("saved") ? <Notice>{t("detail.saved")}</Notice> : null}
      {actionData ? <Notice tone={actionData.ok ? "info" : "error"}>{t(actionData.message)}</Notice> : null}
      {d.leadsFo && d.status === "draft" && l.organisationStatus !== "verified" ? <Notice tone="warning">{t("detail.pendingFo")}</Notice> : null}
      <dl>
        <Fact label={t("detail.organisation")}>
          <Link to={`/organisations/${l.organisationId}`} className="text-brand-700 underline">
            {l.organisation}
          </Link>
        </Fact>
        <Fact label={t("detail.quantity")}>
          <strong>{formatKg(l.totalKg, locale)}</strong> · {t("browse.households", { count: l.households })}
        </Fact>
        <Fact label={t("form.grade")}>{l.gradeSpec}</Fact>
        <Fact label={t("detail.window")}>
          {t("detail.windowValue", { from: formatDate(l.availableFrom, locale), until: formatDate(l.availableUntil, locale) })}
        </Fact>
        <Fact label={t("detail.place")}>
          {l.place} ({l.district}, {l.province})
        </Fact>
        <Fact label={t("detail.askingPrice")}>
          {l.askingPriceLakPerKg ? `${formatLak(l.askingPriceLakPerKg, locale)}/${t("common:units.kg")}` : t("detail.noAskingPrice")}
        </Fact>
        <Fact label={t("detail.offerMode")}>{t(`mode.${l.offerMode}`)}</Fact>
        <Fact label={t("detail.deadline")}>{formatDate(l.offerDeadline, locale)}</Fact>
        {l.notes ? <Fact label={t("detail.notes")}>{l.notes}</Fact> : null}
      </dl>
      {d.band ? <PriceBand band={d.band} priceLakPerKg={l.askingPriceLakPerKg} priceKind="asking" /> : null}

      {d.leadsFo ? (
        <div className="no-print flex flex-wrap gap-3">
          {d.actions.includes("edit") ? (
            <Link
              to={`/listings/${l.id}/edit`}
              className="inline-flex min-h-11 items-center rounded border border-brand-600 bg-white px-4 font-semibold text-brand-700"
            >
              {t("detail.edit")}
            </Link>
          ) : null}
          {d.actions.includes("publish") ? (
            <Form method="post">
              <Button name="intent" value="publish">
                {t("detail.publish")}
              </Button>
            </Form>
          ) : null}
        </div>
      ) : null}

      {d.canCompare ? <CompareOffersLink listingId={l.id} liveOffers={d.liveOfferCount ?? 0} /> : null}

      {d.view !== "all" ? (
        <div className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-3">
          {d.view === "ownOnly" ? (
            <p>{t("detail.sealedNote")}</p>
          ) : (
            <p>{d.bestPrice ? t("detail.bestPrice", { price: `${formatLak(d.bestPrice, locale)}/${t("common:units.kg")}` }) : t("detail.noOffersYet")}</p>
          )}
          {d.ownOffers.map((o) => (
            <p key={o.id}>
              {t("detail.yourOffer")} ({o.company}): {formatLak(o.price, locale)}/{t("common:units.kg")} · {t(`offers:status.${o.status}`)} ·{" "}
              <Link to={`/offers/${o.id}`} className="text-brand-700 underline">
                {t("detail.viewOffer")}
              </Link>
            </p>
          ))}
          {d.companyPending ? <Notice tone="warning">{t("detail.pendingCompany")}</Notice> : null}
          {d.canOffer ? (
            <Link to={`/listings/${l.id}/offers/new`} className="inline-flex min-h-11 w-fit items-center rounded bg-brand-600 px-4 font-semibold text-white">
              {t("detail.makeOffer")}
            </Link>
          ) : null}
        </div>
      ) : null}

      {d.pledges ? (
        <details className="rounded border border-gray-200 bg-white p-3" open={d.leadsFo}>
          <summary className="font-bold">{t("detail.pledges")}</summary>
          <table className="mt-2 w-full text-left">
            <thead>
              <tr>
                <th>{t("detail.member")}</th>
                <th className="text-right">{t("detail.kg")}</th>
              </tr>
            </thead>
            <tbody>
              {d.pledges.map((p) => (
                <tr key={p.id} className="border-t border-gray-100">
                  <td>{p.name}</td>
                  <td className="text-right">{formatKg(p.kg, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}

      {d.actions.includes("withdraw") ? (
        <WithdrawListing listingId={l.id} confirming={params.get("confirm") === "withdraw" && !actionData} liveOffers={d.liveOfferCount ?? 0} />
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
