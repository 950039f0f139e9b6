// Reads the member list sent to the import page: an uploaded CSV or Excel
// (.xlsx) file, or rows pasted into the text box when no file was chosen, as
// records of text cells for the import's checks. The body is counted as it
// arrives (a chunked upload has no Content-Length to trust) and reading stops at
// the limit; the production server refuses a larger body before the app sees it
// (its limit for this page is this one: ~/utils/edge.server).
import { decodeCsvBytes, MAX_CSV_BYTES, readCsvRecords, utf8Length } from "~/domain/members/csv";
import type { Message } from "~/domain/members/records";
import { readXlsxRecords } from "~/domain/members/xlsx.server";
import { startsLikeZip } from "~/utils/zip-directory";

/** Room for the file plus the multipart envelope and a pasted copy. */
export const MAX_UPLOAD_BODY_BYTES = 2 * MAX_CSV_BYTES + 64 * 1024;

/** The body's bytes, or null once more than `limit` have arrived (the rest is not read). */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(new ArrayBuffer(size));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export type Upload = { ok: true; records: string[][]; pasted: string } | { ok: false; error: Message; pasted: string };

type Read = { ok: true; records: string[][] } | { ok: false; error: Message };

/** An old binary .xls, a PDF, a picture: nothing a CSV reader could make sense of. */
function looksBinary(bytes: Uint8Array): boolean {
  const utf16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  return !utf16 && bytes.subarray(0, 8192).includes(0);
}

async function readFile(file: File): Promise<Read> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (startsLikeZip(bytes)) return readXlsxRecords(bytes);
  if (/\.xlsx$/i.test(file.name) || looksBinary(bytes)) return { ok: false, error: { key: "members:import.errors.notSpreadsheet" } };
  const decoded = decodeCsvBytes(bytes);
  return decoded.ok ? readCsvRecords(decoded.text) : decoded;
}

export async function readMemberUpload(request: Request): Promise<Upload> {
  const tooLarge: Upload = { ok: false, error: { key: "members:import.errors.tooLarge" }, pasted: "" };
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_UPLOAD_BODY_BYTES) return tooLarge;
  const body = await readLimited(request, MAX_UPLOAD_BODY_BYTES);
  if (body === null) return tooLarge;
  const contentType = request.headers.get("Content-Type") ?? "";
  const formData = await new Response(body, { headers: { "Content-Type": contentType } }).formData();
  const file = formData.get("file");
  const pastedValue = formData.get("csv");
  const pasted = typeof pastedValue === "string" ? pastedValue : "";

  let read: Read;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" }, pasted };
    read = await readFile(file);
  } else if (pasted.trim()) {
    // Pasted text is kept for the form only when it is small enough to send back.
    if (utf8Length(pasted) > MAX_CSV_BYTES) return tooLarge;
    read = readCsvRecords(pasted);
  } else return { ok: false, error: { key: "members:import.errors.noFile" }, pasted };
  return read.ok ? { ok: true, records: read.records, pasted } : { ok: false, error: read.error, pasted };
}
