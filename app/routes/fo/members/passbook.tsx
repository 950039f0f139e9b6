import { PrintButton } from "~/components/print-button";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { localName } from "~/utils/i18n";
import { memberPassbook } from "~/domain/reports/passbook.server";
import { db } from "~/utils/db.server";
import { formatDate, formatKg, formatLak, formatNumber } from "~/utils/format";
import { notFound } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/passbook";
import { requireRegister } from "./access.server";
import { registerPath } from "./paths";

// The member register is the FO's: only its leaders read a member's passbook;
// another FO's leader gets a 404, another role a 403.
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisation } = await requireRegister(state, params.organisationId);
  const passbook = await memberPassbook(db, organisation.id, params.memberId);
  if (!passbook) notFound(state);
  const { member, pledges, totals } = passbook;
  const lak = (n: bigint) => n.toString();
  return {
    organisation,
    member: { id: member.id, name: member.name, village: localName(member.village, state.locale), birthYear: member.birthYear, active: member.active },
    pledges: pledges.map((p) => ({
      listingId: p.listingId,
      crop: p.crop[state.locale],
      grade: p.grade[state.locale],
      kg: p.kg,
      listedOn: p.listedOn.toISOString(),
      listingStatus: p.listingStatus,
      contracts: p.contracts.map((c) => ({
        id: c.id,
        number: c.number,
        company: c.company,
        status: c.status,
        provisional: c.provisional,
        netKg: c.netKg,
        grossLak: lak(c.grossLak),
        inputDeductionLak: lak(c.inputDeductionLak),
        payableLak: lak(c.payableLak),
        cashRepaidLak: lak(c.cashRepaidLak),
        content: p.contentMeasure && c.contentLak !== undefined ? { measure: p.contentMeasure, lak: lak(c.contentLak) } : null,
        delivery: c.delivery,
        refused: c.refused.map((r) => ({ ...r, deliveredOn: r.deliveredOn.toISOString() })),
      })),
    })),
    totals: {
      pledgedKg: totals.pledgedKg,
      netKg: totals.netKg,
      grossLak: lak(totals.grossLak),
      inputDeductionLak: lak(totals.inputDeductionLak),
      payableLak: lak(totals.payableLak),
      cashRepaidLak: lak(totals.cashRepaidLak),
    },
    printedAt: new Date().toISOString(),
  };
}

const PRINT = "@media print { main { max-width: none; padding: 0; } }";

type Row = {
  netKg: number;
  grossLak: string;
  inputDeductionLak: string;
  payableLak: string;
  cashRepaidLak: string;
  content?: { measure: "drc" | "starch"; lak: string } | null;
};

/** A member's share (or the totals): net kg, the amount, the input credit deducted, what they receive. */
function Amounts({ row, kg, lak }: { row: Row; kg: (n: number) => string; lak: (n: string) => string }) {
  const { t } = useTranslation("reports");
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      <dt>{t("reports:passbook.net")}</dt>
      <dd className="text-right tabular-nums">{kg(row.netKg)}</dd>
      <dt>{t("reports:passbook.gross")}</dt>
      <dd className="text-right tabular-nums">{lak(row.grossLak)}</dd>
      {row.content ? (
        <>
          <dt>{t(`reports:passbook.content.${row.content.measure}`)}</dt>
          <dd className="text-right tabular-nums">{BigInt(row.content.lak) < 0n ? `−${lak((-BigInt(row.content.lak)).toString())}` : lak(row.content.lak)}</dd>
        </>
      ) : null}
      <dt>{t("reports:passbook.inputDeduction")}</dt>
      <dd className="text-right tabular-nums">{lak(row.inputDeductionLak)}</dd>
      <dt className="font-bold">{t("reports:passbook.payable")}</dt>
      <dd className="text-right font-bold tabular-nums">{lak(row.payableLak)}</dd>
      {row.cashRepaidLak !== "0" ? (
        <>
          <dt>{t("reports:passbook.cashRepaid")}</dt>
          <dd className="text-right tabular-nums">{lak(row.cashRepaidLak)}</dd>
        </>
      ) : null}
    </dl>
  );
}

