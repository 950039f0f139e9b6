import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { PriceTrendChart, type TrendPoint } from "~/components/price-trend-chart";
import { ExportParityPanel } from "~/components/prices/export-parity-panel";
import { PriceTextPanel } from "~/components/prices/price-text-panel";
import { ReferencePriceForm } from "~/components/prices/reference-price-form";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import type { PriceBand } from "~/domain/prices/price-band";
import { boardMonthChoices } from "~/domain/prices/price-board";
import { parsePriceBoardSearch } from "~/domain/prices/price-board.server";
import { enterReferencePrice, parseReferencePriceEntry } from "~/domain/prices/reference-entry.server";
import { db } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { formFailure } from "~/utils/forms";
import { forbidden, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/index";
import { loadPriceBoardPage } from "./board.server";
import { boardCacheHeaders, boardHeaders } from "./cache.server";

// Open to everyone, signed in or not (see ./board.server): members who are not users read it too.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const url = new URL(request.url);
  const page = await loadPriceBoardPage(db, { user: state.user, search: parsePriceBoardSearch(url), locale: state.locale, now: new Date() });
  return data({ ...page, entered: !!state.user && url.searchParams.get("entered") === "1" }, { headers: boardCacheHeaders(state.user) });
}

export const headers = boardHeaders;

/** On paper: an A4 page of the tables and the export parity; filters, chart and forms stay on screen. */
const A4_BOARD =
  "@page { size: A4; margin: 12mm; } @media print { body { background: white; } main { max-width: none; padding: 0; } table { font-size: 9pt; } .price-chart { display: none; } section.price-parity { break-inside: avoid; } }";

/** A facilitator enters a reference price for one of their districts. */
export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, "facilitator");
  const formData = await request.formData();
  const parsed = parseReferencePriceEntry(formData, new Date());
  if (!parsed.ok) return data(parsed, { status: 400 });
  const result = await enterReferencePrice(db, user, parsed.data);
  if (!result.ok) {
    if (result.reason === "outsideScope") forbidden(state);
    return data(formFailure(result.fieldErrors, formData), { status: 400 });
  }
  const { cropId, districtId } = result.referencePrice;
  const months = new URL(request.url).searchParams.get("months");
  const query = new URLSearchParams({ crop: cropId, district: districtId, ...(months ? { months } : {}), entered: "1" });
  throw redirect(`/prices?${query.toString()}`);
}

