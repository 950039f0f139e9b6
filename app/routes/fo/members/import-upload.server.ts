// Reads the member list sent to the import page: an uploaded CSV file, or rows
// pasted into the text box when no file was chosen. Size is checked before the
// body is read where the browser says it, and again on the file itself.
import { decodeCsvBytes, MAX_CSV_BYTES, utf8Length, type Message } from "~/domain/members/csv";

/** Room for the file plus the multipart envelope and a pasted copy. */
const MAX_BODY_BYTES = 2 * MAX_CSV_BYTES + 64 * 1024;

export type Upload = { ok: true; text: string; pasted: string } | { ok: false; error: Message; pasted: string };

export async function readMemberUpload(request: Request): Promise<Upload> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_BODY_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" }, pasted: "" };
  const formData = await request.formData();
  const file = formData.get("file");
  const pastedValue = formData.get("csv");
  const pasted = typeof pastedValue === "string" ? pastedValue : "";

  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" }, pasted };
    const decoded = decodeCsvBytes(new Uint8Array(await file.arrayBuffer()));
    return decoded.ok ? { ok: true, text: decoded.text, pasted } : { ok: false, error: decoded.error, pasted };
  }
  if (pasted.trim()) {
    // Pasted text is kept for the form only when it is small enough to send back.
    if (utf8Length(pasted) > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" }, pasted: "" };
    return { ok: true, text: pasted, pasted };
  }
  return { ok: false, error: { key: "members:import.errors.noFile" }, pasted };
}
