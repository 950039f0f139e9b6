import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useLoaderData } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { normaliseCheckCode } from "~/domain/contracts/check-code";
import { normaliseContractNumber, verifyContract, verifyPath } from "~/domain/contracts/verify.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/verify";

/** A code as it came, for the address it is sent on to: its stored form when it can be one, else as typed (short). */
const passCode = (raw: string | null) => (raw?.trim() ? (normaliseCheckCode(raw) ?? raw.trim().slice(0, 40)) : null);
const withCode = (path: string, code: string | null) => (code ? `${path}?code=${encodeURIComponent(code)}` : path);

// Public: anyone holding the paper may check it, signed in or not. Its parties
// and the rest are shown only with the check code printed beside the number
// (see ~/domain/contracts/verify.server); the number alone says only that the
// contract exists.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const search = new URL(request.url).searchParams;
  const code = passCode(search.get("code"));
  // The form below is a plain GET (/verify?number=…&code=…): send it to the number's own address.
  const typed = search.get("number");
  if (typed !== null) {
    const number = normaliseContractNumber(typed);
    throw redirect(number ? withCode(`/verify/${encodeURIComponent(number)}`, code) : "/verify");
  }
  if (!params.number) return data({ query: null, exists: false, code: null, result: null }, { status: 200 });
  const outcome = await verifyContract(db, { number: params.number, code }, state.locale);
  if (!outcome.found) return data({ query: params.number.slice(0, 40), exists: false, code: null, result: null }, { status: 404 });
  if (!outcome.verified) {
    if (outcome.number !== params.number) throw redirect(withCode(`/verify/${encodeURIComponent(outcome.number)}`, code));
    // Only that it exists: the same answer for every wrong code.
    return data({ query: outcome.number, exists: true, code: outcome.code, result: null });
  }
  const found = outcome.contract;
  if (found.number !== params.number || search.get("code") !== code) throw redirect(verifyPath(found.number, code));
  return data({
    query: found.number,
    exists: true,
    code: null,
    result: {
      ...found,
      createdAt: found.createdAt.toISOString(),
      signatures: found.signatures.map((s) => ({ ...s, signedAt: s.signedAt.toISOString() })),
      registration: found.registration ? { ...found.registration, registeredOn: found.registration.registeredOn.toISOString() } : null,
    },
  });
}

function Hash({ label, value, ok }: { label: string; value: string; ok: boolean }) {
  return (
    <div>
      <dt className="text-sm font-semibold">{label}</dt>
      <dd className={`font-mono text-sm break-all ${ok ? "" : "font-bold text-red-700"}`}>{value}</dd>
    </div>
  );
}

