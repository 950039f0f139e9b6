import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { StatusBadge } from "~/components/status-badge";
import { ToDoList } from "~/components/to-do-list";
import { Notice } from "~/components/ui/notice";
import { overdueContracts } from "~/domain/payments/overdue-list.server";
import { localName } from "~/utils/i18n";
import { leaderToDo } from "~/domain/to-do/leader.server";
import { ledOrganisations } from "./dashboard.server";
import { formatMoney } from "~/utils/format";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "fo_leader");
  const organisations = await ledOrganisations(user.id);
  const [overdue, toDo] = await Promise.all([overdueContracts({ organisationIds: organisations.map((o) => o.id) }), leaderToDo(user.id, state.locale)]);
  return {
    toDo,
    overdue: overdue.map((c) => ({
      id: c.id,
      number: c.number,
      fo: localName(c.organisation, state.locale),
      trader: c.company,
      overdueLak: c.overdueLak.toString(),
      currency: c.currency,
      days: c.oldestOverdueDays,
    })),
    organisations: organisations.map((o) => ({
      id: o.id,
      name: localName(o, state.locale),
      type: o.type,
      status: o.status,
      statusReason: o.statusReason,
      village: localName(o.village, state.locale),
      district: localName(o.village.district, state.locale),
      members: o._count.members,
    })),
  };
}

export default function FoDashboard() {
  const { t } = useTranslation("dashboard");
  const locale = useLocale();
  const { organisations, overdue, toDo } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("fo.title")}</title>
      <h1 className="text-2xl font-bold">{t("fo.title")}</h1>
      {params.get("registered") ? <Notice>{t("auth:register.done")}</Notice> : null}
      {organisations.length === 0 ? <p>{t("fo.empty")}</p> : <ToDoList groups={toDo} role="fo" />}
      <div className={`rounded border-2 ${overdue.length ? "border-red-700" : "border-gray-200"} bg-white p-4`} role="region" aria-labelledby="overdue-title">
        <h2 id="overdue-title" className="text-lg font-bold">
          {t("deliveries:overdue.title")}
        </h2>
        {overdue.length === 0 ? <p>{t("deliveries:overdue.none")}</p> : null}
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
      </div>
      <ul className="grid gap-3 sm:grid-cols-2">
        {organisations.map((o) => (
          <li key={o.id} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h2 className="text-lg font-bold">{o.name}</h2>
              <StatusBadge status={o.status} />
            </div>
            <p className="text-sm text-gray-700">
              {t(`common:orgType.${o.type}`)} · {t("fo.village", { village: o.village, district: o.district })}
            </p>
            <p>
              {t("fo.members", { count: o.members })} ·{" "}
              <Link to={`/fo/${o.id}/members`} className="text-brand-700 underline">
                {t("members:openRegister")}
              </Link>
            </p>
            <p className="flex flex-wrap gap-3">
              <Link to={`/listings/new?organisationId=${o.id}`} className="font-semibold text-brand-700 underline">
                {t("listings:browse.newListing")}
              </Link>
              <Link to="/listings/mine" className="text-brand-700 underline">
                {t("listings:browse.mine")}
              </Link>
            </p>
            {o.status === "pending" ? <Notice tone="warning">{t("fo.pendingNote")}</Notice> : null}
            {o.status === "rejected" ? <Notice tone="error">{t("fo.rejectedNote", { reason: o.statusReason ?? "" })}</Notice> : null}
            {o.status === "suspended" ? <Notice tone="error">{t("fo.suspendedNote", { reason: o.statusReason ?? "" })}</Notice> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
