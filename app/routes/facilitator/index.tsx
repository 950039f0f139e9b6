import { useTranslation } from "~/utils/i18n-react";
import { Link, useLoaderData } from "react-router";
import { localName } from "~/domain/places/choices.server";
import {
  consoleDistricts,
  contractsAwaitingWitness,
  listingsExpiringWithoutOffers,
  openDisputesInDistricts,
  overdueContractsInDistricts,
  registrationsWaiting,
} from "~/domain/reports/console.server";
import { formatDate, formatKg, formatLak } from "~/utils/format";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

export async function loader({ context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const districts = await consoleDistricts(user.id);
  const districtIds = districts.map((d) => d.id);
  const now = new Date();
  const [waiting, disputes, witness, overdue, expiring] = await Promise.all([
    registrationsWaiting(districtIds, [...new Set(districts.map((d) => d.provinceId))]),
    openDisputesInDistricts(districtIds, now),
    contractsAwaitingWitness(districtIds),
    overdueContractsInDistricts(districtIds, now),
    listingsExpiringWithoutOffers(districtIds, now),
  ]);
  const { locale } = state;
  return {
    districts: districts.map((d) => ({ id: d.id, name: `${localName(d, state.locale)}, ${localName(d.province, state.locale)}` })),
    waiting,
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
    witness: witness.map((c) => ({
      id: c.id,
      number: c.number,
      valueLak: c.valueLak.toString(),
      fo: localName(c.organisation, locale),
      trader: c.company.name,
      signed: c.signatures.map((s) => s.party),
    })),
    overdue: overdue.map((c) => ({
      id: c.id,
      number: c.number,
      fo: localName(c.organisation, locale),
      trader: c.company,
      overdueLak: c.overdueLak.toString(),
      days: c.oldestOverdueDays,
    })),
    expiring: expiring.map((l) => ({
      id: l.id,
      crop: localName(l.crop, locale),
      kg: l.totalKg,
      fo: localName(l.organisation, locale),
      district: localName(l.district, locale),
      deadline: l.offerDeadline.toISOString(),
    })),
  };
}

const card = "rounded border border-gray-200 bg-white p-3";

export default function FacilitatorDashboard() {
  const { t } = useTranslation("dashboard");
  const { t: td, i18n } = useTranslation("disputes");
  const { t: tr } = useTranslation("reports");
  const { districts, waiting, disputes, witness, overdue, expiring } = useLoaderData<typeof loader>();
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
      <p>
        <Link to="/reports" className="text-brand-700 underline">{tr("console.reports")}</Link>
      </p>
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
      <h2 className="text-lg font-bold">{tr("console.witness.heading")}</h2>
      {witness.length === 0 ? (
        <p>{tr("console.witness.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {witness.map((c) => (
            <li key={c.id} className={card}>
              <p className="font-semibold">{tr("console.witness.line", { number: c.number, value: formatLak(BigInt(c.valueLak), locale) })}</p>
              <p className="text-sm">{tr("console.witness.parties", { fo: c.fo, trader: c.trader })}</p>
              <p className="text-sm text-gray-700">
                {tr("console.witness.signed", { parties: c.signed.length ? c.signed.map((p) => t(`contracts:party.${p}`)).join(", ") : tr("console.witness.nobody") })}
              </p>
              <Link to={`/contracts/${c.id}`} className="text-brand-700 underline">{tr("console.witness.open")}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="text-lg font-bold">{tr("console.overdue.heading")}</h2>
      {overdue.length === 0 ? (
        <p>{tr("console.overdue.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {overdue.map((c) => (
            <li key={c.id} className={card}>
              <p className="font-semibold">{tr("console.overdue.line", { number: c.number, amount: formatLak(BigInt(c.overdueLak), locale), days: c.days })}</p>
              <p className="text-sm">{tr("console.overdue.parties", { fo: c.fo, trader: c.trader })}</p>
              <Link to={`/contracts/${c.id}/payments`} className="text-brand-700 underline">{tr("console.overdue.open")}</Link>
            </li>
          ))}
        </ul>
      )}
      <h2 className="text-lg font-bold">{tr("console.expiring.heading")}</h2>
      {expiring.length === 0 ? (
        <p>{tr("console.expiring.empty")}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {expiring.map((l) => (
            <li key={l.id} className={card}>
              <p className="font-semibold">{tr("console.expiring.line", { crop: l.crop, kg: formatKg(l.kg, locale), fo: l.fo, district: l.district })}</p>
              <p className="text-sm text-gray-700">{tr("console.expiring.deadline", { date: formatDate(l.deadline, locale) })}</p>
              <Link to={`/listings/${l.id}`} className="text-brand-700 underline">{tr("console.expiring.open")}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
