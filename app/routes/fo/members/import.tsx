import { TextAreaField } from "~/components/ui/field";
import { useTranslation, useLocale } from "~/utils/i18n-react";
import { data, Form, useActionData, useLoaderData } from "react-router";
import { Link } from "~/components/ui/link";
import { Button } from "~/components/ui/button";
import { Notice } from "~/components/ui/notice";
import { CSV_COLUMNS, MAX_CSV_ROWS, SAMPLE_HEADER, SAMPLE_HEADER_LO } from "~/domain/members/records";
import { importMembers } from "~/domain/members/import.server";
import { localName } from "~/utils/i18n";
import { db } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/import";
import { requireRegister } from "./access.server";
import { registerPath } from "./paths";
import { readMemberUpload } from "./import-upload.server";

export async function loader({ params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const { organisation, villageNames } = await requireRegister(state, params.organisationId);
  return {
    organisation,
    villages: villageNames.map((v) => ({ id: v.id, local: localName(v, state.locale), nameLo: v.nameLo, nameEn: v.nameEn })),
    sampleVillage: villageNames[0] ? localName(villageNames[0], state.locale) : "",
    maxRows: MAX_CSV_ROWS,
  };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const state = getRequestState(context);
  const { user, organisation } = await requireRegister(state, params.organisationId);
  const upload = await readMemberUpload(request);
  if (!upload.ok) return data({ outcome: "failed" as const, error: upload.error, pasted: upload.pasted }, { status: 400 });
  const result = await importMembers(db, user, organisation.id, upload.records);
  if (result.outcome === "imported") return data({ ...result, pasted: "" }, { status: 200 });
  return data({ ...result, pasted: upload.pasted }, { status: 400 });
}

function Report() {
  const { t } = useTranslation("members");
  const { organisation, villages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (!result) return null;
  if (result.outcome === "failed") return <Notice tone="error">{t(result.error.key, result.error.params)}</Notice>;
  if (result.outcome === "imported") {
    const villageName = new Map(villages.map((v) => [v.id, v.local]));
    return (
      <section aria-labelledby="import-report" className="flex flex-col gap-2">
        <Notice>{t("import.importedSummary", { count: result.total })}</Notice>
        <p>
          <Link to={registerPath(organisation.id)} className="text-brand-700 underline">
            {t("actions.backToRegister", { organisation: organisation.name })}
          </Link>
        </p>
        <h2 id="import-report" className="text-lg font-bold">
          {t("import.report.importedHeading")}
        </h2>
        <div>
          <table className="card-table w-full border-collapse bg-white text-left">
            <thead>
              <tr className="border-b border-gray-300">
                <th scope="col" className="p-2">
                  {t("import.report.row")}
                </th>
                <th scope="col" className="p-2">
                  {t("import.report.name")}
                </th>
                <th scope="col" className="p-2">
                  {t("import.report.village")}
                </th>
              </tr>
            </thead>
            <tbody>
              {result.imported.map((r) => (
                <tr key={r.row} className="border-b border-gray-200">
                  <td className="p-2" data-label={t("import.report.row")}>
                    {r.row}
                  </td>
                  <td className="p-2" data-label={t("import.report.name")}>
                    {r.name}
                  </td>
                  <td className="p-2" data-label={t("import.report.village")}>
                    {villageName.get(r.villageId)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    );
  }
  return (
    <section aria-labelledby="import-report" className="flex flex-col gap-2">
      <Notice tone="error">{t("import.rejectedSummary", { count: result.rejected.length, total: result.total })}</Notice>
      <h2 id="import-report" className="text-lg font-bold">
        {t("import.report.rejectedHeading")}
      </h2>
      <div>
        <table className="card-table w-full border-collapse bg-white text-left">
          <thead>
            <tr className="border-b border-gray-300">
              <th scope="col" className="p-2">
                {t("import.report.row")}
              </th>
              <th scope="col" className="p-2">
                {t("import.report.name")}
              </th>
              <th scope="col" className="p-2">
                {t("import.report.problems")}
              </th>
            </tr>
          </thead>
          <tbody>
            {result.rejected.map((r) => (
              <tr key={r.row} className="border-b border-gray-200 align-top">
                <td className="p-2" data-label={t("import.report.row")}>
                  {r.row}
                </td>
                <td className="p-2" data-label={t("import.report.name")}>
                  {r.name}
                </td>
                <td className="p-2" data-label={t("import.report.problems")}>
                  <ul className="flex flex-col gap-1">
                    {r.problems.map((p) => (
                      <li key={p.column}>
                        <span className="font-semibold">{t(`import.columnLabels.${p.column}`)}</span> (<code>{p.column}</code>): {t(p.reason, p.params)}
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function ImportMembers() {
  const { t } = useTranslation("members");
  const { organisation, villages, sampleVillage, maxRows } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const result = useActionData<typeof action>();
  return (
    <section className="flex flex-col gap-4">
      <title>{t("import.title")}</title>
      <p>
        <Link to={registerPath(organisation.id)} className="text-brand-700 underline">
          {t("actions.backToRegister", { organisation: organisation.name })}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t("import.title")}</h1>
      <p>{t("import.intro")}</p>
      <Report />

      <Form method="post" encType="multipart/form-data" className="flex flex-col gap-4 rounded border border-gray-200 bg-white p-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="members-file" className="font-semibold text-earth-900">
            {t("import.file")}
          </label>
          <p id="members-file-hint" className="text-sm text-gray-600">
            {t("import.fileHint", { rows: formatNumber(maxRows, locale) })}
          </p>
          <input
            id="members-file"
            type="file"
            name="file"
            accept=".csv,text/csv,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby="members-file-hint"
          />
        </div>
        <TextAreaField name="csv" label={t("import.paste")} hint={t("import.pasteHint")} rows={6} defaultValue={result?.pasted ?? ""} mono />
        <Button>{t("import.submit")}</Button>
      </Form>

      <section aria-labelledby="csv-format" className="flex flex-col gap-2">
        <h2 id="csv-format" className="text-lg font-bold">
          {t("import.formatHeading")}
        </h2>
        <p>{t("import.formatText")}</p>
        <pre className="rounded bg-gray-100 p-3 text-sm break-all whitespace-pre-wrap">
          {locale === "lo" ? SAMPLE_HEADER_LO : SAMPLE_HEADER}
          {"\n"}
          {t("import.sampleRow", { village: sampleVillage })}
        </pre>
        <dl className="flex flex-col gap-1">
          {CSV_COLUMNS.map((column) => (
            <div key={column}>
              <dt className="inline font-semibold">
                {t(`import.columnLabels.${column}`, { lng: "lo" })} / <span className="font-mono">{column}</span>:
              </dt>{" "}
              <dd className="inline">{t(`import.columnHelp.${column}`)}</dd>
            </div>
          ))}
        </dl>
        <h3 className="font-bold">{t("import.villagesHeading", { district: organisation.district })}</h3>
        <ul className="columns-2 text-sm sm:columns-3">
          {villages.map((v) => (
            <li key={v.id}>
              {v.local} ({locale === "lo" ? v.nameEn : v.nameLo})
            </li>
          ))}
        </ul>
      </section>
    </section>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/components/general-error-boundary";
