import { useTranslation } from "react-i18next";
import { Link, useLoaderData } from "react-router";
import { openDisputesInDistricts } from "~/domain/contracts/disputes.server";
import { localName } from "~/domain/places/choices.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { getFacilitatorScope, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const scope = await getFacilitatorScope(user.id);
  const [districts, pendingOrganisations, pendingCompanies, disputes] = await Promise.all([
    db.district.findMany({
      where: { id: { in: scope.districtIds } },
      orderBy: [{ province: { nameEn: "asc" } }, { nameEn: "asc" }],
      select: { id: true, nameLo: true, nameEn: true, province: { select: { nameLo: true, nameEn: true } } },
    }),
    db.organisation.count({ where: { status: "pending", village: { districtId: { in: scope.districtIds } } } }),
    db.traderCompany.count({ where: { status: "pending", baseProvinceId: { in: scope.provinceIds } } }),
    openDisputesInDistricts(db, user.id),
  ]);
  return {
    districts: districts.map((d) => ({ id: d.id, name: `${localName(d, state.locale)}, ${localName(d.province, state.locale)}` })),
    waiting: pendingOrganisations + pendingCompanies,
    disputes: disputes.map((x) => ({
      id: x.id,
      contractId: x.contract.id,
      number: x.contract.number,
      category: x.category,
      raisedByParty: x.raisedByParty,
      fo: localName(x.contract.organisation, state.locale),
      trader: x.contract.company.name,
      since: x.createdAt.toISOString(),
      ageDays: x.ageDays,
    })),
  };
}

export default function FacilitatorDashboard() {
  const { t } = useTranslation("dashboard");
  const { t: td, i18n } = useTranslation("disputes");
  const { districts, waiting, disputes } = useLoaderData<typeof loader>();
  const locale = i18n.language === "en" ? "en" : "lo";
  return (
    <section className="flex flex-col gap-4">
      <title>{t("facilitator.title")}</title>
      <h1 className="text-2xl font-bold">{t("facilitator.title")}</h1>
      <div className="rounded border border-gray-200 bg-white p-4">
        <p className="text-lg">{t("facilitator.waiting", { count: waiting })}</p>
        <Link to="/facilitator/verification" className="text-brand-700 underline">
          {t("facilitator.openQueue")}
        </Link>
      </div>
      <h2 className="text-lg font-bold">{t("facilitator.districts")}</h2>
      {districts.length === 0 ? (
        <p>{t("facilitator.noDistricts")}</p>
      ) : (
        <ul className="list-inside list-disc">
          {districts.map((d) => (
            <li key={d.id}>{d.name}</li>
          ))}
        </ul>
      )}
      <h2 className="text-lg font-bold">{td("facilitator.title")}</h2>
      {disputes.length === 0 ? (
        <p>{td("facilitator.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {disputes.map((x) => (
            <li key={x.id} className="rounded border border-gray-200 bg-white p-3">
              <p className="font-semibold">{td("facilitator.line", { number: x.number, category: td(`category.${x.category}`), party: td(`party.${x.raisedByParty}`) })}</p>
              <p className="text-sm">{td("facilitator.parties", { fo: x.fo, trader: x.trader })}</p>
              <p className="text-sm text-gray-700">{td("facilitator.age", { days: x.ageDays, date: formatDate(x.since, locale) })}</p>
              <Link to={`/contracts/${x.contractId}/disputes`} className="text-brand-700 underline">{td("facilitator.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
