import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { PriceTrendChart, type TrendPoint } from "~/components/price-trend-chart";
import { ExportParityPanel } from "~/components/prices/export-parity-panel";
import { PriceFigureTable } from "~/components/prices/price-figure-table";
import { PriceTextPanel } from "~/components/prices/price-text-panel";
import { ReferencePriceForm } from "~/components/prices/reference-price-form";
import { Button } from "~/components/ui/button";
import { SelectField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
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
  const unit = t("chart.unit");

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
                <PriceFigureTable
                  caption={`${t("monthly.caption", { crop: d.crop.name, place })} (${unit})`}
                  firstColumn={t("monthly.month")}
                  rows={d.board.months.map((m) => ({
                    key: m.month,
                    head: longMonth(m.month),
                    headClassName: "whitespace-nowrap",
                    reference: m.reference,
                    contract: m.contract,
                  }))}
                />
              </div>
            </div>
          ) : (
            <Notice>{t("empty", { crop: d.crop.name, place })}</Notice>
          )}

          {hasPrices ? (
            <div className="min-w-0">
              <PriceFigureTable
                caption={`${t("summary.caption", { crop: d.crop.name, from: longMonth(first), to: longMonth(last) })} (${unit})`}
                firstColumn={t("summary.district")}
                rows={d.board.summary.map((row) => ({
                  key: row.districtId,
                  head: (
                    <>
                      {row.name} <span className="text-gray-600">({row.province})</span>
                    </>
                  ),
                  reference: row.reference,
                  contract: row.contract,
                  marked: row.districtId === d.district?.id,
                }))}
                total={{ key: "total", head: t("summary.total"), reference: d.board.total.reference, contract: d.board.total.contract }}
              />
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

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
