import { useTranslation, useLocale } from "~/utils/i18n-react";
import { PrintButton } from "~/components/print-button";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { PAYOUT_RULE_KEY } from "~/domain/payments/payout";
import { payoutFor, type HouseholdSheetRow } from "~/domain/payments/payout.server";
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
  const h = report.households;
  const householdAmounts = (r: Omit<HouseholdSheetRow, "memberId" | "name">) => ({
    pledgedKg: r.pledgedKg,
    ownNetKg: r.ownNetKg,
    pooledNetKg: r.pooledNetKg,
    ownDeductedKg: r.ownDeductedKg,
    ownContentLak: r.ownContentLak.toString(),
    netKg: r.netKg,
    grossLak: r.grossLak.toString(),
    inputRepaidLak: r.inputRepaidLak.toString(),
    commonInputLak: r.commonInputLak.toString(),
    payableLak: r.payableLak.toString(),
    cashRepaidLak: r.cashRepaidLak.toString(),
    stillOwedLak: r.stillOwedLak.toString(),
  });
  const sheet = report.sheet;
  const amounts = (r: { netKg: number; grossLak: bigint; inputDeductionLak: bigint; payableLak: bigint }) => ({
    netKg: r.netKg,
    grossLak: r.grossLak.toString(),
    inputDeductionLak: r.inputDeductionLak.toString(),
    payableLak: r.payableLak.toString(),
  });
  return {
    contract: { id: contract.id, number: contract.number, status: contract.status },
    parties: {
      fo: snapshot.fo.name[state.locale],
      trader: snapshot.trader.name,
      crop: `${snapshot.crop.name[state.locale]}, ${snapshot.grade.name[state.locale]}`,
    },
    draft: report.draft,
    confirmedDeliveries: report.confirmedDeliveries,
    otherDeliveries: report.otherDeliveries,
    rows: sheet ? sheet.rows.map((r) => ({ memberId: r.memberId, name: r.name, pledgedKg: r.pledgedKg, ...amounts(r) })) : null,
    totals: sheet ? { pledgedKg: sheet.totals.pledgedKg, ...amounts(sheet.totals) } : null,
    households: h
      ? { rows: h.rows.map((r) => ({ memberId: r.memberId, name: r.name, ...householdAmounts(r) })), totals: householdAmounts(h.totals), content: h.content }
      : null,
    inputs: snapshot.terms.inputValueLak !== null,
    conversion: report.conversion
      ? {
          currency: report.conversion.currency,
          source: report.conversion.rateSourceName,
          complete: report.conversion.complete,
          days: report.conversion.days.map((c) => ({
            day: c.day.toISOString(),
            rate: c.rate ? { lakPerHundred: c.rate.lakPerHundred, observedOn: c.rate.observedOn.toISOString(), source: c.rate.sourceName } : null,
          })),
        }
      : null,
    printedAt: new Date().toISOString(),
  };
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

type Sheet = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["households"]>;