export default function VerifyContract() {
  const { t } = useTranslation("verify");
  const { query, exists, code, result: r } = useLoaderData<typeof loader>();
  const locale = useLocale();

  const form = (
    <Form method="get" action="/verify" className="no-print flex flex-col gap-3 rounded border border-gray-200 bg-white p-4 sm:flex-row sm:items-end">
      <div className="grow">
        <TextField name="number" label={t("page.numberLabel")} hint={t("page.numberHint")} defaultValue={r ? "" : (query ?? "")} />
      </div>
      <div className="grow">
        <TextField
          name="code"
          label={t("page.codeLabel")}
          hint={t("page.codeHint")}
          autoComplete="off"
          error={code === "wrong" ? "verify:page.codeWrong" : undefined}
        />
      </div>
      <Button>{t("page.submit")}</Button>
    </Form>
  );

  if (!r && exists && query) {
    return (
      <section className="flex flex-col gap-4">
        <title>{t("page.titleNumber", { number: query })}</title>
        <meta name="robots" content="noindex" />
        <h1 className="text-2xl font-bold">{t("page.titleNumber", { number: query })}</h1>
        <p role="status" data-verdict="exists" className="rounded border-2 border-gray-400 bg-gray-50 p-3">
          {t("page.existsText", { number: query })}
        </p>
        <p>{t("page.codeNeeded")}</p>
        {form}
      </section>
    );
  }

  if (!r) {
    return (
      <section className="flex flex-col gap-4">
        <title>{t("page.title")}</title>
        <meta name="robots" content="noindex" />
        <h1 className="text-2xl font-bold">{query ? t("page.notFoundTitle") : t("page.title")}</h1>
        {query ? (
          <p role="alert" className="rounded border-2 border-amber-600 bg-amber-50 p-3">
            {t("page.notFoundText", { number: query })}
          </p>
        ) : (
          <p>{t("page.intro")}</p>
        )}
        {form}
      </section>
    );
  }

  const badSignatures = r.signatures.some((s) => !s.matches);
  const verdict = !r.fingerprintMatches
    ? t("page.changed")
    : badSignatures
      ? t("page.signatureMismatch")
      : r.status === "awaiting_signatures"
        ? t("page.matchesUnsigned")
        : t("page.matches");

  return (
    <section className="flex flex-col gap-4">
      <title>{t("page.titleNumber", { number: r.number })}</title>
      <meta name="robots" content="noindex" />
      <h1 className="text-2xl font-bold">{t("page.titleNumber", { number: r.number })}</h1>
      <p
        role="status"
        data-verdict={r.matches ? "matches" : "mismatch"}
        className={`rounded border-2 p-4 text-lg font-bold ${r.matches ? "border-green-700 bg-green-50 text-green-900" : "border-red-700 bg-red-50 text-red-900"}`}
      >
        {r.matches ? "✓ " : "✗ "}
        {verdict}
      </p>
      {!r.fingerprintMatches && badSignatures ? <p className="font-semibold text-red-800">{t("page.signatureMismatch")}</p> : null}

      <div className="rounded border border-gray-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-bold">{t("page.details")}</h2>
        <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("page.number")}</dt>
          <dd>{r.number}</dd>
          <dt className="font-semibold">{t("page.status")}</dt>
          <dd>{t(`contracts:status.${r.status}`)}</dd>
          <dt className="font-semibold">{t("page.fo")}</dt>
          <dd>{r.foName}</dd>
          <dt className="font-semibold">{t("page.company")}</dt>
          <dd>{r.companyName}</dd>
          <dt className="font-semibold">{t("page.date")}</dt>
          <dd>{formatDate(r.createdAt, locale)}</dd>
          <dt className="font-semibold">{t("page.template")}</dt>
          <dd>{t("page.templateValue", { name: r.template.name, version: String(r.template.version) })}</dd>
          <dt className="font-semibold">{t("page.registration")}</dt>
          <dd data-registration={r.registration ? r.registration.number : ""}>
            {r.registration
              ? t("page.registrationValue", {
                  number: r.registration.number,
                  date: formatDate(r.registration.registeredOn, locale),
                  office: r.registration.office,
                })
              : t("page.notRegistered")}
          </dd>
        </dl>
      </div>

      <div className="rounded border border-gray-200 bg-white p-4">
        <p className="mb-3">{t("page.compare")}</p>
        <dl className="flex flex-col gap-2">
          <Hash label={t("page.storedHash")} value={r.storedSha256} ok={r.fingerprintMatches} />
          <Hash label={t("page.recomputedHash")} value={r.recomputedSha256} ok={r.fingerprintMatches} />
        </dl>
      </div>

      <div className="rounded border border-gray-200 bg-white p-4">
        <h2 className="mb-2 text-lg font-bold">{t("page.signatures")}</h2>
        {r.signatures.length === 0 ? <p>{t("page.noSignatures")}</p> : null}
        <ul className="flex flex-col gap-2">
          {r.signatures.map((s) => (
            <li key={s.party} className={s.matches ? "" : "font-semibold text-red-800"}>
              <strong>{t(`contracts:party.${s.party}`)}</strong>: {t("page.signedOn", { date: formatDate(s.signedAt, locale) })},{" "}
              {s.matches ? (
                `✓ ${t("page.signatureOk")}`
              ) : (
                <>
                  ✗ {t("page.signatureBad")} <span className="font-mono break-all">{s.sha256}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      </div>

      <p className="text-sm text-gray-600">{t("page.privacy")}</p>
      {form}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
