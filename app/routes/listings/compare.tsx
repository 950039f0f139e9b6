import { useTranslation } from "~/utils/i18n-react";
import { Link, useLoaderData } from "react-router";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { compareOffers, DEFAULT_MONTHLY_RATE_PERMILLE } from "~/domain/offers/effective-price";
import { isOfferLive, offerDisplayStatus } from "~/domain/offers/offer-status";
import { effectivePriceOf } from "~/domain/offers/offer-view.server";
import { localName } from "~/domain/places/choices.server";
import { formatKg, formatLak, formatPermilleAsPercent } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { comparisonListing, offersToCompare } from "./compare.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/compare";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const listing = await comparisonListing(params.listingId, user.id);
  if (!listing || listing.status === "draft") notFound(state);
  const leads = user.roles.includes("fo_leader") && listing.leads;
  const facilitates = user.roles.includes("facilitator") && listing.facilitates;
  // Other traders' offers are never shown to a trader: not found, as for any record they may not see.
  if (!leads && !facilitates) notFound(state);

  const offers = await offersToCompare(listing.id);
  const now = new Date();
  const rows = offers.map((o) => {
    const live = o.revisions[0]!;
    // Offers are compared on what the trader proposed; an FO counter waiting for an answer is shown beside it.
    const traderTerms = o.revisions.find((r) => r.byParty === "trader") ?? live;
    const { result, view } = effectivePriceOf(traderTerms, listing.standardMoisturePermille);
    return {
      rank: { netLak: result.netLak, quantityKg: traderTerms.quantityKg, createdAt: o.createdAt },
      row: {
        id: o.id,
        company: o.company,
        companyId: o.companyId,
        status: offerDisplayStatus({ status: o.status, validUntil: live.validUntil }, now),
        live: isOfferLive(o),
        counterLakPerKg: live.byParty === "fo" ? live.priceLakPerKg : null,
        priceLakPerKg: traderTerms.priceLakPerKg,
        quantityKg: traderTerms.quantityKg,
        paymentDays: traderTerms.paymentDays,
        effective: view,
      },
    };
  });
  rows.sort((a, b) => compareOffers(a.rank, b.rank));
  return {
    listing: { id: listing.id, title: `${localName(listing.crop, state.locale)}, ${localName(listing.grade, state.locale)}` },
    rate: DEFAULT_MONTHLY_RATE_PERMILLE,
    live: rows.filter((r) => r.row.live).map((r) => r.row),
    closed: rows.filter((r) => !r.row.live).map((r) => r.row),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["live"][number];

function OfferRows({ rows, ranked }: { rows: Row[]; ranked: boolean }) {
  const { t, i18n } = useTranslation("offers");
  const locale = i18n.language === "en" ? "en" : "lo";
  const perKg = (v: number) => `${formatLak(v, locale)}/${t("common:units.kg")}`;
  return (
    <ol className="flex flex-col gap-3">
      {rows.map((r, i) => (
        <li key={r.id} className="rounded border border-gray-200 bg-white p-3">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h3 className="text-lg font-bold">
              {ranked ? `${i + 1}. ` : ""}
              <Link to={`/companies/${r.companyId}`} className="text-brand-700 underline">
                {r.company}
              </Link>
            </h3>
            <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`status.${r.status}`)}</span>
          </div>
          <p className="text-sm">
            {t("compare.price")}: {perKg(r.priceLakPerKg)} · {t("compare.quantity")}: {formatKg(r.quantityKg, locale)} · {t("compare.payment")}:{" "}
            {t("terms.paymentDaysValue", { count: r.paymentDays })}
          </p>
          {r.counterLakPerKg ? <p className="text-sm font-semibold">{t("compare.yourCounter", { price: perKg(r.counterLakPerKg) })}</p> : null}
          <ArithmeticLines
            lines={r.effective.lines}
            summary={
              <span className="text-lg font-bold">
                {t("compare.effective")}: {perKg(r.effective.effectiveLakPerKg)}
              </span>
            }
          />
          <Link to={`/offers/${r.id}`} className="mt-2 inline-block font-semibold text-brand-700 underline">
            {t("compare.open")}
          </Link>
        </li>
      ))}
    </ol>
  );
}

export default function CompareOffers() {
  const { t, i18n } = useTranslation("offers");
  const d = useLoaderData<typeof loader>();
  const locale = i18n.language === "en" ? "en" : "lo";
  return (
    <section className="flex flex-col gap-4">
      <title>{t("compare.title")}</title>
      <h1 className="text-2xl font-bold">{t("compare.title")}</h1>
      <p>
        <Link to={`/listings/${d.listing.id}`} className="text-brand-700 underline">
          {d.listing.title}
        </Link>
      </p>
      <p>{t("compare.intro", { rate: formatPermilleAsPercent(d.rate, locale) })}</p>
      {d.live.length === 0 ? <p>{t("compare.empty")}</p> : <OfferRows rows={d.live} ranked />}
      {d.closed.length ? (
        <>
          <h2 className="text-lg font-bold">{t("compare.closed")}</h2>
          <OfferRows rows={d.closed} ranked={false} />
        </>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