export default function PriceBoardPage() {
  const { t } = useTranslation("priceboard");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const num = (v: number) => formatNumber(v, locale);
  const none = t("noValue");
  const median = (b: PriceBand | null) => (b ? num(b.median) : none);
  const range = (b: PriceBand | null) => (b ? t("range", { min: num(b.min), max: num(b.max) }) : none);
  const count = (b: PriceBand | null) => num(b?.count ?? 0);
  const monthPart = (key: string) => String(Number(key.slice(5, 7)));
  const longMonth = (key: string) => t("monthly.monthLabel", { month: t(`months.long.${monthPart(key)}`), year: key.slice(0, 4) });
  const place = d.district ? t("place.district", { name: d.district.name }) : t("place.all");
  const errors = actionData?.fieldErrors ?? {};
  const values = actionData?.values ?? {};

  const points: TrendPoint[] = (d.board?.months ?? []).map((m, i) => ({
    ...m,
    label: t(`months.short.${monthPart(m.month)}`),
    sublabel: i === 0 || m.month.endsWith("-01") ? m.month.slice(0, 4) : undefined,
  }));
  const first = points[0]?.month;
  const last = points.at(-1)?.month;
  const hasPrices = !!d.board && (d.board.total.reference || d.board.total.contract);
  const hasSeries = points.some((p) => p.reference || p.contract);
  const cell = "border border-gray-300 px-2 py-1";
  const numCell = `${cell} text-right tabular-nums whitespace-nowrap`;
  const unit = t("chart.unit");
  // On a phone card each figure is named by its group and its column, as the two header rows name it in the table.
  const figureLabel = (group: "reference" | "contract", column: "median" | "range" | "count") => `${t(`monthly.${group}`)}: ${t(`monthly.${column}`)}`;
  const figureLabels = {
    reference: { median: figureLabel("reference", "median"), range: figureLabel("reference", "range"), count: figureLabel("reference", "count") },
    contract: { median: figureLabel("contract", "median"), range: figureLabel("contract", "range"), count: figureLabel("contract", "count") },
  };

  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <style>{A4_BOARD}</style>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>{t("intro")}</p>
      {d.canRecordExport ? (
        <p className="no-print">
          <Link to="/prices/export" className="font-semibold text-brand-700 underline">
            {t("public.enterExport")}
          </Link>
        </p>
      ) : null}
      {d.entered ? <Notice>{t("entry.saved")}</Notice> : null}
      {d.crops.length === 0 ? <p>{t("noCrops")}</p> : null}

      <Form
        key={params.toString()}
        method="get"
        className="no-print grid gap-3 rounded border border-gray-200 bg-white p-3 sm:grid-cols-4"
        aria-label={t("filters.legend")}
      >
        <SelectField name="crop" label={t("filters.crop")} options={d.crops} defaultValue={d.filters.crop} />
        <SelectField
          name="district"
          label={t("filters.district")}
          placeholder={t("filters.allDistricts")}
          groups={d.districts}
          defaultValue={d.filters.district}
        />
        <SelectField
          name="months"
          label={t("filters.months")}
          defaultValue={String(d.filters.months)}
          options={boardMonthChoices.map((n) => ({ value: String(n), label: t("filters.monthsOption", { count: n }) }))}
        />
        <div className="flex items-end">
          <Button>{t("filters.apply")}</Button>
        </div>
      </Form>

      {d.crop && d.board && first && last ? (
        <>
          {hasSeries ? (
            <div className="grid items-start gap-4 lg:grid-cols-2">
              <div className="price-chart min-w-0">
                <PriceTrendChart
                  points={points}
                  locale={locale}
                  title={t("chart.title", { crop: d.crop.name, place })}
                  description={t("chart.desc", { crop: d.crop.name, place, from: longMonth(first), to: longMonth(last) })}
                  labels={{
                    unit,
                    referenceMedian: t("chart.referenceMedian"),
                    referenceRange: t("chart.referenceRange"),
                    contractMedian: t("chart.contractMedian"),
                    pointTitle: (p) =>
                      t("chart.point", {
                        month: longMonth(p.month),
                        reference: p.reference ? num(p.reference.median) : t("chart.none"),
                        contract: p.contract ? num(p.contract.median) : t("chart.none"),
                      }),
                  }}
                />
              </div>
              <div className="min-w-0">
                <table className="card-table w-full border-collapse bg-white text-sm">
                  <caption className="mb-1 text-left font-semibold">
                    {t("monthly.caption", { crop: d.crop.name, place })} ({unit})
                  </caption>
                  <thead>
                    <tr className="bg-gray-100">
                      <th scope="col" rowSpan={2} className={`${cell} text-left`}>
                        {t("monthly.month")}
                      </th>
                      <th scope="colgroup" colSpan={3} className={cell}>
                        {t("monthly.reference")}
                      </th>
                      <th scope="colgroup" colSpan={3} className={cell}>
                        {t("monthly.contract")}
                      </th>
                    </tr>
                    <tr className="bg-gray-100">
                      {[0, 1].map((k) => (
                        <FigureHeads key={k} cell={cell} labels={[t("monthly.median"), t("monthly.range"), t("monthly.count")]} />
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {d.board.months.map((m) => (
                      <tr key={m.month}>
                        <th scope="row" className={`${cell} text-left font-normal whitespace-nowrap`}>
                          {longMonth(m.month)}
                        </th>
                        <td className={numCell} data-label={figureLabels.reference.median}>
                          {median(m.reference)}
                        </td>
                        <td className={numCell} data-label={figureLabels.reference.range}>
                          {range(m.reference)}
                        </td>
                        <td className={numCell} data-label={figureLabels.reference.count}>
                          {count(m.reference)}
                        </td>
                        <td className={numCell} data-label={figureLabels.contract.median}>
                          {median(m.contract)}
                        </td>
                        <td className={numCell} data-label={figureLabels.contract.range}>
                          {range(m.contract)}
                        </td>
                        <td className={numCell} data-label={figureLabels.contract.count}>
                          {count(m.contract)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          ) : (
            <Notice>{t("empty", { crop: d.crop.name, place })}</Notice>
          )}

          {hasPrices ? (
            <div className="min-w-0">
              <table className="card-table w-full border-collapse bg-white text-sm">
                <caption className="mb-1 text-left font-semibold">
                  {t("summary.caption", { crop: d.crop.name, from: longMonth(first), to: longMonth(last) })} ({unit})
                </caption>
                <thead>
                  <tr className="bg-gray-100">
                    <th scope="col" rowSpan={2} className={`${cell} text-left`}>
                      {t("summary.district")}
                    </th>
                    <th scope="colgroup" colSpan={3} className={cell}>
                      {t("monthly.reference")}
                    </th>
                    <th scope="colgroup" colSpan={3} className={cell}>
                      {t("monthly.contract")}
                    </th>
                  </tr>
                  <tr className="bg-gray-100">
                    {[0, 1].map((k) => (
                      <FigureHeads key={k} cell={cell} labels={[t("monthly.median"), t("monthly.range"), t("monthly.count")]} />
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {d.board.summary.map((row) => (
                    <tr key={row.districtId} className={row.districtId === d.district?.id ? "bg-brand-50 font-semibold" : undefined}>
                      <th scope="row" className={`${cell} text-left font-normal`}>
                        {row.name} <span className="text-gray-600">({row.province})</span>
                      </th>
                      <td className={numCell} data-label={figureLabels.reference.median}>
                        {median(row.reference)}
                      </td>
                      <td className={numCell} data-label={figureLabels.reference.range}>
                        {range(row.reference)}
                      </td>
                      <td className={numCell} data-label={figureLabels.reference.count}>
                        {count(row.reference)}
                      </td>
                      <td className={numCell} data-label={figureLabels.contract.median}>
                        {median(row.contract)}
                      </td>
                      <td className={numCell} data-label={figureLabels.contract.range}>
                        {range(row.contract)}
                      </td>
                      <td className={numCell} data-label={figureLabels.contract.count}>
                        {count(row.contract)}
                      </td>
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr className="bg-gray-100 font-semibold">
                    <th scope="row" className={`${cell} text-left`}>
                      {t("summary.total")}
                    </th>
                    <td className={numCell} data-label={figureLabels.reference.median}>
                      {median(d.board.total.reference)}
                    </td>
                    <td className={numCell} data-label={figureLabels.reference.range}>
                      {range(d.board.total.reference)}
                    </td>
                    <td className={numCell} data-label={figureLabels.reference.count}>
                      {count(d.board.total.reference)}
                    </td>
                    <td className={numCell} data-label={figureLabels.contract.median}>
                      {median(d.board.total.contract)}
                    </td>
                    <td className={numCell} data-label={figureLabels.contract.range}>
                      {range(d.board.total.contract)}
                    </td>
                    <td className={numCell} data-label={figureLabels.contract.count}>
                      {count(d.board.total.contract)}
                    </td>
                  </tr>
                </tfoot>
              </table>
              <p className="mt-1 text-sm text-gray-700">{t("summary.totalNote")}</p>
            </div>
          ) : null}
          <p className="text-sm text-gray-700">
            {t("sources")} {t("public.noParties")}
          </p>
          <ExportParityPanel parity={d.parity} crop={d.crop.name} locale={locale} />
          {d.text ? (
            <PriceTextPanel
              text={d.text}
              href={`/prices/text?${new URLSearchParams({ crop: d.crop.id, ...(d.district ? { district: d.district.id } : {}) }).toString()}`}
            />
          ) : null}
        </>
      ) : null}

      {d.entry ? <ReferencePriceForm entry={d.entry} errors={errors} values={values} /> : null}
    </section>
  );
}

function FigureHeads({ cell, labels }: { cell: string; labels: string[] }) {
  return (
    <>
      {labels.map((label) => (
        <th key={label} scope="col" className={`${cell} text-right`}>
          {label}
        </th>
      ))}
    </>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
