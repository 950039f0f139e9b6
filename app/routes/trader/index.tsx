import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { StatusBadge } from "~/components/status-badge";
import { ToDoList } from "~/components/to-do-list";
import { Notice } from "~/components/ui/notice";
import { localName } from "~/utils/i18n";
import { traderToDo } from "~/domain/to-do/trader.server";
import { FIRST_VIEW, LIST_VIEW } from "~/domain/reports/console.server";
import { overdueForCompanies, staffedCompanies } from "./dashboard.server";
import { formatMoney } from "~/utils/format";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

// The dashboard shows the longest-overdue few of the companies' contracts with
// their count; `?overdue=all` shows them all, up to CONSOLE_LIST_MAX.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "trader");
  const all = new URL(request.url).searchParams.get("overdue") === "all";
  const companies = await staffedCompanies(user.id);
  const companyIds = companies.map((c) => c.id);
  const [overdue, toDo] = await Promise.all([
    overdueForCompanies(companyIds, all ? LIST_VIEW : FIRST_VIEW),
    all ? [] : traderToDo(user.id, companyIds, state.locale),
  ]);
  return {
    toDo,
    all,
    overdue: overdue.items.map((c) => ({
      id: c.id,
      number: c.number,
      fo: localName(c.organisation, state.locale),
      trader: c.company,
      overdueLak: c.overdueLak.toString(),
      currency: c.currency,
      days: c.oldestOverdueDays,
    })),
    overdueCount: { count: overdue.count, more: overdue.more },
    companies: companies.map((c) => ({
      id: c.id,
      name: c.name,
      licenceNumber: c.licenceNumber,
      status: c.status,
      statusReason: c.statusReason,
      province: localName(c.baseProvince, state.locale),
    })),
  };
}

export default function TraderDashboard() {
  const { t } = useTranslation("dashboard");
  const locale = useLocale();
  const { all, companies, overdue, overdueCount, toDo } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const count = overdueCount.more ? t("lists.countMore", { count: overdueCount.count }) : String(overdueCount.count);
  return (
    <section className="flex flex-col gap-4">
      <title>{t("trader.title")}</title>
      <h1 className="text-2xl font-bold">{t("trader.title")}</h1>
      {params.get("registered") ? <Notice>{t("auth:register.done")}</Notice> : null}
      {companies.length === 0 ? <p>{t("trader.empty")}</p> : all ? null : <ToDoList groups={toDo} role="trader" />}
      <p>
        <Link to="/listings" className="font-semibold text-brand-700 underline">
          {t("trader.browse")}
        </Link>
      </p>
      <div
        className={`rounded border-2 ${overdueCount.count ? "border-red-700" : "border-gray-200"} bg-white p-4`}
        role="region"
        aria-labelledby="overdue-title"
      >
        <h2 id="overdue-title" className="text-lg font-bold">
          {t("deliveries:overdue.title")} <span className="font-normal text-gray-700">({count})</span>
        </h2>
        {overdueCount.count === 0 ? <p>{t("deliveries:overdue.none")}</p> : null}
        <ul className="flex flex-col gap-2">
          {overdue.map((c) => (
            <li key={c.id}>
              <Link to={`/contracts/${c.id}/payments`} className="font-semibold text-brand-700 underline">
                {c.number}
              </Link>{" "}
              {t("deliveries:overdue.parties", { fo: c.fo, trader: c.trader })}:{" "}
              <strong className="text-red-800">
                {t("deliveries:overdue.item", { amount: formatMoney(BigInt(c.overdueLak), c.currency, locale), days: c.days })}
              </strong>
            </li>
          ))}
        </ul>
        {!all && overdueCount.count > overdue.length ? (
          <Link to="?overdue=all" className="font-semibold text-brand-700 underline">
            {overdueCount.more ? t("lists.showMore") : t("lists.showAll", { count: overdueCount.count })}
          </Link>
        ) : null}
        {all ? (
          <p className="flex flex-col gap-1">
            {overdueCount.more ? <span className="text-sm text-gray-700">{t("lists.onlyMost", { count: overdueCount.count })}</span> : null}
            <Link to="/trader" className="text-brand-700 underline">
              {t("trader.back")}
            </Link>
          </p>
        ) : null}
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {companies.map((c) => (
          <li key={c.id} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-bold">{c.name}</h2>
              <StatusBadge status={c.status} />
            </div>
            <p className="text-sm text-gray-700">
              {t("trader.licence", { licence: c.licenceNumber })} · {t("trader.province", { province: c.province })}
            </p>
            {c.status === "pending" ? <Notice tone="warning">{t("trader.pendingNote")}</Notice> : null}
            {c.status === "rejected" ? <Notice tone="error">{t("trader.rejectedNote", { reason: c.statusReason ?? "" })}</Notice> : null}
            {c.status === "suspended" ? <Notice tone="error">{t("trader.suspendedNote", { reason: c.statusReason ?? "" })}</Notice> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
