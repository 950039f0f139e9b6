import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData } from "react-router";
import { OfferTermsForm } from "~/components/offer-terms-form";
import { Notice } from "~/components/ui/notice";
import { isContentMeasure } from "~/domain/contracts/content";
import { isLive } from "~/domain/listings/status";
import { permilleToPercentInput, revisionValues } from "~/domain/offers/offer-form-values";
import { foActions, traderActions } from "~/domain/offers/offer-status";
import { parseOfferTermsForm, readRevisionTables } from "~/domain/offers/offer-terms";
import { loadOfferFor } from "~/domain/offers/offer-view.server";
import { counterOffer, reviseOffer } from "~/domain/offers/offers.server";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formatKg } from "~/utils/format";
import { formFailure } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/respond";

/** The side answering: the trader revises, the FO counters; anyone else may not. */
async function responder(state: ReturnType<typeof getRequestState>, offerId: string) {
  const user = requireUser(state);
  const found = await loadOfferFor(db, user, offerId);
  if (!found) notFound(state);
  const now = new Date();
  const live = found.offer.revisions[0]!;
  const liveTerms = { status: found.offer.status, validUntil: live.validUntil };
  const listingLive = isLive(found.offer.listing, now);
  if (found.isFo && foActions(liveTerms, listingLive, now).includes("counter")) return { user, found, live, side: "fo" as const };
  if (found.isTrader && traderActions(liveTerms, listingLive, now).includes("revise")) return { user, found, live, side: "trader" as const };
  if (found.isFo || found.isTrader) throw redirect(`/offers/${offerId}`);
  forbidden(state);
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { found, live, side } = await responder(state, params.offerId);
  const grades = await db.cropGrade.findMany({
    where: { crop: { listings: { some: { id: found.offer.listing.id } } } },
    orderBy: { sortOrder: "asc" },
    select: { id: true, code: true, nameLo: true, nameEn: true },
  });
  const { listing } = found.offer;
  return {
    side,
    revision: found.offer.currentRevision,
    title: `${localName(listing.crop, state.locale)}, ${localName(listing.grade, state.locale)}`,
    totalKg: listing.totalKg,
    standardMoisture: permilleToPercentInput(listing.crop.standardMoisturePermille),
    grades: grades.map((g) => ({ value: g.id, label: localName(g, state.locale) })),
    gradeRows: grades.map((g) => ({ code: g.code, label: localName(g, state.locale) })),
    values: revisionValues({ ...live, ...readRevisionTables(live) }),
    contentMeasure: isContentMeasure(listing.crop.contentMeasure) ? listing.crop.contentMeasure : null,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, side } = await responder(state, params.offerId);
  const formData = await request.formData();
  const revision = Number(formData.get("revision"));
  const parsed = parseOfferTermsForm(formData);
  if (!parsed.ok) return data({ ...parsed, message: null }, { status: 400 });
  const result =
    side === "fo" ? await counterOffer(db, user, params.offerId, revision, parsed.data) : await reviseOffer(db, user, params.offerId, revision, parsed.data);
  if (result.ok) throw redirect(`/offers/${params.offerId}?done=${side === "fo" ? "countered" : "revised"}`);
  if ("fieldErrors" in result) return data({ ...formFailure(result.fieldErrors, formData), message: null }, { status: 400 });
  return refusalResponse(state, result, { messages: "offers:errors", body: { ...formFailure({}, formData) } });
}

export default function RespondToOffer() {
  const { t } = useTranslation("offers");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const locale = useLocale();
  const title = d.side === "fo" ? t("form.counterTitle", { listing: d.title }) : t("form.reviseTitle", { listing: d.title });
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      <OfferTermsForm
        grades={d.grades}
        gradeRows={d.gradeRows}
        values={actionData ? actionData.values : d.values}
        errors={actionData ? actionData.fieldErrors : {}}
        submitLabel={d.side === "fo" ? t("form.submitCounter") : t("form.submitRevision")}
        quantityHint={t("form.quantityHint", { kg: formatKg(d.totalKg, locale) })}
        moistureHint={t("form.moistureHint", { percent: `${d.standardMoisture} %` })}
        hidden={<input type="hidden" name="revision" value={d.revision} />}
        contentMeasure={d.contentMeasure}
      />
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
