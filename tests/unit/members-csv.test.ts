import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseMembersCsv, readCsvRecords } from "~/domain/members/csv";
import { columnOfHeader, MAX_CSV_ROWS, SAMPLE_HEADER, SAMPLE_HEADER_LO, type CsvContext, type CsvRowResult } from "~/domain/members/records";
import { MemberSchema, parseSex } from "~/domain/members/member-schema";

const villages = [
  { id: "v-phonxay", nameLo: "ບ້ານໂພນໄຊ", nameEn: "Ban Phonxay" },
  { id: "v-nakham", nameLo: "ບ້ານນາຄຳ", nameEn: "Ban Nakham" },
];
const context: CsvContext = { villages, existing: [{ name: "Khamla Vongsa", birthYear: 1970 }] };
const header = SAMPLE_HEADER;

function parse(text: string, ctx: CsvContext = context) {
  const result = parseMembersCsv(text, ctx);
  if (!result.ok) throw new Error(`file refused: ${result.error.key}`);
  return result.rows;
}
const problemsOf = (row: CsvRowResult | undefined) => (row && !row.ok ? row.problems.map((p) => [p.column, p.reason]) : []);

describe("reading CSV records", () => {
  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    const read = readCsvRecords('a,"b, c","say ""hi""","two\nlines"\r\nx,y,,z\n');
    expect(read).toEqual({
      ok: true,
      records: [
        ["a", "b, c", 'say "hi"', "two\nlines"],
        ["x", "y", "", "z"],
      ],
    });
  });

  it("reports a quote that is never closed, with its row", () => {
    expect(readCsvRecords('a,b\nc,"open\nd,e')).toEqual({ ok: false, error: { key: "members:import.errors.unterminatedQuote", params: { row: 2 } } });
  });
});