/** Each household's own lots, own deductions and own inputs, with the totals they add up to. */
function HouseholdTable({ sheet, inputs }: { sheet: Sheet; inputs: boolean }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(n, locale);
  const lak = (n: string) => formatLak(BigInt(n), locale);
  const signedLak = (n: string) => (BigInt(n) < 0n ? `−${formatLak(-BigInt(n), locale)}` : lak(n));
  // Ten columns: narrower padding on paper so the sheet fits across A4.
  const cell = "border border-gray-400 px-2 py-1 print:px-0.5";
  const num = `${cell} text-right tabular-nums whitespace-nowrap`;
  const figures = (r: Sheet["totals"]) => (
    <>
      <td className={num} data-label={t("payout.pledged")}>
        {kg(r.pledgedKg)}
      </td>
      <td className={num} data-label={t("payout.ownNet")}>
        {kg(r.ownNetKg)}
      </td>
      <td className={num} data-label={t("payout.pooledNet")}>
        {kg(r.pooledNetKg)}
      </td>
      <td className={num} data-label={t("payout.ownDeducted")}>
        {kg(r.ownDeductedKg)}
      </td>
      <td className={`${num} font-semibold`} data-label={t("payout.net")}>
        {kg(r.netKg)}
      </td>
      {sheet.content ? (
        <td className={num} data-label={t(`payout.ownContent.${sheet.content}`)}>
          {signedLak(r.ownContentLak)}
        </td>
      ) : null}
      <td className={num} data-label={t("payout.gross")}>
        {lak(r.grossLak)}
      </td>
      {inputs ? (
        <>
          <td className={num} data-label={t("payout.inputRepaid")}>
            {lak(r.inputRepaidLak)}
          </td>
          <td className={num} data-label={t("payout.commonInput")}>
            {lak(r.commonInputLak)}
          </td>
        </>
      ) : null}
      <td className={`${num} font-semibold`} data-label={t("payout.payable")}>
        {lak(r.payableLak)}
      </td>
      {inputs ? (
        <>
          <td className={num} data-label={t("payout.cashRepaid")}>
            {lak(r.cashRepaidLak)}
          </td>
          <td className={num} data-label={t("payout.stillOwed")}>
            {lak(r.stillOwedLak)}
          </td>
        </>
      ) : null}
    </>
  );
  return (
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
            {t("payout.ownNet")}
          </th>
          <th scope="col" className={cell}>
            {t("payout.pooledNet")}
          </th>
          <th scope="col" className={cell}>
            {t("payout.ownDeducted")}
          </th>
          <th scope="col" className={cell}>
            {t("payout.net")}
          </th>
          {sheet.content ? (
            <th scope="col" className={cell}>
              {t(`payout.ownContent.${sheet.content}`)}
            </th>
          ) : null}
          <th scope="col" className={cell}>
            {t("payout.gross")}
          </th>
          {inputs ? (
            <>
              <th scope="col" className={cell}>
                {t("payout.inputRepaid")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.commonInput")}
              </th>
            </>
          ) : null}
          <th scope="col" className={cell}>
            {t("payout.payable")}
          </th>
          {inputs ? (
            <>
              <th scope="col" className={cell}>
                {t("payout.cashRepaid")}
              </th>
              <th scope="col" className={cell}>
                {t("payout.stillOwed")}
              </th>
            </>
          ) : null}
          <th scope="col" className={`${cell} w-28`}>
            {t("payout.signature")}
          </th>
        </tr>
      </thead>
      <tbody>
        {sheet.rows.map((r, i) => (
          <tr key={r.memberId} className="break-inside-avoid">
            <td className={num} data-label="#">
              {i + 1}
            </td>
            <th scope="row" className={`${cell} text-left font-normal`}>
              {r.name}
            </th>
            {figures(r)}
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
          {figures(sheet.totals)}
          <td className={cell} />
        </tr>
      </tfoot>
    </table>
  );
}

/** Where the member signs for the money received: a line to sign on, tall enough for a hand on paper. */
function SignatureCell({ className, label }: { className: string; label: string }) {
  return (
    <td className={`${className} align-bottom`} data-label={label}>
      <span className="inline-block h-7 w-24 border-b border-gray-500 print:block print:h-8 print:w-auto" />
    </td>
  );
}

/** The leader who paid and the treasurer who checked sign the printed sheet, each with name and date. */
function SignOff() {
  const { t } = useTranslation("deliveries");
  return (
    <section aria-labelledby="sign-off" className="hidden break-inside-avoid print:block">
      <h2 id="sign-off" className="font-bold">
        {t("payout.signOff.heading")}
      </h2>
      <div className="mt-2 grid grid-cols-2 gap-8">
        {(["leader", "treasurer"] as const).map((who) => (
          <div key={who} className="flex flex-col gap-5 text-sm" data-sign-off={who}>
            <p className="font-semibold">{t(`payout.signOff.${who}`)}</p>
            {(["name", "signature", "date"] as const).map((line) => (
              <p key={line} className="flex items-end gap-2">
                <span className="shrink-0">{t(`payout.signOff.${line}`)}</span>
                <span className="block h-6 flex-1 border-b border-gray-800" />
              </p>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
