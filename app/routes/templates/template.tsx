import { useTranslation } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData, useSearchParams } from "react-router";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { placeholderNames } from "~/domain/contracts/placeholder-values";
import { readClauses, type ContractClause } from "~/domain/contracts/clauses";
import { checkStoredTemplate, publishTemplate, saveDraftClauses } from "~/domain/contracts/templates.server";
import { TemplateCheckList } from "~/components/template-check";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formDataToObject } from "~/utils/forms";
import { notFound, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/template";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  requireUserWithRole(state, ["facilitator", "admin"]);
  const template = await db.contractTemplate.findUnique({ where: { id: params.templateId } });
  if (!template) notFound(state);
  return {
    template: { id: template.id, name: localName(template, state.locale), version: template.version, status: template.status },
    legalBasis: { lo: template.legalBasisLo ?? "", en: template.legalBasisEn ?? "" },
    clauses: readClauses(template.clauses),
    placeholders: [...placeholderNames],
    check: checkStoredTemplate(template),
  };
}

const FIELDS = ["titleLo", "titleEn", "bodyLo", "bodyEn"] as const;

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["facilitator", "admin"]);
  const template = await db.contractTemplate.findUnique({ where: { id: params.templateId }, select: { clauses: true } });
  if (!template) notFound(state);
  const raw = formDataToObject(await request.formData());
  if (raw.intent === "publish") {
    const result = await publishTemplate(db, user, params.templateId);
    return result.ok
      ? { ok: true as const, message: "templates:published", fieldErrors: {} }
      : data(
          { ok: false as const, message: "reason" in result ? `templates:errors.${result.reason}` : "validation:invalid", fieldErrors: {} },
          { status: 409 },
        );
  }
  const clauses: ContractClause[] = readClauses(template.clauses).map((clause, i) => {
    const next = { ...clause };
    for (const field of FIELDS) {
      const value = raw[`clause.${i}.${field}`];
      if (typeof value === "string") next[field] = value.replace(/\r\n/g, "\n").trim();
    }
    return next;
  });
  const basis = (field: string) => (typeof raw[field] === "string" ? (raw[field] as string).replace(/\r\n/g, "\n") : "");
  const result = await saveDraftClauses(db, user, params.templateId, clauses, { lo: basis("legalBasisLo"), en: basis("legalBasisEn") });
  if (result.ok) return { ok: true as const, message: "templates:saved", fieldErrors: {} };
  if ("fieldErrors" in result) return data({ ok: false as const, message: "validation:formHasErrors", fieldErrors: result.fieldErrors }, { status: 400 });
  return data({ ok: false as const, message: `templates:errors.${result.reason}`, fieldErrors: {} }, { status: 409 });
}

export default function TemplateVersion() {
  const { t } = useTranslation("templates");
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors: Record<string, string> = actionData?.fieldErrors ?? {};
  const draft = d.template.status === "draft";
  return (
    <section className="flex flex-col gap-4">
      <title>{`${d.template.name} · ${t("version", { version: d.template.version })}`}</title>
      <h1 className="text-2xl font-bold">
        {d.template.name} · {t("version", { version: d.template.version })}
      </h1>
      <p>{t(`status.${d.template.status}`)}</p>
      {params.get("done") === "drafted" ? <Notice>{t("drafted")}</Notice> : null}
      {actionData ? <Notice tone={actionData.ok ? "info" : "error"}>{t(actionData.message)}</Notice> : null}
      {!draft ? <Notice>{t("frozen")}</Notice> : null}
      {draft ? (
        <details className="rounded border border-gray-200 bg-white p-3">
          <summary className="font-semibold">{t("placeholders")}</summary>
          <p className="mt-2 font-mono text-sm">{d.placeholders.map((p) => `{{${p}}}`).join(" ")}</p>
        </details>
      ) : null}
      <Form method="post" className="flex flex-col gap-4" noValidate>
        <fieldset className="rounded border border-gray-200 bg-white p-3">
          <legend className="text-xl font-bold">{t("legalBasis.title")}</legend>
          <p className="mb-2 text-sm">{t("legalBasis.hint")}</p>
          {(["legalBasisLo", "legalBasisEn"] as const).map((field) => {
            const value = field === "legalBasisLo" ? d.legalBasis.lo : d.legalBasis.en;
            const lang = field === "legalBasisLo" ? "lo" : "en";
            return (
              <div key={field} className="mb-2 flex flex-col gap-1">
                <label htmlFor={field} className="text-sm font-semibold">
                  {t(`legalBasis.${lang}`)}
                </label>
                {draft ? (
                  <textarea
                    id={field}
                    name={field}
                    defaultValue={value}
                    rows={2}
                    lang={lang}
                    aria-invalid={errors[field] ? true : undefined}
                    className="rounded border border-gray-400 p-2 aria-[invalid=true]:border-red-700"
                  />
                ) : (
                  <p id={field} lang={lang}>
                    {value || t("legalBasis.none")}
                  </p>
                )}
                {errors[field] ? <p className="text-sm font-semibold text-red-700">{t(errors[field])}</p> : null}
              </div>
            );
          })}
        </fieldset>
        <h2 className="text-xl font-bold">{t("clauses")}</h2>
        <ol className="flex flex-col gap-4">
          {d.clauses.map((clause, i) => (
            <li key={clause.key} className="rounded border border-gray-200 bg-white p-3">
              {FIELDS.map((field) => {
                const name = `clause.${i}.${field}`;
                const label = t(
                  field === "titleLo" ? "clauseTitleLo" : field === "titleEn" ? "clauseTitleEn" : field === "bodyLo" ? "clauseBodyLo" : "clauseBodyEn",
                );
                return (
                  <div key={field} className="mb-2 flex flex-col gap-1">
                    <label htmlFor={name} className="text-sm font-semibold">
                      {i + 1}. {label}
                    </label>
                    {draft ? (
                      <textarea
                        id={name}
                        name={name}
                        defaultValue={clause[field]}
                        rows={field.startsWith("body") ? 5 : 1}
                        lang={field.endsWith("Lo") ? "lo" : "en"}
                        aria-invalid={errors[name] ? true : undefined}
                        className="rounded border border-gray-400 p-2 aria-[invalid=true]:border-red-700"
                      />
                    ) : (
                      <p id={name} lang={field.endsWith("Lo") ? "lo" : "en"} className="whitespace-pre-line">
                        {clause[field]}
                      </p>
                    )}
                    {errors[name] ? <p className="text-sm font-semibold text-red-700">{t(errors[name])}</p> : null}
                  </div>
                );
              })}
            </li>
          ))}
        </ol>
        {draft ? (
          <Button name="intent" value="save">
            {t("save")}
          </Button>
        ) : null}
      </Form>
      <TemplateCheckList check={d.check} />
      {draft ? (
        <Form method="post" className="flex flex-col gap-2">
          <p className="text-sm">{t("publishHint")}</p>
          <Button name="intent" value="publish">
            {t("publish")}
          </Button>
        </Form>
      ) : null}
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
