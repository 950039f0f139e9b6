import { randomBytes } from "node:crypto";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SAMPLE_HEADER_LO } from "~/domain/members/records";
import { action } from "~/routes/fo/members/import";
import { db } from "~/utils/db.server";
import { readZipDirectory } from "~/utils/zip-directory";
import { call, createUser, dataOf, sessionCookieFor, statusOf } from "../fixtures/app";

const tag = () => randomBytes(3).toString("hex");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function foWithLeader() {
  const village = await db.village.findFirstOrThrow({ where: { district: { nameEn: "Beng" }, nameEn: "Ban Phonxay" } });
  const leader = await createUser({ roles: ["fo_leader"] });
  const org = await db.organisation.create({
    data: { nameLo: `ກຸ່ມ ${tag()}`, nameEn: `FO ${tag()}`, type: "cooperative", villageId: village.id, leaders: { create: { userId: leader.id } } },
  });
  return { org, leader };
}

async function upload(organisationId: string, userId: string, bytes: Uint8Array, name = "members.xlsx", type = XLSX_TYPE) {
  const formData = new FormData();
  formData.append("file", new File([new Uint8Array(bytes)], name, { type }));
  formData.append("csv", "");
  const headers = new Headers({ Cookie: await sessionCookieFor(userId) });
  const req = new Request(`http://localhost/fo/${organisationId}/members/import`, { method: "POST", body: formData, headers });
  return call(action, req, { organisationId });
}

type Report = {
  outcome: "failed" | "rejected" | "imported";
  error?: { key: string; params?: Record<string, unknown> };
  rejected?: { row: number; name: string; problems: { column: string; reason: string }[] }[];
  imported?: { row: number; name: string }[];
};

/** A workbook as a leader keeps it: Lao headers in row 1, then one member a row. */
async function workbook(rows: ExcelJS.CellValue[][], build?: (sheet: ExcelJS.Worksheet, book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("ສະມາຊິກ");
  sheet.addRow(SAMPLE_HEADER_LO.split(","));
  for (const row of rows) sheet.addRow(row);
  build?.(sheet, book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The same archive, its directory claiming that one entry unpacks to `size` bytes. */
function claimUnpackedSize(bytes: Uint8Array, entry: string, size: number): Uint8Array {
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  const name = new TextEncoder().encode(entry);
  for (let at = 0; at + 46 < copy.length; at++) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const length = view.getUint16(at + 28, true);
    if (length === name.length && name.every((b, i) => copy[at + 46 + i] === b)) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error(`no entry ${entry}`);
}

describe("importing members from an Excel workbook", () => {
  it("reads the first worksheet with Lao headers, Lao village names, and numbers typed as numbers", async () => {
    const { org, leader } = await foWithLeader();
    const bytes = await workbook(
      [
        ["ນາງ ບົວພັນ ແກ້ວມະນີ", "ຍິງ", "ຍິງ", 1992, "ບ້ານນາຄຳ", "020 5555 1234"],
        // A phone typed as a number: Excel keeps 2055512345, without the 0.
        ["ທ້າວ ສຸກ ພົມມະຈັນ", "ຊາຍ", "ຊາຍ", 1988, "ໂພນໄຊ", 2055512345],
        // Text with its leading 0, and a year as a formula's result.
        [{ richText: [{ text: "ນາງ " }, { text: "ແສງ ວົງສາ" }] }, "ຊາຍ", "ຍິງ", { formula: "1990+1", result: 1991 }, "ບ້ານໂພນໄຊ", "030 512 3456"],
      ],
      (_sheet, book) => {
        // A second worksheet is not read.
        book.addWorksheet("notes").addRow(["name", "x"]);
      },
    );
    const result = await upload(org.id, leader.id, bytes);
    expect(statusOf(result)).toBe(200);
    expect(dataOf<Report>(result).imported?.map((r) => [r.row, r.name])).toEqual([
      [2, "ນາງ ບົວພັນ ແກ້ວມະນີ"],
      [3, "ທ້າວ ສຸກ ພົມມະຈັນ"],
      [4, "ນາງ ແສງ ວົງສາ"],
    ]);
    const members = await db.member.findMany({ where: { organisationId: org.id }, include: { village: true }, orderBy: { birthYear: "asc" } });
    expect(members.map((m) => [m.name, m.memberSex, m.birthYear, m.village.nameLo, m.phone])).toEqual([
      ["ທ້າວ ສຸກ ພົມມະຈັນ", "male", 1988, "ບ້ານໂພນໄຊ", "8562055512345"],
      ["ນາງ ແສງ ວົງສາ", "female", 1991, "ບ້ານໂພນໄຊ", "856305123456"],
      ["ນາງ ບົວພັນ ແກ້ວມະນີ", "female", 1992, "ບ້ານນາຄຳ", "8562055551234"],
    ]);
  });

  it("reports bad rows at the row numbers Excel shows, blank rows included, and writes nothing", async () => {
    const { org, leader } = await foWithLeader();
    const bytes = await workbook([["ນາງ ນ້ອຍ", "ຍິງ", "ຍິງ", 1990, "ບ້ານນາຄຳ", null], [], ["ທ້າວ ສີ", "ຊາຍ", "ຊາຍ", 1991, "ບ້ານວຽງແກ້ວ", null]]);
    const result = await upload(org.id, leader.id, bytes);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Report>(result).rejected).toEqual([
      { row: 4, name: "ທ້າວ ສີ", problems: [expect.objectContaining({ column: "village", reason: "members:import.reasons.unknownVillage" })] },
    ]);
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("refuses a workbook whose directory claims more than 8 MB unpacked, before opening it", async () => {
    const { org, leader } = await foWithLeader();
    const bytes = claimUnpackedSize(await workbook([["ນາງ ນ້ອຍ", "ຍິງ", "ຍິງ", 1990, "ບ້ານນາຄຳ", null]]), "xl/worksheets/sheet1.xml", 900 * 1024 * 1024);
    expect(readZipDirectory(bytes)?.find((e) => e.name === "xl/worksheets/sheet1.xml")?.uncompressedSize).toBe(900 * 1024 * 1024);
    const result = await upload(org.id, leader.id, bytes);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Report>(result).error?.key).toBe("members:import.errors.unpackedTooLarge");
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it("refuses a workbook of more than 2,000 members", async () => {
    const { org, leader } = await foWithLeader();
    const bytes = await workbook(Array.from({ length: 2001 }, (_, i) => [`ສະມາຊິກ ${i}`, "ຍິງ", "ຍິງ", 1990, "ບ້ານນາຄຳ", null]));
    const result = await upload(org.id, leader.id, bytes);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Report>(result).error).toEqual({ key: "members:import.errors.tooManyRows", params: { max: 2000 } });
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });

  it.each([
    ["a PDF", new TextEncoder().encode("%PDF-1.4\n\u0000\u0000binary"), "members.pdf", "application/pdf"],
    ["an old binary .xls", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), "members.xls", "application/vnd.ms-excel"],
    ["text named .xlsx", new TextEncoder().encode("name,village\n"), "members.xlsx", XLSX_TYPE],
    ["a broken zip", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "members.xlsx", XLSX_TYPE],
  ])("refuses %s as not a spreadsheet", async (_label, bytes, name, type) => {
    const { org, leader } = await foWithLeader();
    const result = await upload(org.id, leader.id, bytes, name, type);
    expect(statusOf(result)).toBe(400);
    expect(dataOf<Report>(result).error?.key).toBe("members:import.errors.notSpreadsheet");
    expect(await db.member.count({ where: { organisationId: org.id } })).toBe(0);
  });
});
