import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { CallOffForm, CallOffList, ConfirmAnswer, Fact } from "~/components/framework-parts";
import { TrackRecord } from "~/components/track-record";
import { Link } from "~/components/ui/link";
import { Notice } from "~/components/ui/notice";
import { answerCallOff, answerFramework, giveNotice, loadFramework, proposeCallOff } from "~/domain/frameworks/framework.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { formatDate, formatKg } from "~/utils/format";
import { formDataToObject, parseForm, redisplayValues } from "~/utils/forms";
import { forbidden, notFound, requireUser } from "~/utils/permissions.server";
import { refusalResponse } from "~/utils/refusal-response.server";
import { getRequestState, type RequestState } from "~/utils/request-state.server";
import { AnswerSchema, CallOffIdSchema, CallOffSchema, IntentSchema } from "./schema.server";
import { frameworkView, sideOf } from "./view.server";
import type { Route } from "./+types/detail";

const DONE = ["proposed", "accepted", "declined", "callOffProposed", "callOffAccepted", "callOffDeclined", "notice"] as const;

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const now = new Date();
  const loaded = await loadFramework(db, user, params.frameworkId, now);
  if (!loaded) notFound(state);
  return frameworkView(loaded, state.locale, new URL(request.url).searchParams, now);
}

type Failure = { ok: false; intent: string; fieldErrors: Record<string, string>; values: Record<string, string>; message: string | null };
const failure = (intent: string, message: string | null, status: number, rest: Partial<Failure> = {}) =>
  data<Failure>({ ok: false, intent, fieldErrors: {}, values: {}, message, ...rest }, { status });
/** A refusal of the domain: the 404 page for a framework gone from the user's sight, 403 for a lack of right, 409 beside the form otherwise. */
const refused = (state: RequestState, intent: string, refusal: { reason: string }, values: Record<string, string> = {}) =>
  refusalResponse(state, refusal, {
    messages: "frameworks:errors",
    body: { ok: false as const, intent, fieldErrors: {} as Record<string, string>, values },
    forbidden: ["notAParty"],
  });

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const loaded = await loadFramework(db, user, params.frameworkId);
  if (!loaded) notFound(state);
  // A facilitator of the district reads the framework; only its parties act on it.
  if (!sideOf(loaded.roles)) forbidden(state);
  const page = `/frameworks/${loaded.framework.id}`;
  const formData = await request.formData();
  const intent = IntentSchema.safeParse(formData.get("intent"));
  if (!intent.success) return failure("", "validation:invalidChoice", 400);

  if (intent.data === "proposeCallOff") {
    const parsed = parseForm(CallOffSchema, formData);
    if (!parsed.ok) return failure(intent.data, null, 400, parsed);
    const result = await proposeCallOff(db, user, loaded.framework.id, parsed.data);
    if (result.ok) throw redirect(`${page}?done=callOffProposed#call-offs`);
    return refused(state, intent.data, result, redisplayValues(formDataToObject(formData)));
  }

  if (intent.data === "notice") {
    // Notice ends the framework: only from its confirmation.
    if (formData.get("confirmed") !== "yes") throw redirect(`${page}?confirm=notice#confirm`);
    const result = await giveNotice(db, user, loaded.framework.id);
    if (result.ok) throw redirect(`${page}?done=notice`);
    return refused(state, intent.data, result);
  }

  const answer = AnswerSchema.safeParse(formData.get("answer"));
  if (!answer.success) return failure(intent.data, "validation:invalidChoice", 400);
  if (intent.data === "answer") {
    // An answer is made only from its confirmation; without it, back to the confirmation, nothing changed.
    if (formData.get("confirmed") !== "yes") throw redirect(`${page}?confirm=${answer.data}#confirm`);
    const result = await answerFramework(db, user, loaded.framework.id, answer.data);
    if (result.ok) throw redirect(`${page}?done=${answer.data === "accept" ? "accepted" : "declined"}`);
    return refused(state, intent.data, result);
  }

  const callOffId = CallOffIdSchema.safeParse(formData.get("callOffId"));
  const callOff = callOffId.success ? loaded.framework.callOffs.find((c) => c.id === callOffId.data) : undefined;
  if (!callOff) return failure(intent.data, "frameworks:errors.noCallOff", 400);
  if (formData.get("confirmed") !== "yes") throw redirect(`${page}?confirm=${answer.data}CallOff&callOff=${callOff.id}#confirm`);
  const result = await answerCallOff(db, user, callOff.id, answer.data);
  if (result.ok) throw redirect(`${page}?done=${answer.data === "accept" ? "callOffAccepted" : "callOffDeclined"}#call-offs`);
  return refused(state, intent.data, result);
}

