import { useTranslation } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { StatusBadge } from "~/components/status-badge";
import { TrackRecord } from "~/components/track-record";
import { localName } from "~/utils/i18n";
import { companyTrackRecord } from "~/domain/track-records/track-record.server";
import { db } from "~/utils/db.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/detail";

// A trader company's public profile for anyone signed in: who it is and its
// track record. No staff names or contact details: those are for its parties.
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireUser(state);
  const company = await db.traderCompany.findUnique({
    where: { id: params.companyId },
    select: { id: true, name: true, licenceNumber: true, status: true, baseProvince: { select: { nameLo: true, nameEn: true } } },
  });
  if (!company) notFound(state);
  const now = new Date();
  return {
    company: {
      id: company.id,
      name: company.name,
      licenceNumber: company.licenceNumber,
      province: localName(company.baseProvince, state.locale),
      status: company.status,
    },
    record: await companyTrackRecord(db, company.id, now),
    asOf: now.toISOString(),
  };
}

export default function CompanyProfile() {
  const { t } = useTranslation("track");
  const { company, record, asOf } = useLoaderData<typeof loader>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("company.title", { name: company.name })}</title>
      <h1 className="text-2xl font-bold break-words">{t("company.title", { name: company.name })}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("company.licence")}</dt>
        <dd className="break-all">{company.licenceNumber}</dd>
        <dt className="font-semibold">{t("company.province")}</dt>
        <dd>{company.province}</dd>
        <dt className="font-semibold">{t("company.status")}</dt>
        <dd>
          <StatusBadge status={company.status} />
        </dd>
      </dl>
      <TrackRecord record={record} asOf={asOf} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