describe("parseMembersCsv", () => {
  it("reads good rows with Lao text, a byte-order mark and quoted fields", () => {
    const text =
      `\uFEFF${header}\r\n` +
      `"Keomany, Somphone",male,female,1990,Ban Phonxay,020 5555 1234\r\n` +
      `ນາງ ບົວພັນ ແກ້ວມະນີ,ຍິງ,ຍິງ,1992,ບ້ານນາຄຳ,\r\n` +
      `"Thong ""Big"" Sy",M,f,1975,phonxay,+856 20 5555 9876\r\n`;
    const rows = parse(text);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.map((r) => (r.ok ? r.values : null))).toEqual([
      { name: "Keomany, Somphone", householdHeadSex: "male", memberSex: "female", birthYear: 1990, villageId: "v-phonxay", phone: "8562055551234" },
      { name: "ນາງ ບົວພັນ ແກ້ວມະນີ", householdHeadSex: "female", memberSex: "female", birthYear: 1992, villageId: "v-nakham", phone: undefined },
      { name: 'Thong "Big" Sy', householdHeadSex: "male", memberSex: "female", birthYear: 1975, villageId: "v-phonxay", phone: "8562055559876" },
    ]);
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4]);
  });

  it("counts a row with a quoted line break as one spreadsheet row", () => {
    const rows = parse(`${header}\n"Two\nLines",male,male,1980,Ban Nakham,\nNext One,female,female,1981,Ban Nakham,\n`);
    expect(rows.map((r) => [r.row, r.ok])).toEqual([
      [2, true],
      [3, true],
    ]);
  });

  it("accepts the columns in any order, in any case, without the phone column", () => {
    const rows = parse("Village,Birth_Year,NAME,member_sex,household head sex\nBAN NAKHAM,1988,Noy,F,M\n");
    expect(rows[0]).toMatchObject({ ok: true, values: { name: "Noy", villageId: "v-nakham", birthYear: 1988, memberSex: "female", householdHeadSex: "male" } });
  });

  it("reads a file whose header row is in Lao, as the page's Lao sample writes it", () => {
    const rows = parse(`${SAMPLE_HEADER_LO}\nນາງ ແສງ ວົງສາ,ຊາຍ,ຍິງ,1991,ບ້ານໂພນໄຊ,030 512 3456\n`);
    expect(rows[0]).toMatchObject({
      ok: true,
      values: { name: "ນາງ ແສງ ວົງສາ", householdHeadSex: "male", memberSex: "female", birthYear: 1991, villageId: "v-phonxay", phone: "856305123456" },
    });
  });

  it.each([
    ["ຊື່ ແລະ ນາມສະກຸນ", "name"],
    ["ເພດ ຫົວໜ້າຄອບຄົວ", "household_head_sex"],
    ["ເພດ", "member_sex"],
    [" ປີເກີດ ", "birth_year"],
    ["ຊື່ບ້ານ", "village"],
    ["ເບີໂທລະສັບ", "phone"],
    ["Year of birth", "birth_year"],
    ["household-head-sex", "household_head_sex"],
    ["Phone number", "phone"],
  ])("reads the header %j as the column %s", (cell, column) => {
    expect(columnOfHeader(cell)).toBe(column);
  });

  it("still names a missing column when the Lao header lacks one", () => {
    expect(parseMembersCsv("ຊື່,ເພດ,ປີເກີດ,ບ້ານ\nNoy,f,1990,Ban Nakham\n", context)).toEqual({
      ok: false,
      error: { key: "members:import.errors.missingColumns", params: { columns: "household_head_sex" } },
    });
    expect(columnOfHeader("ເພດຂອງແມ່")).toBeUndefined();
  });

  it("reads rows pasted from a spreadsheet (tab-separated)", () => {
    const rows = parse(`${header.replaceAll(",", "\t")}\nNoy\tf\tf\t1990\tBan Phonxay\t\n`);
    expect(rows[0]?.ok).toBe(true);
  });

  it("skips blank lines but keeps the row numbers of the spreadsheet", () => {
    const rows = parse(`${header}\n\nNoy,f,f,1990,Ban Phonxay,\n,,,,,\nSouk,m,m,1991,Ban Phonxay,\n`);
    expect(rows.map((r) => r.row)).toEqual([3, 5]);
  });

  it.each([
    ["woman", "household_head_sex"],
    ["x", "member_sex"],
  ])("rejects the sex %j with its reason", (value, column) => {
    const cells = { household_head_sex: "m", member_sex: "f", [column]: value };
    const rows = parse(`${header}\nNoy,${cells.household_head_sex},${cells.member_sex},1990,Ban Phonxay,\n`);
    expect(rows[0]).toMatchObject({ ok: false, row: 2, problems: [{ column, reason: "members:import.reasons.badSex", params: { value } }] });
  });

  it.each([
    ["85", "members:errors.birthYearFormat"],
    ["19x0", "members:errors.birthYearFormat"],
    ["1899", "members:errors.birthYearRange"],
    [String(new Date().getFullYear() + 2), "members:errors.birthYearRange"],
    ["", "validation:required"],
  ])("rejects the year of birth %j", (year, reason) => {
    const rows = parse(`${header}\nNoy,f,f,${year},Ban Phonxay,\n`);
    expect(problemsOf(rows[0])).toEqual([["birth_year", reason]]);
  });

  it("reads a year written in Lao digits", () => {
    const rows = parse(`${header}\nNoy,f,f,໑໙໘໕,Ban Phonxay,\n`);
    expect(rows[0]).toMatchObject({ ok: true, values: { birthYear: 1985 } });
  });

  it("rejects a village that is not in the FO's district", () => {
    const rows = parse(`${header}\nNoy,f,f,1990,Ban Viengkeo,\n`);
    expect(rows[0]).toMatchObject({
      ok: false,
      problems: [{ column: "village", reason: "members:import.reasons.unknownVillage", params: { value: "Ban Viengkeo" } }],
    });
  });

  it("reports every problem of a row, and every bad row", () => {
    const rows = parse(`${header}\n,z,f,12,Nowhere,123\nGood,f,f,1990,Ban Nakham,\nBad Phone,f,f,1990,Ban Nakham,99\n`);
    expect(problemsOf(rows[0])).toEqual([
      ["name", "validation:required"],
      ["household_head_sex", "members:import.reasons.badSex"],
      ["birth_year", "members:errors.birthYearFormat"],
      ["village", "members:import.reasons.unknownVillage"],
      ["phone", "validation:phoneInvalid"],
    ]);
    expect(rows[1]?.ok).toBe(true);
    expect(problemsOf(rows[2])).toEqual([["phone", "validation:phoneInvalid"]]);
  });

  it("reports a member twice in the file, pointing at the first row", () => {
    const rows = parse(`${header}\nNoy Sy,f,f,1990,Ban Nakham,\nOther,m,m,1980,Ban Nakham,\n  noy  SY ,f,f,1990,Ban Phonxay,\n`);
    expect(rows[0]?.ok).toBe(true);
    expect(rows[2]).toMatchObject({ ok: false, row: 4, problems: [{ column: "name", reason: "members:import.reasons.duplicateInFile", params: { row: 2 } }] });
  });

  it("reports a member already registered in the FO", () => {
    const rows = parse(`${header}\nkhamla vongsa,m,m,1970,Ban Nakham,\nKhamla Vongsa,m,m,1971,Ban Nakham,\n`);
    expect(problemsOf(rows[0])).toEqual([["name", "members:import.reasons.alreadyRegistered"]]);
    expect(rows[1]?.ok).toBe(true);
  });

  it("calls a village name that fits two villages ambiguous", () => {
    const twins = [...villages, { id: "v-other", nameLo: "ໂພນໄຊ", nameEn: "Phonxay" }];
    const rows = parse(`${header}\nNoy,f,f,1990,Phonxay,\n`, { villages: twins, existing: [] });
    expect(problemsOf(rows[0])).toEqual([["village", "members:import.reasons.ambiguousVillage"]]);
  });

  it(`refuses a file of more than ${MAX_CSV_ROWS} members`, () => {
    const line = (i: number) => `Member ${i},f,f,1990,Ban Nakham,`;
    const ok = parseMembersCsv([header, ...Array.from({ length: MAX_CSV_ROWS }, (_, i) => line(i))].join("\n"), context);
    expect(ok.ok).toBe(true);
    const tooMany = parseMembersCsv([header, ...Array.from({ length: MAX_CSV_ROWS + 1 }, (_, i) => line(i))].join("\n"), context);
    expect(tooMany).toEqual({ ok: false, error: { key: "members:import.errors.tooManyRows", params: { max: MAX_CSV_ROWS } } });
  });

  it("refuses a file over 1 MB", () => {
    const result = parseMembersCsv(`${header}\n${"x".repeat(1024 * 1024)}`, context);
    expect(result).toEqual({ ok: false, error: { key: "members:import.errors.tooLarge" } });
  });

  it.each([
    ["", "members:import.errors.empty"],
    [`${header}\n\n`, "members:import.errors.noRows"],
    ["name,village\nNoy,Ban Nakham", "members:import.errors.missingColumns"],
  ])("refuses the file %j as a whole", (text, key) => {
    const result = parseMembersCsv(text, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.key).toBe(key);
  });

  it("names the missing columns", () => {
    expect(parseMembersCsv("name,village\n", context)).toEqual({
      ok: false,
      error: { key: "members:import.errors.missingColumns", params: { columns: "household_head_sex, member_sex, birth_year" } },
    });
  });
});

