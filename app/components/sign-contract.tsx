// Where a party signs: the signatures so far and, for whoever may still sign,
// the form, placed right after the plain-language summary. The form posts to
// the page's own address with #sign, so that without JavaScript the answer
// (an error, or the redirect after signing) lands here and not at the top of
// a long contract. Every problem is listed at once above the form, each also
// beside its field.
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { formatDate } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

type Party = "fo" | "trader" | "witness";

export function SignSection({
  contract,
  signatures,
  canSignAs,
  behalf,
  done,
  failure,
}: {
  contract: { id: string; sha256: string; status: string; witnessRequired: boolean };
  signatures: { party: Party; signed: { name: string; behalf: string; at: string } | null }[];
  canSignAs: Party | null;
  behalf: string | null;
  done: "signed" | "active" | null;
  failure: { fieldErrors: Record<string, string>; message: string | null } | null;
}) {
  const { t } = useTranslation("contracts");
  const locale = useLocale();
  const errors = failure?.fieldErrors ?? {};
  const problems = (["confirmRead", "password"] as const).filter((k) => errors[k]);
  const fieldIds = { confirmRead: "sign-confirm-read", password: "sign-password" } as const;
  return (
    <section id="sign" aria-labelledby="signatures-heading" className="flex scroll-mt-4 flex-col gap-4">
      {done ? <Notice>{t(`sign.${done}`)}</Notice> : null}
      {failure?.message ? <Notice tone="error">{t(failure.message)}</Notice> : null}
      <div className="rounded border border-gray-200 bg-white p-4">
        <h2 id="signatures-heading" className="mb-2 text-lg font-bold">
          {t("detail.signatures")}
        </h2>
        <ul className="flex flex-col gap-1">
          {signatures.map((s) => (
            <li key={s.party}>
              <strong>{t(`party.${s.party}`)}:</strong>{" "}
              {s.signed ? t("detail.signedBy", { name: s.signed.name, behalf: s.signed.behalf, date: formatDate(s.signed.at, locale) }) : t("detail.waiting")}
            </li>
          ))}
        </ul>
        {contract.witnessRequired ? <p className="mt-2 text-sm">{t("detail.witnessNeeded")}</p> : null}
        {contract.status === "active" || contract.status === "completed" ? <p className="mt-2 text-sm">{t("detail.frozen")}</p> : null}
      </div>

      {canSignAs ? (
        <Form
          method="post"
          action={`/contracts/${contract.id}#sign`}
          className="no-print flex flex-col gap-3 rounded border-2 border-brand-600 bg-white p-4"
          noValidate
        >
          <h2 className="text-lg font-bold">{t("sign.title")}</h2>
          {behalf ? <p>{t("sign.as", { behalf })}</p> : null}
          <p>{t("sign.consequence")}</p>
          {problems.length ? (
            <div role="alert" aria-labelledby="sign-problems" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
              <p id="sign-problems" className="font-semibold">
                {t("sign.problems", { count: problems.length })}
              </p>
              <ul className="mt-1 list-disc pl-5">
                {problems.map((k) => (
                  <li key={k}>
                    <a href={`#${fieldIds[k]}`} className="underline">
                      {t(errors[k]!)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <input type="hidden" name="as" value={canSignAs} />
          <input type="hidden" name="sha256" value={contract.sha256} />
          {canSignAs === "fo" ? (
            <div className="flex flex-col gap-1">
              <label className="flex items-start gap-2">
                <input
                  id={fieldIds.confirmRead}
                  type="checkbox"
                  name="confirmRead"
                  className="mt-1 size-5"
                  aria-invalid={errors.confirmRead ? true : undefined}
                  aria-describedby={errors.confirmRead ? `${fieldIds.confirmRead}-error` : undefined}
                />
                <span>{t("sign.confirmRead")}</span>
              </label>
              {errors.confirmRead ? (
                <p id={`${fieldIds.confirmRead}-error`} role="alert" className="text-sm font-semibold text-red-700">
                  {t(errors.confirmRead)}
                </p>
              ) : null}
            </div>
          ) : null}
          <TextField
            id={fieldIds.password}
            name="password"
            type="password"
            label={t("sign.password")}
            hint={t("sign.passwordHint")}
            autoComplete="current-password"
            error={errors.password}
          />
          <Button>{canSignAs === "witness" ? t("sign.submitWitness") : t("sign.submit")}</Button>
        </Form>
      ) : null}
    </section>
  );
}
