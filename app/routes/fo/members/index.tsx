import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { listMembers } from "~/domain/members/register.server";
import { smsRecipientIds } from "~/domain/members/sms-consent.server";
import { countMembers, isYouth } from "~/domain/members/youth";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formatNumber, formatPhone } from "~/utils/format";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";
import { requireRegister } from "./access.server";
import { registerPath, type Done } from "./paths";

const doneNotes: readonly Done[] = ["added", "updated", "deactivated", "reactivated", "smsGiven", "smsWithdrawn"];

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisation } = await requireRegister(state, params.organisationId);
  const query = new URL(request.url).searchParams;
  const show = query.get("show") === "inactive" ? "inactive" : "active";
  const done = doneNotes.find((d) => d === query.get("done")) ?? null;
  const today = new Date();
  const [all, recipients] = await Promise.all([listMembers(db, organisation.id), smsRecipientIds(db, organisation.id)]);
  const active = all.filter((m) => m.active);
  return {
    organisation,
    show,
    done: done ? { key: done, name: query.get("name") ?? "" } : null,
    counts: countMembers(active, today),
    activeCount: active.length,
    inactiveCount: all.length - active.length,
    smsCount: recipients.size,
    members: all
      .filter((m) => m.active === (show === "active"))
      .map((m) => ({
        id: m.id,
        name: m.name,
        memberSex: m.memberSex,
        householdHeadSex: m.householdHeadSex,
        birthYear: m.birthYear,
        youth: isYouth(m.birthYear, today),
        village: localName(m.village, state.locale),
        phone: formatPhone(m.phone),
        sms: recipients.has(m.id),
      })),
  };
}

export default function MemberRegister() {
  const { t } = useTranslation("members");
  const { organisation, show, done, counts, activeCount, inactiveCount, smsCount, members } = useLoaderData<typeof loader>();
  const base = registerPath(organisation.id);
  const locale = useLocale();
  const countItems = [
    ["total", counts.total],
    ["female", counts.female],
    ["male", counts.male],
    ["youth", counts.youth],
    ["youngWomen", counts.youngWomen],
    ["femaleHeaded", counts.femaleHeaded],
  ] as const;
  const tabClass = (on: boolean) => `rounded px-3 py-2 ${on ? "bg-brand-600 font-bold text-white" : "border border-brand-600 text-brand-700"}`;

  return (
    <section className="flex flex-col gap-4">
      <title>{t("heading", { organisation: organisation.name })}</title>
      <p className="no-print">
        <Link to="/fo" className="text-brand-700 underline">
          {t("actions.backToOrganisations")}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("heading", { organisation: organisation.name })}</h1>
      <p>{t("intro", { district: organisation.district })}</p>
      {done ? <Notice>{t(`done.${done.key}`, { name: done.name })}</Notice> : null}

      <div className="no-print flex flex-wrap gap-2">
        <Link to={`${base}/new`} className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700">
          {t("actions.add")}
        </Link>
        <Link
          to={`${base}/import`}
          className="inline-flex min-h-11 items-center rounded border border-brand-600 bg-white px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50"
        >
          {t("actions.import")}
        </Link>
      </div>

      <section aria-labelledby="member-counts" className="rounded border border-gray-200 bg-white p-4">
        <h2 id="member-counts" className="mb-2 text-lg font-bold">
          {t("counts.heading")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3">
          {countItems.map(([key, value]) => (
            <div key={key}>
              <dt className="text-sm text-gray-700">{t(`counts.${key}`)}</dt>
              <dd className="text-2xl font-bold">{formatNumber(value, locale)}</dd>
            </div>
          ))}
        </dl>
        <p className="mt-2">{t("sms.recipients", { count: smsCount })}</p>
      </section>

      <nav aria-label={t("filter.label")} className="no-print flex flex-wrap gap-2">
        <Link to={base} aria-current={show === "active" ? "page" : undefined} className={tabClass(show === "active")}>
          {t("filter.active", { count: activeCount })}
        </Link>
        <Link to={`${base}?show=inactive`} aria-current={show === "inactive" ? "page" : undefined} className={tabClass(show === "inactive")}>
          {t("filter.inactive", { count: inactiveCount })}
        </Link>
      </nav>

      {members.length === 0 ? (
        <p className="rounded border border-dashed border-gray-400 bg-white p-4">{t(show === "active" ? "empty.active" : "empty.inactive")}</p>
      ) : (
        <table className="card-table w-full border-collapse bg-white text-left">
          <caption className="sr-only">{t(show === "active" ? "table.captionActive" : "table.captionInactive")}</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="p-2">
                {t("table.name")}
              </th>
              <th scope="col" className="p-2">
                {t("table.memberSex")}
              </th>
              <th scope="col" className="p-2">
                {t("table.householdHeadSex")}
              </th>
              <th scope="col" className="p-2">
                {t("table.birthYear")}
              </th>
              <th scope="col" className="p-2">
                {t("table.youth")}
              </th>
              <th scope="col" className="p-2">
                {t("table.village")}
              </th>
              <th scope="col" className="p-2">
                {t("table.phone")}
              </th>
              <th scope="col" className="p-2">
                {t("table.sms")}
              </th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id} className="border-b border-gray-200">
                <th scope="row" className="p-2 font-semibold">
                  <Link to={`${base}/${m.id}`} className="text-brand-700 underline">
                    {m.name}
                  </Link>
                </th>
                <td className="p-2" data-label={t("table.memberSex")}>
                  {t(`common:sex.${m.memberSex}`)}
                </td>
                <td className="p-2" data-label={t("table.householdHeadSex")}>
                  {t(`common:sex.${m.householdHeadSex}`)}
                </td>
                <td className="p-2" data-label={t("table.birthYear")}>
                  {m.birthYear}
                </td>
                <td className="p-2" data-label={t("table.youth")}>
                  {m.youth ? (
                    t("table.youthYes")
                  ) : (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">{t("table.youthNo")}</span>
                    </>
                  )}
                </td>
                <td className="p-2" data-label={t("table.village")}>
                  {m.village}
                </td>
                <td className="p-2 whitespace-nowrap" data-label={t("table.phone")}>
                  {m.phone}
                </td>
                <td className="p-2" data-label={t("table.sms")}>
                  {m.sms ? (
                    t("table.smsYes")
                  ) : (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="sr-only">{t("table.smsNo")}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
