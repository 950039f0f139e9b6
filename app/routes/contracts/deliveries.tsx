import { DeliveryRecordForm } from "~/components/delivery-record-form";
import { DeliveryCard, OverDeliveryNotice, type Preview } from "~/components/delivery-card";
import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { AnswerFormSchema, DeliveryFormSchema, deliveryInputOf } from "~/domain/deliveries/delivery-form";
import { confirmDelivery, contestDelivery, cropGrades, lotMembers, prepareDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { HouseholdShortfalls } from "~/components/household-shortfalls";
import { deliveryStatement } from "~/domain/deliveries/delivery-statement.server";
import { LOT_ROWS, lotRowCount, parseLotRows } from "~/domain/deliveries/lot-form";
import { lotSheetMeasures } from "~/domain/contracts/content";
import { parseRefusedRows } from "~/domain/deliveries/refused-lots";
import { formDataToObject } from "~/utils/forms";
import type { OverDelivery } from "~/domain/deliveries/delivery-amount";
import { formTokenOf, newFormToken } from "~/domain/contracts/form-token";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { toLaoDateInput } from "~/utils/dates";
import { formatKg, formatMoney, formatPermilleAsPercent } from "~/utils/format";
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
    const over: OverDelivery | null = result.reason === "overDelivery" ? result.over : null;
    return refusalResponse(state, result, { messages: "deliveries:errors", body: { ...formFailure({}, formData), ...again, over } });
  }
  const parsed = parseForm(AnswerFormSchema, formData);
  const answerFor = String(formData.get("id") ?? "");
  if (!parsed.ok) return data({ ...parsed, answerFor, message: null, over: null, formToken: null, rows: null, preview: null }, { status: 400 });
  const answer = parsed.data;
  const result = answer.intent === "confirm" ? await confirmDelivery(db, user, answer.id) : await contestDelivery(db, user, answer.id, answer.reason);
  if (result.ok) throw redirect(`${back}?done=${result.completed ? "completed" : answer.intent === "confirm" ? "confirmed" : "contested"}`);
  return refusalResponse(state, result, {
    messages: "deliveries:errors",
    body: { ...formFailure({}, formData), answerFor, over: null, formToken: null, rows: null, preview: null },
  });
}

/** Weight of one empty woven polypropylene bag for 50 kg of grain, the common sack: about 100 g. */
const DEFAULT_BAG_GRAMS = 100;

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
          <DeliveryCard
            key={x.id}
            delivery={x}
            terms={d.terms}
            mechanism={d.contract.mechanism}
            grades={d.grades}
            currency={currency}
            answerError={actionData?.answerFor === x.id ? actionData.fieldErrors.reason : undefined}
          />
        ))}
      </ol>
      {d.canRecord ? (
        <DeliveryRecordForm
          formToken={actionData?.formToken ?? d.formToken}
          rows={rows}
          members={d.members}
          grades={d.grades}
          terms={d.terms}
          today={d.today}
          defaultBagGrams={d.defaultBagGrams}
          values={values}
          errors={recordErrors}
          preview={preview}
          currency={currency}
        />
      ) : d.party ? (
        <p className="no-print">{t("deliveries.notActive")}</p>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
