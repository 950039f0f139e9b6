// How one SMS text becomes the parts an SMS centre accepts, and back. Lao
// script is not in the GSM alphabet, so a Lao message goes as UCS-2
// (data_coding 8): 70 characters fit one part, 67 per part once a 6-byte
// concatenation header takes its room. A text in plain ASCII goes in the GSM
// default alphabet (data_coding 0): 160 characters, 153 per part, where the
// characters outside the basic table ({ } [ ] ~ \ ^ |) take two.
//
// No database and no network here: the SMPP transport and the tests both
// build on these functions.

export const DATA_CODING_GSM = 0;
export const DATA_CODING_UCS2 = 8;

export const UCS2_SINGLE = 70;
export const UCS2_PER_PART = 67;
export const GSM_SINGLE = 160;
export const GSM_PER_PART = 153;
/** Handsets reassemble up to 255 parts; a message to a household that needs more than this is a mistake upstream. */
export const MAX_PARTS = 10;

/** The esm_class bit saying the short message starts with a user data header. */
export const ESM_UDHI = 0x40;

// ASCII characters whose GSM basic-table code differs from their ASCII code.
const GSM_BASIC_MOVED: Record<string, number> = { "@": 0x00, $: 0x02, _: 0x11 };
// ASCII characters that GSM sends as an escape (0x1B) and a second septet.
const GSM_EXTENDED: Record<string, number> = { "^": 0x14, "{": 0x28, "}": 0x29, "\\": 0x2f, "[": 0x3c, "~": 0x3d, "]": 0x3e, "|": 0x40 };
// ASCII characters at the same place in the GSM basic table.
const GSM_SAME = /^[\n\r !"#%&'()*+,\-./0-9:;<=>?A-Za-z]$/;

/** The GSM septets of one character, or null when it is not in the GSM default alphabet (as far as ASCII goes). */
function gsmSeptets(ch: string): number[] | null {
  if (GSM_SAME.test(ch)) return [ch.charCodeAt(0)];
  if (ch in GSM_BASIC_MOVED) return [GSM_BASIC_MOVED[ch]!];
  if (ch in GSM_EXTENDED) return [0x1b, GSM_EXTENDED[ch]!];
  return null;
}

export type SmsEncoding = "gsm" | "ucs2";

export type SmsPart = {
  dataCoding: number;
  esmClass: number;
  /** the short_message octets: the concatenation header, when there is one, then the text */
  shortMessage: Buffer;
  /** the text this part carries, for logs and tests */
  text: string;
};

export type SplitSms = { encoding: SmsEncoding; parts: SmsPart[] };

function encodingOf(text: string): SmsEncoding {
  for (const ch of text) if (!gsmSeptets(ch)) return "ucs2";
  return "gsm";
}

/** Units per character: GSM septets, or UTF-16 code units (a character outside the BMP takes two). */
function unitsOf(ch: string, encoding: SmsEncoding): number {
  return encoding === "gsm" ? gsmSeptets(ch)!.length : ch.length;
}

/** Cuts the text into chunks of at most `size` units, never inside a character or a GSM escape. */
function chunk(text: string, encoding: SmsEncoding, size: number): string[] {
  const chunks: string[] = [];
  let current = "";
  let used = 0;
  for (const ch of text) {
    const units = unitsOf(ch, encoding);
    if (used + units > size) {
      chunks.push(current);
      current = "";
      used = 0;
    }
    current += ch;
    used += units;
  }
  if (current || chunks.length === 0) chunks.push(current);
  return chunks;
}

function encodeText(text: string, encoding: SmsEncoding): Buffer {
  if (encoding === "gsm") return Buffer.from([...text].flatMap((ch) => gsmSeptets(ch)!));
  const le = Buffer.from(text, "utf16le");
  return Buffer.from(le).swap16(); // UCS-2 on the wire is big-endian
}

/** How many parts a text takes, without building them: what a message costs. */
export function countSmsParts(text: string): number {
  const encoding = encodingOf(text);
  const units = [...text].reduce((n, ch) => n + unitsOf(ch, encoding), 0);
  const single = encoding === "gsm" ? GSM_SINGLE : UCS2_SINGLE;
  if (units <= single) return 1;
  return chunk(text, encoding, encoding === "gsm" ? GSM_PER_PART : UCS2_PER_PART).length;
}

/**
 * The parts of one SMS. `reference` ties the parts of one message together on
 * the handset (0–255); messages sent close together to one number need
 * different references. Throws when the text is empty or needs more than MAX_PARTS.
 */
export function splitSms(text: string, reference: number): SplitSms {
  if (text.length === 0) throw new Error("An SMS needs some text.");
  const encoding = encodingOf(text);
  const dataCoding = encoding === "gsm" ? DATA_CODING_GSM : DATA_CODING_UCS2;
  const total = countSmsParts(text);
  if (total > MAX_PARTS) throw new Error(`The SMS needs ${total} parts; at most ${MAX_PARTS} are sent.`);
  if (total === 1) {
    return { encoding, parts: [{ dataCoding, esmClass: 0, shortMessage: encodeText(text, encoding), text }] };
  }
  const ref = reference & 0xff;
  const chunks = chunk(text, encoding, encoding === "gsm" ? GSM_PER_PART : UCS2_PER_PART);
  return {
    encoding,
    parts: chunks.map((piece, i) => ({
      dataCoding,
      esmClass: ESM_UDHI,
      // IEI 0x00: concatenated short messages with an 8-bit reference.
      shortMessage: Buffer.concat([Buffer.from([0x05, 0x00, 0x03, ref, chunks.length, i + 1]), encodeText(piece, encoding)]),
      text: piece,
    })),
  };
}

// Codes of the GSM basic table that stand for something else than in ASCII.
const GSM_DECODE_BASIC = new Map<number, string>([
  ...Object.entries(GSM_BASIC_MOVED).map(([ch, code]) => [code, ch] as [number, string]),
  ...[..."¤¡ÄÖÑÜ§¿äöñüà"].map((ch, i) => [[0x24, 0x40, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f, 0x60, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f][i]!, ch] as [number, string]),
]);
const GSM_DECODE_EXTENDED = new Map<number, string>(Object.entries(GSM_EXTENDED).map(([ch, code]) => [code, ch] as [number, string]));

/** Text from the octets of a short message (without its header), as far as this portal reads GSM. */
export function decodeSmsText(octets: Buffer, dataCoding: number): string {
  const coding = dataCoding & 0x0f;
  if (coding === DATA_CODING_UCS2) return Buffer.from(octets).swap16().toString("utf16le");
  if (coding === 0x03) return octets.toString("latin1");
  let text = "";
  for (let i = 0; i < octets.length; i++) {
    const code = octets[i]!;
    if (code === 0x1b && i + 1 < octets.length) {
      text += GSM_DECODE_EXTENDED.get(octets[++i]!) ?? " ";
      continue;
    }
    text += GSM_DECODE_BASIC.get(code) ?? (code >= 0x20 || code === 0x0a || code === 0x0d ? String.fromCharCode(code) : " ");
  }
  return text;
}

export type ConcatenationHeader = { reference: number; total: number; sequence: number };

/** The concatenation element of a user data header (8- or 16-bit reference), if it has one. */
export function readConcatenation(udh: Buffer): ConcatenationHeader | null {
  let i = 1; // udh[0] is the header's length
  while (i + 1 < udh.length) {
    const iei = udh[i]!;
    const len = udh[i + 1]!;
    const data = udh.subarray(i + 2, i + 2 + len);
    if (iei === 0x00 && len === 3) return { reference: data[0]!, total: data[1]!, sequence: data[2]! };
    if (iei === 0x08 && len === 4) return { reference: data.readUInt16BE(0), total: data[2]!, sequence: data[3]! };
    i += 2 + len;
  }
  return null;
}

/** Splits a short message with the UDHI bit into its header and its text octets. */
export function splitUdh(shortMessage: Buffer): { udh: Buffer; octets: Buffer } {
  const length = shortMessage[0] ?? 0;
  return { udh: shortMessage.subarray(0, length + 1), octets: shortMessage.subarray(length + 1) };
}

/**
 * Collects the parts of concatenated incoming messages until each is whole.
 * Parts are keyed by sender and reference; an incomplete message is dropped
 * after `maxAgeMs`, as its missing parts will not come.
 */
export class SmsReassembler {
  private readonly pending = new Map<string, { parts: (string | undefined)[]; firstAt: number }>();

  constructor(private readonly maxAgeMs = 10 * 60_000) {}

  /** Returns the whole text once the last missing part arrives, otherwise null. */
  add(from: string, header: ConcatenationHeader, text: string, now = Date.now()): string | null {
    for (const [key, entry] of this.pending) if (now - entry.firstAt > this.maxAgeMs) this.pending.delete(key);
    if (header.total <= 1) return text;
    const key = `${from}\u0000${header.reference}\u0000${header.total}`;
    const entry = this.pending.get(key) ?? { parts: new Array<string | undefined>(header.total).fill(undefined), firstAt: now };
    if (header.sequence >= 1 && header.sequence <= header.total) entry.parts[header.sequence - 1] = text;
    this.pending.set(key, entry);
    if (entry.parts.some((p) => p === undefined)) return null;
    this.pending.delete(key);
    return entry.parts.join("");
  }
}

export type DeliveryReceipt = { messageId: string; state: string; delivered: boolean };

/**
 * The fields of an SMSC delivery receipt's text ("id:… sub:001 dlvrd:001 …
 * stat:DELIVRD err:000 text:…"), the de facto format of SMPP 3.4 appendix B.
 */
export function parseReceiptText(text: string): DeliveryReceipt | null {
  const id = /(?:^|\s)id:(\S+)/i.exec(text)?.[1];
  const stat = /(?:^|\s)stat:(\S+)/i.exec(text)?.[1]?.toUpperCase();
  if (!id || !stat) return null;
  return { messageId: id, state: stat, delivered: stat === "DELIVRD" };
}

/** SMPP message_state values (the receipt's TLV) by name, for receipts that carry it. */
export const MESSAGE_STATES: Record<number, string> = {
  1: "ENROUTE",
  2: "DELIVRD",
  3: "EXPIRED",
  4: "DELETED",
  5: "UNDELIV",
  6: "ACCEPTD",
  7: "UNKNOWN",
  8: "REJECTD",
};
