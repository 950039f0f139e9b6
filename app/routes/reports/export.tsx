import { attachmentHeader, CSV_CONTENT_TYPE } from "~/domain/reports/csv";
import { ExportTableSchema, parseReportFilter } from "~/domain/reports/filter.server";
import { programmeReport, reportScopeFor } from "~/domain/reports/reports.server";
import { buildReportTables, tableToCsv } from "~/domain/reports/tables";
import { db } from "~/utils/db.server";
import { forbidden, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/export";

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// One table of the programme report as a CSV download (?table=district&from=…&to=…),
// with the same scope and figures as the page; column names in the reader's language.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["facilitator", "admin"]);
  const scope = await reportScopeFor(user);
  if (!scope) forbidden(state);
  const params = new URL(request.url).searchParams;
  const table = ExportTableSchema.safeParse(params.get("table"));
  if (!table.success) return plain(state.t("reports:errors.table"), 400);
  const now = new Date();
  const filter = parseReportFilter(params, now);
  if (!filter.ok) return plain(Object.values(filter.fieldErrors).map((key) => state.t(key)).join("\n"), 400);

  const report = await programmeReport(db, scope, filter.range, now);
  const t = (key: string) => state.t(key);
  const found = buildReportTables(report, state.locale, t).find((x) => x.id === table.data)!;
  return new Response(tableToCsv(found, t), {
    headers: {
      "Content-Type": CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentHeader(`ssj-report-${found.id}-${filter.range.from}-${filter.range.to}.csv`),
      "Cache-Control": "private, no-store",
    },
  });
}
