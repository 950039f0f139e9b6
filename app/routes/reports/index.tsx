import { PrintButton } from "~/components/print-button";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { localName } from "~/utils/i18n";
import { parseReportFilter } from "~/domain/reports/filter.server";
import { rangeQuery } from "~/domain/reports/period";
import { programmeReport, reportScopeFor, scopeDistrictNames } from "~/domain/reports/reports.server";
import { buildReportTables, formatCell, type ReportTable } from "~/domain/reports/tables";
import { db } from "~/utils/db.server";
import { formatDate, formatKg, formatLak, formatNumber, formatTenths } from "~/utils/format";
import type { FieldErrors } from "~/utils/forms";
import { forbidden, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";

// Facilitators report on their districts, administrators on the whole
// programme; anyone else gets a 403. The period is a GET form, so a report can
// be bookmarked, shared and printed as it is.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["facilitator", "admin"]);
  const scope = await reportScopeFor(user);
  if (!scope) forbidden(state);
  const now = new Date();
  const filter = parseReportFilter(new URL(request.url).searchParams, now);
  const districts = await scopeDistrictNames(scope);
  const page = {
    scope: districts ? { all: false, districts: districts.map((d) => localName(d, state.locale)) } : { all: true, districts: [] as string[] },
    printedAt: now.toISOString(),
  };
  if (!filter.ok) {
    return data({ ...page, errors: filter.fieldErrors, values: filter.values, range: null, tables: null, summary: null, asOf: null }, { status: 400 });
  }
  const report = await programmeReport(db, scope, filter.range, now);
  const { total: volume } = report.byDistrict;
  return data({
    ...page,
    errors: {} as FieldErrors,
    values: filter.range,
    range: filter.range,
    asOf: report.asOf.toISOString(),
    tables: buildReportTables(report, state.locale, (key) => state.t(key)),
    summary: {
      contractedKg: volume.contractedKg,
      contractedLak: volume.contractedLak.toString(),
      deliveredKg: volume.deliveredKg,
      deliveredLak: volume.deliveredLak.toString(),
      organisations: report.reach.total.organisations,
      households: report.reach.total.households,
      onTime: report.onTime.total.onTime,
      due: report.onTime.total.due,
      ratePermille: report.onTime.total.ratePermille,
    },
  });
}

// Wide tables: a landscape A4 sheet, each table kept whole where it fits.
const PRINT =
  "@media print { @page { size: A4 landscape; } main { max-width: none; padding: 0; } section.report-table { break-inside: avoid; } table { font-size: 8pt; } }";

