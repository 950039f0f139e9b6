import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { SignSection } from "~/components/sign-contract";
import { loadContractFor } from "~/domain/contracts/contract-view.server";
import { renderSummary, summaryVoiceFor } from "~/domain/contracts/summary";
import { snapshotCurrency, type ContractSnapshot } from "~/domain/contracts/snapshot";
import { verifyPath } from "~/domain/contracts/verify.server";
import { registrableStatuses } from "~/domain/contracts/registration.server";
import { signContract } from "~/domain/contracts/signing.server";
import { RegistrationSection } from "~/components/contract-registration";
import { FrameworkLink } from "~/components/framework-link";
import { frameworkLinks } from "~/domain/frameworks/framework.server";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formatMoney } from "~/utils/format";
import { parseForm } from "~/utils/forms";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { SignSchema } from "./detail-schema.server";
import type { Route } from "./+types/detail";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadContractFor(db, user, params.contractId);
  if (!found) notFound(state);
  const { contract } = found;
  const frameworks = await frameworkLinks(db, contract.id);
  const lo = state.locale === "lo";
  const snapshot = JSON.parse(contract.document.snapshot) as ContractSnapshot;
  const behalf = { fo: localName(contract.organisation, state.locale), trader: contract.company.name, witness: "" };
  return {
    contract: {
      id: contract.id,
      number: contract.number,
      status: contract.status,
      valueLak: contract.valueLak.toString(),
      currency: snapshotCurrency(snapshot),
      sha256: contract.sha256,
      witnessRequired: contract.witnessRequired,
      // Built now from the frozen snapshot, in the reader's voice; the stored text and its hash stay as signed.
      summary: renderSummary(snapshot, state.locale, summaryVoiceFor(found.roles)),
      text: lo ? contract.document.textLo : contract.document.textEn,
      otherText: lo ? contract.document.textEn : contract.document.textLo,
      template: { name: localName(contract.template, state.locale), version: contract.template.version },
      previous: contract.previousContract,
      amendment: contract.amendment,
      offerId: contract.offerId,
      verifyPath: verifyPath(contract.number, contract.checkCode),
    },
    signatures: found.required.map((party) => {
      const s = contract.signatures.find((x) => x.party === party);
      return { party, signed: s ? { name: s.user.name, behalf: s.onBehalfOf, at: s.signedAt.toISOString() } : null };
    }),
    canSignAs: found.canSignAs,
    // Member data is the FO's: the trader never sees the payout sheet.
    seesPayout: found.roles.fo || found.roles.facilitator,
    hasInputs: snapshot.terms.inputValueLak !== null,
    canAmend: (found.roles.fo || found.roles.trader) && contract.status === "active" && !contract.amendment,
    signAsBehalf: found.canSignAs ? behalf[found.canSignAs] : null,
    registration: contract.registration ? { ...contract.registration, registeredOn: contract.registration.registeredOn.toISOString() } : null,
    signed: (registrableStatuses as readonly string[]).includes(contract.status),
    canRegister: found.roles.facilitator && !contract.registration && (registrableStatuses as readonly string[]).includes(contract.status),
    frameworks: {
      ...frameworks,
      canPropose: (found.roles.fo || found.roles.trader) && ["active", "completed"].includes(contract.status) && !frameworks.callOffOf,
    },
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadContractFor(db, user, params.contractId);
  if (!found) notFound(state);
  const parsed = parseForm(SignSchema, await request.formData());
  if (!parsed.ok) return data({ ok: false as const, fieldErrors: parsed.fieldErrors, message: null }, { status: 400 });
  const { as, password, sha256, confirmRead } = parsed.data;
  const result = await signContract(db, user, found.contract.id, { as, password, sha256, confirmRead: confirmRead === "on" });
  // The redirect keeps the form's #sign, so the signer lands on the signatures with the news.
  if (result.ok) throw redirect(`/contracts/${found.contract.id}?done=${result.active ? "active" : "signed"}`);
  if ("fieldErrors" in result) return data({ ok: false as const, fieldErrors: result.fieldErrors as Record<string, string>, message: null }, { status: 400 });
  return refusalResponse(state, result, { messages: "contracts:errors", body: { ok: false as const, fieldErrors: {} }, forbidden: ["notAParty"] });
}

