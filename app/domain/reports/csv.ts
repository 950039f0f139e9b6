// Writing a table as a CSV file that opens intact in a spreadsheet program:
// RFC 4180 (comma-separated, CRLF after every record, a field quoted when it
// holds a comma, a double quote, CR or LF, with its double quotes doubled),
// preceded by the UTF-8 byte-order mark, without which Excel reads the file as
// the PC's legacy code page and Lao names come out garbled.
//
// A text that starts with =, +, -, @, a tab or a carriage return would be run
// as a formula by the spreadsheet (an FO or company name is typed by users), so
// such a text gets a leading apostrophe; numbers are written as they are.
// Pure; no database.
import { stringify } from "csv-stringify/sync";

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export type CsvValue = string | number | bigint | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A value as the writer gets it: numbers as digits, formula-like text defused. */
function plain(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a number a spreadsheet can read: ${value}`);
    return String(value);
  }
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function records(rows: readonly (readonly CsvValue[])[]): string {
  // A lone LF or CR inside a field is quoted too, or a spreadsheet would start a new row there.
  return stringify(
    rows.map((row) => row.map(plain)),
    { record_delimiter: "\r\n", quoted_match: /[\r\n]/ },
  );
}

export function csvField(value: CsvValue): string {
  return records([[value]]).replace(/\r\n$/, "");
}

/** The whole file: the byte-order mark, then one CRLF-terminated record per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + records(rows);
}

/** A Content-Disposition header for a download; the name is kept to safe ASCII. */
export function attachmentHeader(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${safe}"`;
}
