// The member page's SMS part: whether the household receives SMS and at which
// number, the leader's record of its consent, the way to stop it, and every
// consent given and withdrawn before.
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import { SelectField, TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { consentMethods } from "~/domain/members/sms-consent";
import { useTranslation } from "~/utils/i18n-react";

export type ConsentRow = {
  id: string;
  phone: string;
  givenOn: string;
  givenHow: string;
  recordedBy: string | null;
  withdrawnOn: string | null;
  withdrawnHow: string | null;
  withdrawnBy: string | null;
};

export type SmsView = {
  /** the member's phone, formatted; empty when none */
  phone: string;
  inForce: ConsentRow | null;
  history: ConsentRow[];
  today: string;
};

export function SmsConsentSection({ sms, errors, values }: { sms: SmsView; errors: Record<string, string>; values: Record<string, string> }) {
  const { t } = useTranslation("members");
  const methodOptions = consentMethods.map((m) => ({ value: m, label: t(`sms.methods.${m}`) }));
  return (
    <section id="sms" aria-labelledby="sms-heading" className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-4">
      <h2 id="sms-heading" className="text-lg font-bold">
        {t("sms.heading")}
      </h2>
      <p>{t("sms.intro")}</p>
      {errors._form ? <Notice tone="error">{t(errors._form)}</Notice> : null}
      <p className="font-semibold" data-testid="sms-status">
        {sms.inForce ? t("sms.inForce", { phone: sms.inForce.phone, date: sms.inForce.givenOn, how: t(`sms.methods.${sms.inForce.givenHow}`) }) : t("sms.none")}
      </p>

      {sms.inForce ? (
        <Form method="post" className="flex flex-col gap-2">
          <h3 className="font-bold">{t("sms.withdrawHeading")}</h3>
          <p>{t("sms.withdrawText", { phone: sms.inForce.phone })}</p>
          <div>
            <Button name="intent" value="withdrawConsent" variant="danger">
              {t("sms.withdraw")}
            </Button>
          </div>
        </Form>
      ) : sms.phone ? (
        <Form method="post" className="flex flex-col gap-3" noValidate>
          <h3 className="font-bold">{t("sms.recordHeading")}</h3>
          <input type="hidden" name="intent" value="consent" />
          <input type="hidden" name="phone" value={sms.phone} />
          <p>{t("sms.forPhone", { phone: sms.phone })}</p>
          {errors.phone ? <Notice tone="error">{t(errors.phone)}</Notice> : null}
          <TextField
            name="givenOn"
            type="date"
            label={t("sms.givenOn")}
            hint={t("sms.givenOnHint")}
            defaultValue={values.givenOn ?? sms.today}
            error={errors.givenOn}
            required
          />
          <SelectField
            name="givenHow"
            label={t("sms.givenHow")}
            placeholder={t("sms.chooseHow")}
            options={methodOptions}
            defaultValue={values.givenHow}
            error={errors.givenHow}
            required
          />
          <div>
            <Button>{t("sms.record")}</Button>
          </div>
        </Form>
      ) : (
        <p>{t("sms.noPhone")}</p>
      )}

      <h3 className="font-bold">{t("sms.historyHeading")}</h3>
      {sms.history.length === 0 ? (
        <p>{t("sms.historyEmpty")}</p>
      ) : (
        <table className="card-table w-full border-collapse text-left">
          <caption className="sr-only">{t("sms.historyHeading")}</caption>
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="p-2">
                {t("sms.history.phone")}
              </th>
              <th scope="col" className="p-2">
                {t("sms.history.given")}
              </th>
              <th scope="col" className="p-2">
                {t("sms.history.withdrawn")}
              </th>
            </tr>
          </thead>
          <tbody>
            {sms.history.map((row) => (
              <tr key={row.id} className="border-b border-gray-200">
                <th scope="row" className="p-2 whitespace-nowrap font-semibold">
                  {row.phone}
                </th>
                <td className="p-2" data-label={t("sms.history.given")}>
                  {t("sms.history.givenText", { date: row.givenOn, how: t(`sms.methods.${row.givenHow}`), by: row.recordedBy ?? "–" })}
                </td>
                <td className="p-2" data-label={t("sms.history.withdrawn")}>
                  {row.withdrawnOn
                    ? t(`sms.history.withdrawnText.${row.withdrawnHow === "sms_reply" ? "sms_reply" : "leader"}`, {
                        date: row.withdrawnOn,
                        by: row.withdrawnBy ?? "–",
                      })
                    : t(sms.inForce?.id === row.id ? "sms.history.open" : "sms.history.stale")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
