// The reference price band beside a listing or an offer: the median and range of
// recent prices for the crop near the listing, the prices agreed on the portal,
// and how far a given asking price or offer stands from the median.
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { distanceFromMedian, MIN_PRICES_FOR_BAND, type PriceBand as Band, type PriceBandView } from "~/domain/prices/price-band";
import { formatLak, formatNumber, formatPermilleAsPercent } from "~/utils/format";

export function PriceBand({
  band,
  priceLakPerKg,
  priceKind = "offer",
}: {
  band: PriceBandView;
  /** an asking price or an offer's price to set against the median */
  priceLakPerKg?: number | null;
  priceKind?: "asking" | "offer";
}) {
  const { t } = useTranslation("prices");
  const locale = useLocale();
  const lak = (v: number) => formatLak(v, locale);
  const place = band.scope === "district" ? band.district : band.scope === "province" ? band.province : null;
  const scope = t(`band.scope.${band.scope}`, { name: place ? (locale === "lo" ? place.nameLo : place.nameEn) : "" });
  const figures = (b: Band) => ({ medianLak: lak(b.median), min: formatNumber(b.min, locale), maxLak: lak(b.max) });

  let distance: string | null = null;
  if (band.reference && priceLakPerKg != null) {
    const { diffLak, diffPermille } = distanceFromMedian(priceLakPerKg, band.reference);
    const direction = diffLak > 0 ? "Above" : diffLak < 0 ? "Below" : "Equal";
    distance = t(`distance.${priceKind}${direction}`, {
      priceLak: lak(priceLakPerKg),
      diffLak: lak(Math.abs(diffLak)),
      percent: diffPermille === null ? "" : formatPermilleAsPercent(Math.abs(diffPermille), locale),
    });
  }

  return (
    <section aria-label={t("band.title")} className="flex flex-col gap-1 rounded border border-gray-200 bg-white p-3 text-sm">
      <p>
        {band.reference
          ? t("band.reference", {
              ...figures(band.reference),
              observations: band.reference.count === 1 ? t("band.observationsOne") : t("band.observationsMany", { count: band.reference.count }),
              days: band.days,
              scope,
            })
          : t("band.noReference", { days: band.days })}
      </p>
      {band.scope !== "district" ? (
        <p className="text-gray-700">
          {t("band.widened", { min: MIN_PRICES_FOR_BAND, district: locale === "lo" ? band.district.nameLo : band.district.nameEn })}
        </p>
      ) : null}
      {distance ? <p className="font-semibold">{distance}</p> : null}
      <p className="text-gray-700">
        {band.agreed
          ? t("band.agreed", {
              ...figures(band.agreed),
              offers: band.agreed.count === 1 ? t("band.offersOne") : t("band.offersMany", { count: band.agreed.count }),
              scope,
            })
          : t("band.noAgreed", { days: band.days, scope })}
      </p>
    </section>
  );
}
