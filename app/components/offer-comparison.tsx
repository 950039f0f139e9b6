// The offers on a listing, best first, each with its effective price at the
// expected moisture and the arithmetic behind it, what the best offer brings
// over it, and (for the FO's leaders) accept and counter links into the
// offer's own pages, where the existing confirmation and forms decide.
import { Link } from "~/components/ui/link";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import type { SerialisedLine } from "~/domain/offers/effective-price";
import type { FoOfferAction } from "~/domain/offers/offer-status";
import type { EvaluationView } from "~/domain/offers/offer-view.server";
import { formatKg, formatLak, formatPermilleAsPercent } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

export type ComparedRow = {
  id: string;
  company: string;
  companyId: string;
  status: string;
  counterLakPerKg: number | null;
  priceLakPerKg: number;
  floorPriceLakPerKg: number | null;
  /** an export-parity offer's series, rate and margin; null for the others */
  exportParity: { market: string; currency: string; rateSourceKind: string; marginLakPerKg: number } | null;
  quantityKg: number;
  paymentDays: number;
  effective: EvaluationView;
  shortfall: { differenceLak: string; lines: SerialisedLine[] } | null;
  actions: FoOfferAction[];
};

const linkButton = "inline-flex min-h-11 items-center rounded px-4 font-semibold";

export function ComparedOffers({ rows, ranked, listingKg }: { rows: ComparedRow[]; ranked: boolean; listingKg: number }) {
  const { t } = useTranslation("compare");
  const locale = useLocale();
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
            <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`offers:status.${r.status}`)}</span>
          </div>
          <p className="text-sm">
            {t("price")}: {perKg(r.priceLakPerKg)} · {t("quantity")}: {formatKg(r.quantityKg, locale)} · {t("payment")}:{" "}
            {t("offers:terms.paymentDaysValue", { count: r.paymentDays })}
          </p>
          <p className="text-sm">
            {t("tolerance", {
              percent: formatPermilleAsPercent(r.effective.quantityRange.tolerancePermille, locale),
              min: formatKg(r.effective.quantityRange.minKg, locale),
              max: formatKg(r.effective.quantityRange.maxKg, locale),
            })}
          </p>
          {r.effective.floor && r.floorPriceLakPerKg !== null ? (
            <p className="text-sm font-semibold">{t("floorRanked", { floor: formatLak(r.floorPriceLakPerKg, locale) })}</p>
          ) : null}
          {r.exportParity ? (
            <p className="text-sm">
              {t("offers:terms.exportParity")}:{" "}
              {t("offers:terms.exportParityValue", {
                market: r.exportParity.market,
                currency: r.exportParity.currency,
                rateSource: t(`offers:rateSources.${r.exportParity.rateSourceKind}`),
                margin: formatLak(r.exportParity.marginLakPerKg, locale),
              })}
            </p>
          ) : null}
          {r.counterLakPerKg ? <p className="text-sm font-semibold">{t("yourCounter", { price: perKg(r.counterLakPerKg) })}</p> : null}
          <WaitingSentence lines={r.effective.lines} />
          <ArithmeticLines
            // The comparison ranks on kip per kg (docs/decisions/0021).
            currency="LAK"
            lines={r.effective.lines}
            summary={
              <span className="text-lg font-bold">
                {t("effective")}: {perKg(r.effective.effectiveLakPerKg)}
              </span>
            }
          />
          {r.effective.premium ? (
            <div className="mt-1 text-sm">
              <ArithmeticLines
                // The comparison ranks on kip per kg (docs/decisions/0021).
                currency="LAK"
                lines={r.effective.premium.lines}
                caption={t("premiumArithmetic")}
                summary={<span>{t("premium", { amount: formatLak(BigInt(r.effective.premium.premiumLak), locale) })}</span>}
              />
            </div>
          ) : null}
          {ranked ? (
            r.shortfall ? (
              <div className="mt-2">
                <ArithmeticLines
                  // The comparison ranks on kip per kg (docs/decisions/0021).
                  currency="LAK"
                  lines={r.shortfall.lines}
                  caption={t("behindArithmetic")}
                  summary={
                    <span className="font-semibold">
                      {t("behind", { amount: formatLak(BigInt(r.shortfall.differenceLak), locale), kg: formatKg(listingKg, locale) })}
                    </span>
                  }
                />
              </div>
            ) : (
              <p className="mt-2 font-semibold text-brand-700">{t("best")}</p>
            )
          ) : null}
          <div className="no-print mt-2 flex flex-wrap items-center gap-3">
            {r.actions.includes("accept") ? (
              <Link to={`/offers/${r.id}?confirm=accept#confirm`} className={`${linkButton} bg-brand-600 text-white`}>
                {t("accept")}
              </Link>
            ) : null}
            {r.actions.includes("counter") ? (
              <Link to={`/offers/${r.id}/respond`} className={`${linkButton} border border-brand-600 bg-white text-brand-700`}>
                {t("counter")}
              </Link>
            ) : null}
            <Link to={`/offers/${r.id}`} className="font-semibold text-brand-700 underline">
              {t("open")}
            </Link>
          </div>
        </li>
      ))}
    </ol>
  );
}

/**
 * What waiting for the money costs, in one sentence a member reads without the
 * arithmetic: the same figure as the "cost of waiting" line below it.
 */
function WaitingSentence({ lines }: { lines: SerialisedLine[] }) {
  const { t } = useTranslation("compare");
  const locale = useLocale();
  const line = lines.find((l) => l.key === "prices:lines.waiting");
  if (!line) {
    const paidAtOnce = lines.some((l) => l.key === "prices:lines.waitingNone" || l.key === "prices:lines.waitingAdvanceCovers");
    return paidAtOnce ? <p className="text-sm">{t("waitingFree")}</p> : null;
  }
  const days = Number(line.params.paymentDays);
  const rate = formatPermilleAsPercent(Number(line.params.monthlyRatePermille), locale);
  const amount = formatLak(-BigInt(line.amountLak ?? "0"), locale);
  return <p className="text-sm font-semibold">{t("waitingSentence", { days, rate, amount })}</p>;
}
