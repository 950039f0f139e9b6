import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { AnswerFormSchema, DeliveryFormSchema, deliveryInputOf } from "~/domain/deliveries/delivery-form";
import { confirmDelivery, contestDelivery, cropGrades, lotMembers, prepareDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { HouseholdShortfalls } from "~/components/household-shortfalls";
import { deliveryStatement } from "~/domain/deliveries/delivery-statement.server";
import { LOT_ROWS, lotRowCount, MAX_LOT_ROWS, parseLotRows } from "~/domain/deliveries/lot-form";
import { LotSheet, RunningTotal } from "~/components/lot-sheet";
import { lotSheetMeasures, type ContentMeasure } from "~/domain/contracts/content";
import { RefusedLotList, RefusedLotSheet } from "~/components/refused-lots";
import { parseRefusedRows } from "~/domain/deliveries/refused-lots";
import { formDataToObject } from "~/utils/forms";
import type { OverDelivery } from "~/domain/deliveries/delivery-amount";
import { formTokenOf, newFormToken } from "~/domain/contracts/form-token";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { formatDate, formatKg, formatLak, formatMoney, formatNumber, formatPermilleAsPercent } from "~/utils/format";
import type { ContractCurrency } from "~/domain/prices/currency";
import { snapshotCurrency } from "~/domain/contracts/snapshot";
import { formFailure, parseForm } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/deliveries";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  const { contract, roles, snapshot } = access;
  const statement = await deliveryStatement(db, access, user.id);
  const grades = await cropGrades(db, snapshot);
  const members = roles.fo ? await lotMembers(db, contract) : null;
  return {
    members: members?.map((m) => ({ id: m.id, name: m.name })) ?? null,
    contract: {
      id: contract.id,
      number: contract.number,
      status: contract.status,
      mechanism: snapshot.template.priceMechanism,
      currency: snapshotCurrency(snapshot),
    },
    terms: {
      quantityKg: snapshot.terms.quantityKg,
      tolerancePermille: snapshot.terms.tolerancePermille,
      basisPermille: snapshot.terms.moistureBasisPermille,
      gradeCode: snapshot.grade.code,
      content: snapshot.terms.content ?? null,
      ...lotSheetMeasures(snapshot.terms),
    },
    ...statement,
    party: roles.fo || roles.trader,
    canRecord: (roles.fo || roles.trader) && contract.status === "active",
    grades: grades.map((g) => ({ value: g.code, label: localName(g, state.locale) })),
    today: toLaoDateInput(new Date()),
    defaultBagGrams: DEFAULT_BAG_GRAMS,
    // One per form shown: the same form sent twice records once (~/domain/contracts/form-token).
    formToken: newFormToken(),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access) notFound(state);
  if (!access.roles.fo && !access.roles.trader) forbidden(state);
  const formData = await request.formData();
  const back = `/contracts/${params.contractId}/deliveries`;
  const intent = formData.get("intent");
  if (intent === "record" || intent === "preview" || intent === "more") {
    // A failed attempt gets a fresh token with its answer: nothing was recorded from it.
    const raw = formDataToObject(formData);
    const again = {
      answerFor: null,
      formToken: intent === "record" ? newFormToken() : formTokenOf(formData),
      rows: lotRowCount(raw, intent === "more"),
      preview: null as Preview | null,
    };
    if (intent === "more") return data({ ...formFailure({}, formData), ...again, message: null, over: null });
    const parsed = parseForm(DeliveryFormSchema, formData);
    const grades = await cropGrades(db, access.snapshot);
    const members = access.roles.fo ? await lotMembers(db, access.contract) : [];
    const sheet = parseLotRows(raw, {
      bagTareGrams: parsed.ok ? parsed.data.bagGrams : DEFAULT_BAG_GRAMS,
      gradeCode: access.snapshot.grade.code,
      memberIds: new Set(members.map((m) => m.id)),
      gradeCodes: new Set(grades.map((g) => g.code)),
      ...lotSheetMeasures(access.snapshot.terms),
    });
    const refused = parseRefusedRows(raw, new Set(members.map((m) => m.id)));
    const errors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...sheet.errors, ...refused.errors };
    if (!parsed.ok || Object.keys(errors).length) return data({ ...formFailure(errors, formData), ...again, message: null, over: null }, { status: 400 });
    const formToken = formTokenOf(formData);
    if (!formToken) return data({ ...formFailure({}, formData), ...again, message: "deliveries:errors.formExpired", over: null }, { status: 400 });
    const input = deliveryInputOf(parsed.data, sheet.lots, formToken, refused.refused);
    if (intent === "preview") {
      if (access.contract.status !== "active")
        return data({ ...formFailure({}, formData), ...again, message: "deliveries:errors.notActive", over: null }, { status: 409 });
      const prepared = await prepareDelivery(db, access, access.roles.fo ? "fo" : "trader", input);
      if (!prepared.ok) return data({ ...formFailure(prepared.fieldErrors, formData), ...again, message: null, over: null }, { status: 400 });
      const preview: Preview = {
        lots: prepared.figured.map(({ figures }, i) => ({
          row: sheet.lots[i]!.row,
          netKg: figures.netKg,
          tareKg: figures.tareKg,
          deductedKg: figures.moistureDeductedKg + figures.foreignMatterDeductedKg,
          amountLak: figures.amountLak.toString(),
        })),
        total: {
          lots: prepared.figured.length,
          bags: prepared.total.bags,
          grossKg: prepared.total.grossKg,
          netKg: prepared.total.netKg,
          amountLak: prepared.total.amountLak.toString(),
        },
      };
      return data({ ...formFailure({}, formData), ...again, preview, message: null, over: null });
    }
    const result = await recordDelivery(db, user, params.contractId, input);
    // Recorded now, or by the same form sent before: the same answer.
    if (result.ok) throw redirect(`${back}?done=recorded`);
    if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), ...again, message: null, over: null }, { status: 400 });
    if (result.reason === "notFound") notFound(state);
    const over: OverDelivery | null = result.reason === "overDelivery" ? result.over : null;
    return data({ ...formFailure({}, formData), ...again, message: `deliveries:errors.${result.reason}`, over }, { status: 409 });
  }
  const parsed = parseForm(AnswerFormSchema, formData);
  const answerFor = String(formData.get("id") ?? "");
  if (!parsed.ok) return data({ ...parsed, answerFor, message: null, over: null, formToken: null, rows: null, preview: null }, { status: 400 });
  const answer = parsed.data;
  const result = answer.intent === "confirm" ? await confirmDelivery(db, user, answer.id) : await contestDelivery(db, user, answer.id, answer.reason);
  if (result.ok) throw redirect(`${back}?done=${result.completed ? "completed" : answer.intent === "confirm" ? "confirmed" : "contested"}`);
  if (result.reason === "notFound") notFound(state);
  return data(
    { ...formFailure({}, formData), answerFor, message: `deliveries:errors.${result.reason}`, over: null, formToken: null, rows: null, preview: null },
    { status: 409 },
  );
}

