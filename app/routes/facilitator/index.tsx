import type { ReactNode } from "react";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { ToDoList } from "~/components/to-do-list";
import { localName } from "~/utils/i18n";
import { consoleToDo } from "~/domain/to-do/to-do";
import {
  consoleDistricts,
  contractsAwaitingRegistration,
  contractsAwaitingWitness,
  FIRST_VIEW,
  isConsoleList,
  LIST_VIEW,
  listingsExpiringWithoutOffers,
  openDisputesInDistricts,
  overdueContractsInDistricts,
  registrationsWaiting,
  type ConsoleList,
  type Shown,
} from "~/domain/reports/console.server";
import { formatDate, formatKg, formatMoney } from "~/utils/format";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

// The console's first view shows the first few of each list with its count
// (FIRST_VIEW); `?list=disputes` (witness, overdue, expiring) shows one list,
// up to CONSOLE_LIST_MAX, the most pressing first (LIST_VIEW). A facilitator
// on a phone sees at a glance what waits, and opens the list they are about
// to work through.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const asked = new URL(request.url).searchParams.get("list");
  const list: ConsoleList | null = isConsoleList(asked) ? asked : null;
  const view = list ? LIST_VIEW : FIRST_VIEW;
  const wanted = (name: ConsoleList) => list === null || list === name;

  const districts = await consoleDistricts(user.id);
  const districtIds = districts.map((d) => d.id);
  const now = new Date();
  const [waiting, disputes, witness, unregistered, overdue, expiring] = await Promise.all([
    list ? null : registrationsWaiting(districtIds, [...new Set(districts.map((d) => d.provinceId))]),
    wanted("disputes") ? openDisputesInDistricts(districtIds, view, now) : null,
    wanted("witness") ? contractsAwaitingWitness(districtIds, view) : null,
    wanted("unregistered") ? contractsAwaitingRegistration(districtIds, view) : null,
    wanted("overdue") ? overdueContractsInDistricts(districtIds, view, now) : null,
    wanted("expiring") ? listingsExpiringWithoutOffers(districtIds, view, now) : null,
  ]);
  const { locale } = state;
  const items = <T, U>(s: Shown<T> | null, map: (item: T) => U) => (s ? s.items.map(map) : []);
  const count = (s: Shown<unknown> | null) => (s ? { count: s.count, more: s.more } : null);
  return {
    list,
    districts: list ? [] : districts.map((d) => ({ id: d.id, name: `${localName(d, locale)}, ${localName(d.province, locale)}` })),
    waiting,
    toDo: list
      ? []
      : consoleToDo({
          registrations: waiting,
          disputes: count(disputes),
          witness: count(witness),
          unregistered: count(unregistered),
          overdue: count(overdue),
          expiring: count(expiring),
        }),
    /** How many each list has, capped (null: the list is not on this view). */
    counts: { disputes: count(disputes), witness: count(witness), unregistered: count(unregistered), overdue: count(overdue), expiring: count(expiring) },
    disputes: items(disputes, (x) => ({
      id: x.id,
      contractId: x.contract.id,
      number: x.contract.number,
      category: x.category,
      raisedByParty: x.raisedByParty,
      fo: localName(x.contract.organisation, locale),
      trader: x.contract.company.name,
      since: x.createdAt.toISOString(),
      ageDays: x.ageDays,
    })),
    witness: items(witness, (c) => ({
      id: c.id,
      number: c.number,
      valueLak: c.valueLak.toString(),
      currency: c.currency,
      fo: localName(c.organisation, locale),
      trader: c.company.name,
      signed: c.signatures.map((s) => s.party),
    })),
    unregistered: items(unregistered, (c) => ({
      id: c.id,
      number: c.number,
      fo: localName(c.organisation, locale),
      trader: c.company.name,
      signedOn: c.activatedAt.toISOString(),
    })),
    overdue: items(overdue, (c) => ({
      id: c.id,
      number: c.number,
      fo: localName(c.organisation, locale),
      trader: c.company,
      overdueLak: c.overdueLak.toString(),
      currency: c.currency,
      days: c.oldestOverdueDays,
    })),
    expiring: items(expiring, (l) => ({
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
// The cards link with plain <a>: the page is not hydrated (docs/decisions/0006),
// so a <Link> to an absolute path renders the same anchor at a higher cost per card.

/** One list of the console: its heading with the count, its items or why there are none, and the way to the rest. */
function Section<T>({
  name,
  heading,
  empty,
  counted,
  items,
  single,
  children,
}: {
  name: ConsoleList;
  heading: string;
  empty: string;
  counted: { count: number; more: boolean } | null;
  items: T[];
  single: boolean;
  children: (item: T) => ReactNode;
}) {
  const { t } = useTranslation("dashboard");
  if (!counted) return null;
  const data = { ...counted, items };
  const count = data.more ? t("lists.countMore", { count: data.count }) : String(data.count);
  const Heading = single ? "h1" : "h2";
  return (
    <section aria-labelledby={`${name}-heading`} className="flex flex-col gap-2">
      <Heading id={`${name}-heading`} className={single ? "text-2xl font-bold" : "text-lg font-bold"}>
        {heading} <span className="font-normal text-gray-700">({count})</span>
      </Heading>
      {data.items.length === 0 ? <p>{empty}</p> : <ul className="flex flex-col gap-2">{data.items.map(children)}</ul>}
      {!single && data.count > data.items.length ? (
        <Link to={`?list=${name}`} className="font-semibold text-brand-700 underline">
          {data.more ? t("lists.showMore") : t("lists.showAll", { count: data.count })}
        </Link>
      ) : null}
      {single && data.more ? <p className="text-sm text-gray-700">{t("lists.onlyMost", { count: data.count })}</p> : null}
    </section>
  );
}

export default function FacilitatorDashboard() {
  const { t } = useTranslation("dashboard");
  const { t: td } = useTranslation("disputes");
  const { t: tr } = useTranslation("reports");
  const { t: tg } = useTranslation("registration");
  const { list, districts, waiting, toDo, counts, disputes, witness, unregistered, overdue, expiring } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const single = list !== null;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("facilitator.title")}</title>
      {single ? (
        <p>
          <Link to="/facilitator" className="text-brand-700 underline">
            {t("facilitator.back")}
          </Link>
        </p>
      ) : (
        <>
          <h1 className="text-2xl font-bold">{t("facilitator.title")}</h1>
          <ToDoList groups={toDo} role="facilitator" />
          {waiting ? (
            <div className="rounded border border-gray-200 bg-white p-4">
              <p className="text-lg">
                {waiting.more ? t("facilitator.waitingMore", { count: waiting.count }) : t("facilitator.waiting", { count: waiting.count })}
              </p>
              <Link to="/facilitator/verification" className="text-brand-700 underline">
                {t("facilitator.openQueue")}
              </Link>
            </div>
          ) : null}
          <p>
            <Link to="/reports" className="text-brand-700 underline">
              {tr("console.reports")}
            </Link>
          </p>
          <h2 className="text-lg font-bold">{t("facilitator.districts")}</h2>
          {districts.length === 0 ? <p>{t("facilitator.noDistricts")}</p> : <p>{districts.map((d) => d.name).join(" · ")}</p>}
        </>
      )}
      <Section name="disputes" heading={td("facilitator.title")} empty={td("facilitator.empty")} counted={counts.disputes} items={disputes} single={single}>
        {(x) => (
          <li key={x.id} className={card}>
            <p className="font-semibold">
              {td("facilitator.line", { number: x.number, category: td(`category.${x.category}`), party: td(`party.${x.raisedByParty}`) })}
            </p>
            <p className="text-sm">{td("facilitator.parties", { fo: x.fo, trader: x.trader })}</p>
            <p className="text-sm text-gray-700">{td("facilitator.age", { days: x.ageDays, date: formatDate(x.since, locale) })}</p>
            <a href={`/contracts/${x.contractId}/disputes`} className="text-brand-700 underline">
              {td("facilitator.open")}
            </a>
          </li>
        )}
      </Section>
      <Section
        name="witness"
        heading={tr("console.witness.heading")}
        empty={tr("console.witness.empty")}
        counted={counts.witness}
        items={witness}
        single={single}
      >
        {(c) => (
          <li key={c.id} className={card}>
            <p className="font-semibold">{tr("console.witness.line", { number: c.number, value: formatMoney(BigInt(c.valueLak), c.currency, locale) })}</p>
            <p className="text-sm">{tr("console.witness.parties", { fo: c.fo, trader: c.trader })}</p>
            <p className="text-sm text-gray-700">
              {tr("console.witness.signed", {
                parties: c.signed.length ? c.signed.map((p) => t(`contracts:party.${p}`)).join(", ") : tr("console.witness.nobody"),
              })}
            </p>
            <a href={`/contracts/${c.id}`} className="text-brand-700 underline">
              {tr("console.witness.open")}
            </a>
          </li>
        )}
      </Section>
      <Section name="unregistered" heading={tg("console.title")} empty={tg("console.empty")} counted={counts.unregistered} items={unregistered} single={single}>
        {(c) => (
          <li key={c.id} className={card}>
            <p className="font-semibold">{c.number}</p>
            <p className="text-sm">{tr("console.witness.parties", { fo: c.fo, trader: c.trader })}</p>
            <p className="text-sm text-gray-700">{tg("console.signedOn", { date: formatDate(c.signedOn, locale) })}</p>
            <a href={`/contracts/${c.id}/registration`} className="text-brand-700 underline">
              {tg("section.register")}
            </a>
          </li>
        )}
      </Section>
      <Section
        name="overdue"
        heading={tr("console.overdue.heading")}
        empty={tr("console.overdue.empty")}
        counted={counts.overdue}
        items={overdue}
        single={single}
      >
        {(c) => (
          <li key={c.id} className={card}>
            <p className="font-semibold">
              {tr("console.overdue.line", { number: c.number, amount: formatMoney(BigInt(c.overdueLak), c.currency, locale), days: c.days })}
            </p>
            <p className="text-sm">{tr("console.overdue.parties", { fo: c.fo, trader: c.trader })}</p>
            <a href={`/contracts/${c.id}/payments`} className="text-brand-700 underline">
              {tr("console.overdue.open")}
            </a>
          </li>
        )}
      </Section>
      <Section
        name="expiring"
        heading={tr("console.expiring.heading")}
        empty={tr("console.expiring.empty")}
        counted={counts.expiring}
        items={expiring}
        single={single}
      >
        {(l) => (
          <li key={l.id} className={card}>
            <p className="font-semibold">{tr("console.expiring.line", { crop: l.crop, kg: formatKg(l.kg, locale), fo: l.fo, district: l.district })}</p>
            <p className="text-sm text-gray-700">{tr("console.expiring.deadline", { date: formatDate(l.deadline, locale) })}</p>
            <a href={`/listings/${l.id}`} className="text-brand-700 underline">
              {tr("console.expiring.open")}
            </a>
          </li>
        )}
      </Section>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