function TableView({ table, csvHref }: { table: ReportTable; csvHref: string }) {
  const { t } = useTranslation("reports");
  const locale = useLocale();
  const cell = "border border-gray-300 px-2 py-1";
  const headingId = `table-${table.id}`;
  const labels = table.columns.map((c) => t(`columns.${c.key}`));
  return (
    <section aria-labelledby={headingId} className="report-table flex flex-col gap-2">
      <h2 id={headingId} className="text-lg font-bold">
        {t(`tables.${table.id}.title`)}
      </h2>
      <p className="text-sm text-gray-700">{t(`tables.${table.id}.note`)}</p>
      <table className="card-table w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="bg-gray-100 text-left align-bottom">
            {table.columns.map((c, j) => (
              <th key={c.key} scope="col" className={`${cell} ${c.kind === "text" || c.kind === "month" ? "" : "text-right"}`}>
                {labels[j]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((r, i) => (
            <tr key={i} className={r.total ? "bg-gray-100 font-bold" : undefined}>
              {r.cells.map((value, j) => {
                const column = table.columns[j]!;
                const text = formatCell(value, column.kind, locale);
                return j === 0 ? (
                  <th key={j} scope="row" className={`${cell} text-left ${r.total ? "" : "font-normal"}`}>
                    {text}
                  </th>
                ) : (
                  <td key={j} className={`${cell} ${column.kind === "text" ? "" : "text-right tabular-nums whitespace-nowrap"}`} data-label={labels[j]}>
                    {text}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="no-print">
        <a href={csvHref} download className="text-brand-700 underline">
          {t("csv")}
        </a>
        {" · "}
        <a href={`${csvHref}&format=xlsx`} download className="text-brand-700 underline">
          {t("xlsx")}
        </a>
      </p>
    </section>
  );
}

export default function Reports() {
  const { t } = useTranslation("reports");
  const d = useLoaderData<typeof loader>();
  const locale = useLocale();
  const s = d.summary;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <style>{PRINT}</style>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="font-semibold">
        {d.scope.all ? t("scopeAll") : d.scope.districts.length ? t("scopeDistricts", { districts: d.scope.districts.join(", ") }) : t("scopeNone")}
      </p>

      <Form method="get" className="no-print flex flex-col gap-3 rounded border border-gray-200 bg-white p-3 sm:flex-row sm:items-end" noValidate>
        <fieldset className="flex flex-1 flex-col gap-3 sm:flex-row">
          <legend className="mb-1 font-semibold">{t("filter.legend")}</legend>
          <div className="flex-1">
            <TextField type="date" name="from" label={t("filter.from")} defaultValue={d.values.from} error={d.errors.from} />
          </div>
          <div className="flex-1">
            <TextField type="date" name="to" label={t("filter.to")} defaultValue={d.values.to} error={d.errors.to} />
          </div>
        </fieldset>
        <Button>{t("filter.show")}</Button>
      </Form>
      <p className="no-print text-sm text-gray-700">{t("filter.hint")}</p>

      {d.range && d.tables && s ? (
        <>
          <p className="flex flex-wrap items-center gap-3">
            <span className="text-lg font-semibold">
              {t("period", { from: formatDate(`${d.range.from}T00:00:00+07:00`, locale), to: formatDate(`${d.range.to}T00:00:00+07:00`, locale) })}
            </span>
            <PrintButton label={t("print")} />
          </p>
          <section aria-labelledby="summary" className="flex flex-col gap-2">
            <h2 id="summary" className="text-lg font-bold">
              {t("summary.heading")}
            </h2>
            <dl className="grid grid-cols-1 gap-2 sm:grid-cols-2 lg:grid-cols-3">
              {[
                [t("summary.contracted"), t("summary.amounts", { kg: formatKg(s.contractedKg, locale), lak: formatLak(BigInt(s.contractedLak), locale) })],
                [t("summary.delivered"), t("summary.amounts", { kg: formatKg(s.deliveredKg, locale), lak: formatLak(BigInt(s.deliveredLak), locale) })],
                [t("summary.organisations"), formatNumber(s.organisations, locale)],
                [t("summary.households"), formatNumber(s.households, locale)],
                [
                  t("summary.onTime"),
                  s.ratePermille === null
                    ? t("summary.noneDue")
                    : t("summary.rate", {
                        rate: `${formatTenths(s.ratePermille, locale)} %`,
                        onTime: formatNumber(s.onTime, locale),
                        due: formatNumber(s.due, locale),
                      }),
                ],
              ].map(([label, value]) => (
                <div key={label} className="rounded border border-gray-200 bg-white p-3">
                  <dt className="text-sm text-gray-700">{label}</dt>
                  <dd className="text-lg font-bold">{value}</dd>
                </div>
              ))}
            </dl>
          </section>
          {d.tables.map((table) => (
            <TableView key={table.id} table={table} csvHref={`/reports/export?table=${table.id}&${rangeQuery(d.range!)}`} />
          ))}
          <section aria-labelledby="definitions" className="flex flex-col gap-1 text-sm">
            <h2 id="definitions" className="font-bold">
              {t("definitions.heading")}
            </h2>
            <p>{t("definitions.contracted")}</p>
            <p>{t("definitions.delivered")}</p>
            <p>{t("definitions.reach")}</p>
            <p>{t("definitions.onTime", { date: formatDate(d.asOf!, locale) })}</p>
          </section>
          <p className="text-xs text-gray-600">{t("printed", { date: formatDate(d.printedAt, locale) })}</p>
        </>
      ) : (
        <Notice tone="error">{t("validation:formHasErrors")}</Notice>
      )}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
