// The export-parity farm-gate price of the board's crop, worked line by line so
// a leader can check it with a pencil: the reference and its source, each named
// rate and its source, reference × rate, less the stated margin, and the
// rounding rule.
import type { ExportParityView } from "~/domain/prices/export-parity.server";
import { formatHundredths } from "~/domain/prices/export-parity";
import { formatDate, formatNumber, formatPermilleAsPercent } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { useTranslation } from "~/utils/i18n-react";

export function ExportParityPanel({ parity, crop, locale }: { parity: ExportParityView | null; crop: string; locale: Locale }) {
  const { t } = useTranslation("priceboard");
  const num = (v: number) => formatNumber(v, locale);
  if (!parity) {
    return (
      <section aria-labelledby="parity-title" className="price-parity flex flex-col gap-2 rounded border border-gray-200 bg-white p-3">
        <h2 id="parity-title" className="text-xl font-bold">
          {t("parity.title")}
        </h2>
        <p>{t("parity.none", { crop })}</p>
      </section>
    );
  }
  const { reference, lines } = parity;
  const currency = t(`parity.currencies.${reference.currency}`, { defaultValue: reference.currency });
  const price = formatHundredths(reference.priceHundredthsPerKg, locale);
  return (
    <section aria-labelledby="parity-title" className="price-parity flex flex-col gap-2 rounded border border-gray-200 bg-white p-3">
      <h2 id="parity-title" className="text-xl font-bold">
        {t("parity.title")}
      </h2>
      <p className="text-sm">{t("parity.intro", { crop })}</p>
      <div>
        <p className="font-semibold">{t("parity.reference", { price, currency, market: reference.market })}</p>
        {reference.moistureBasisPermille !== null ? (
          <p>{t("parity.moisture", { moisture: formatPermilleAsPercent(reference.moistureBasisPermille, locale) })}</p>
        ) : null}
        <p className="text-sm text-gray-700">{t("parity.source", { source: reference.sourceName, date: formatDate(reference.observedOn, locale) })}</p>
      </div>
      {lines.length === 0 ? <p>{t("parity.noRate", { currency })}</p> : null}
      {lines.map((line) => {
        const rate = formatHundredths(line.rate.lakPerHundred, locale);
        const gross = num(line.grossLakPerKg);
        const net = num(line.netLakPerKg);
        return (
          <ol
            key={line.rate.sourceKind}
            className="flex list-none flex-col gap-1 border-t border-gray-200 pt-2 tabular-nums"
            aria-label={t("parity.rate", { kind: t(`parity.kinds.${line.rate.sourceKind}`), rate, currency })}
          >
            <li>
              {t("parity.rate", { kind: t(`parity.kinds.${line.rate.sourceKind}`), rate, currency })}
              <span className="block text-sm text-gray-700">
                {t("parity.source", { source: line.rate.sourceName, date: formatDate(line.rate.observedOn, locale) })}
              </span>
            </li>
            <li>{t("parity.gross", { price, currency, rate, gross })}</li>
            <li>{t("parity.net", { gross, margin: num(reference.marginLakPerKg), net })}</li>
            <li className="text-lg font-bold">{t("parity.result", { net })}</li>
            {line.netLakPerKg <= 0 ? <li className="font-semibold text-red-700">{t("parity.notPaying")}</li> : null}
          </ol>
        );
      })}
      {lines.length ? <p className="text-sm text-gray-700">{t("parity.rounding")}</p> : null}
    </section>
  );
}
