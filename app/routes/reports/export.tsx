import { attachmentHeader, CSV_CONTENT_TYPE } from "~/domain/reports/csv";
import { ExportTableSchema, parseReportFilter } from "~/domain/reports/filter.server";
import { programmeReport, reportScopeFor } from "~/domain/reports/reports.server";
import { buildReportTables, tableForSheet, tableToCsv } from "~/domain/reports/tables";
import { writeWorkbook, XLSX_CONTENT_TYPE } from "~/domain/reports/xlsx.server";
import { db } from "~/utils/db.server";
import { forbidden, requireUserWithRole } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/export";
import { z } from "zod";

const FormatSchema = z.enum(["csv", "xlsx"]).default("csv");

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// One table of the programme report as a CSV or Excel download
// (?table=district&from=…&to=…&format=xlsx), with the same scope and figures as
// the page; column and sheet names in the reader's language.
export async function loader({ request, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUserWithRole(state, ["facilitator", "admin"]);
  const scope = await reportScopeFor(user);
  if (!scope) forbidden(state);
  const params = new URL(request.url).searchParams;
  const table = ExportTableSchema.safeParse(params.get("table"));
  if (!table.success) return plain(state.t("reports:errors.table"), 400);
  const format = FormatSchema.safeParse(params.get("format") ?? undefined);
  if (!format.success) return plain(state.t("reports:errors.format"), 400);
  const now = new Date();
  const filter = parseReportFilter(params, now);
  if (!filter.ok)
    return plain(
      Object.values(filter.fieldErrors)
        .map((key) => state.t(key))
        .join("\n"),
      400,
    );

  const report = await programmeReport(db, scope, filter.range, now);
  const t = (key: string) => state.t(key);
  const found = buildReportTables(report, state.locale, t).find((x) => x.id === table.data)!;
  const name = `ssj-report-${found.id}-${filter.range.from}-${filter.range.to}.${format.data}`;
  const body = format.data === "xlsx" ? await writeWorkbook({ name: t(`reports:tables.${found.id}.title`), ...tableForSheet(found, t) }) : tableToCsv(found, t);
  return new Response(body, {
    headers: {
      "Content-Type": format.data === "xlsx" ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentHeader(name),
      "Cache-Control": "private, no-store",
    },
  });
}
