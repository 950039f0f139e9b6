// Writing a table as an Excel workbook (.xlsx) for leaders and facilitators who
// keep their figures in Excel: one worksheet named in the reader's language, the
// header row bold and frozen, kg and LAK as numeric cells with a thousands
// separator (so the sheet can add them up), text cells as text (a typed name is
// never read as a formula), totals bold, and columns wide enough to read.
// LAK totals may pass 2^31 but stay far below 2^53, so a JS number is exact.
import ExcelJS from "exceljs";

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** count, kg, lak: whole numbers; percent: a percentage with one decimal; text and month: as written. */
export type SheetColumnKind = "text" | "month" | "count" | "kg" | "lak" | "percent";
export type SheetCell = string | number | bigint | null;
export interface SheetColumn {
  header: string;
  kind: SheetColumnKind;
}
export interface SheetTable {
  name: string;
  columns: SheetColumn[];
  rows: { cells: SheetCell[]; total?: boolean }[];
}

const FORMATS: Partial<Record<SheetColumnKind, string>> = { count: "#,##0", kg: "#,##0", lak: "#,##0", percent: "0.0" };
const MIN_WIDTH = 6;
const MAX_WIDTH = 48;

/** Excel refuses a sheet name over 31 characters or with any of : \ / ? * [ ]. */
export function sheetName(name: string): string {
  const clean = name
    .replace(/[:\\/?*[\]]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 31)
    .trim();
  return clean || "Sheet1";
}

function cellValue(cell: SheetCell, kind: SheetColumnKind): string | number | null {
  if (cell === null) return null;
  if (kind === "text" || kind === "month") return String(cell);
  // A blank in a number column (the total row's "#") stays blank, not 0.
  if (cell === "") return null;
  const value = typeof cell === "bigint" ? Number(cell) : Number(cell);
  if (!Number.isFinite(value) || (Number.isInteger(value) && !Number.isSafeInteger(value))) {
    throw new RangeError(`Not a number a spreadsheet holds exactly: ${String(cell)}`);
  }
  return value;
}

function displayLength(value: string | number | null, kind: SheetColumnKind): number {
  if (value === null) return 0;
  // Room for the thousands separators the format adds.
  if (typeof value === "number") return Math.round(value).toLocaleString("en").length + (kind === "percent" ? 2 : 0);
  return Math.max(...value.split("\n").map((line) => [...line].length));
}

export async function writeWorkbook(table: SheetTable): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName(table.name), { views: [{ state: "frozen", ySplit: 1 }] });
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: "bottom", wrapText: true };
  const widths = table.columns.map((c) => Math.min([...c.header].length, 24));
  for (const row of table.rows) {
    const values = row.cells.map((cell, i) => cellValue(cell, table.columns[i]!.kind));
    const added = sheet.addRow(values);
    if (row.total) added.font = { bold: true };
    values.forEach((value, i) => {
      widths[i] = Math.max(widths[i]!, displayLength(value, table.columns[i]!.kind));
    });
  }
  table.columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widths[i]! + 2));
    const format = FORMATS[c.kind];
    if (format) column.numFmt = format;
  });
  // The header keeps the general format even in a number column.
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  const written = new Uint8Array(await book.xlsx.writeBuffer());
  const bytes = new Uint8Array(new ArrayBuffer(written.byteLength));
  bytes.set(written);
  return bytes;
}
