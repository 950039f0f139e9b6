import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Link } from "~/components/ui/link";
import { ComparedOffers, type ComparedRow } from "~/components/offer-comparison";
import { ExpectedContentForm } from "~/components/expected-content";
import { Button } from "~/components/ui/button";
import { TextField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import { expectedContentOf } from "~/domain/listings/expected-content";
import { expectedMoistureOf } from "~/domain/listings/expected-moisture";
import { setExpectedContent, setExpectedMoisture } from "~/domain/listings/listings.server";
import { isLive } from "~/domain/listings/status";
import { DEFAULT_MONTHLY_RATE_PERMILLE, serialiseLines } from "~/domain/offers/effective-price";
import { exportParityOf, rankOffers } from "~/domain/offers/offer-comparison";
import { foActions, isOfferLive, offerDisplayStatus } from "~/domain/offers/offer-status";
import { comparableTerms, comparisonContext, evaluationView } from "~/domain/offers/offer-view.server";
import { permilleToPercentInput } from "~/domain/offers/offer-form-values";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formatMonth, formatPermilleAsPercent } from "~/utils/format";
import { formDataToObject, issuesToFieldErrors, redisplayValues, type FieldErrors } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { comparisonListing, offersToCompare } from "./compare.server";
import { CompareActionSchema } from "./compare-schema.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/compare";

/** The listing and who this user is to it; traders and outsiders get not found, as for any record they may not see. */
async function access(state: ReturnType<typeof getRequestState>, listingId: string) {
  const user = requireUser(state);
  const listing = await comparisonListing(listingId, user.id);
  if (!listing || listing.status === "draft") notFound(state);
  const leads = user.roles.includes("fo_leader") && listing.leads;
  const facilitates = user.roles.includes("facilitator") && listing.facilitates;
  if (!leads && !facilitates) notFound(state);
  return { user, listing, leads };
}

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { listing, leads } = await access(state, params.listingId);
  const now = new Date();
  const listingLive = isLive(listing, now);
  const expected = expectedMoistureOf(listing, listing.crop);
  const content = expectedContentOf(listing, listing.crop);
  const offers = (await offersToCompare(listing.id)).map((o) => {
    const live = o.revisions[0]!;
    // Offers are compared on what the trader proposed; an FO counter waiting for an answer is shown beside it.
    const traderTerms = o.revisions.find((r) => r.byParty === "trader") ?? live;
    return { o, live, traderTerms };
  });
  const ranked = (list: typeof offers) =>
    rankOffers(
      list,
      (x) => ({ terms: comparableTerms(x.traderTerms, content?.measure ?? null), createdAt: x.o.createdAt }),
      comparisonContext(expected, content),
      listing.totalKg,
    ).map(({ item: { o, live, traderTerms }, evaluation, shortfall }): ComparedRow => ({
      id: o.id,
      company: o.company,
      companyId: o.companyId,
      status: offerDisplayStatus({ status: o.status, validUntil: live.validUntil }, now),
      counterLakPerKg: live.byParty === "fo" ? live.priceLakPerKg : null,
      priceLakPerKg: traderTerms.priceLakPerKg,
      floorPriceLakPerKg: traderTerms.floorPriceLakPerKg,
      exportParity: exportParityOf(traderTerms),
      quantityKg: traderTerms.quantityKg,
      paymentDays: traderTerms.paymentDays,
      effective: evaluationView(evaluation),
      shortfall: shortfall ? { differenceLak: shortfall.differenceLak.toString(), lines: serialiseLines(shortfall.lines) } : null,
      actions: leads ? foActions({ status: o.status, validUntil: live.validUntil }, listingLive, now) : [],
    }));
  return {
    listing: { id: listing.id, title: `${localName(listing.crop, state.locale)}, ${localName(listing.grade, state.locale)}`, totalKg: listing.totalKg },
    rate: DEFAULT_MONTHLY_RATE_PERMILLE,
    expected: {
      permille: expected.permille,
      source: expected.source,
      harvest: expected.harvest
        ? { from: formatMonth(expected.harvest.fromMonth, state.locale), to: formatMonth(expected.harvest.toMonth, state.locale) }
        : null,
      standardPermille: listing.crop.standardMoisturePermille,
      crop: localName(listing.crop, state.locale),
      input: listing.expectedMoisturePermille === null ? "" : permilleToPercentInput(listing.expectedMoisturePermille),
    },
    content: content
      ? {
          measure: content.measure,
          permille: content.permille,
          source: content.source,
          input: listing.expectedContentPermille === null ? "" : permilleToPercentInput(listing.expectedContentPermille),
        }
      : null,
    // Rubber cup lump and fresh cassava roots have no moisture standard: only their content is priced.
    asksMoisture: !content || listing.crop.standardMoisturePermille > 0,
    canSetMoisture: leads && listingLive,
    live: ranked(offers.filter((x) => isOfferLive(x.o))),
    closed: ranked(offers.filter((x) => !isOfferLive(x.o))).map((r) => ({ ...r, shortfall: null })),
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, listing, leads } = await access(state, params.listingId);
  // A facilitator sees the comparison but the FO states its own moisture.
  if (!leads) forbidden(state);
  const formData = await request.formData();
  const raw = formDataToObject(formData);
  const parsed = CompareActionSchema.safeParse(raw);
  // Which of the page's two forms answered, so that its own errors show beside it.
  const intent = raw.intent === "expectedContent" ? ("expectedContent" as const) : ("expectedMoisture" as const);
  if (!parsed.success)
    return data({ intent, fieldErrors: issuesToFieldErrors(parsed.error.issues), values: redisplayValues(raw), message: null }, { status: 400 });
  const answer = parsed.data;
  if (answer.intent === "expectedContent" && !listing.crop.contentMeasure)
    return data(
      { intent, fieldErrors: { expectedContent: "validation:invalidChoice" } as FieldErrors, values: redisplayValues(raw), message: null },
      { status: 400 },
    );
  const result =
    answer.intent === "expectedContent"
      ? await setExpectedContent(db, user, listing.id, answer.expectedContent ?? null)
      : await setExpectedMoisture(db, user, listing.id, answer.expectedMoisture ?? null);
  if (result.ok) throw redirect(`/listings/${listing.id}/offers?saved=${answer.intent === "expectedContent" ? "content" : "moisture"}`);
  if ("fieldErrors" in result || result.reason === "notFound") notFound(state);
  const message = result.reason === "notAllowed" ? "compare:errors.notAllowed" : `listings:errors.${result.reason}`;
  return data({ intent, fieldErrors: {} as FieldErrors, values: redisplayValues(raw), message }, { status: 409 });
}

