import { refusalResponse } from "~/utils/refusal-response.server";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ArithmeticLines } from "~/components/arithmetic-lines";
import { confirmedIntents, confirmPath, OfferConfirmation, type ConfirmedIntent } from "~/components/offer-confirmation";
import { OfferTermsSummary } from "~/components/offer-terms-summary";
import { PriceBand } from "~/components/price-band";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { expectedContentOf } from "~/domain/listings/expected-content";
import { expectedMoistureOf } from "~/domain/listings/expected-moisture";
import { isLive } from "~/domain/listings/status";
import { foActions, offerDisplayStatus, traderActions } from "~/domain/offers/offer-status";
import { effectivePriceOf, gradeNames, loadOfferFor, serialiseRevision } from "~/domain/offers/offer-view.server";
import { acceptCounter, acceptOffer, rejectOffer, withdrawOffer } from "~/domain/offers/offers.server";
import { localName } from "~/utils/i18n";
import { getPriceBand } from "~/domain/prices/price-band.server";
import { db } from "~/utils/db.server";
import { formatDate, formatKg, formatMoney } from "~/utils/format";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import { ActionSchema } from "./detail-schema.server";
import type { Route } from "./+types/detail";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadOfferFor(db, user, params.offerId);
  if (!found) notFound(state);
  const { offer } = found;
  const now = new Date();
  const live = offer.revisions[0]!;
  const listingLive = isLive(offer.listing, now);
  const liveTerms = { status: offer.status, validUntil: live.validUntil };
  const band = await getPriceBand(db, { cropId: offer.listing.cropId, districtId: offer.listing.districtId, now });
  const fo = found.isFo ? foActions(liveTerms, listingLive, now) : [];
  // What accepting does to the others, said on the confirmation in numbers.
  const otherLiveOffers = fo.includes("accept")
    ? await db.offer.count({ where: { listingId: offer.listing.id, id: { not: offer.id }, status: { in: ["submitted", "countered"] } } })
    : 0;
  const contract =
    offer.status === "accepted"
      ? await db.contract.findFirst({ where: { offerId: offer.id }, orderBy: { amendmentNumber: "desc" }, select: { id: true, number: true } })
      : null;
  return {
    band,
    contract,
    offer: {
      id: offer.id,
      company: offer.company.name,
      companyId: offer.companyId,
      status: offerDisplayStatus(liveTerms, now),
      currentRevision: offer.currentRevision,
    },
    listing: {
      id: offer.listing.id,
      title: `${localName(offer.listing.crop, state.locale)}, ${localName(offer.listing.grade, state.locale)}`,
      organisation: localName(offer.listing.organisation, state.locale),
    },
    revisions: offer.revisions.map((r) =>
      serialiseRevision(r, state.locale, gradeNames(offer.listing.crop.grades, state.locale), offer.listing.crop.contentMeasure),
    ),
    // The same figure as on the comparison page: at the listing's expected moisture, a floor offer at its floor.
    effective: effectivePriceOf(live, expectedMoistureOf(offer.listing, offer.listing.crop), expectedContentOf(offer.listing, offer.listing.crop)).view,
    traderActions: found.isTrader ? traderActions(liveTerms, listingLive, now) : [],
    foActions: fo,
    otherLiveOffers,
  };
}

const done: Record<string, string> = { accept: "accepted", reject: "rejected", withdraw: "withdrawn", acceptCounter: "counterAccepted" };

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadOfferFor(db, user, params.offerId);
  if (!found) notFound(state);
  const parsed = ActionSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return data({ ok: false as const, message: "validation:invalidChoice" }, { status: 400 });
  const { intent, revision, confirmed } = parsed.data;
  const forFo = intent === "accept" || intent === "reject";
  if (forFo ? !found.isFo : !found.isTrader) throw data({ message: state.t("errors:403.text") }, { status: 403 });
  // An irreversible step that did not come through its confirmation goes to it, and changes nothing.
  const needsConfirmation = confirmedIntents.find((i) => i === intent);
  if (needsConfirmation && confirmed !== "yes") throw redirect(confirmPath(params.offerId, needsConfirmation));
  const result =
    intent === "accept"
      ? await acceptOffer(db, user, params.offerId, revision)
      : intent === "reject"
        ? await rejectOffer(db, user, params.offerId)
        : intent === "withdraw"
          ? await withdrawOffer(db, user, params.offerId)
          : await acceptCounter(db, user, params.offerId, revision);
  if (result.ok) return { ok: true as const, message: `offers:detail.${done[intent]}` };
  if ("reason" in result) {
    return refusalResponse(state, result, { messages: "offers:errors", body: { ok: false as const } });
  }
  return data({ ok: false as const, message: "validation:invalid" }, { status: 400 });
}

