import { useTranslation } from "~/utils/i18n-react";
import { PrintButton } from "~/components/print-button";
import { useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Both } from "~/components/bilingual";
import { QrCode } from "~/components/qr-code";
import { formatCheckCode } from "~/domain/contracts/check-code";
import { readSnapshot } from "~/domain/contracts/completion.server";
import { loadContractFor } from "~/domain/contracts/contract-view.server";
import { renderSummary } from "~/domain/contracts/summary";
import { qrCodeSvg, verifyUrl } from "~/domain/contracts/verify.server";
import { db } from "~/utils/db.server";
import { formatDate } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/print";
import { PaperSignatures, RegistrationBlock } from "./print-signatures";

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadContractFor(db, user, params.contractId);
  if (!found) notFound(state);
  const { contract } = found;
  // The check code is printed beside the number and carried in the QR code, never in the text: the hash is the text's alone.
  const url = verifyUrl(request, contract.number, contract.checkCode);
  const fo = { lo: contract.organisation.nameLo, en: contract.organisation.nameEn };
  return {
    contract: {
      id: contract.id,
      number: contract.number,
      checkCode: contract.checkCode ? formatCheckCode(contract.checkCode) : null,
      status: contract.status,
      createdAt: contract.createdAt.toISOString(),
      sha256: contract.sha256,
      // The paper is for both parties and the district office: the summary names each party, speaking to neither.
      summaryLo: renderSummary(readSnapshot(contract), "lo", "neutral"),
      summaryEn: renderSummary(readSnapshot(contract), "en", "neutral"),
      textLo: contract.document.textLo,
      textEn: contract.document.textEn,
      fo,
      company: contract.company.name,
      template: { lo: contract.template.nameLo, en: contract.template.nameEn, version: contract.template.version },
    },
    // Every party that must sign, signed or not: an unsigned one gets empty lines to sign by hand.
    signatures: found.required.map((party) => {
      const s = contract.signatures.find((x) => x.party === party);
      const behalf = party === "fo" ? `${fo.lo} / ${fo.en}` : party === "trader" ? contract.company.name : "";
      return { party, behalf, signed: s ? { name: s.user.name, behalf: s.onBehalfOf, at: s.signedAt.toISOString(), sha256: s.sha256 } : null };
    }),
    registration: contract.registration ? { ...contract.registration, registeredOn: contract.registration.registeredOn.toISOString() } : null,
    verifyUrl: url,
    qrSvg: await qrCodeSvg(url),
  };
}

const bothDates = (iso: string) => `${formatDate(iso, "lo")} / ${formatDate(iso, "en")}`;

function RunningLine({ number, checkCode, sha256 }: { number: string; checkCode: string | null; sha256: string }) {
  return (
    <div className="flex flex-wrap justify-between gap-x-4 text-xs text-gray-700">
      <span>
        <Both k="verify:print.number" />: <strong>{number}</strong>
        {checkCode ? (
          <>
            {" · "}
            <Both k="verify:print.checkCode" />: <strong className="font-mono">{checkCode}</strong>
          </>
        ) : null}
      </span>
      <span className="font-mono break-all">SHA-256: {sha256}</span>
    </div>
  );
}