export default function FrameworkDetail() {
  const { t } = useTranslation("frameworks");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const locale = useLocale();
  const f = d.framework;
  const page = `/frameworks/${f.id}`;
  const done = DONE.find((k) => k === params.get("done")) ?? null;
  const callOffFailure = actionData?.intent === "proposeCallOff" ? actionData : null;
  const confirm = actionData ? null : d.confirm;
  const title = t("detail.title", { number: f.number });
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold break-all">{title}</h1>
        <span className="rounded bg-gray-100 px-2 py-0.5 font-semibold">{t(`status.${f.phase}`)}</span>
      </div>
      {done ? <Notice>{t(`done.${done}`)}</Notice> : null}
      {actionData?.message && !callOffFailure ? <Notice tone="error">{t(actionData.message)}</Notice> : null}

      {confirm && (confirm.kind === "accept" || confirm.kind === "decline") ? (
        <ConfirmAnswer
          backHref={page}
          title={t(confirm.kind === "accept" ? "answer.confirmAcceptTitle" : "answer.confirmDeclineTitle")}
          consequence={confirm.kind === "accept" ? t("answer.confirmAccept", { count: f.seasons }) : t("answer.confirmDecline")}
          fields={{ intent: "answer", answer: confirm.kind }}
          yes={t(confirm.kind === "accept" ? "answer.yesAccept" : "answer.yesDecline")}
          danger={confirm.kind === "decline"}
        />
      ) : null}
      {confirm?.kind === "notice" ? (
        <ConfirmAnswer
          backHref={page}
          title={t("notice.confirmTitle")}
          consequence={t("notice.confirm", { days: f.noticeDays, date: formatDate(f.noticeWouldEnd, locale) })}
          fields={{ intent: "notice" }}
          yes={t("notice.yes")}
          danger
        />
      ) : null}
      {confirm && (confirm.kind === "acceptCallOff" || confirm.kind === "declineCallOff") ? (
        <ConfirmAnswer
          backHref={page}
          title={t(confirm.kind === "acceptCallOff" ? "callOffs.confirmAcceptTitle" : "callOffs.confirmDeclineTitle", { season: confirm.callOff.season })}
          consequence={
            confirm.kind === "acceptCallOff"
              ? t("callOffs.confirmAccept", {
                  kg: formatKg(confirm.callOff.quantityKg, locale),
                  date: formatDate(confirm.callOff.deliveryDate, locale),
                  number: f.base.number,
                })
              : t("callOffs.confirmDecline")
          }
          fields={{ intent: "answerCallOff", answer: confirm.kind === "acceptCallOff" ? "accept" : "decline", callOffId: confirm.callOff.id }}
          yes={t(confirm.kind === "acceptCallOff" ? "callOffs.yesAccept" : "callOffs.yesDecline")}
          danger={confirm.kind === "declineCallOff"}
        />
      ) : null}

      <dl>
        <Fact label={t("detail.parties")}>
          {f.fo} · {f.trader}
        </Fact>
        <Fact label={t("detail.crop")}>{f.crop}</Fact>
        <Fact label={t("detail.baseContract")}>
          <Link to={`/contracts/${f.base.id}`} className="text-brand-700 underline">
            {f.base.number}
          </Link>
        </Fact>
        <Fact label={t("detail.seasons")}>{t("detail.seasonsValue", { count: f.seasons, first: f.firstSeason, last: f.lastSeason })}</Fact>
        <Fact label={t("detail.renewal")}>{t(f.renewal === "yearly" ? "propose.renewalYearly" : "propose.renewalNone")}</Fact>
        <Fact label={t("detail.notice")}>{t("detail.noticeValue", { days: f.noticeDays })}</Fact>
        <Fact label={t("detail.firstRefusal")}>{t(f.rightOfFirstRefusal ? "propose.yes" : "propose.no")}</Fact>
        <Fact label={t("detail.proposedBy", { party: t(`party.${f.proposedByParty}`) })}>
          {formatDate(f.proposedAt, locale)}
          {f.answeredAt ? ` · ${t("detail.answered", { date: formatDate(f.answeredAt, locale) })}` : null}
        </Fact>
      </dl>

      {f.status === "proposed" && d.canAnswer && !confirm ? (
        <section aria-labelledby="answer-heading" className="no-print rounded border-2 border-brand-600 bg-white p-4">
          <h2 id="answer-heading" className="text-lg font-bold">
            {t("answer.title")}
          </h2>
          <p className="my-2">{t("answer.hint", { party: t(`party.${f.proposedByParty}`) })}</p>
          <p className="flex flex-wrap gap-3">
            <Link to={`${page}?confirm=accept#confirm`} className="inline-flex min-h-11 items-center rounded bg-brand-600 px-4 font-semibold text-white">
              {t("answer.accept")}
            </Link>
            <Link
              to={`${page}?confirm=decline#confirm`}
              className="inline-flex min-h-11 items-center rounded border border-red-700 bg-white px-4 font-semibold text-red-800"
            >
              {t("answer.decline")}
            </Link>
          </p>
        </section>
      ) : null}
      {f.status === "proposed" && !d.canAnswer && d.side ? <Notice tone="info">{t("detail.waiting")}</Notice> : null}
      {f.status === "declined" ? <Notice tone="warning">{t("detail.declined")}</Notice> : null}
      {f.notice ? (
        <Notice tone={f.phase === "ended" ? "warning" : "info"}>
          {t(f.phase === "ended" ? "notice.ended" : "notice.given", {
            party: t(`party.${f.notice.byParty}`),
            date: formatDate(f.notice.givenAt, locale),
            lastDay: formatDate(f.notice.lastDay, locale),
          })}
        </Notice>
      ) : null}

      {f.status !== "proposed" && f.status !== "declined" ? (
        <section id="call-offs" aria-labelledby="call-offs-heading" className="flex scroll-mt-4 flex-col gap-3">
          <h2 id="call-offs-heading" className="text-xl font-bold">
            {t("callOffs.title")}
          </h2>
          <CallOffList frameworkId={f.id} callOffs={d.callOffs} locale={locale} />
          {callOffFailure?.message ? <Notice tone="error">{t(callOffFailure.message)}</Notice> : null}
          {d.canCallOff ? (
            <CallOffForm
              frameworkId={f.id}
              values={callOffFailure?.values ?? { season: String(d.nextSeason), deliveryDate: toLaoDateInput(addDays(new Date(d.asOf), 60)) }}
              errors={callOffFailure?.fieldErrors ?? {}}
            />
          ) : null}
        </section>
      ) : null}

      {f.status !== "proposed" && f.status !== "declined" ? (
        <section aria-labelledby="framework-track-heading" className="flex flex-col gap-2">
          <h2 id="framework-track-heading" className="text-xl font-bold">
            {t("detail.trackTitle")}
          </h2>
          <p className="text-sm text-gray-700">{t("detail.trackIntro")}</p>
          <TrackRecord record={d.trackRecord.fo} asOf={d.asOf} title={t("detail.trackFo")} headingId="framework-track-fo" />
          <TrackRecord record={d.trackRecord.trader} asOf={d.asOf} title={t("detail.trackTrader")} headingId="framework-track-trader" />
        </section>
      ) : null}

      {d.canGiveNotice && !confirm ? (
        <section aria-labelledby="notice-heading" className="no-print rounded border border-red-700 bg-white p-4">
          <h2 id="notice-heading" className="text-lg font-bold">
            {t("notice.title")}
          </h2>
          <p className="my-2">{t("notice.hint", { days: f.noticeDays })}</p>
          <Link
            to={`${page}?confirm=notice#confirm`}
            className="inline-flex min-h-11 items-center rounded border border-red-700 bg-white px-4 font-semibold text-red-800"
          >
            {t("notice.give")}
          </Link>
        </section>
      ) : null}

      <details className="rounded border border-gray-200 bg-white p-4" open={d.canAnswer}>
        <summary className="text-lg font-bold">{t("detail.fullText")}</summary>
        <div className="mt-2 whitespace-pre-line break-words">{f.text}</div>
      </details>
      <details className="rounded border border-gray-200 bg-white p-4">
        <summary className="font-bold">{t("detail.otherLanguage")}</summary>
        <div className="mt-2 whitespace-pre-line break-words" lang={locale === "lo" ? "en" : "lo"}>
          {f.otherText}
        </div>
      </details>
      <p className="break-all text-xs text-gray-600">{t("detail.hash", { hash: f.sha256 })}</p>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