function ExpectedMoisture() {
  const { t } = useTranslation("compare");
  const d = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>();
  const actionData = answered?.intent === "expectedMoisture" ? answered : undefined;
  const locale = useLocale();
  const e = d.expected;
  const percent = (p: number) => formatPermilleAsPercent(p, locale);
  const standard = percent(e.standardPermille);
  const explanation =
    e.source === "stated"
      ? t("moisture.stated", { percent: percent(e.permille) })
      : e.source === "harvest" && e.harvest
        ? t("moisture.harvest", { crop: e.crop, from: e.harvest.from, to: e.harvest.to, percent: percent(e.permille), standard })
        : t("moisture.standard", { standard });
  return (
    <section aria-labelledby="expected-moisture" className="rounded border border-gray-200 bg-white p-3">
      <h2 id="expected-moisture" className="text-lg font-bold">
        {t("moisture.title")}: {percent(e.permille)}
      </h2>
      <p>{explanation}</p>
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}
      {d.canSetMoisture ? (
        <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate>
          <input type="hidden" name="intent" value="expectedMoisture" />
          <div className="w-64">
            <TextField
              name="expectedMoisture"
              inputMode="decimal"
              label={t("moisture.label")}
              hint={t("moisture.hint")}
              defaultValue={actionData ? (actionData.values.expectedMoisture ?? "") : e.input}
              error={actionData?.fieldErrors.expectedMoisture}
            />
          </div>
          <Button variant="secondary">{t("moisture.save")}</Button>
        </Form>
      ) : null}
    </section>
  );
}

export default function CompareOffers() {
  const { t } = useTranslation("compare");
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const locale = useLocale();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("title")}</title>
      <h1 className="text-2xl font-bold">{t("title")}</h1>
      <p>
        <Link to={`/listings/${d.listing.id}`} className="text-brand-700 underline">
          {d.listing.title}
        </Link>
      </p>
      {params.get("saved") === "moisture" ? <Notice>{t("moisture.saved")}</Notice> : null}
      {params.get("saved") === "content" ? <Notice>{t("content.saved")}</Notice> : null}
      {d.asksMoisture ? <ExpectedMoisture /> : null}
      {d.content ? (
        <ExpectedContentForm content={d.content} canSet={d.canSetMoisture} actionData={actionData?.intent === "expectedContent" ? actionData : undefined} />
      ) : null}
      <p>{t("intro", { rate: formatPermilleAsPercent(d.rate, locale) })}</p>
      {d.live.length === 0 ? <p>{t("empty")}</p> : <ComparedOffers rows={d.live} ranked listingKg={d.listing.totalKg} />}
      {d.closed.length ? (
        <>
          <h2 className="text-lg font-bold">{t("closed")}</h2>
          <ComparedOffers rows={d.closed} ranked={false} listingKg={d.listing.totalKg} />
        </>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
