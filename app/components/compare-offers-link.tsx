import { Link } from "~/components/ui/link";
import { useTranslation } from "~/utils/i18n-react";

/** Counts above this are shown as "99+": the count is read with a limit (LIVE_OFFER_COUNT_CAP). */
const SHOWN_MAX = 99;

/**
 * The link to a listing's offer comparison, saying how many live offers wait
 * there ("Compare 3 offers"), so the leader knows before the tap whether there
 * is anything to decide.
 */
export function CompareOffersLink({ listingId, liveOffers }: { listingId: string; liveOffers: number }) {
  const { t } = useTranslation("listings");
  const label =
    liveOffers === 0
      ? t("detail.compare")
      : liveOffers === 1
        ? t("detail.compareOne")
        : t("detail.compareCount", { count: liveOffers > SHOWN_MAX ? `${SHOWN_MAX}+` : liveOffers });
  return (
    <p>
      {liveOffers === 0 ? <>{t("detail.noOffersYet")} </> : null}
      <Link to={`/listings/${listingId}/offers`} className="font-semibold text-brand-700 underline">
        {label}
      </Link>
    </p>
  );
}
