// The parts of a framework contract's page: its terms, the confirmation of an
// answer (a page the server renders, docs/decisions/0012), the seasonal
// call-offs with their answers, and the form proposing one. Plain forms and
// anchors: the page works without JavaScript.
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Link } from "~/components/ui/link";
import { formatDate, formatKg } from "~/utils/format";
import { useTranslation } from "~/utils/i18n-react";

type Locale = "lo" | "en";

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col border-b border-gray-100 py-1 sm:flex-row sm:gap-4">
      <dt className="font-semibold sm:w-56">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The one form that makes an answer, after its consequence in plain words; "No" goes back to the page. */
export function ConfirmAnswer({
  title,
  consequence,
  fields,
  yes,
  danger,
  backHref,
}: {
  /** the page the answer is posted to and comes back to */
  backHref: string;
  title: string;
  consequence: string;
  fields: Record<string, string>;
  yes: string;
  danger: boolean;
}) {
  const { t } = useTranslation("frameworks");
  return (
    <section
      id="confirm"
      aria-labelledby="confirm-heading"
      className={`no-print scroll-mt-4 rounded border-2 p-4 ${danger ? "border-red-700 bg-red-50" : "border-brand-600 bg-brand-50"}`}
    >
      <h2 id="confirm-heading" className="text-lg font-bold">
        {title}
      </h2>
      <p className="my-2">{consequence}</p>
      <div className="flex flex-wrap items-center gap-3">
        <Form method="post" action={backHref}>
          {Object.entries(fields).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <Button variant={danger ? "danger" : "primary"}>{yes}</Button>
        </Form>
        <Link to={backHref} className="font-semibold text-brand-700 underline">
          {t("answer.keep")}
        </Link>
      </div>
    </section>
  );
}

export type CallOffRow = {
  id: string;
  season: number;
  quantityKg: number;
  deliveryDate: string;
  status: string;
  proposedByParty: string;
  canAnswer: boolean;
  contract: { id: string; number: string; status: string } | null;
};

export function CallOffList({ frameworkId, callOffs, locale }: { frameworkId: string; callOffs: CallOffRow[]; locale: Locale }) {
  const { t } = useTranslation("frameworks");
  if (callOffs.length === 0) return <p>{t("callOffs.empty")}</p>;
  const answer = (c: CallOffRow, kind: "acceptCallOff" | "declineCallOff") => `/frameworks/${frameworkId}?confirm=${kind}&callOff=${c.id}#confirm`;
  return (
    <ul className="flex flex-col gap-2">
      {callOffs.map((c) => (
        <li key={c.id} className="flex flex-col gap-1 rounded border border-gray-200 bg-white p-3" data-call-off={c.season}>
          <p className="font-bold">
            {t("callOffs.season", { season: c.season })} · {t(`callOffs.status.${c.status}`)}
          </p>
          <p>
            {t("callOffs.line", { kg: formatKg(c.quantityKg, locale), date: formatDate(c.deliveryDate, locale) })} ·{" "}
            {t("callOffs.proposedBy", { party: t(`party.${c.proposedByParty}`) })}
          </p>
          {c.contract ? (
            <p>
              <Link to={`/contracts/${c.contract.id}`} className="font-semibold text-brand-700 underline">
                {t("callOffs.contract", { number: c.contract.number })}
              </Link>{" "}
              ({t(`contracts:status.${c.contract.status}`)})
            </p>
          ) : null}
          {c.canAnswer ? (
            <p className="no-print flex flex-wrap gap-3">
              <Link to={answer(c, "acceptCallOff")} className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 font-semibold text-white">
                {t("callOffs.accept")}
              </Link>
              <Link
                to={answer(c, "declineCallOff")}
                className="inline-flex min-h-11 items-center rounded border border-red-700 bg-white px-4 font-semibold text-red-800"
              >
                {t("callOffs.decline")}
              </Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function CallOffForm({ frameworkId, values, errors }: { frameworkId: string; values: Record<string, string>; errors: Record<string, string> }) {
  const { t } = useTranslation("frameworks");
  return (
    <Form
      method="post"
      action={`/frameworks/${frameworkId}#call-off-form`}
      id="call-off-form"
      className="no-print flex scroll-mt-4 flex-col gap-3 rounded border border-gray-200 bg-white p-4"
      noValidate
    >
      <h3 className="text-lg font-bold">{t("callOffs.formTitle")}</h3>
      <p className="text-sm text-gray-700">{t("callOffs.formHint")}</p>
      <input type="hidden" name="intent" value="proposeCallOff" />
      <TextField name="season" inputMode="numeric" label={t("callOffs.seasonField")} defaultValue={values.season} error={errors.season} />
      <TextField name="quantityKg" inputMode="numeric" label={t("callOffs.quantityKg")} defaultValue={values.quantityKg} error={errors.quantityKg} />
      <TextField name="deliveryDate" type="date" label={t("callOffs.deliveryDate")} defaultValue={values.deliveryDate} error={errors.deliveryDate} />
      <Button>{t("callOffs.submit")}</Button>
    </Form>
  );
}
