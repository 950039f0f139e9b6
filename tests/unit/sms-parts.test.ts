import { describe, expect, it } from "vitest";
import {
  countSmsParts,
  DATA_CODING_GSM,
  DATA_CODING_UCS2,
  decodeSmsText,
  ESM_UDHI,
  MAX_PARTS,
  parseReceiptText,
  readConcatenation,
  SmsReassembler,
  splitSms,
  splitUdh,
} from "~/domain/notifications/sms-parts";

const lao = "ສາລີ"; // 4 UTF-16 units
const laoOf = (n: number) => "ກ".repeat(n);

function reassemble(text: string, reference = 7): string {
  const { parts } = splitSms(text, reference);
  return parts
    .map((p) => {
      if (!(p.esmClass & ESM_UDHI)) return decodeSmsText(p.shortMessage, p.dataCoding);
      return decodeSmsText(splitUdh(p.shortMessage).octets, p.dataCoding);
    })
    .join("");
}

describe("splitting an SMS", () => {
  it("sends Lao as UCS-2 big-endian in one part up to 70 characters", () => {
    const text = `${lao} 3.100 ກີບ`;
    const { encoding, parts } = splitSms(text, 1);
    expect(encoding).toBe("ucs2");
    expect(parts).toHaveLength(1);
    expect(parts[0]!.dataCoding).toBe(DATA_CODING_UCS2);
    expect(parts[0]!.esmClass).toBe(0);
    expect(parts[0]!.shortMessage.subarray(0, 2)).toEqual(Buffer.from([0x0e, 0xaa])); // ສ is U+0EAA
    expect(parts[0]!.shortMessage).toHaveLength(text.length * 2);
    expect(splitSms(laoOf(70), 1).parts).toHaveLength(1);
  });

  it("splits Lao past 70 characters into parts of 67 with a concatenation header", () => {
    expect(countSmsParts(laoOf(71))).toBe(2);
    expect(countSmsParts(laoOf(134))).toBe(2);
    expect(countSmsParts(laoOf(135))).toBe(3);
    const { parts } = splitSms(laoOf(135), 300);
    expect(parts.map((p) => p.text.length)).toEqual([67, 67, 1]);
    for (const [i, part] of parts.entries()) {
      expect(part.esmClass).toBe(ESM_UDHI);
      expect(part.dataCoding).toBe(DATA_CODING_UCS2);
      const { udh, octets } = splitUdh(part.shortMessage);
      expect([...udh]).toEqual([0x05, 0x00, 0x03, 300 & 0xff, 3, i + 1]);
      expect(readConcatenation(udh)).toEqual({ reference: 44, total: 3, sequence: i + 1 });
      expect(udh.length + octets.length).toBeLessThanOrEqual(140);
    }
  });

  it("keeps Lao text intact through splitting, encoding and decoding", () => {
    const text = "ທ່ານ ສົມພອນ: ສົ່ງສາລີ 12 ກະສອບ, 600 ກິໂລ, ຄວາມຊຸ່ມ 15%, ຫັກ 12 ກິໂລ, ສຸດທິ 588 ກິໂລ. ລາຄາ 3.100 ກີບ/ກິໂລ, ລວມ 1.822.800 ກີບ.";
    expect(countSmsParts(text)).toBeGreaterThan(1);
    expect(reassemble(text)).toBe(text);
  });

  it("sends plain ASCII in the GSM alphabet, 160 in one part and 153 per part", () => {
    expect(splitSms("a".repeat(160), 1).parts).toHaveLength(1);
    expect(splitSms("a".repeat(160), 1).parts[0]!.dataCoding).toBe(DATA_CODING_GSM);
    expect(countSmsParts("a".repeat(161))).toBe(2);
    expect(splitSms("a".repeat(307), 1).parts.map((p) => p.text.length)).toEqual([153, 153, 1]);
  });

  it("counts GSM escapes as two and never splits one", () => {
    expect(countSmsParts("{".repeat(80))).toBe(1);
    expect(countSmsParts("{".repeat(81))).toBe(2);
    const { parts } = splitSms(`${"a".repeat(152)}[${"b".repeat(10)}`, 1);
    expect(parts.map((p) => p.text)).toEqual(["a".repeat(152), `[${"b".repeat(10)}`]);
    expect([...splitUdh(parts[1]!.shortMessage).octets]).toEqual([0x1b, 0x3c, ...Array<number>(10).fill(0x62)]);
    expect(reassemble("Price $5 @ Hongsa_1 {ok} ~ | ^ \\")).toBe("Price $5 @ Hongsa_1 {ok} ~ | ^ \\");
  });

  it("goes UCS-2 for any character outside the GSM table, even in English", () => {
    expect(splitSms("price `3100`", 1).encoding).toBe("ucs2");
    expect(splitSms("café", 1).encoding).toBe("ucs2");
  });

  it("never cuts a character outside the BMP in two", () => {
    const text = `${laoOf(66)}😀${laoOf(10)}`;
    const { parts } = splitSms(text, 1);
    expect(parts[0]!.text).toBe(laoOf(66));
    expect(parts[1]!.text.startsWith("😀")).toBe(true);
    expect(reassemble(text)).toBe(text);
  });

  it("refuses an empty text and one longer than the part limit", () => {
    expect(() => splitSms("", 1)).toThrow(/needs some text/);
    expect(() => splitSms(laoOf(67 * MAX_PARTS + 1), 1)).toThrow(`needs ${MAX_PARTS + 1} parts`);
    expect(splitSms(laoOf(67 * MAX_PARTS), 1).parts).toHaveLength(MAX_PARTS);
  });
});

describe("reading incoming SMS", () => {
  it("reads a 16-bit concatenation reference", () => {
    expect(readConcatenation(Buffer.from([0x06, 0x08, 0x04, 0x01, 0x02, 0x02, 0x01]))).toEqual({ reference: 258, total: 2, sequence: 1 });
    expect(readConcatenation(Buffer.from([0x02, 0x0a, 0x00]))).toBeNull();
  });

  it("puts the parts of one sender's message together in any order", () => {
    const parts = new SmsReassembler();
    expect(parts.add("8562055550001", { reference: 5, total: 2, sequence: 2 }, "ຢຸດ", 0)).toBeNull();
    expect(parts.add("8562055550002", { reference: 5, total: 2, sequence: 1 }, "other ", 0)).toBeNull();
    expect(parts.add("8562055550001", { reference: 5, total: 2, sequence: 1 }, "ຂໍ ", 1)).toBe("ຂໍ ຢຸດ");
    expect(parts.add("8562055550001", { reference: 1, total: 1, sequence: 1 }, "STOP", 2)).toBe("STOP");
  });

  it("forgets a message whose missing parts never came", () => {
    const parts = new SmsReassembler(1000);
    parts.add("856", { reference: 9, total: 2, sequence: 1 }, "a", 0);
    expect(parts.add("856", { reference: 9, total: 2, sequence: 2 }, "b", 5000)).toBeNull();
  });

  it("reads the id and state of a delivery receipt", () => {
    const text = "id:4f2a9c sub:001 dlvrd:001 submit date:2612031200 done date:2612031201 stat:DELIVRD err:000 text:ສາລີ";
    expect(parseReceiptText(text)).toEqual({ messageId: "4f2a9c", state: "DELIVRD", delivered: true });
    expect(parseReceiptText("id:77 sub:001 dlvrd:000 stat:UNDELIV err:001")).toEqual({ messageId: "77", state: "UNDELIV", delivered: false });
    expect(parseReceiptText("ຢຸດ")).toBeNull();
  });
});
