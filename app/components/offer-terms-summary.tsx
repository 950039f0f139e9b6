import { useTranslation, useLocale } from "~/utils/i18n-react";
import type { SerialisedRevision } from "~/domain/offers/offer-view.server";
import { formatDate, formatKg, formatMoney, formatPermilleAsPercent } from "~/utils/format";

/** Every term of one revision, as a definition list both parties read the same way. */
export function OfferTermsSummary({ terms }: { terms: SerialisedRevision }) {
  const { t } = useTranslation("offers");
  const locale = useLocale();
  const lak = (v: string | number) => formatMoney(BigInt(v), terms.currency, locale);
  const paid = (by: string, cost: string) => (by === "fo" ? t("terms.paidByFo", { cost: lak(cost) }) : t("terms.paidByTrader"));
  const rows: [string, string][] = [
    [t("terms.price"), `${lak(terms.priceLakPerKg)}/${t("common:units.kg")}`],
    [t("terms.quantity"), formatKg(terms.quantityKg, locale)],
    [t("terms.grade"), terms.grade],
    [t("terms.moistureBasis"), formatPermilleAsPercent(terms.moistureBasisPermille, locale)],
    [
      t("terms.deductionTable"),
      terms.deductionTable.length
        ? terms.deductionTable
            .map((b) =>
              t("terms.band", {
                from: formatPermilleAsPercent(b.fromPermille, locale),
                to: formatPermilleAsPercent(b.toPermille, locale),
                rate: b.kgPerTonnePerPoint,
              }),
            )
            .join("; ")
        : t("terms.noDeduction"),
    ],
    [
      t("terms.tolerance"),
      terms.tolerancePermille === 0 ? t("terms.noTolerance") : t("terms.toleranceValue", { percent: formatPermilleAsPercent(terms.tolerancePermille, locale) }),
    ],
    ...(terms.content
      ? ([
          [
            t(`terms.content.${terms.content.measure}`),
            t("terms.contentValue", {
              basis: formatPermilleAsPercent(terms.content.basisPermille, locale),
              step: `${lak(terms.content.stepLakPerKgPerPoint)}/${t("common:units.kg")}`,
            }),
          ],
        ] as [string, string][])
      : []),
    [
      t("terms.foreignMatter"),
      terms.foreignMatterBasisPermille === null
        ? t("terms.noForeignMatter")
        : [
            t("terms.foreignMatterBasis", { percent: formatPermilleAsPercent(terms.foreignMatterBasisPermille, locale) }),
            ...terms.foreignMatterTable.map((b) =>
              t("terms.band", {
                from: formatPermilleAsPercent(b.fromPermille, locale),
                to: formatPermilleAsPercent(b.toPermille, locale),
                rate: b.kgPerTonnePerPoint,
              }),
            ),
          ].join("; "),
    ],
    [
      t("terms.gradePrices"),
      terms.gradeAdjustments === null || terms.gradeAdjustments.every((a) => a.lakPerKg === 0)
        ? t("terms.noGradePrices")
        : terms.gradeAdjustments
            .map((a) =>
              a.lakPerKg === 0
                ? t("terms.gradeAtPrice", { grade: a.grade })
                : t(a.lakPerKg > 0 ? "terms.gradePremium" : "terms.gradeDiscount", {
                    grade: a.grade,
                    amount: `${lak(Math.abs(a.lakPerKg))}/${t("common:units.kg")}`,
                  }),
            )
            .join("; "),
    ],
    [t("terms.deliveryDate"), formatDate(terms.deliveryDate, locale)],
    [t("terms.deliveryPlace"), terms.deliveryPlace],
    [t("terms.transport"), paid(terms.transportPaidBy, terms.transportCostLak)],
    [t("terms.bags"), paid(terms.bagsPaidBy, terms.bagsCostLak)],
    [t("terms.advance"), lak(terms.advanceLak)],
    [t("terms.paymentDays"), t("terms.paymentDaysValue", { count: terms.paymentDays })],
    [t("terms.latePenalty"), t("terms.latePenaltyValue", { percent: formatPermilleAsPercent(terms.latePenaltyPermillePerMonth, locale) })],
    [t("terms.validUntil"), formatDate(terms.validUntil, locale)],
  ];
  rows.unshift([t("terms.template"), t(`templates.${terms.templateCode}`)]);
  if (terms.floorPriceLakPerKg)
    rows.push([t("terms.floorPrice"), t("terms.floorPriceValue", { price: `${lak(terms.floorPriceLakPerKg)}/${t("common:units.kg")}` })]);
  if (terms.exportMarket && terms.exportCurrency && terms.exportRateSourceKind && terms.exportMarginLakPerKg !== null)
    rows.push([
      t("terms.exportParity"),
      t("terms.exportParityValue", {
        market: terms.exportMarket,
        currency: terms.exportCurrency,
        rateSource: t(`rateSources.${terms.exportRateSourceKind}`),
        margin: lak(terms.exportMarginLakPerKg),
      }),
    ]);
  if (terms.inputDescription && terms.inputValueLak)
    rows.push([
      t("terms.inputs"),
      t("terms.inputsValue", {
        description: terms.inputDescription,
        value: lak(terms.inputValueLak),
        interest: formatPermilleAsPercent(terms.inputInterestPermillePerMonth ?? 0, locale),
      }),
    ]);
  if (terms.message) rows.push([t("terms.message"), terms.message]);
  return (
    <dl className="grid gap-x-4 sm:grid-cols-[14rem_1fr]">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="font-semibold">{label}</dt>
          <dd className="mb-1">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
