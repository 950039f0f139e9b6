import type { ReactNode } from "react";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import type { TrackRecordView } from "~/domain/track-records/track-record";
import { formatDate, formatKg, formatLak, formatNumber, formatTenths } from "~/utils/format";

function Row({ label, value, hint }: { label: string; value: ReactNode; hint?: string }) {
  return (
    <tr className="border-t border-gray-200 align-top">
      <th scope="row" className="w-2/5 py-2 pr-3 text-left font-semibold sm:w-64">
        {label}
      </th>
      <td className="py-2">
        <span className="font-bold">{value}</span>
        {hint ? <span className="block text-sm text-gray-700">{hint}</span> : null}
      </td>
    </tr>
  );
}

/**
 * A party's track record as a compact two-column table that reads on a phone
 * and prints on paper: the trader's payments, or the FO's deliveries.
 */
export function TrackRecord({
  record,
  asOf,
  title,
  headingId = "track-record-title",
}: {
  record: TrackRecordView;
  asOf: string;
  /** a heading of its own, where one page shows two records */
  title?: string;
  headingId?: string;
}) {
  const { t } = useTranslation("track");
  const locale = useLocale();
  const n = (v: number) => formatNumber(v, locale);
  const percent = (tenths: number) => `${formatTenths(tenths, locale)} %`;
  const { fulfilment, payments, deliveries, disputes } = record;
  const disputesValue = (d: typeof disputes.raisedBy) => t("record.disputesValue", { total: n(d.total), resolved: n(d.resolved), open: n(d.open) });
  return (
    <section aria-labelledby={headingId} className="rounded border border-gray-200 bg-white p-3">
      <h2 id={headingId} className="text-lg font-bold">
        {title ?? t("record.title")}
      </h2>
      <p className="text-sm text-gray-700">{t("record.derived", { date: formatDate(asOf, locale) })}</p>
      {record.contractsSigned === 0 ? (
        <p className="mt-2 font-semibold">{t("record.empty")}</p>
      ) : (
        <table className="mt-2 w-full">
          <tbody>
            <Row
              label={t("record.contracts")}
              value={t("record.contractsValue", { count: n(record.contractsSigned), inForce: n(record.inForce), completed: n(record.completed) })}
              hint={t("record.contractsHint")}
            />
            <Row label={t("record.contracted")} value={formatKg(record.contractedKg, locale)} />
            <Row label={t("record.delivered")} value={formatKg(record.deliveredKg, locale)} hint={t("record.deliveredHint")} />
            <Row
              label={t("record.fulfilment")}
              value={fulfilment.percentTenths === null ? t("record.notYet") : percent(fulfilment.percentTenths)}
              hint={
                fulfilment.percentTenths === null
                  ? t("record.fulfilmentNone")
                  : t("record.fulfilmentHint", {
                      delivered: formatKg(fulfilment.deliveredKg, locale),
                      contracted: formatKg(fulfilment.contractedKg, locale),
                      count: n(fulfilment.contracts),
                    })
              }
            />
            {record.party === "trader" ? (
              <>
                <Row
                  label={t("record.onTime")}
                  value={payments.percentTenths === null ? t("record.notYet") : percent(payments.percentTenths)}
                  hint={
                    payments.percentTenths === null
                      ? t("record.onTimeNone")
                      : t("record.onTimeHint", {
                          onTime: formatLak(BigInt(payments.onTimeLak), locale),
                          counted: formatLak(BigInt(payments.countedLak), locale),
                        })
                  }
                />
                <Row
                  label={t("record.daysLate")}
                  value={
                    payments.averageDaysLateTenths === null ? "0" : t("record.daysLateValue", { days: formatTenths(payments.averageDaysLateTenths, locale) })
                  }
                  hint={
                    payments.averageDaysLateTenths === null
                      ? t("record.daysLateNone")
                      : t("record.daysLateHint", { count: n(payments.lateDeliveries), unpaid: n(payments.stillUnpaid) })
                  }
                />
              </>
            ) : (
              <>
                <Row
                  label={t("record.deliveries")}
                  value={t("record.deliveriesValue", {
                    confirmed: n(deliveries.confirmed),
                    contested: n(deliveries.contested),
                    awaiting: n(deliveries.awaiting),
                  })}
                />
                <Row
                  label={t("record.householdsShort")}
                  value={
                    record.households.contracts === 0
                      ? t("record.notYet")
                      : t("record.householdsShortValue", { short: n(record.households.short), pledging: n(record.households.pledging) })
                  }
                  hint={
                    record.households.contracts === 0
                      ? t("record.householdsShortNone")
                      : t("record.householdsShortHint", { kg: formatKg(record.households.shortKg, locale), count: n(record.households.contracts) })
                  }
                />
              </>
            )}
            <Row label={t("record.disputesBy")} value={disputesValue(disputes.raisedBy)} />
            <Row label={t("record.disputesAgainst")} value={disputesValue(disputes.raisedAgainst)} />
          </tbody>
        </table>
      )}
    </section>
  );
}
