// On the deliveries page: the households that delivered less than they
// pledged, from the deliveries that count. Names for the FO and facilitators;
// the trader sees how many and how much.
import { formatKg } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

export type ShortfallView = {
  households: number;
  pledgingHouseholds: number;
  shortKg: number;
  pooledKg: number;
  refusedKg: number;
  rows: { memberId: string; name: string; pledgedKg: number; deliveredKg: number; shortKg: number; refusedKg: number }[] | null;
};

export function HouseholdShortfalls({ shortfalls }: { shortfalls: ShortfallView | null }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  if (!shortfalls) return null;
  const kg = (n: number) => formatKg(n, locale);
  const s = shortfalls;
  return (
    <section aria-labelledby="household-shortfalls" className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-3">
      <h2 id="household-shortfalls" className="text-lg font-bold">
        {t("shortfalls.title")}
      </h2>
      <p className="text-sm">
        {s.households === 0
          ? t("shortfalls.none", { count: s.pledgingHouseholds })
          : t("shortfalls.summary", { short: s.households, count: s.pledgingHouseholds, kg: kg(s.shortKg) })}
      </p>
      {s.pooledKg > 0 ? <p className="text-sm">{t("shortfalls.pooled", { kg: kg(s.pooledKg) })}</p> : null}
      {s.refusedKg > 0 ? <p className="text-sm">{t("shortfalls.refused", { kg: kg(s.refusedKg) })}</p> : null}
      {s.rows && s.rows.length ? (
        <table className="card-table w-full border-collapse text-sm">
          <thead>
            <tr className="border-b border-gray-300 text-left">
              <th scope="col" className="pr-2">
                {t("shortfalls.member")}
              </th>
              <th scope="col" className="pr-2 text-right">
                {t("shortfalls.pledged")}
              </th>
              <th scope="col" className="pr-2 text-right">
                {t("shortfalls.delivered")}
              </th>
              <th scope="col" className="pr-2 text-right">
                {t("shortfalls.short")}
              </th>
              <th scope="col" className="text-right">
                {t("shortfalls.refusedColumn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r) => (
              <tr key={r.memberId} className="border-b border-gray-100">
                <th scope="row" className="pr-2 text-left font-normal">
                  {r.name}
                </th>
                <td data-label={t("shortfalls.pledged")} className="pr-2 text-right tabular-nums">
                  {kg(r.pledgedKg)}
                </td>
                <td data-label={t("shortfalls.delivered")} className="pr-2 text-right tabular-nums">
                  {kg(r.deliveredKg)}
                </td>
                <td data-label={t("shortfalls.short")} className="pr-2 text-right font-semibold tabular-nums">
                  {kg(r.shortKg)}
                </td>
                <td data-label={t("shortfalls.refusedColumn")} className="text-right tabular-nums">
                  {r.refusedKg > 0 ? kg(r.refusedKg) : "—"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
