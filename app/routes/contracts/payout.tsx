import { payoutPageOf } from "~/domain/payments/payout-page";
import { HouseholdTable, SignatureCell, SignOff } from "~/components/payout-sheet";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { PrintButton } from "~/components/print-button";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { PAYOUT_RULE_KEY } from "~/domain/payments/payout";
import { payoutFor } from "~/domain/payments/payout.server";
import { HOUSEHOLD_PAYOUT_RULE_KEY } from "~/domain/payments/household-settlement";
import { db } from "~/utils/db.server";
import { formatDate, formatHundredths, formatKg, formatLak } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/payout";

// The member register is the FO's: its leaders and the district's facilitators
// read the sheet; the trader gets a 404 like anyone else.
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access || (!access.roles.fo && !access.roles.facilitator)) notFound(state);
  const { contract, snapshot } = access;
  const report = await payoutFor(db, contract, snapshot);
  return payoutPageOf(report, contract, snapshot, state.locale, new Date());
}

const A4 = "@page { size: A4; margin: 12mm; } @media print { body { background: white; } main { max-width: none; padding: 0; } table { font-size: 9pt; } }";

export default function Payout() {
  const { t } = useTranslation("deliveries");
  const d = useLoaderData<typeof loader>();
  const locale = useLocale();
  const kg = (n: number) => formatKg(n, locale);
  const lak = (n: string) => formatLak(BigInt(n), locale);
  const title = t("payout.title", { number: d.contract.number });
  const cell = "border border-gray-400 px-2 py-1";
  const num = `${cell} text-right tabular-nums whitespace-nowrap`;
  return (
    <section className="flex flex-col gap-3">
      <title>{title}</title>
      <style>{A4}</style>
      <p className="no-print flex flex-wrap gap-3">
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("back", { number: d.contract.number })}
        </Link>
        <PrintButton label={t("payout.print")} className="text-brand-700 underline" />
        {d.rows || d.households
          ? (["csv", "xlsx"] as const).map((f) => (
              <a key={f} href={`/contracts/${d.contract.id}/payout/export?format=${f}`} download className="text-brand-700 underline">
                {t(`payout.export.${f}`)}
              </a>
            ))
          : null}
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{t("payout.parties", d.parties)}</p>
      {d.conversion && !d.conversion.complete ? null : d.draft ? (
        <Notice tone="warning">{t("payout.draft")}</Notice>
      ) : (
        <p className="font-semibold">{t("payout.final")}</p>
      )}
      <p className="text-sm">{t("payout.basis", { confirmed: d.confirmedDeliveries, other: d.otherDeliveries })}</p>
      {d.conversion ? (
        <section className="flex flex-col gap-1 text-sm">
          <p>{t("payout.converted", { currency: d.conversion.currency, source: d.conversion.source })}</p>
          <ul className="list-disc pl-5">
            {d.conversion.days.map((c, i) => (
              <li key={i}>
                {c.rate
                  ? t("payout.rateLine", {
                      day: formatDate(c.day, locale),
                      rate: formatHundredths(c.rate.lakPerHundred, locale),
                      currency: d.conversion!.currency,
                      source: c.rate.source,
                      observedOn: formatDate(c.rate.observedOn, locale),
                    })
                  : t("payout.rateMissing", { currency: d.conversion!.currency, source: d.conversion!.source, day: formatDate(c.day, locale) })}
              </li>
            ))}
          </ul>
          {d.conversion.complete ? null : <Notice tone="error">{t("payout.rateMissingRefused")}</Notice>}
        </section>
      ) : null}
      {d.households ? (
        <>
          <p className="text-sm font-semibold">{t("payout.householdBasis")}</p>
          <HouseholdTable sheet={d.households} inputs={d.inputs} />
        </>
      ) : d.rows && d.totals ? (
        <table className="card-table w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="bg-gray-100 text-left">
              <th scope="col" className={cell}>
                #
              </th>
              <th scope="col" className={cell}>
                {t("payout.member")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.pledged")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.net")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.gross")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.inputDeduction")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.payable")}
              </th>
              <th scope="col" className={`${cell} w-32`}>
                {t("payout.signature")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r, i) => (
              <tr key={r.memberId} className="break-inside-avoid">
                <td className={num} data-label="#">
                  {i + 1}
                </td>
                <th scope="row" className={`${cell} text-left font-normal`}>
                  {r.name}
                </th>
                <td className={num} data-label={t("payout.pledged")}>
                  {kg(r.pledgedKg)}
                </td>
                <td className={num} data-label={t("payout.net")}>
                  {kg(r.netKg)}
                </td>
                <td className={num} data-label={t("payout.gross")}>
                  {lak(r.grossLak)}
                </td>
                <td className={num} data-label={t("payout.inputDeduction")}>
                  {lak(r.inputDeductionLak)}
                </td>
                <td className={`${num} font-semibold`} data-label={t("payout.payable")}>
                  {lak(r.payableLak)}
                </td>
                <SignatureCell className={cell} label={t("payout.signature")} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="bg-gray-100 font-bold">
              <td className={cell} />
              <th scope="row" className={`${cell} text-left`}>
                {t("payout.total")}
              </th>
              <td className={num} data-label={t("payout.pledged")}>
                {kg(d.totals.pledgedKg)}
              </td>
              <td className={num} data-label={t("payout.net")}>
                {kg(d.totals.netKg)}
              </td>
              <td className={num} data-label={t("payout.gross")}>
                {lak(d.totals.grossLak)}
              </td>
              <td className={num} data-label={t("payout.inputDeduction")}>
                {lak(d.totals.inputDeductionLak)}
              </td>
              <td className={num} data-label={t("payout.payable")}>
                {lak(d.totals.payableLak)}
              </td>
              <td className={cell} />
            </tr>
          </tfoot>
        </table>
      ) : (
        <p>{t("payout.noPledges")}</p>
      )}
      <div className="break-inside-avoid">
        <h2 className="font-bold">{t("payout.rule")}</h2>
        <p className="text-sm">{t(d.households ? HOUSEHOLD_PAYOUT_RULE_KEY : PAYOUT_RULE_KEY)}</p>
      </div>
      {d.rows || d.households ? <SignOff /> : null}
      <p className="text-xs text-gray-600">{t("payout.printed", { date: formatDate(d.printedAt, locale) })}</p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