/** Weight of one empty woven polypropylene bag for 50 kg of grain, the common sack: about 100 g. */
const DEFAULT_BAG_GRAMS = 100;

interface Preview {
  lots: { row: number; netKg: number; tareKg: number; deductedKg: number; amountLak: string }[];
  total: { lots: number; bags: number; grossKg: number; netKg: number; amountLak: string };
}

const DONE = ["recorded", "confirmed", "contested", "completed"] as const;

export default function Deliveries() {
  const { t } = useTranslation("deliveries");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const done = DONE.find((k) => k === params.get("done"));
  const recordErrors: Record<string, string> = actionData && actionData.answerFor === null ? actionData.fieldErrors : {};
  const values: Record<string, string> = actionData && actionData.answerFor === null ? actionData.values : {};
  const kg = (n: number | string) => formatKg(BigInt(n), locale);
  const currency = d.contract.currency;
  const lak = (n: number | string) => formatMoney(BigInt(n), currency, locale);
  const title = t("deliveries.title", { number: d.contract.number });
  const rows = actionData?.answerFor === null && actionData.rows ? actionData.rows : LOT_ROWS;
  const preview = actionData?.answerFor === null ? actionData.preview : null;
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <p className="no-print">
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("back", { number: d.contract.number })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p>{t("deliveries.intro")}</p>
      {done ? <Notice>{t(`done.${done}`)}</Notice> : null}
      {actionData?.message && !actionData.over ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {actionData?.over ? <OverDeliveryNotice over={actionData.over} contractId={d.contract.id} /> : null}
      {!d.party ? <Notice>{t("readOnly")}</Notice> : null}
      <p>
        {t("deliveries.contracted", { quantity: kg(d.terms.quantityKg), tolerance: formatPermilleAsPercent(d.terms.tolerancePermille, locale) })}{" "}
        {t("deliveries.totals", { gross: kg(d.totals.grossKg), net: kg(d.totals.netKg), payable: lak(d.totals.payableLak) })}
      </p>
      {d.deliveries.length === 0 ? <p>{t("deliveries.empty")}</p> : null}
      <HouseholdShortfalls shortfalls={d.shortfalls} />
      <ol className="flex flex-col gap-3">
        {d.deliveries.map((x) => (
          <li key={x.id} className="flex flex-col gap-2 rounded border border-gray-200 bg-white p-4">
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h2 className="text-lg font-bold">{t("deliveries.heading", { date: formatDate(x.deliveredOn, locale) })}</h2>
              <span className="rounded bg-gray-100 px-2 py-0.5 text-sm font-semibold">{t(`status.${x.status}`)}</span>
            </div>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
              <dt className="text-gray-600">{t("deliveries.gross")}</dt>
              <dd>{kg(x.grossKg)}</dd>
              {d.terms.moisture ? (
                <>
                  <dt className="text-gray-600">{t("deliveries.moisture")}</dt>
                  <dd>{formatPermilleAsPercent(x.moisturePermille, locale)}</dd>
                </>
              ) : null}
              {d.terms.contentMeasure && x.contentPermille !== null ? (
                <>
                  <dt className="text-gray-600">{t(`lots.content.${d.terms.contentMeasure}`)}</dt>
                  <dd>{formatPermilleAsPercent(x.contentPermille, locale)}</dd>
                </>
              ) : null}
              <dt className="text-gray-600">{t("deliveries.grade")}</dt>
              <dd>{d.grades.find((g) => g.value === x.gradeCode)?.label ?? x.gradeCode}</dd>
              <dt className="text-gray-600">{t("deliveries.foreignMatter")}</dt>
              <dd>{x.foreignMatterPermille === null ? t("deliveries.notMeasured") : formatPermilleAsPercent(x.foreignMatterPermille, locale)}</dd>
              <dt className="text-gray-600">{t("deliveries.net")}</dt>
              <dd className="font-semibold">{kg(x.netKg)}</dd>
              <dt className="text-gray-600">{t("deliveries.price")}</dt>
              <dd>{t("perKg", { price: lak(x.priceLakPerKg) })}</dd>
              <dt className="text-gray-600">{t("deliveries.amountDue")}</dt>
              <dd>{lak(x.amountDueLak)}</dd>
              <dt className="text-gray-600">{t("deliveries.payable")}</dt>
              <dd className="font-semibold">{lak(x.payableLak)}</dd>
            </dl>
            {d.contract.mechanism === "floor_premium" ? (
              <p className="text-sm">
                {x.referencePriceLakPerKg === null ? t("deliveries.noReference") : t("deliveries.reference", { price: lak(x.referencePriceLakPerKg) })}
              </p>
            ) : null}
            {x.aboveTable ? <Notice tone="warning">{t("deliveries.aboveTable")}</Notice> : null}
            <p className="text-sm text-gray-700">
              {t("deliveries.measured", { name: x.measuredBy, instrument: x.instrument })} ·{" "}
              {t("deliveries.recordedBy", { name: x.recordedBy, party: t(`contracts:party.${x.recordedByParty}`), date: formatDate(x.createdAt, locale) })}
            </p>
            {x.lots ? (
              <LotTable lots={x.lots} grades={d.grades} contentMeasure={d.terms.contentMeasure} moisture={d.terms.moisture} currency={currency} />
            ) : null}
            <RefusedLotList lots={x.refusedLots} locale={locale} />
            <ArithmeticLines lines={x.lines} caption={t("deliveries.arithmetic")} currency={currency} />
            {x.inputLines ? <ArithmeticLines lines={x.inputLines} summary={t("deliveries.inputArithmetic")} currency={currency} /> : null}
            {x.status === "confirmed" && x.answeredBy ? (
              <p className="text-sm">{t("deliveries.confirmedBy", { name: x.answeredBy, date: formatDate(x.answeredAt!, locale) })}</p>
            ) : null}
            {x.status === "contested" && x.answeredBy ? (
              <p className="text-sm font-semibold text-red-800">
                {t("deliveries.contestedBy", { name: x.answeredBy, date: formatDate(x.answeredAt!, locale), reason: x.contestReason ?? "" })}
              </p>
            ) : null}
            {x.canAnswer ? <AnswerForms id={x.id} error={actionData?.answerFor === x.id ? actionData.fieldErrors.reason : undefined} /> : null}
          </li>
        ))}
      </ol>
      {d.canRecord ? (
        <Form method="post" className="no-print flex flex-col gap-3 rounded border-2 border-brand-600 bg-white p-4" noValidate data-running-total="">
          <h2 className="text-lg font-bold">{t("form.title")}</h2>
          <p className="text-sm">{t("form.computed")}</p>
          <p className="text-sm">{d.members ? t("lots.introFo") : t("lots.introTrader")}</p>
          <input type="hidden" name="formToken" value={actionData?.formToken ?? d.formToken} />
          <input type="hidden" name="rows" value={rows} />
          <TextField
            name="deliveredOn"
            type="date"
            label={t("form.deliveredOn")}
            defaultValue={values.deliveredOn ?? d.today}
            error={recordErrors.deliveredOn}
            required
          />
          <TextField
            name="measuredBy"
            label={t("form.measuredBy")}
            hint={t("form.measuredByHint")}
            defaultValue={values.measuredBy}
            error={recordErrors.measuredBy}
            required
          />
          <TextField
            name="instrument"
            label={t("form.instrument")}
            hint={t("form.instrumentHint")}
            defaultValue={values.instrument}
            error={recordErrors.instrument}
            required
          />
          <TextField
            name="bagGrams"
            inputMode="numeric"
            label={t("form.bagGrams")}
            hint={t("form.bagGramsHint")}
            defaultValue={values.bagGrams ?? String(d.defaultBagGrams)}
            error={recordErrors.bagGrams}
            required
          />
          {d.terms.moisture ? <p className="text-sm">{t("form.moistureHint", { basis: formatPermilleAsPercent(d.terms.basisPermille, locale) })}</p> : null}
          {d.terms.content ? (
            <p className="text-sm">
              {t(`form.contentHint.${d.terms.content.measure}`, {
                basis: formatPermilleAsPercent(d.terms.content.basisPermille, locale),
                step: formatLak(d.terms.content.stepLakPerKgPerPoint, locale),
              })}
            </p>
          ) : null}
          {recordErrors.lots ? <Notice tone="error">{t(recordErrors.lots)}</Notice> : null}
          <LotSheet
            rows={rows}
            members={d.members}
            grades={d.grades}
            defaultGrade={d.terms.gradeCode}
            values={values}
            errors={recordErrors}
            locale={locale}
            contentMeasure={d.terms.contentMeasure}
            moisture={d.terms.moisture}
          />
          <RunningTotal locale={locale} />
          <RefusedLotSheet members={d.members} values={values} errors={recordErrors} locale={locale} />
          {preview ? <PreviewTotals preview={preview} currency={currency} /> : null}
          <div className="flex flex-wrap gap-2">
            <Button name="intent" value="preview" variant="secondary">
              {t("lots.check")}
            </Button>
            {rows < MAX_LOT_ROWS ? (
              <Button name="intent" value="more" variant="secondary">
                {t("lots.more")}
              </Button>
            ) : null}
            <Button name="intent" value="record">
              {t("form.submit")}
            </Button>
          </div>
        </Form>
      ) : d.party ? (
        <p className="no-print">{t("deliveries.notActive")}</p>
      ) : null}
    </section>
  );
}