export default function ContractDetail() {
  const { t } = useTranslation("contracts");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const c = d.contract;
  const done = (["signed", "active"] as const).find((k) => k === params.get("done")) ?? null;
  return (
    <section className="flex flex-col gap-4">
      <title>{t("detail.title", { number: c.number })}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("detail.title", { number: c.number })}</h1>
        <span className="rounded bg-gray-100 px-2 py-0.5 font-semibold">{t(`status.${c.status}`)}</span>
      </div>
      {c.previous ? (
        <p>
          <Link to={`/contracts/${c.previous.id}`} className="text-brand-700 underline">
            {t("detail.amends", { number: c.previous.number })}
          </Link>
        </p>
      ) : null}
      {c.amendment ? (
        <p>
          <Link to={`/contracts/${c.amendment.id}`} className="text-brand-700 underline">
            {t("detail.amendedBy", { number: c.amendment.number })}
          </Link>
        </p>
      ) : null}
      <div className="rounded border-2 border-brand-600 bg-white p-4">
        <h2 className="mb-2 text-lg font-bold">{t("detail.summary")}</h2>
        <p className="whitespace-pre-line text-lg leading-relaxed">{c.summary}</p>
        {d.canSignAs ? (
          <p className="no-print mt-3">
            <a href="#sign" className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 font-semibold text-white">
              {t("sign.jump")}
            </a>
          </p>
        ) : null}
      </div>
      <p className="text-sm">
        {t("detail.value", { value: formatMoney(BigInt(c.valueLak), c.currency, locale) })} · {t("detail.template", c.template)}
      </p>
      <p className="break-all text-xs text-gray-600">{t("detail.hash", { hash: c.sha256 })}</p>

      <RegistrationSection
        registration={d.registration}
        signed={d.signed}
        canRegister={d.canRegister}
        contractId={c.id}
        justRegistered={params.get("registered") === "1"}
      />

      <FrameworkLink contractId={c.id} links={d.frameworks} />

      <SignSection
        contract={{ id: c.id, sha256: c.sha256, status: c.status, witnessRequired: c.witnessRequired }}
        signatures={d.signatures}
        canSignAs={d.canSignAs}
        behalf={d.signAsBehalf}
        done={done}
        failure={actionData && !actionData.ok ? actionData : null}
      />

      <details id="full-text" className="rounded border border-gray-200 bg-white p-4" open={d.canSignAs === "fo"}>
        <summary className="text-lg font-bold">{t("detail.fullText")}</summary>
        <div className="mt-2 whitespace-pre-line">{c.text}</div>
        {d.canSignAs ? (
          <p className="no-print mt-3">
            <a href="#sign" className="font-semibold text-brand-700 underline">
              {t("sign.backToForm")}
            </a>
          </p>
        ) : null}
      </details>
      <details className="rounded border border-gray-200 bg-white p-4">
        <summary className="font-bold">{t("detail.otherLanguage")}</summary>
        <div className="mt-2 whitespace-pre-line" lang={locale === "lo" ? "en" : "lo"}>
          {c.otherText}
        </div>
      </details>

      <p className="no-print flex flex-wrap gap-3">
        <Link to={`/contracts/${c.id}/print`} className="text-brand-700 underline">
          {t("detail.print")}
        </Link>
        <Link to={c.verifyPath} className="text-brand-700 underline">
          {t("detail.verify")}
        </Link>
        <Link to={`/offers/${c.offerId}`} className="text-brand-700 underline">
          {t("detail.offer")}
        </Link>
      </p>
      <nav aria-label={t("detail.sections")} className="no-print flex flex-wrap gap-3 rounded border border-gray-200 bg-white p-3">
        <Link to={`/contracts/${c.id}/deliveries`} className="font-semibold text-brand-700 underline">
          {t("detail.deliveries")}
        </Link>
        <Link to={`/contracts/${c.id}/payments`} className="font-semibold text-brand-700 underline">
          {t("detail.payments")}
        </Link>
        <Link to={`/contracts/${c.id}/disputes`} className="font-semibold text-brand-700 underline">
          {t("detail.disputes")}
        </Link>
        {d.hasInputs ? (
          <Link to={`/contracts/${c.id}/inputs`} className="font-semibold text-brand-700 underline">
            {t("deliveries:inputs.link")}
          </Link>
        ) : null}
        {d.seesPayout ? (
          <Link to={`/contracts/${c.id}/payout`} className="font-semibold text-brand-700 underline">
            {t("detail.payout")}
          </Link>
        ) : null}
        {d.canAmend ? (
          <Link to={`/contracts/${c.id}/amend`} className="font-semibold text-brand-700 underline">
            {t("amendments:link")}
          </Link>
        ) : null}
      </nav>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
