import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { formatDate } from "~/utils/format";
import { useTranslation, useLocale } from "~/utils/i18n-react";

type Registration = { number: string; registeredOn: string; office: string };

/** Where a signed contract stands with the district office, on the contract's page; a facilitator of its district registers it from here. */
export function RegistrationSection({
  registration,
  signed,
  canRegister,
  contractId,
  justRegistered,
}: {
  registration: Registration | null;
  signed: boolean;
  canRegister: boolean;
  contractId: string;
  justRegistered: boolean;
}) {
  const { t } = useTranslation("registration");
  const locale = useLocale();
  if (!signed && !registration) return null;
  return (
    <section id="registration" aria-labelledby="registration-heading" className="rounded border border-gray-200 bg-white p-4">
      <h2 id="registration-heading" className="mb-2 text-lg font-bold">
        {t("section.title")}
      </h2>
      {justRegistered && registration ? <Notice tone="info">{t("section.done")}</Notice> : null}
      {registration ? (
        <p data-registration={registration.number}>
          {t("section.registered", { number: registration.number, date: formatDate(registration.registeredOn, locale), office: registration.office })}
        </p>
      ) : (
        <p>{t("section.waiting")}</p>
      )}
      {canRegister ? (
        <p className="no-print mt-3">
          <Link to={`/contracts/${contractId}/registration`} className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 font-semibold text-white">
            {t("section.register")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
