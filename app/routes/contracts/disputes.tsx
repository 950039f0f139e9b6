import { useTranslation } from "~/utils/i18n-react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { DisputeRecord, StepForm } from "~/components/dispute-record";
import { Link } from "~/components/ui/link";
import { SelectField, TextAreaField } from "~/components/ui/field";
import { Notice } from "~/components/ui/notice";
import {
  AnswerDisputeSchema,
  disputeCategories,
  DisputeIntentSchema,
  MediationNoteSchema,
  RaiseDisputeSchema,
  ResolveDisputeSchema,
  type DisputeIntent,
} from "~/domain/disputes/dispute-categories";
import { addMediationNote, answerDispute, loadDisputesFor, raiseDispute, resolveDispute, type DisputeResult } from "~/domain/disputes/disputes.server";
import { db } from "~/utils/db.server";
import { formFailure, parseForm, type FieldErrors } from "~/utils/forms";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/disputes";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadDisputesFor(db, user, params.contractId);
  if (!found) notFound(state);
  const { contract } = found;
  return {
    contract: { id: contract.id, number: contract.number, status: contract.status },
    isParty: found.roles.fo || found.roles.trader,
    raiseAs: found.raiseAs,
    disputes: found.disputes.map((d) => ({
      id: d.id,
      category: d.category,
      raisedByParty: d.raisedByParty,
      raisedBy: d.raisedBy.name,
      statement: d.statement,
      createdAt: d.createdAt.toISOString(),
      answer: d.answer,
      answeredAt: d.answeredAt?.toISOString() ?? null,
      status: d.status,
      outcome: d.outcome,
      resolvedAt: d.resolvedAt?.toISOString() ?? null,
      version: d.version,
      entries: d.entries.map((e) => ({ id: e.id, kind: e.kind, note: e.note, author: e.author.name, createdAt: e.createdAt.toISOString() })),
      canAnswer: d.canAnswer,
      canMediate: d.canMediate,
    })),
  };
}

type Failure = {
  ok: false;
  intent: DisputeIntent | null;
  disputeId: string | null;
  fieldErrors: FieldErrors;
  values: Record<string, string>;
  message: string | null;
};

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const found = await loadDisputesFor(db, user, params.contractId);
  if (!found) notFound(state);
  const formData = await request.formData();
  const fail = (intent: DisputeIntent | null, fieldErrors: FieldErrors, message: string | null, status: number) =>
    data<Failure>({ ...formFailure(fieldErrors, formData), intent, disputeId: String(formData.get("disputeId") ?? "") || null, message }, { status });

  const chosen = parseForm(DisputeIntentSchema, formData);
  if (!chosen.ok) return fail(null, {}, "validation:invalidChoice", 400);
  const intent = chosen.data.intent;
  // A dispute named in the form must be one of this contract's.
  const disputeId = String(formData.get("disputeId") ?? "");
  if (intent !== "raise" && !found.disputes.some((d) => d.id === disputeId)) notFound(state);

  let result: DisputeResult;
  if (intent === "raise") {
    const parsed = parseForm(RaiseDisputeSchema, formData);
    if (!parsed.ok) return fail(intent, parsed.fieldErrors, null, 400);
    result = await raiseDispute(db, user, found.contract.id, parsed.data);
  } else if (intent === "answer") {
    const parsed = parseForm(AnswerDisputeSchema, formData);
    if (!parsed.ok) return fail(intent, parsed.fieldErrors, null, 400);
    result = await answerDispute(db, user, disputeId, { answer: parsed.data.answer });
  } else if (intent === "mediate") {
    const parsed = parseForm(MediationNoteSchema, formData);
    if (!parsed.ok) return fail(intent, parsed.fieldErrors, null, 400);
    result = await addMediationNote(db, user, disputeId, { note: parsed.data.note });
  } else {
    const parsed = parseForm(ResolveDisputeSchema, formData);
    if (!parsed.ok) return fail(intent, parsed.fieldErrors, null, 400);
    result = await resolveDispute(db, user, disputeId, { outcome: parsed.data.outcome, expectedVersion: parsed.data.version });
  }

  if (result.ok) {
    const done =
      intent === "raise"
        ? "raised"
        : intent === "answer"
          ? "answered"
          : intent === "mediate"
            ? "mediated"
            : result.contractStatus === "active"
              ? "contractActive"
              : "resolved";
    throw redirect(`/contracts/${found.contract.id}/disputes?done=${done}`);
  }
  if ("fieldErrors" in result) return fail(intent, result.fieldErrors, null, 400);
  if (result.reason === "notFound") notFound(state);
  return fail(intent, {}, `disputes:errors.${result.reason}`, result.reason === "notAllowed" ? 403 : 409);
}