export default function Passbook() {
  const { t } = useTranslation("reports");
  const d = useLoaderData<typeof loader>();
  const locale = useLocale();
  const kg = (n: number) => formatKg(n, locale);
  const lak = (n: string) => formatLak(BigInt(n), locale);
  const title = t("reports:passbook.title", { name: d.member.name });
  return (
    <section className="mx-auto flex max-w-3xl flex-col gap-4">
      <title>{title}</title>
      <style>{PRINT}</style>
      <p className="no-print flex flex-wrap gap-3">
        <Link to={`${registerPath(d.organisation.id)}/${encodeURIComponent(d.member.id)}`} className="text-brand-700 underline">
          {t("reports:passbook.back", { name: d.member.name })}
        </Link>
        <PrintButton label={t("reports:passbook.print")} className="text-brand-700 underline" />
      </p>
      <header>
        <h1 className="text-2xl font-bold">{title}</h1>
        <p>{t("reports:passbook.organisation", { organisation: d.organisation.name })}</p>
        <p className="text-sm text-gray-700">{t("reports:passbook.details", { village: d.member.village, year: d.member.birthYear })}</p>
      </header>
      <p className="text-sm">{t("reports:passbook.intro")}</p>
      {d.pledges.length === 0 ? <p>{t("reports:passbook.empty")}</p> : null}
      {d.pledges.map((p) => (
        <article key={p.listingId} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-3 break-inside-avoid">
          <h2 className="text-lg font-bold">{t("reports:passbook.pledge", { crop: p.crop, grade: p.grade, kg: kg(p.kg) })}</h2>
          <p className="text-sm text-gray-700">
            {t("reports:passbook.listedOn", { date: formatDate(p.listedOn, locale) })} · {t(`listings:status.${p.listingStatus}`)}
          </p>
          {p.contracts.length === 0 ? (
            <p className="text-sm">{t("reports:passbook.noContract")}</p>
          ) : (
            p.contracts.map((c) => (
              <section key={c.id} aria-label={`${t("reports:passbook.contract")} ${c.number}`} className="border-t border-gray-200 pt-2">
                <h3 className="font-semibold">
                  {t("reports:passbook.contract")} {c.number} · {c.company}
                </h3>
                <p className="text-sm text-gray-700">
                  {t(`contracts:status.${c.status}`)} · {c.provisional ? t("reports:passbook.provisional") : t("reports:passbook.final")}
                </p>
                {c.delivery ? (
                  <p className={c.delivery.shortKg > 0 ? "text-sm font-semibold" : "text-sm"}>
                    {c.delivery.shortKg > 0
                      ? t("reports:passbook.short", { delivered: kg(c.delivery.deliveredKg), pledged: kg(c.delivery.pledgedKg), short: kg(c.delivery.shortKg) })
                      : t("reports:passbook.delivered", { delivered: kg(c.delivery.deliveredKg), pledged: kg(c.delivery.pledgedKg) })}
                  </p>
                ) : null}
                {c.refused.map((r, i) => (
                  <p key={i} className="text-sm">
                    {t("reports:passbook.refused", {
                      date: formatDate(r.deliveredOn, locale),
                      bags: formatNumber(r.bags, locale),
                      gross: kg(r.grossKg),
                      reason: t(`deliveries:refused.reasons.${r.reason}`),
                    })}
                    {r.note ? ` ${t("deliveries:refused.noteLine", { note: r.note })}` : null}
                  </p>
                ))}
                <Amounts kg={kg} lak={lak} row={c} />
              </section>
            ))
          )}
        </article>
      ))}
      <section aria-labelledby="passbook-totals" className="rounded border border-gray-400 bg-white p-3 break-inside-avoid">
        <h2 id="passbook-totals" className="text-lg font-bold">
          {t("reports:passbook.totals")}
        </h2>
        <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
          <dt>{t("reports:passbook.totalPledged")}</dt>
          <dd className="text-right tabular-nums">{kg(d.totals.pledgedKg)}</dd>
        </dl>
        <Amounts kg={kg} lak={lak} row={d.totals} />
      </section>
      <p className="text-xs text-gray-600">{t("reports:passbook.printed", { date: formatDate(d.printedAt, locale) })}</p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
