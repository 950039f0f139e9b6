// The member payout sheet as a table to download (CSV or Excel): the columns
// the printed sheet shows, kg and LAK named with their unit, one row per
// member and the totals last. Pure.
import type { PayoutReport } from "./payout.server";

type Translate = (key: string, params?: Record<string, string>) => string;
type Kind = "text" | "count" | "kg" | "lak";
type Cell = string | number | bigint;

export interface PayoutTable {
  columns: { header: string; kind: Kind }[];
  rows: { cells: Cell[]; total?: boolean }[];
}

/** null when the sheet has nobody to pay (nobody pledged and no lots). */
export function payoutTable(report: PayoutReport, inputs: boolean, t: Translate): PayoutTable | null {
  const column = (key: string, kind: Kind) => {
    const label = t(`deliveries:payout.${key}`);
    const header =
      kind === "kg" ? t("deliveries:payout.export.kg", { column: label }) : kind === "lak" ? t("deliveries:payout.export.lak", { column: label }) : label;
    return { header, kind };
  };
  const first = [{ header: "#", kind: "count" as const }, column("member", "text")];
  const total = t("deliveries:payout.total");

  const h = report.households;
  if (h) {
    const figures = [
      ["pledged", "kg", "pledgedKg"],
      ["ownNet", "kg", "ownNetKg"],
      ["pooledNet", "kg", "pooledNetKg"],
      ["ownDeducted", "kg", "ownDeductedKg"],
      ["net", "kg", "netKg"],
      ...(h.content ? [[`ownContent.${h.content}`, "lak", "ownContentLak"]] : []),
      ["gross", "lak", "grossLak"],
      ...(inputs
        ? [
            ["inputRepaid", "lak", "inputRepaidLak"],
            ["commonInput", "lak", "commonInputLak"],
          ]
        : []),
      ["payable", "lak", "payableLak"],
      ...(inputs
        ? [
            ["cashRepaid", "lak", "cashRepaidLak"],
            ["stillOwed", "lak", "stillOwedLak"],
          ]
        : []),
    ] as [string, Kind, keyof typeof h.totals][];
    return {
      columns: [...first, ...figures.map(([key, kind]) => column(key, kind))],
      rows: [
        ...h.rows.map((r, i) => ({ cells: [i + 1, r.name, ...figures.map(([, , field]) => r[field] as Cell)] })),
        { cells: ["", total, ...figures.map(([, , field]) => h.totals[field] as Cell)], total: true },
      ],
    };
  }
  const sheet = report.sheet;
  if (!sheet) return null;
  const figures = [
    ["pledged", "kg", "pledgedKg"],
    ["net", "kg", "netKg"],
    ["gross", "lak", "grossLak"],
    ["inputDeduction", "lak", "inputDeductionLak"],
    ["payable", "lak", "payableLak"],
  ] as [string, Kind, keyof typeof sheet.totals][];
  return {
    columns: [...first, ...figures.map(([key, kind]) => column(key, kind))],
    rows: [
      ...sheet.rows.map((r, i) => ({ cells: [i + 1, r.name, ...figures.map(([, , field]) => r[field])] })),
      { cells: ["", total, ...figures.map(([, , field]) => sheet.totals[field])], total: true },
    ],
  };
}
