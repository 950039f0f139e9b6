// A dispute as both parties and the facilitator read it: what was raised, by
// whom, the answer, the outcome and the log of every step; the step forms the
// reader may use follow it (children).
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button } from "~/components/ui/button";
import type { DisputeIntent } from "~/domain/disputes/dispute-categories";
import { formatDateTime } from "~/domain/notifications/kinds";
import { formatDate } from "~/utils/format";
import { useLocale, useTranslation } from "~/utils/i18n-react";

export interface DisputeView {
  id: string;
  category: string;
  raisedByParty: string;
  raisedBy: string;
  statement: string;
  createdAt: string;
  answer: string | null;
  answeredAt: string | null;
  status: string;
  outcome: string | null;
  resolvedAt: string | null;
  entries: { id: string; kind: string; note: string; author: string; createdAt: string }[];
}

export function DisputeRecord({ dispute, children }: { dispute: DisputeView; children?: ReactNode }) {
  const { t } = useTranslation("disputes");
  const locale = useLocale();
  return (
    <article className="flex flex-col gap-3 rounded border border-gray-200 bg-white p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-lg font-bold">{t(`category.${dispute.category}`)}</h2>
        <span className="rounded bg-gray-100 px-2 py-0.5 font-semibold">{t(`status.${dispute.status}`)}</span>
      </div>
      <p className="text-sm text-gray-700">
        {t("item.raisedBy", { party: t(`party.${dispute.raisedByParty}`), name: dispute.raisedBy, date: formatDate(dispute.createdAt, locale) })}
      </p>
      <div>
        <h3 className="font-semibold">{t("item.statement")}</h3>
        <p className="whitespace-pre-line">{dispute.statement}</p>
      </div>
      <div>
        <h3 className="font-semibold">{t("item.answer")}</h3>
        {dispute.answer ? (
          <>
            <p className="whitespace-pre-line">{dispute.answer}</p>
            {dispute.answeredAt ? <p className="text-sm text-gray-700">{t("item.answeredAt", { date: formatDate(dispute.answeredAt, locale) })}</p> : null}
          </>
        ) : (
          <p className="text-sm">{t("item.noAnswer")}</p>
        )}
      </div>
      {dispute.outcome ? (
        <div className="rounded border-l-4 border-brand-600 bg-brand-50 p-3">
          <h3 className="font-semibold">{t("item.outcome")}</h3>
          <p className="whitespace-pre-line">{dispute.outcome}</p>
          {dispute.resolvedAt ? <p className="text-sm text-gray-700">{t("item.resolvedAt", { date: formatDate(dispute.resolvedAt, locale) })}</p> : null}
        </div>
      ) : null}
      <div>
        <h3 className="font-semibold">{t("item.log")}</h3>
        {dispute.entries.length === 0 ? (
          <p className="text-sm">{t("item.logEmpty")}</p>
        ) : (
          <ol className="flex flex-col gap-2">
            {dispute.entries.map((e) => (
              <li key={e.id} className="border-l-2 border-gray-300 pl-3">
                <p className="text-sm text-gray-700">
                  <time dateTime={e.createdAt}>
                    {t("item.entryBy", { date: formatDateTime(e.createdAt, locale), kind: t(`entryKind.${e.kind}`), name: e.author })}
                  </time>
                </p>
                <p className="whitespace-pre-line">{e.note}</p>
              </li>
            ))}
          </ol>
        )}
      </div>
      {children}
    </article>
  );
}

/** One step of a dispute (raise, answer, mediate, resolve): its own form, sent with its intent. */
export function StepForm({
  intent,
  disputeId,
  title,
  children,
  submit,
  extra,
}: {
  intent: DisputeIntent;
  disputeId?: string;
  title: string;
  children: ReactNode;
  submit: string;
  extra?: ReactNode;
}) {
  return (
    <Form method="post" noValidate className="no-print flex flex-col gap-3 rounded border border-brand-600 bg-white p-3">
      <h3 className="font-bold">{title}</h3>
      <input type="hidden" name="intent" value={intent} />
      {disputeId ? <input type="hidden" name="disputeId" value={disputeId} /> : null}
      {extra}
      {children}
      <Button className="self-start">{submit}</Button>
    </Form>
  );
}
