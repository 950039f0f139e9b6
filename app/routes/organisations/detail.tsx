import { useTranslation, useLocale } from "~/utils/i18n-react";
import { useLoaderData } from "react-router";
import { StatusBadge } from "~/components/status-badge";
import { TrackRecord } from "~/components/track-record";
import { localName } from "~/utils/i18n";
import { organisationTrackRecord } from "~/domain/track-records/track-record.server";
import { db } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/detail";

// A farmers' organisation's public profile for anyone signed in: who it is,
// where, how many member households are active, and its track record. Members'
// names stay with its leaders and the district's facilitators.
export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireUser(state);
  const organisation = await db.organisation.findUnique({
    where: { id: params.organisationId },
    select: {
      id: true,
      nameLo: true,
      nameEn: true,
      type: true,
      status: true,
      village: {
        select: { nameLo: true, nameEn: true, district: { select: { nameLo: true, nameEn: true, province: { select: { nameLo: true, nameEn: true } } } } },
      },
      _count: { select: { members: { where: { active: true } } } },
    },
  });
  if (!organisation) notFound(state);
  const now = new Date();
  const { village } = organisation;
  return {
    organisation: {
      id: organisation.id,
      name: localName(organisation, state.locale),
      type: organisation.type,
      status: organisation.status,
      village: localName(village, state.locale),
      district: localName(village.district, state.locale),
      province: localName(village.district.province, state.locale),
      activeMembers: organisation._count.members,
    },
    record: await organisationTrackRecord(db, organisation.id, now),
    asOf: now.toISOString(),
  };
}

export default function OrganisationProfile() {
  const { t } = useTranslation("track");
  const { organisation: o, record, asOf } = useLoaderData<typeof loader>();
  const locale = useLocale();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("organisation.title", { name: o.name })}</title>
      <h1 className="text-2xl font-bold break-words">{t("organisation.title", { name: o.name })}</h1>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="font-semibold">{t("organisation.type")}</dt>
        <dd>{t(`common:orgType.${o.type}`)}</dd>
        <dt className="font-semibold">{t("organisation.place")}</dt>
        <dd>{t("organisation.placeValue", { village: o.village, district: o.district, province: o.province })}</dd>
        <dt className="font-semibold">{t("organisation.status")}</dt>
        <dd>
          <StatusBadge status={o.status} />
        </dd>
        <dt className="font-semibold">{t("organisation.members")}</dt>
        <dd>{formatNumber(o.activeMembers, locale)}</dd>
      </dl>
      <TrackRecord record={record} asOf={asOf} />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
