import { z } from "zod";
import { contractAccess } from "~/domain/contracts/contract-access.server";
import { payoutFor } from "~/domain/payments/payout.server";
import { payoutTable } from "~/domain/payments/payout-table";
import { attachmentHeader, CSV_CONTENT_TYPE, toCsv } from "~/domain/reports/csv";
import { writeWorkbook, XLSX_CONTENT_TYPE } from "~/domain/reports/xlsx.server";
import { db } from "~/utils/db.server";
import { notFound, requireUser } from "~/utils/permissions.server";
import { getRequestState } from "~/utils/request-state.server";
import type { Route } from "./+types/payout-export";

const FormatSchema = z.enum(["csv", "xlsx"]);

const plain = (text: string, status: number) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

// The member payout sheet as a CSV or Excel download (?format=xlsx), for the
// same readers as the page: the FO's leaders and the district's facilitators;
// the trader gets a 404 like anyone else.
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const state = getRequestState(context);
  const user = requireUser(state);
  const access = await contractAccess(db, user, params.contractId);
  if (!access || (!access.roles.fo && !access.roles.facilitator)) notFound(state);
  const format = FormatSchema.safeParse(new URL(request.url).searchParams.get("format") ?? "csv");
  if (!format.success) return plain(state.t("deliveries:payout.export.badFormat"), 400);

  const { contract, snapshot } = access;
  const report = await payoutFor(db, contract, snapshot);
  if (report.conversion && !report.conversion.complete) return plain(state.t("deliveries:payout.rateMissingRefused"), 409);
  const t = (key: string, values?: Record<string, string>) => state.t(key, values);
  const table = payoutTable(report, snapshot.terms.inputValueLak !== null, t);
  if (!table) return plain(state.t("deliveries:payout.noPledges"), 404);

  const name = `payout-${contract.number}.${format.data}`;
  const body =
    format.data === "xlsx"
      ? await writeWorkbook({ name: t("deliveries:payout.export.sheetName", { number: contract.number }), ...table })
      : toCsv([table.columns.map((c) => c.header), ...table.rows.map((r) => r.cells)]);
  return new Response(body, {
    headers: {
      "Content-Type": format.data === "xlsx" ? XLSX_CONTENT_TYPE : CSV_CONTENT_TYPE,
      "Content-Disposition": attachmentHeader(name),
      "Cache-Control": "private, no-store",
    },
  });
}
