// One delivery under a contract as both parties read it: its measurements, the
// grade sheet of its lots, the arithmetic from the frozen terms, who measured,
// recorded and answered it, and the answer forms for the other party.
import { Form } from "react-router";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { RefusedLotList } from "~/components/refused-lots";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import type { ContentMeasure } from "~/domain/contracts/content";
import type { OverDelivery } from "~/domain/deliveries/delivery-amount";
import type { deliveryStatement } from "~/domain/deliveries/delivery-statement.server";
import type { ContractCurrency } from "~/domain/prices/currency";
import { formatDate, formatKg, formatMoney, formatNumber, formatPermilleAsPercent } from "~/utils/format";
import { useLocale, useTranslation } from "~/utils/i18n-react";

type DeliveryView = Awaited<ReturnType<typeof deliveryStatement>>["deliveries"][number];
type Grade = { value: string; label: string };

export interface Preview {
  lots: { row: number; netKg: number; tareKg: number; deductedKg: number; amountLak: string }[];
  total: { lots: number; bags: number; grossKg: number; netKg: number; amountLak: string };
}

export function DeliveryCard({
  delivery: x,
  terms,
  mechanism,
  grades,
  currency,
  answerError,
}: {
  delivery: DeliveryView;
  terms: { moisture: boolean; contentMeasure: ContentMeasure | null };
  mechanism: string;
  grades: Grade[];
  currency: ContractCurrency;
  answerError?: string;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number | string) => formatKg(BigInt(n), locale);
  const lak = (n: number | string | bigint) => formatMoney(BigInt(n), currency, locale);
  return (
    <li className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="text-lg font-bold">{t("deliveries.heading", { date: formatDate(x.deliveredOn, locale) })}</h2>
        <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`status.${x.status}`)}</span>
      </div>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <dt className="text-gray-600">{t("deliveries.gross")}</dt>
        <dd>{kg(x.grossKg)}</dd>
        {terms.moisture ? (
          <>
            <dt className="text-gray-600">{t("deliveries.moisture")}</dt>
            <dd>{formatPermilleAsPercent(x.moisturePermille, locale)}</dd>
          </>
        ) : null}
        {terms.contentMeasure && x.contentPermille !== null ? (
          <>
            <dt className="text-gray-600">{t(`lots.content.${terms.contentMeasure}`)}</dt>
            <dd>{formatPermilleAsPercent(x.contentPermille, locale)}</dd>
          </>
        ) : null}
        <dt className="text-gray-600">{t("deliveries.grade")}</dt>
        <dd>{grades.find((g) => g.value === x.gradeCode)?.label ?? x.gradeCode}</dd>
        <dt className="text-gray-600">{t("deliveries.foreignMatter")}</dt>
        <dd>{x.foreignMatterPermille === null ? t("deliveries.notMeasured") : formatPermilleAsPercent(x.foreignMatterPermille, locale)}</dd>
        <dt className="text-gray-600">{t("deliveries.net")}</dt>
        <dd className="font-semibold">{kg(x.netKg)}</dd>
        <dt className="text-gray-600">{t("deliveries.price")}</dt>
        <dd>{t("perKg", { price: lak(x.priceLakPerKg) })}</dd>
        <dt className="text-gray-600">{t("deliveries.amountDue")}</dt>
        <dd>{lak(x.amountDueLak)}</dd>
        <dt className="text-gray-600">{t("deliveries.payable")}</dt>
        <dd className="font-semibold">{lak(x.payableLak)}</dd>
      </dl>
      {mechanism === "floor_premium" ? (
        <p className="text-sm">
          {x.referencePriceLakPerKg === null ? t("deliveries.noReference") : t("deliveries.reference", { price: lak(x.referencePriceLakPerKg) })}
        </p>
      ) : null}
      {x.aboveTable ? <Notice tone="warning">{t("deliveries.aboveTable")}</Notice> : null}
      <p className="text-sm text-gray-700">
        {t("deliveries.measured", { name: x.measuredBy, instrument: x.instrument })} ·{" "}
        {t("deliveries.recordedBy", { name: x.recordedBy, party: t(`contracts:party.${x.recordedByParty}`), date: formatDate(x.createdAt, locale) })}
      </p>
      {x.lots ? <LotTable lots={x.lots} grades={grades} contentMeasure={terms.contentMeasure} moisture={terms.moisture} currency={currency} /> : null}
      <RefusedLotList lots={x.refusedLots} locale={locale} />
      <ArithmeticLines lines={x.lines} caption={t("deliveries.arithmetic")} currency={currency} />
      {x.inputLines ? <ArithmeticLines lines={x.inputLines} summary={t("deliveries.inputArithmetic")} currency={currency} /> : null}
      {x.status === "confirmed" && x.answeredBy ? (
        <p className="text-sm">{t("deliveries.confirmedBy", { name: x.answeredBy, date: formatDate(x.answeredAt!, locale) })}</p>
      ) : null}
      {x.status === "contested" && x.answeredBy ? (
        <p className="text-sm font-semibold text-red-800">
          {t("deliveries.contestedBy", { name: x.answeredBy, date: formatDate(x.answeredAt!, locale), reason: x.contestReason ?? "" })}
        </p>
      ) : null}
      {x.canAnswer ? <AnswerForms id={x.id} error={answerError} /> : null}
    </li>
  );
}

type LotView = NonNullable<DeliveryView["lots"]>[number];

