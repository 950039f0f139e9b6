// The tables of a programme report as the page shows them and the CSV export
// writes them: the same rows and columns, named in the reader's language, with
// a kind per column so the page can format figures for the locale while the
// CSV keeps plain numbers a spreadsheet can add up. Pure; safe in the browser.
import type { LocalText } from "~/domain/contracts/snapshot";
import { formatKg, formatLak, formatMonth as monthName, formatNumber, formatTenths } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import type { ProgrammeReport, VolumeRow } from "./aggregate";
import { toCsv, type CsvValue } from "./csv";

export const reportTableIds = ["district", "crop", "month", "reach", "members", "onTime"] as const;
export type ReportTableId = (typeof reportTableIds)[number];

export function isReportTableId(value: unknown): value is ReportTableId {
  return typeof value === "string" && (reportTableIds as readonly string[]).includes(value);
}

/** text: a name; month: "2026-05"; lak: a whole LAK amount as a decimal string; percent: per mille, or null. */
export type ColumnKind = "text" | "month" | "count" | "kg" | "lak" | "percent";
export type Cell = string | number | null;

export interface ReportColumn {
  /** translation key under reports:columns */
  key: string;
  kind: ColumnKind;
}

export interface ReportTableRow {
  cells: Cell[];
  total?: boolean;
}

export interface ReportTable {
  id: ReportTableId;
  columns: ReportColumn[];
  rows: ReportTableRow[];
}

type Translate = (key: string) => string;

const volumeColumns: ReportColumn[] = [
  { key: "contracts", kind: "count" },
  { key: "contractedKg", kind: "kg" },
  { key: "contractedLak", kind: "lak" },
  { key: "deliveries", kind: "count" },
  { key: "deliveredKg", kind: "kg" },
  { key: "deliveredLak", kind: "lak" },
];

const volumeCells = (r: VolumeRow): Cell[] => [r.contracts, r.contractedKg, r.contractedLak.toString(), r.deliveries, r.deliveredKg, r.deliveredLak.toString()];

const pick = (name: LocalText, locale: Locale) => name[locale];

/** Every table of the report, in the order of the page. */
export function buildReportTables(report: ProgrammeReport, locale: Locale, t: Translate): ReportTable[] {
  const district = new Map(report.districts.map((d) => [d.id, { name: pick(d.name, locale), province: pick(d.province, locale) }]));
  const districtCells = (id: string): Cell[] => [district.get(id)?.name ?? id, district.get(id)?.province ?? ""];
  const crop = new Map(report.crops.map((c) => [c.code, pick(c.name, locale)]));
  const total = t("reports:total");
  const districtColumns: ReportColumn[] = [
    { key: "district", kind: "text" },
    { key: "province", kind: "text" },
  ];

  return [
    {
      id: "district",
      columns: [...districtColumns, ...volumeColumns],
      rows: [
        ...report.byDistrict.rows.map((r) => ({ cells: [...districtCells(r.key), ...volumeCells(r)] })),
        { cells: [total, "", ...volumeCells(report.byDistrict.total)], total: true },
      ],
    },
    {
      id: "crop",
      columns: [{ key: "crop", kind: "text" }, ...volumeColumns],
      rows: [
        ...report.byCrop.rows.map((r) => ({ cells: [crop.get(r.key) ?? r.key, ...volumeCells(r)] })),
        { cells: [total, ...volumeCells(report.byCrop.total)], total: true },
      ],
    },
    {
      id: "month",
      columns: [{ key: "month", kind: "month" }, ...volumeColumns],
      rows: [...report.byMonth.rows.map((r) => ({ cells: [r.key, ...volumeCells(r)] })), { cells: [total, ...volumeCells(report.byMonth.total)], total: true }],
    },
    {
      id: "reach",
      columns: [
        ...districtColumns,
        ...(["organisations", "households", "women", "men", "youth", "womenYouth", "menYouth", "femaleHeaded", "maleHeaded"] as const).map((key) => ({
          key,
          kind: "count" as const,
        })),
      ],
      rows: [...report.reach.rows, report.reach.total].map((r) => ({
        cells: [
          ...(r === report.reach.total ? [total, ""] : districtCells(r.key)),
          r.organisations,
          r.households,
          r.women,
          r.men,
          r.youth,
          r.womenYouth,
          r.menYouth,
          r.femaleHeaded,
          r.maleHeaded,
        ],
        ...(r === report.reach.total ? { total: true } : {}),
      })),
    },
    {
      id: "members",
      columns: [
        { key: "group", kind: "text" },
        { key: "youth", kind: "count" },
        { key: "older", kind: "count" },
        { key: "households", kind: "count" },
      ],
      rows: report.sexYouth.map((r) => ({
        cells: [r.key === "total" ? total : t(`reports:groups.${r.key}`), r.youth, r.older, r.total],
        ...(r.key === "total" ? { total: true } : {}),
      })),
    },
    {
      id: "onTime",
      columns: [
        ...districtColumns,
        { key: "contracts", kind: "count" },
        { key: "paymentDue", kind: "count" },
        { key: "paidOnTime", kind: "count" },
        { key: "paidLate", kind: "count" },
        { key: "onTimeRate", kind: "percent" },
      ],
      rows: [...report.onTime.rows, report.onTime.total].map((r) => ({
        cells: [...(r === report.onTime.total ? [total, ""] : districtCells(r.key)), r.contracts, r.due, r.onTime, r.late, r.ratePermille],
        ...(r === report.onTime.total ? { total: true } : {}),
      })),
    },
  ];
}

