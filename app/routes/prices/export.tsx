import { data, Form, redirect, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { exportCurrencies, formatHundredths, rateSourceKinds } from "~/domain/prices/export-parity";
import { parseExchangeRateEntry, parseExportReferenceEntry, recordExchangeRate, recordExportReference } from "~/domain/prices/export-entry.server";
import { db } from "~/utils/db.server";
import { formatDate, formatNumber, formatPermilleAsPercent } from "~/utils/format";
import { formFailure } from "~/utils/forms";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/export";
import { loadExportEntryPage } from "./export-entry.server";

const ROLES = ["facilitator", "admin"] as const;

export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireUserWithRole(state, ROLES);
  const page = await loadExportEntryPage(db, { locale: state.locale, now: new Date() });
  return data({ ...page, saved: new URL(request.url).searchParams.get("saved") === "1" }, { headers: { "Cache-Control": "private, no-store" } });
}

/** A facilitator or an administrator records an export reference (intent "reference") or an exchange rate (intent "rate"). */
export async function action({ request, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ROLES);
  const formData = await request.formData();
  const now = new Date();
  const intent = formData.get("intent");
  if (intent === "reference") {
    const parsed = parseExportReferenceEntry(formData, now);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    const result = await recordExportReference(db, user, parsed.data);
    if (!result.ok) return data({ intent, ...formFailure(result.fieldErrors, formData) }, { status: 400 });
  } else if (intent === "rate") {
    const parsed = parseExchangeRateEntry(formData, now);
    if (!parsed.ok) return data({ intent, ...parsed }, { status: 400 });
    await recordExchangeRate(db, user, parsed.data);
  } else {
    return data({ intent: null, ok: false as const, fieldErrors: { _form: "validation:invalid" }, values: {} }, { status: 400 });
  }
  throw redirect("/prices/export?saved=1");
}