export default function OfferDetail() {
  const { t } = useTranslation("offers");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const [live, ...history] = d.revisions;
  const doneKey = params.get("done");
  // From the comparison (or this page's own links): the step is confirmed here, through the offer's own action.
  const asked = params.get("confirm");
  const may = (intent: ConfirmedIntent) => ((intent === "accept" ? d.foActions : d.traderActions) as readonly string[]).includes(intent);
  const confirming = actionData ? undefined : confirmedIntents.find((i) => i === asked && may(i));
  const confirmAccept = confirming === "accept";
  const perKg = (lak: number) => `${formatMoney(lak, live?.currency ?? "LAK", locale)}/${t("common:units.kg")}`;
  const confirmLink = (intent: ConfirmedIntent, label: string, variant: "primary" | "danger") => (
    <Link
      key={intent}
      to={confirmPath(d.offer.id, intent)}
      className={`inline-flex min-h-11 items-center rounded px-4 font-semibold text-white ${variant === "danger" ? "bg-red-700" : "bg-brand-600"}`}
    >
      {label}
    </Link>
  );
  const actionForm = (intent: string, label: string, variant: "primary" | "secondary" | "danger" = "primary") => (
    <Form method="post" key={intent}>
      <input type="hidden" name="revision" value={d.offer.currentRevision} />
      <Button name="intent" value={intent} variant={variant}>
        {label}
      </Button>
    </Form>
  );
  return (
    <section className="flex flex-col gap-4">
      <title>{t("detail.title", { company: d.offer.company })}</title>
      <h1 className="text-2xl font-bold">
        <Link to={`/companies/${d.offer.companyId}`} className="text-brand-700 underline">
          {t("detail.title", { company: d.offer.company })}
        </Link>
      </h1>
      <p>
        {t("detail.listing")}:{" "}
        <Link to={`/listings/${d.listing.id}`} className="text-brand-700 underline">
          {d.listing.title}
        </Link>{" "}
        · {d.listing.organisation}
      </p>
      <p>
        <span className="inline-block rounded bg-gray-100 px-2 py-0.5 font-semibold">{t(`status.${d.offer.status}`)}</span>
      </p>
      {doneKey && ["sent", "revised", "countered"].includes(doneKey) ? <Notice>{t(`detail.${doneKey}`)}</Notice> : null}
      {d.contract ? (
        <p>
          <Link to={`/contracts/${d.contract.id}`} className="font-semibold text-brand-700 underline">
            {t("detail.openContract", { number: d.contract.number })}
          </Link>
        </p>
      ) : null}
      {actionData ? <Notice tone={actionData.ok ? "info" : "error"}>{t(actionData.message)}</Notice> : null}

      {live ? (
        <div className="rounded border border-gray-200 bg-white p-4">
          <h2 className="mb-2 text-lg font-bold">
            {t("detail.live", { n: live.number })} · {t(`party.${live.byParty}`)}
          </h2>
          <OfferTermsSummary terms={live} />
          {d.band ? (
            <div className="mt-3">
              <PriceBand band={d.band} priceLakPerKg={live.priceLakPerKg} priceKind="offer" />
            </div>
          ) : null}
          <div className="mt-3">
            <ArithmeticLines
              currency={live.currency}
              lines={d.effective.lines}
              summary={
                <span className="font-semibold">
                  {t("detail.effectivePrice")}: {formatMoney(d.effective.effectiveLakPerKg, live.currency, locale)}/{t("common:units.kg")}
                </span>
              }
            />
            {d.effective.premium ? (
              <div className="mt-1 text-sm">
                <ArithmeticLines
                  currency={live.currency}
                  lines={d.effective.premium.lines}
                  caption={t("compare:premiumArithmetic")}
                  summary={<span>{t("compare:premium", { amount: formatMoney(BigInt(d.effective.premium.premiumLak), live.currency, locale) })}</span>}
                />
              </div>
            ) : null}
          </div>
        </div>
      ) : null}

      {confirming === "accept" ? (
        <OfferConfirmation
          intent="accept"
          revision={d.offer.currentRevision}
          title={t("detail.confirmTitle")}
          consequence={[
            t("detail.confirmText", { company: d.offer.company, price: perKg(d.effective.effectiveLakPerKg) }),
            d.otherLiveOffers > 0 ? t("detail.confirmOthers", { count: d.otherLiveOffers }) : t("detail.confirmNoOthers"),
          ]}
          yes={t("detail.confirmAccept")}
          back={{ to: `/listings/${d.listing.id}/offers`, label: t("detail.backToComparison") }}
        />
      ) : confirming && live ? (
        <OfferConfirmation
          intent={confirming}
          revision={d.offer.currentRevision}
          title={t(confirming === "withdraw" ? "detail.confirmWithdrawTitle" : "detail.confirmCounterTitle")}
          consequence={[
            t(confirming === "withdraw" ? "detail.confirmWithdrawText" : "detail.confirmCounterText", {
              organisation: d.listing.organisation,
              price: perKg(live.priceLakPerKg),
              kg: formatKg(live.quantityKg, locale),
            }),
            t("detail.cannotUndo"),
          ]}
          yes={t(confirming === "withdraw" ? "detail.confirmWithdrawYes" : "detail.confirmCounterYes")}
          back={{ to: `/offers/${d.offer.id}`, label: t("detail.keepOffer") }}
        />
      ) : null}

      <div className="no-print flex flex-wrap gap-3">
        {d.foActions.includes("accept") && !confirmAccept ? confirmLink("accept", t("detail.accept"), "primary") : null}
        {d.foActions.includes("counter") ? (
          <Link
            to={`/offers/${d.offer.id}/respond`}
            className="inline-flex min-h-11 items-center rounded border border-brand-600 bg-white px-4 font-semibold text-brand-700"
          >
            {t("detail.counter")}
          </Link>
        ) : null}
        {d.foActions.includes("reject") ? actionForm("reject", t("detail.reject"), "danger") : null}
        {d.traderActions.includes("acceptCounter") && !confirming ? confirmLink("acceptCounter", t("detail.acceptCounter"), "primary") : null}
        {d.traderActions.includes("revise") ? (
          <Link
            to={`/offers/${d.offer.id}/respond`}
            className="inline-flex min-h-11 items-center rounded border border-brand-600 bg-white px-4 font-semibold text-brand-700"
          >
            {d.offer.status === "countered" ? t("detail.counterAgain") : t("detail.revise")}
          </Link>
        ) : null}
        {d.traderActions.includes("withdraw") && !confirming ? confirmLink("withdraw", t("detail.withdraw"), "danger") : null}
      </div>
      {d.foActions.includes("accept") ? <p className="text-sm text-gray-700">{t("detail.acceptHint")}</p> : null}

      {history.length ? (
        <div className="flex flex-col gap-2">
          <h2 className="text-lg font-bold">{t("detail.history")}</h2>
          {history.map((r) => (
            <details key={r.id} className="rounded border border-gray-200 bg-white p-3">
              <summary>
                {t("detail.revision", { n: r.number, party: t(`party.${r.byParty}`), date: formatDate(r.createdAt, locale) })} ·{" "}
                {formatMoney(r.priceLakPerKg, r.currency, locale)}/{t("common:units.kg")}
              </summary>
              <div className="mt-2">
                <OfferTermsSummary terms={r} />
              </div>
            </details>
          ))}
        </div>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
