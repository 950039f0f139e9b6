import type { ReactNode } from "react";
import { Both } from "~/components/bilingual";
import { formatDate } from "~/utils/format";

export type PrintedSignature = {
  party: "fo" | "trader" | "witness";
  behalf: string;
  signed: { name: string; behalf: string; at: string; sha256: string } | null;
};

const bothDates = (iso: string) => `${formatDate(iso, "lo")} / ${formatDate(iso, "en")}`;

/**
 * The paper is a legal record as well as the portal's: beside each party's
 * signature on the portal it carries lines to sign by hand, and the FO and the
 * company stamp it. Lines are printed even when the portal signature exists,
 * since the paper is signed at the meeting where it is read aloud.
 */
export function PaperSignatures({ signatures }: { signatures: PrintedSignature[] }) {
  return (
    <section className="mt-6" aria-labelledby="paper-signatures">
      <h2 id="paper-signatures" className="mb-1 text-lg font-bold">
        <Both k="verify:print.signatures" />
      </h2>
      <p className="mb-3 text-sm">
        <Both k="verify:print.paper.signaturesText" />
      </p>
      <div className="flex flex-col gap-3">
        {signatures.map((s) => {
          const stamp = s.party === "fo" ? "verify:print.paper.stampFo" : s.party === "trader" ? "verify:print.paper.stampCompany" : null;
          return (
            <div
              key={s.party}
              data-party={s.party}
              className="grid gap-3 rounded border border-gray-500 p-3 break-inside-avoid sm:grid-cols-[1fr_40mm] print:grid-cols-[1fr_40mm]"
            >
              <h3 className="font-bold sm:col-span-full">
                <Both k={`contracts:party.${s.party}`} />
              </h3>
              <div className="flex flex-col gap-3 text-sm">
                <div>
                  <h4 className="font-semibold">
                    <Both k="verify:print.paper.portal" />
                  </h4>
                  {s.signed ? (
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3">
                      <dt>
                        <Both k="verify:print.name" />
                      </dt>
                      <dd className="font-semibold">{s.signed.name}</dd>
                      <dt>
                        <Both k="verify:print.onBehalfOf" />
                      </dt>
                      <dd>{s.signed.behalf}</dd>
                      <dt>
                        <Both k="verify:print.signedOn" />
                      </dt>
                      <dd>
                        {bothDates(s.signed.at)} · <Both k="verify:print.signedOnline" />
                      </dd>
                      <dt>
                        <Both k="verify:print.signedHash" />
                      </dt>
                      <dd className="font-mono break-all">{s.signed.sha256}</dd>
                    </dl>
                  ) : (
                    <p className="mt-1 italic">
                      <Both k="verify:print.paper.notOnPortal" />
                    </p>
                  )}
                </div>
                <div>
                  <h4 className="font-semibold">
                    <Both k="verify:print.paper.byHand" />
                  </h4>
                  <HandLines
                    lines={[
                      ["verify:print.name", null],
                      ["verify:print.paper.position", null],
                      ["verify:print.onBehalfOf", s.behalf || null],
                      ["verify:print.signedOn", null],
                      ["verify:print.signature", null],
                    ]}
                  />
                </div>
              </div>
              {stamp ? <StampBox label={stamp} /> : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}

/**
 * The District Agriculture and Forestry Office's registration: written in by
 * the office on paper, or printed as recorded in the portal, beside lines for
 * the officer's name, signature and stamp either way.
 */
export function RegistrationBlock({ registration }: { registration: { number: string; registeredOn: string; office: string } | null }) {
  const recorded = (value: string | undefined) => (value ? <span className="font-semibold">{value}</span> : null);
  return (
    <section
      aria-labelledby="dafo-registration"
      className="mt-6 grid gap-3 rounded border-2 border-gray-800 p-3 break-inside-avoid sm:grid-cols-[1fr_40mm] print:grid-cols-[1fr_40mm]"
    >
      <div className="sm:col-span-full">
        <h2 id="dafo-registration" className="text-lg font-bold">
          <Both k="verify:print.registration.heading" />
        </h2>
        <p className="text-sm">
          <Both k={registration ? "verify:print.registration.recorded" : "verify:print.registration.text"} />
        </p>
      </div>
      <HandLines
        lines={[
          ["verify:print.registration.number", recorded(registration?.number)],
          ["verify:print.registration.date", recorded(registration ? formatDate(registration.registeredOn, "lo") : undefined)],
          ["verify:print.registration.office", recorded(registration?.office)],
          ["verify:print.registration.officer", null],
          ["verify:print.registration.signature", null],
        ]}
      />
      <StampBox label="verify:print.registration.stamp" />
    </section>
  );
}

/** Labelled lines to write on, a signature's taller; a line may carry what is already known (on whose behalf). */
function HandLines({ lines }: { lines: [key: string, filled: ReactNode][] }) {
  return (
    <div className="mt-2 grid gap-x-6 gap-y-3 sm:grid-cols-2 print:grid-cols-2" data-hand-lines="">
      {lines.map(([key, filled]) => (
        <div key={key} className="flex flex-col">
          <span className="text-xs">
            <Both k={key} />
          </span>
          <span className={`flex items-end border-b border-gray-800 ${key.endsWith("signature") ? "min-h-12" : "min-h-7"}`}>{filled}</span>
        </div>
      ))}
    </div>
  );
}

function StampBox({ label }: { label: string }) {
  return (
    <div
      data-stamp=""
      className="flex aspect-square w-[40mm] max-w-full items-end justify-center self-start border-2 border-dashed border-gray-600 p-2 text-center text-xs"
    >
      <span>
        <Both k={label} />
      </span>
    </div>
  );
}