const DONE = ["raised", "answered", "mediated", "resolved", "contractActive"];

export default function ContractDisputes() {
  const { t } = useTranslation("disputes");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [search] = useSearchParams();
  const done = search.get("done");
  // Errors and typed values go back to the one form that was sent.
  const sent = (intent: DisputeIntent, disputeId?: string) =>
    actionData && actionData.intent === intent && (intent === "raise" || actionData.disputeId === disputeId) ? actionData : null;
  const raise = sent("raise");
  const title = t("title", { number: d.contract.number });
  return (
    <section className="flex flex-col gap-4">
      <title>{title}</title>
      <h1 className="text-2xl font-bold">{title}</h1>
      <p className="flex flex-wrap gap-3">
        <Link to={`/contracts/${d.contract.id}`} className="text-brand-700 underline">
          {t("backToContract", { number: d.contract.number })}
        </Link>
        <span className="rounded bg-gray-100 px-2 py-0.5 font-semibold">{t("contractStatus", { status: t(`contracts:status.${d.contract.status}`) })}</span>
      </p>
      <p className="text-sm text-gray-700">{t("intro")}</p>
      {done && DONE.includes(done) ? <Notice>{t(`done.${done}`)}</Notice> : null}
      {actionData?.message ? <Notice tone="error">{t(actionData.message)}</Notice> : null}

      {d.raiseAs.length ? (
        <StepForm
          intent="raise"
          title={t("raise.title")}
          submit={t("raise.submit")}
          extra={
            d.raiseAs.length === 1 ? (
              <input type="hidden" name="party" value={d.raiseAs[0]} />
            ) : (
              <SelectField
                name="party"
                label={t("raise.party")}
                options={d.raiseAs.map((p) => ({ value: p, label: t(`party.${p}`) }))}
                defaultValue={raise?.values.party}
                error={raise?.fieldErrors.party}
              />
            )
          }
        >
          <SelectField
            name="category"
            label={t("raise.category")}
            placeholder={t("raise.categoryPlaceholder")}
            options={disputeCategories.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            defaultValue={raise?.values.category}
            error={raise?.fieldErrors.category}
          />
          <TextAreaField
            name="statement"
            label={t("raise.statement")}
            hint={t("raise.statementHint")}
            defaultValue={raise?.values.statement}
            error={raise?.fieldErrors.statement}
          />
        </StepForm>
      ) : d.isParty ? (
        <p className="text-sm">{t("raise.notDisputable")}</p>
      ) : null}

      {d.disputes.length === 0 ? <p>{t("empty")}</p> : null}
      {d.disputes.map((x) => {
        const answer = sent("answer", x.id);
        const mediate = sent("mediate", x.id);
        const resolve = sent("resolve", x.id);
        return (
          <DisputeRecord key={x.id} dispute={x}>
            {x.canAnswer ? (
              <StepForm intent="answer" disputeId={x.id} title={t("answer.title")} submit={t("answer.submit")}>
                <TextAreaField
                  name="answer"
                  label={t("answer.label")}
                  hint={t("answer.hint")}
                  defaultValue={answer?.values.answer}
                  error={answer?.fieldErrors.answer}
                />
              </StepForm>
            ) : null}
            {x.canMediate ? (
              <>
                <StepForm intent="mediate" disputeId={x.id} title={t("mediate.title")} submit={t("mediate.submit")}>
                  <TextAreaField
                    name="note"
                    label={t("mediate.note")}
                    hint={t("mediate.hint")}
                    defaultValue={mediate?.values.note}
                    error={mediate?.fieldErrors.note}
                  />
                </StepForm>
                <StepForm
                  intent="resolve"
                  disputeId={x.id}
                  title={t("resolve.title")}
                  submit={t("resolve.submit")}
                  extra={<input type="hidden" name="version" value={x.version} />}
                >
                  <TextAreaField
                    name="outcome"
                    label={t("resolve.outcome")}
                    hint={t("resolve.hint")}
                    defaultValue={resolve?.values.outcome}
                    error={resolve?.fieldErrors.outcome}
                  />
                </StepForm>
              </>
            ) : null}
          </DisputeRecord>
        );
      })}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
