import { useTranslation, useLocale } from "~/utils/i18n-react";
import type { ReactNode } from "react";
import { Link } from "~/components/ui/link";
import type { ListingCard as Card } from "~/domain/listings/search.server";
import { formatDate, formatKg, formatLak } from "~/utils/format";

export function ListingStatusBadge({ status }: { status: string }) {
  const { t } = useTranslation("listings");
  const colour =
    status === "open"
      ? "bg-green-100 text-green-900"
      : status === "under_negotiation"
        ? "bg-blue-100 text-blue-900"
        : status === "contracted"
          ? "bg-brand-100 text-brand-900"
          : "bg-gray-200 text-gray-800";
  return <span className={`inline-block rounded px-2 py-0.5 text-sm font-semibold ${colour}`}>{t(`status.${status}`)}</span>;
}

/** `children` goes at the card's foot: what the page adds for its reader (the leader's comparison link). */
export function ListingCard({ listing, children }: { listing: Card; children?: ReactNode }) {
  const { t } = useTranslation("listings");
  const locale = useLocale();
  return (
    <li className="flex flex-col gap-1 rounded border border-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-bold">
          <Link to={`/listings/${listing.id}`} className="text-brand-700 underline">
            {listing.crop}, {listing.grade}
          </Link>
        </h2>
        <ListingStatusBadge status={listing.status} />
      </div>
      <p className="text-xl font-bold">{formatKg(listing.totalKg, locale)}</p>
      <p className="text-sm text-gray-700">
        {listing.organisation} · {listing.district} · {t("browse.households", { count: listing.households })}
      </p>
      <p className="text-sm">
        {t("browse.deadline", { date: formatDate(listing.offerDeadline, locale) })} · {t(`mode.${listing.offerMode}`)}
      </p>
      {listing.askingPriceLakPerKg ? (
        <p className="text-sm">
          {t("detail.askingPrice")}: {formatLak(listing.askingPriceLakPerKg, locale)}/{t("common:units.kg")}
        </p>
      ) : null}
      {children}
    </li>
  );
}