export default function ExportEntryPage() {
  const { t } = useTranslation("priceboard");
  const d = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const locale = useLocale();
  const pick = (intent: string) =>
    failed?.intent === intent
      ? { errors: failed.fieldErrors, values: failed.values }
      : { errors: {} as Record<string, string>, values: {} as Record<string, string> };
  const ref = pick("reference");
  const rate = pick("rate");
  const currencies = exportCurrencies.map((c) => ({ value: c, label: `${c} (${t(`parity.currencies.${c}`)})` }));
  const kinds = rateSourceKinds.map((k) => ({ value: k, label: t(`parity.kinds.${k}`) }));
  const box = "flex flex-col gap-3 rounded border border-gray-200 bg-white p-3";

  return (
    <section className="flex flex-col gap-4">
      <title>{t("exportEntry.title")}</title>
      <h1 className="text-2xl font-bold">{t("exportEntry.title")}</h1>
      <p>{t("exportEntry.intro")}</p>
      <p>
        <Link to="/prices" className="font-semibold text-brand-700 underline">
          {t("exportEntry.back")}
        </Link>
      </p>
      {d.saved ? <Notice>{t("exportEntry.saved")}</Notice> : null}
      {failed ? <Notice tone="error">{t("validation:formHasErrors")}</Notice> : null}

      <section aria-labelledby="reference-title" className={box}>
        <h2 id="reference-title" className="text-xl font-bold">
          {t("exportEntry.reference.title")}
        </h2>
        <Form method="post" noValidate className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="reference" />
          <SelectField
            name="cropId"
            label={t("exportEntry.reference.crop")}
            options={d.crops}
            defaultValue={ref.values.cropId}
            error={ref.errors.cropId}
            required
          />
          <TextField
            name="market"
            label={t("exportEntry.reference.market")}
            hint={t("exportEntry.reference.marketHint")}
            defaultValue={ref.values.market ?? ""}
            error={ref.errors.market}
            required
          />
          <SelectField
            name="currency"
            label={t("exportEntry.reference.currency")}
            options={currencies}
            defaultValue={ref.values.currency ?? "THB"}
            error={ref.errors.currency}
            required
          />
          <TextField
            name="price"
            label={t("exportEntry.reference.price")}
            hint={t("exportEntry.reference.priceHint")}
            inputMode="decimal"
            defaultValue={ref.values.price ?? ""}
            error={ref.errors.price}
            required
          />
          <TextField
            name="moisture"
            label={t("exportEntry.reference.moisture")}
            hint={t("exportEntry.reference.moistureHint")}
            inputMode="decimal"
            defaultValue={ref.values.moisture ?? ""}
            error={ref.errors.moisture}
          />
          <TextField
            name="marginLakPerKg"
            label={t("exportEntry.reference.margin")}
            hint={t("exportEntry.reference.marginHint")}
            inputMode="numeric"
            defaultValue={ref.values.marginLakPerKg ?? ""}
            error={ref.errors.marginLakPerKg}
            required
          />
          <TextField
            name="sourceName"
            label={t("exportEntry.reference.source")}
            hint={t("exportEntry.reference.sourceHint")}
            defaultValue={ref.values.sourceName ?? ""}
            error={ref.errors.sourceName}
            required
          />
          <TextField
            name="observedOn"
            type="date"
            label={t("exportEntry.reference.observedOn")}
            defaultValue={ref.values.observedOn ?? d.today}
            error={ref.errors.observedOn}
            required
          />
          <div className="flex items-end">
            <Button>{t("exportEntry.reference.submit")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="rate-title" className={box}>
        <h2 id="rate-title" className="text-xl font-bold">
          {t("exportEntry.rate.title")}
        </h2>
        <Form method="post" noValidate className="grid gap-3 sm:grid-cols-2">
          <input type="hidden" name="intent" value="rate" />
          <SelectField
            name="currency"
            label={t("exportEntry.rate.currency")}
            options={currencies}
            defaultValue={rate.values.currency ?? "THB"}
            error={rate.errors.currency}
            required
          />
          <TextField
            name="rate"
            label={t("exportEntry.rate.rate")}
            hint={t("exportEntry.rate.rateHint")}
            inputMode="decimal"
            defaultValue={rate.values.rate ?? ""}
            error={rate.errors.rate}
            required
          />
          <SelectField
            name="sourceKind"
            label={t("exportEntry.rate.sourceKind")}
            options={kinds}
            defaultValue={rate.values.sourceKind}
            error={rate.errors.sourceKind}
            required
          />
          <TextField
            name="sourceName"
            label={t("exportEntry.rate.source")}
            hint={t("exportEntry.rate.sourceHint")}
            defaultValue={rate.values.sourceName ?? ""}
            error={rate.errors.sourceName}
            required
          />
          <TextField
            name="observedOn"
            type="date"
            label={t("exportEntry.rate.observedOn")}
            defaultValue={rate.values.observedOn ?? d.today}
            error={rate.errors.observedOn}
            required
          />
          <div className="flex items-end">
            <Button>{t("exportEntry.rate.submit")}</Button>
          </div>
        </Form>
      </section>

      <section aria-labelledby="latest-title" className={box}>
        <h2 id="latest-title" className="text-xl font-bold">
          {t("exportEntry.latest.title")}
        </h2>
        <h3 className="font-semibold">{t("exportEntry.latest.references")}</h3>
        {d.references.length === 0 ? <p>{t("exportEntry.latest.none")}</p> : null}
        <ul className="flex flex-col gap-1">
          {d.references.map((r) => (
            <li key={r.id}>
              {r.crop}: {t("parity.reference", { price: formatHundredths(r.priceHundredthsPerKg, locale), currency: r.currency, market: r.market })}
              {r.moistureBasisPermille !== null ? ` (${formatPermilleAsPercent(r.moistureBasisPermille, locale)})` : ""}; {t("exportEntry.reference.margin")}:{" "}
              {formatNumber(r.marginLakPerKg, locale)}.{" "}
              <span className="text-sm text-gray-700">{t("parity.source", { source: r.sourceName, date: formatDate(r.observedOn, locale) })}</span>
            </li>
          ))}
        </ul>
        <h3 className="font-semibold">{t("exportEntry.latest.rates")}</h3>
        {d.rates.length === 0 ? <p>{t("exportEntry.latest.none")}</p> : null}
        <ul className="flex flex-col gap-1">
          {d.rates.map((r) => (
            <li key={r.id}>
              {t("parity.rate", { kind: t(`parity.kinds.${r.sourceKind}`), rate: formatHundredths(r.lakPerHundred, locale), currency: r.currency })}.{" "}
              <span className="text-sm text-gray-700">{t("parity.source", { source: r.sourceName, date: formatDate(r.observedOn, locale) })}</span>
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
