// The central directory of a zip file (an .xlsx workbook is one), read without
// inflating anything: the names and the sizes the entries claim, so that an
// upload can be refused for what it would unpack to before a library unpacks
// it. Zip64 archives (sizes beyond 4 GB) are not read: no member list needs one.
// Pure.

export type ZipEntry = { name: string; compressedSize: number; uncompressedSize: number };

const END_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

export function startsLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** The entries of the archive, or null when the bytes hold no directory this reader trusts. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  if (bytes.length < END_SIZE) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let at = bytes.length - END_SIZE; at >= Math.max(0, bytes.length - END_SIZE - MAX_COMMENT); at--) {
    if (view.getUint32(at, true) === END_SIGNATURE) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > end) return null;

  const names = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== ENTRY_SIGNATURE) return null;
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > offset + size) return null;
    entries.push({ name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)), compressedSize, uncompressedSize });
    at = next;
  }
  return entries;
}
