import { useTranslation } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { CompareOffersLink } from "~/components/compare-offers-link";
import { ListingCard } from "~/components/listing-card";
import { listingsLedBy, toListingCard } from "~/domain/listings/search.server";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/mine";

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "fo_leader");
  const rows = await listingsLedBy(user.id);
  const now = new Date();
  return {
    listings: rows.map((row) => {
      const card = toListingCard(row, state.locale, now);
      // A live listing always shows the way to its offers; a closed one only while offers are still live on it.
      const compare = row.liveOffers > 0 || card.status === "open" || card.status === "under_negotiation";
      return { ...card, liveOffers: compare ? row.liveOffers : null };
    }),
  };
}

export default function MyListings() {
  const { t } = useTranslation("listings");
  const { listings } = useLoaderData<typeof loader>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("browse.mine")}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("browse.mine")}</h1>
        <Link to="/listings/new" className="rounded bg-brand-600 px-4 py-2 font-semibold text-white">
          {t("browse.newListing")}
        </Link>
      </div>
      {listings.length === 0 ? <p>{t("browse.mineEmpty")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2">
        {listings.map((listing) => (
          <ListingCard key={listing.id} listing={listing}>
            {listing.liveOffers === null ? null : <CompareOffersLink listingId={listing.id} liveOffers={listing.liveOffers} />}
          </ListingCard>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