/** "2026-05" → "May 2026" / "ພຶດສະພາ 2026". */
export function formatMonth(month: string, locale: Locale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const number = m ? Number(m[2]) : 0;
  return m && number >= 1 && number <= 12 ? `${monthName(number, locale)} ${m[1]}` : month;
}

/** A cell as the page shows it; "—" for a rate with nothing to measure. */
export function formatCell(cell: Cell, kind: ColumnKind, locale: Locale): string {
  if (cell === null) return "—";
  switch (kind) {
    case "count":
      return formatNumber(Number(cell), locale);
    case "kg":
      return formatKg(Number(cell), locale);
    case "lak":
      return formatLak(BigInt(cell), locale);
    case "percent":
      return `${formatTenths(Number(cell), locale)} %`;
    case "month":
      return /^\d{4}-\d{2}$/.test(String(cell)) ? formatMonth(String(cell), locale) : String(cell);
    default:
      return String(cell);
  }
}

/** A cell as the CSV writes it: plain numbers (a rate as a percentage with one decimal, "66.7"). */
function csvCell(cell: Cell, kind: ColumnKind): CsvValue {
  if (cell === null) return null;
  switch (kind) {
    case "count":
    case "kg":
      return Number(cell);
    case "lak":
      return BigInt(cell);
    case "percent": {
      const permille = Number(cell);
      return `${Math.trunc(permille / 10)}.${permille % 10}`;
    }
    default:
      return String(cell);
  }
}

/** One table as a CSV file: a header row of column names, then the rows, the total last. */
export function tableToCsv(table: ReportTable, t: Translate): string {
  return toCsv([
    table.columns.map((c) => t(`reports:columns.${c.key}`)),
    ...table.rows.map((r) => r.cells.map((cell, i) => csvCell(cell, table.columns[i]!.kind))),
  ]);
}

/** One table for a workbook: the same header and rows, a rate as a percentage (66.7). */
export function tableForSheet(table: ReportTable, t: Translate) {
  return {
    columns: table.columns.map((c) => ({ header: t(`reports:columns.${c.key}`), kind: c.kind })),
    rows: table.rows.map((r) => ({
      cells: r.cells.map((cell, i) => (table.columns[i]!.kind === "percent" && cell !== null ? Number(cell) / 10 : cell)),
      ...(r.total ? { total: true } : {}),
    })),
  };
}