export default function PrintContract() {
  const { t } = useTranslation("verify");
  const d = useLoaderData<typeof loader>();
  const c = d.contract;
  return (
    <article className="mx-auto max-w-[210mm] bg-white p-4 text-gray-900 print:max-w-none print:p-0">
      <title>{t("print.title", { number: c.number })}</title>
      <div className="no-print mb-4 flex flex-wrap items-center gap-3 border-b border-gray-200 pb-3">
        <PrintButton
          label={t("print.printButton")}
          className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700"
        />
        <span className="text-sm text-gray-600">{t("print.printHint")}</span>
        <Link to={`/contracts/${c.id}`} className="ml-auto text-brand-700 underline">
          {t("print.back")}
        </Link>
      </div>

      {/* The table's head and foot repeat on every printed page: the number and hash travel with each sheet. */}
      <table className="w-full border-collapse" role="presentation">
        <thead>
          <tr>
            <td className="border-b border-gray-400 pb-1">
              <RunningLine number={c.number} checkCode={c.checkCode} sha256={c.sha256} />
            </td>
          </tr>
        </thead>
        <tfoot>
          <tr>
            <td className="border-t border-gray-400 pt-1">
              <RunningLine number={c.number} checkCode={c.checkCode} sha256={c.sha256} />
              <p className="text-xs text-gray-700">
                <Both k="verify:print.checkTitle" />: {d.verifyUrl}
              </p>
            </td>
          </tr>
        </tfoot>
        <tbody>
          <tr>
            <td className="py-3 align-top">
              <header className="flex items-start justify-between gap-4 break-inside-avoid">
                <div className="flex flex-col gap-1">
                  <h1 className="text-2xl font-bold">
                    <span lang="lo">{c.template.lo}</span>
                    <br />
                    <span lang="en" className="text-xl">
                      {c.template.en}
                    </span>
                  </h1>
                  <p className="text-lg">
                    <Both k="verify:print.number" />: <strong>{c.number}</strong>
                  </p>
                  {c.checkCode ? (
                    <p className="text-lg">
                      <Both k="verify:print.checkCode" />: <strong className="font-mono tracking-wider">{c.checkCode}</strong>
                    </p>
                  ) : null}
                  <p>
                    <Both k="verify:print.date" />: {bothDates(c.createdAt)}
                  </p>
                  <p>
                    <Both k="verify:print.parties" />: <span lang="lo">{c.fo.lo}</span> ({c.fo.en}) · {c.company}
                  </p>
                  <p>
                    <Both k="verify:print.status" />: <span lang="lo">{t(`contracts:status.${c.status}`, { lng: "lo" })}</span> /{" "}
                    {t(`contracts:status.${c.status}`, { lng: "en" })}
                  </p>
                  <p className="text-sm">
                    <Both k="verify:print.template" />:{" "}
                    <span lang="lo">{t("verify:page.templateValue", { lng: "lo", name: c.template.lo, version: String(c.template.version) })}</span> /{" "}
                    {t("verify:page.templateValue", { lng: "en", name: c.template.en, version: String(c.template.version) })}
                  </p>
                  <p className="text-sm">
                    <Both k="verify:print.fingerprint" />:
                  </p>
                  <p className="font-mono text-xs break-all">{c.sha256}</p>
                </div>
                <figure className="flex w-36 shrink-0 flex-col items-center gap-1 text-center">
                  <QrCode svg={d.qrSvg} className="w-32" />
                  <figcaption className="text-xs">
                    <Both k="verify:print.checkTitle" />
                  </figcaption>
                </figure>
              </header>
              <p className="mt-2 text-sm break-inside-avoid">
                <Both k="verify:print.checkText" /> <span className="font-mono break-all">{d.verifyUrl}</span>
              </p>

              <section className="mt-4 rounded border-2 border-gray-800 p-4">
                <h2 className="mb-2 text-xl font-bold">
                  <Both k="verify:print.summary" />
                </h2>
                <p lang="lo" className="text-xl leading-relaxed whitespace-pre-line print:text-[14pt]">
                  {c.summaryLo}
                </p>
                <p lang="en" className="mt-3 text-lg leading-relaxed whitespace-pre-line print:text-[13pt]">
                  {c.summaryEn}
                </p>
              </section>

              <section className="mt-6 break-before-page">
                <h2 className="mb-2 text-lg font-bold">
                  <Both k="verify:print.textLo" />
                </h2>
                <div lang="lo" className="leading-relaxed whitespace-pre-line print:text-[10.5pt] print:leading-normal">
                  {c.textLo}
                </div>
              </section>

              <section className="mt-6 break-before-page">
                <h2 className="mb-2 text-lg font-bold">
                  <Both k="verify:print.textEn" />
                </h2>
                <div lang="en" className="leading-relaxed whitespace-pre-line print:text-[10.5pt] print:leading-snug">
                  {c.textEn}
                </div>
              </section>

              <PaperSignatures signatures={d.signatures} />
              <RegistrationBlock registration={d.registration} />
            </td>
          </tr>
        </tbody>
      </table>
    </article>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
