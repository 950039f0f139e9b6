// Reading a member list from an Excel workbook (.xlsx): the first worksheet,
// header row first, every cell as the text a person typed, so the records go
// through the same checks as a CSV file's (./records).
//
// A number typed into a cell comes through as its digits (1990, or a phone
// 2055512345: Excel itself dropped the leading 0, and the phone rules read the
// number without it); a phone kept as text keeps its 0. A workbook is a zip
// file: what its directory says it unpacks to is checked before it is opened,
// so a small upload that would inflate to gigabytes is refused unread.
import ExcelJS from "exceljs";
import { readZipDirectory, startsLikeZip } from "~/utils/zip-directory";
import { MAX_CSV_ROWS, type Message } from "./records";

/** Far above what 2,000 members take (about 0.5 MB unpacked), far below harm. */
export const MAX_XLSX_UNPACKED_BYTES = 8 * 1024 * 1024;
const MAX_XLSX_ENTRIES = 500;

export type XlsxRecords = { ok: true; records: string[][] } | { ok: false; error: Message };

const notSpreadsheet = { ok: false, error: { key: "members:import.errors.notSpreadsheet" } } as const;

/** Checks the zip directory only; null when the workbook may be opened. */
export function refuseWorkbook(bytes: Uint8Array): Message | null {
  if (!startsLikeZip(bytes)) return notSpreadsheet.error;
  const entries = readZipDirectory(bytes);
  if (!entries || !entries.some((e) => e.name === "xl/workbook.xml")) return notSpreadsheet.error;
  const unpacked = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (entries.length > MAX_XLSX_ENTRIES || unpacked > MAX_XLSX_UNPACKED_BYTES) return { key: "members:import.errors.unpackedTooLarge" };
  return null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("formula" in value || "sharedFormula" in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : cellText(value.text as ExcelJS.CellValue);
  return "";
}

export async function readXlsxRecords(bytes: Uint8Array): Promise<XlsxRecords> {
  const refused = refuseWorkbook(bytes);
  if (refused) return { ok: false, error: refused };
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return notSpreadsheet;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, error: { key: "members:import.errors.empty" } };
  // The header and one row past the limit are enough to refuse the file.
  const tooMany = { ok: false, error: { key: "members:import.errors.tooManyRows", params: { max: MAX_CSV_ROWS } } } as const;
  if (sheet.actualRowCount > MAX_CSV_ROWS + 1) return tooMany;

  const records: string[][] = [];
  let rows = 0;
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rows > MAX_CSV_ROWS + 1) return;
    rows++;
    // Blank rows keep their place, so each record sits at the row Excel shows.
    while (records.length < rowNumber - 1) records.push([""]);
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    records.push(cells);
  });
  if (rows > MAX_CSV_ROWS + 1) return tooMany;
  return { ok: true, records };
}
