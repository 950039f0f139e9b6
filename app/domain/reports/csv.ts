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

export const CSV_BOM = "\uFEFF";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

export type CsvValue = string | number | bigint | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "bigint") return value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError(`Not a number a spreadsheet can read: ${value}`);
    return String(value);
  }
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: the byte-order mark, then one CRLF-terminated record per row. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** A Content-Disposition header for a download; the name is kept to safe ASCII. */
export function attachmentHeader(filename: string): string {
  const safe = filename.replace(/[^A-Za-z0-9._-]/g, "_");
  return `attachment; filename="${safe}"`;
}
