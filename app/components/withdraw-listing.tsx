// The FO's way out of a listing, kept apart from publishing at the foot of the
// page: a link to a confirmation that says what withdrawing does, then the
// one form that does it. Without JavaScript the link reloads the page with
// ?confirm=withdraw and lands on the confirmation (#confirm).
import { Form } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { useTranslation } from "~/utils/i18n-react";

export function WithdrawListing({ listingId, confirming, liveOffers }: { listingId: string; confirming: boolean; liveOffers: number }) {
  const { t } = useTranslation("listings");
  return (
    <section id="confirm" aria-labelledby="withdraw-heading" className="no-print mt-4 scroll-mt-4 rounded border-2 border-red-700 bg-red-50 p-4">
      <h2 id="withdraw-heading" className="text-lg font-bold">
        {confirming ? t("withdraw.confirmTitle") : t("withdraw.title")}
      </h2>
      {confirming ? (
        <>
          <p className="my-2">{t("withdraw.consequence")}</p>
          <p className="my-2 font-semibold">{liveOffers > 0 ? t("withdraw.offers", { count: liveOffers }) : t("withdraw.noOffers")}</p>
          <div className="flex flex-wrap items-center gap-3">
            <Form method="post">
              <input type="hidden" name="confirmed" value="yes" />
              <Button name="intent" value="withdraw" variant="danger">
                {t("withdraw.confirm")}
              </Button>
            </Form>
            <Link to={`/listings/${listingId}`} className="font-semibold text-brand-700 underline">
              {t("withdraw.keep")}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="my-2">{t("withdraw.hint")}</p>
          <Link
            to={`/listings/${listingId}?confirm=withdraw#confirm`}
            className="inline-flex min-h-11 items-center rounded border border-red-700 bg-white px-4 font-semibold text-red-800"
          >
            {t("detail.withdraw")}
          </Link>
        </>
      )}
    </section>
  );
}
