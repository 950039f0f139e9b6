// Reading a member list saved as CSV: UTF-8 (with or without the byte-order mark
// Excel writes), comma-separated, quoted fields that may hold commas, quotes and
// line breaks; rows pasted from a spreadsheet arrive tab-separated, and some
// spreadsheet settings save with semicolons. The records then go through the same
// checks as an Excel workbook's (./records). Pure.
import { parse, CsvError } from "csv-parse/sync";
import { checkMemberRecords, type CsvContext, type Message, type MembersCsvResult } from "./records";

export const MAX_CSV_BYTES = 1024 * 1024;

export function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Bytes of an uploaded file as text; anything but UTF-8 is refused rather than garbled. */
export function decodeCsvBytes(bytes: Uint8Array): { ok: true; text: string } | { ok: false; error: Message } {
  if (bytes.length > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" } };
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (utf16) return { ok: false, error: { key: "members:import.errors.notUtf8" } };
  try {
    // The decoder drops a leading byte-order mark.
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: { key: "members:import.errors.notUtf8" } };
  }
}

/**
 * Comma, as the file format says; but cells copied from a spreadsheet and pasted
 * arrive tab-separated, and some spreadsheet settings save with semicolons.
 */
function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/[\r\n]|$/));
  if (firstLine.includes(",")) return ",";
  if (firstLine.includes("\t")) return "\t";
  if (firstLine.includes(";")) return ";";
  return ",";
}

/**
 * Splits CSV text into records of fields (RFC 4180, lenient about stray quotes
 * inside a field). Blank lines stay as records so that every record keeps the row
 * number a spreadsheet shows; any of CRLF, LF or CR ends a record, as files saved
 * on different systems (or edited on two) mix them.
 */
export function readCsvRecords(
  text: string,
  delimiter = delimiterOf(text.replace(/^\uFEFF/, "")),
): { ok: true; records: string[][] } | { ok: false; error: Message } {
  try {
    const records: string[][] = parse(text, {
      delimiter,
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: false,
      record_delimiter: ["\r\n", "\n", "\r"],
    });
    return { ok: true, records };
  } catch (error) {
    // The records read before the open quote are the rows above it.
    if (error instanceof CsvError && error.code === "CSV_QUOTE_NOT_CLOSED") {
      const before = Number((error as CsvError & { records?: number }).records ?? 0);
      return { ok: false, error: { key: "members:import.errors.unterminatedQuote", params: { row: before + 1 } } };
    }
    return { ok: false, error: { key: "members:import.errors.unreadable" } };
  }
}

/** Reads and checks a member list written as CSV text. */
export function parseMembersCsv(text: string, context: CsvContext): MembersCsvResult {
  if (utf8Length(text) > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" } };
  const read = readCsvRecords(text);
  if (!read.ok) return read;
  return checkMemberRecords(read.records, context);
}