/** The grade sheet of a delivery: each lot's measurements and what follows from them. */
function LotTable({
  lots,
  grades,
  contentMeasure,
  moisture,
  currency,
}: {
  lots: LotView[];
  grades: { value: string; label: string }[];
  contentMeasure: ContentMeasure | null;
  moisture: boolean;
  currency: ContractCurrency;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  const who = (l: LotView) => (l.pooled ? t("lots.pooled") : (l.memberName ?? t("lots.household", { n: l.position })));
  return (
    <div className="flex flex-col gap-2">
      <table className="card-table w-full border-collapse text-sm">
        <caption className="py-1 text-left font-semibold">{t("lots.caption", { n: lots.length })}</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="pr-2">
              {t("lots.who")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.bags")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.grossKg")}
            </th>
            {moisture ? (
              <th scope="col" className="pr-2 text-right">
                {t("lots.moisture")}
              </th>
            ) : null}
            {contentMeasure ? (
              <th scope="col" className="pr-2 text-right">
                {t(`lots.content.${contentMeasure}`)}
              </th>
            ) : null}
            <th scope="col" className="pr-2">
              {t("lots.grade")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.deducted")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.netKg")}
            </th>
            <th scope="col" className="text-right">
              {t("lots.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lots.map((l) => (
            <tr key={l.position} className="border-b border-gray-100 align-top">
              <th scope="row" className="pr-2 text-left font-normal">
                {l.position}. {who(l)}
              </th>
              <td data-label={t("lots.bags")} className="pr-2 text-right tabular-nums">
                {formatNumber(l.bags, locale)}
              </td>
              <td data-label={t("lots.grossKg")} className="pr-2 text-right tabular-nums">
                {kg(l.grossKg)}
              </td>
              {moisture ? (
                <td data-label={t("lots.moisture")} className="pr-2 text-right tabular-nums">
                  {formatPermilleAsPercent(l.moisturePermille, locale)}
                </td>
              ) : null}
              {contentMeasure ? (
                <td data-label={t(`lots.content.${contentMeasure}`)} className="pr-2 text-right tabular-nums">
                  {l.contentPermille === null ? "—" : formatPermilleAsPercent(l.contentPermille, locale)}
                </td>
              ) : null}
              <td data-label={t("lots.grade")} className="pr-2">
                {grades.find((g) => g.value === l.gradeCode)?.label ?? l.gradeCode}
              </td>
              <td data-label={t("lots.deducted")} className="pr-2 text-right tabular-nums">
                {kg(l.tareKg + l.moistureDeductedKg + l.foreignMatterDeductedKg)}
              </td>
              <td data-label={t("lots.netKg")} className="pr-2 text-right font-semibold tabular-nums">
                {kg(l.netKg)}
              </td>
              <td data-label={t("lots.amount")} className="text-right tabular-nums">
                {formatMoney(BigInt(l.amountLak), currency, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lots.map((l) => (
        <ArithmeticLines key={l.position} lines={l.lines} summary={t("lots.arithmetic", { n: l.position, who: who(l) })} currency={currency} />
      ))}
    </div>
  );
}

/** The running total the server worked out, before anything is recorded. */
export function PreviewTotals({ preview, currency }: { preview: Preview; currency: ContractCurrency }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  return (
    <div className="rounded border border-brand-600 bg-gray-100 p-2" aria-live="polite">
      <p className="font-semibold">
        {t("lots.previewTotal", {
          lots: formatNumber(preview.total.lots, locale),
          bags: formatNumber(preview.total.bags, locale),
          gross: kg(preview.total.grossKg),
          net: kg(preview.total.netKg),
          amount: formatMoney(BigInt(preview.total.amountLak), currency, locale),
        })}
      </p>
      <ul className="text-sm">
        {preview.lots.map((l) => (
          <li key={l.row}>
            {t("lots.previewLot", {
              n: l.row + 1,
              tare: kg(l.tareKg),
              deducted: kg(l.deductedKg),
              net: kg(l.netKg),
              amount: formatMoney(BigInt(l.amountLak), currency, locale),
            })}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t("lots.previewNote")}</p>
    </div>
  );
}

/** A delivery refused for passing the contracted quantity plus the tolerance: how much still fits, and the way to more. */
export function OverDeliveryNotice({ over, contractId }: { over: OverDelivery; contractId: string }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  return (
    <Notice tone="error">
      <div className="flex flex-col gap-1">
        <p>
          {t("overDelivery.text", {
            net: kg(over.netKg),
            total: kg(over.deliveredNetKg + over.netKg),
            quantity: kg(over.quantityKg),
            tolerance: formatPermilleAsPercent(over.tolerancePermille, locale),
            limit: kg(over.limitKg),
          })}
        </p>
        <p>
          {over.remainingKg > 0
            ? t("overDelivery.remaining", { remaining: kg(over.remainingKg), delivered: kg(over.deliveredNetKg) })
            : t("overDelivery.none", { delivered: kg(over.deliveredNetKg) })}
        </p>
        <p>
          {t("overDelivery.amendment")}{" "}
          <Link to={`/contracts/${contractId}/amend`} className="underline">
            {t("overDelivery.amendLink")}
          </Link>
        </p>
      </div>
    </Notice>
  );
}

function AnswerForms({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation("deliveries");
  return (
    <div className="no-print flex flex-col gap-3 border-t border-gray-200 pt-3 sm:flex-row sm:items-end">
      <Form method="post">
        <input type="hidden" name="id" value={id} />
        <Button name="intent" value="confirm">
          {t("answer.confirm")}
        </Button>
      </Form>
      <Form method="post" className="flex flex-1 flex-col gap-2" noValidate>
        <input type="hidden" name="id" value={id} />
        <TextField name="reason" label={t("answer.reason")} hint={t("answer.reasonHint")} error={error} />
        <Button name="intent" value="contest" variant="secondary">
          {t("answer.contest")}
        </Button>
      </Form>
    </div>
  );
}