describe("decoding an uploaded file", () => {
  it("reads UTF-8 with and without a byte-order mark", () => {
    const bytes = new TextEncoder().encode("name,ບ້ານ");
    expect(decodeCsvBytes(bytes)).toEqual({ ok: true, text: "name,ບ້ານ" });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ ok: true, text: "name,ບ້ານ" });
  });

  it("refuses a file that is not UTF-8", () => {
    expect(decodeCsvBytes(new Uint8Array([0x6e, 0xe9, 0x2c]))).toEqual({ ok: false, error: { key: "members:import.errors.notUtf8" } });
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x6e, 0x00]))).toEqual({ ok: false, error: { key: "members:import.errors.notUtf8" } });
  });
});

describe("the member form schema", () => {
  it.each([
    ["female", "female"],
    ["F", "female"],
    ["ຍິງ", "female"],
    [" Male ", "male"],
    ["m", "male"],
    ["ຊາຍ", "male"],
    ["woman", null],
  ])("reads the sex %j as %j", (written, sex) => {
    expect(parseSex(written)).toBe(sex);
  });

  it("normalises the phone and reads the year", () => {
    const parsed = MemberSchema.parse({
      name: " Noy ",
      householdHeadSex: "male",
      memberSex: "female",
      birthYear: "1990",
      villageId: "v",
      phone: "020 5555 1234",
    });
    expect(parsed).toEqual({ name: "Noy", householdHeadSex: "male", memberSex: "female", birthYear: 1990, villageId: "v", phone: "8562055551234" });
  });
});
