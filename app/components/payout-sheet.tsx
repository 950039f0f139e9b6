// The payout sheet's household table and its sign-off, as printed for the FO's
// meeting: each household's own lots, deductions and inputs, and the lines the
// leaders and members sign.
import type { PayoutPage } from "~/domain/payments/payout-page";
import { formatKg, formatLak } from "~/utils/format";
import { useLocale, useTranslation } from "~/utils/i18n-react";

type Sheet = NonNullable<PayoutPage["households"]>;

/** Each household's own lots, own deductions and own inputs, with the totals they add up to. */
export function HouseholdTable({ sheet, inputs }: { sheet: Sheet; inputs: boolean }) {
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
export function SignatureCell({ className, label }: { className: string; label: string }) {
  return (
    <td className={`${className} align-bottom`} data-label={label}>
      <span className="inline-block h-7 w-24 border-b border-gray-500 print:block print:h-8 print:w-auto" />
    </td>
  );
}

/** The leader who paid and the treasurer who checked sign the printed sheet, each with name and date. */
export function SignOff() {
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