type LotView = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["deliveries"][number]["lots"]>[number];

/** The grade sheet of a delivery: each lot's measurements and what follows from them. */
function LotTable({
  lots,
  grades,
  contentMeasure,
  moisture,
  currency,
}: {
  lots: LotView[];
  grades: { value: string; label: string }[];
  contentMeasure: ContentMeasure | null;
  moisture: boolean;
  currency: ContractCurrency;
}) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  const who = (l: LotView) => (l.pooled ? t("lots.pooled") : (l.memberName ?? t("lots.household", { n: l.position })));
  return (
    <div className="flex flex-col gap-2">
      <table className="card-table w-full border-collapse text-sm">
        <caption className="py-1 text-left font-semibold">{t("lots.caption", { n: lots.length })}</caption>
        <thead>
          <tr className="border-b border-gray-300 text-left">
            <th scope="col" className="pr-2">
              {t("lots.who")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.bags")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.grossKg")}
            </th>
            {moisture ? (
              <th scope="col" className="pr-2 text-right">
                {t("lots.moisture")}
              </th>
            ) : null}
            {contentMeasure ? (
              <th scope="col" className="pr-2 text-right">
                {t(`lots.content.${contentMeasure}`)}
              </th>
            ) : null}
            <th scope="col" className="pr-2">
              {t("lots.grade")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.deducted")}
            </th>
            <th scope="col" className="pr-2 text-right">
              {t("lots.netKg")}
            </th>
            <th scope="col" className="text-right">
              {t("lots.amount")}
            </th>
          </tr>
        </thead>
        <tbody>
          {lots.map((l) => (
            <tr key={l.position} className="border-b border-gray-100 align-top">
              <th scope="row" className="pr-2 text-left font-normal">
                {l.position}. {who(l)}
              </th>
              <td data-label={t("lots.bags")} className="pr-2 text-right tabular-nums">
                {formatNumber(l.bags, locale)}
              </td>
              <td data-label={t("lots.grossKg")} className="pr-2 text-right tabular-nums">
                {kg(l.grossKg)}
              </td>
              {moisture ? (
                <td data-label={t("lots.moisture")} className="pr-2 text-right tabular-nums">
                  {formatPermilleAsPercent(l.moisturePermille, locale)}
                </td>
              ) : null}
              {contentMeasure ? (
                <td data-label={t(`lots.content.${contentMeasure}`)} className="pr-2 text-right tabular-nums">
                  {l.contentPermille === null ? "—" : formatPermilleAsPercent(l.contentPermille, locale)}
                </td>
              ) : null}
              <td data-label={t("lots.grade")} className="pr-2">
                {grades.find((g) => g.value === l.gradeCode)?.label ?? l.gradeCode}
              </td>
              <td data-label={t("lots.deducted")} className="pr-2 text-right tabular-nums">
                {kg(l.tareKg + l.moistureDeductedKg + l.foreignMatterDeductedKg)}
              </td>
              <td data-label={t("lots.netKg")} className="pr-2 text-right font-semibold tabular-nums">
                {kg(l.netKg)}
              </td>
              <td data-label={t("lots.amount")} className="text-right tabular-nums">
                {formatMoney(BigInt(l.amountLak), currency, locale)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {lots.map((l) => (
        <ArithmeticLines key={l.position} lines={l.lines} summary={t("lots.arithmetic", { n: l.position, who: who(l) })} currency={currency} />
      ))}
    </div>
  );
}

/** The running total the server worked out, before anything is recorded. */
function PreviewTotals({ preview, currency }: { preview: Preview; currency: ContractCurrency }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  return (
    <div className="rounded border border-brand-600 bg-gray-100 p-2" aria-live="polite">
      <p className="font-semibold">
        {t("lots.previewTotal", {
          lots: formatNumber(preview.total.lots, locale),
          bags: formatNumber(preview.total.bags, locale),
          gross: kg(preview.total.grossKg),
          net: kg(preview.total.netKg),
          amount: formatMoney(BigInt(preview.total.amountLak), currency, locale),
        })}
      </p>
      <ul className="text-sm">
        {preview.lots.map((l) => (
          <li key={l.row}>
            {t("lots.previewLot", {
              n: l.row + 1,
              tare: kg(l.tareKg),
              deducted: kg(l.deductedKg),
              net: kg(l.netKg),
              amount: formatMoney(BigInt(l.amountLak), currency, locale),
            })}
          </li>
        ))}
      </ul>
      <p className="text-sm">{t("lots.previewNote")}</p>
    </div>
  );
}

/** A delivery refused for passing the contracted quantity plus the tolerance: how much still fits, and the way to more. */
function OverDeliveryNotice({ over, contractId }: { over: OverDelivery; contractId: string }) {
  const { t } = useTranslation("deliveries");
  const locale = useLocale();
  const kg = (n: number) => formatKg(BigInt(n), locale);
  return (
    <Notice tone="error">
      <div className="flex flex-col gap-1">
        <p>
          {t("overDelivery.text", {
            net: kg(over.netKg),
            total: kg(over.deliveredNetKg + over.netKg),
            quantity: kg(over.quantityKg),
            tolerance: formatPermilleAsPercent(over.tolerancePermille, locale),
            limit: kg(over.limitKg),
          })}
        </p>
        <p>
          {over.remainingKg > 0
            ? t("overDelivery.remaining", { remaining: kg(over.remainingKg), delivered: kg(over.deliveredNetKg) })
            : t("overDelivery.none", { delivered: kg(over.deliveredNetKg) })}
        </p>
        <p>
          {t("overDelivery.amendment")}{" "}
          <Link to={`/contracts/${contractId}/amend`} className="underline">
            {t("overDelivery.amendLink")}
          </Link>
        </p>
      </div>
    </Notice>
  );
}

function AnswerForms({ id, error }: { id: string; error?: string }) {
  const { t } = useTranslation("deliveries");
  return (
    <div className="no-print flex flex-col gap-3 border-t border-gray-200 pt-3 sm:flex-row sm:items-end">
      <Form method="post">
        <input type="hidden" name="id" value={id} />
        <Button name="intent" value="confirm">
          {t("answer.confirm")}
        </Button>
      </Form>
      <Form method="post" className="flex flex-1 flex-col gap-2" noValidate>
        <input type="hidden" name="id" value={id} />
        <TextField name="reason" label={t("answer.reason")} hint={t("answer.reasonHint")} error={error} />
        <Button name="intent" value="contest" variant="secondary">
          {t("answer.contest")}
        </Button>
      </Form>
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
