// Reading a member list from a spreadsheet saved as CSV: UTF-8 (with or without
// the byte-order mark Excel writes), comma-separated, quoted fields that may hold
// commas, quotes and line breaks (rows pasted from a spreadsheet arrive
// tab-separated and are read too). Every row is checked with the same schema as
// the add form and gets its own verdict, so the leader can fix the file and send
// it again. Pure: the FO's villages and existing members are passed in.
//
// Row numbers are the ones a spreadsheet shows: the header is row 1, and a quoted
// field with line breaks stays inside its row.
import { duplicateKey, MemberSchema, nameKey, parseSex, toWesternDigits, type MemberSex, type MemberValues } from "./member-schema";

export const MAX_CSV_ROWS = 2000;
export const MAX_CSV_BYTES = 1024 * 1024;
export const CSV_COLUMNS = ["name", "household_head_sex", "member_sex", "birth_year", "village", "phone"] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
const REQUIRED_COLUMNS: readonly CsvColumn[] = ["name", "household_head_sex", "member_sex", "birth_year", "village"];
export const SAMPLE_HEADER = CSV_COLUMNS.join(",");

/**
 * Column headers as leaders write them in a Lao spreadsheet, and longer English
 * ones, keyed as `headerKey` reads them (case, spaces, "_" and "-" ignored).
 */
const HEADER_ALIASES: Record<string, CsvColumn> = {
  ຊື່: "name",
  ຊື່ສະມາຊິກ: "name",
  ຊື່ແລະນາມສະກຸນ: "name",
  ຊື່ນາມສະກຸນ: "name",
  ເພດຂອງຫົວໜ້າຄອບຄົວ: "household_head_sex",
  ເພດຫົວໜ້າຄອບຄົວ: "household_head_sex",
  ເພດຂອງສະມາຊິກ: "member_sex",
  ເພດສະມາຊິກ: "member_sex",
  ເພດ: "member_sex",
  ປີເກີດ: "birth_year",
  ບ້ານ: "village",
  ຊື່ບ້ານ: "village",
  ເບີໂທ: "phone",
  ເບີໂທລະສັບ: "phone",
  ເບີມືຖື: "phone",
  householdheadsex: "household_head_sex",
  sexofhouseholdhead: "household_head_sex",
  membersex: "member_sex",
  sex: "member_sex",
  birthyear: "birth_year",
  yearofbirth: "birth_year",
  phonenumber: "phone",
};
for (const column of CSV_COLUMNS) HEADER_ALIASES[headerKey(column)] = column;

/** The same header in Lao, for leaders who keep their spreadsheet in Lao. */
export const SAMPLE_HEADER_LO = ["ຊື່", "ເພດຂອງຫົວໜ້າຄອບຄົວ", "ເພດຂອງສະມາຊິກ", "ປີເກີດ", "ບ້ານ", "ເບີໂທ"].join(",");

function headerKey(cell: string): string {
  return cell.normalize("NFC").trim().toLowerCase().replace(/[\s_-]+/g, "");
}

/** The column a header cell names, in English or Lao; undefined when it names none. */
export function columnOfHeader(cell: string): CsvColumn | undefined {
  return HEADER_ALIASES[headerKey(cell)];
}

export type Params = Record<string, string | number>;
export type Message = { key: string; params?: Params };
export type RowProblem = { column: CsvColumn; reason: string; params?: Params };

export type CsvVillage = { id: string; nameLo: string; nameEn: string };
export type CsvContext = {
  /** the villages a member may live in (the FO's district) */
  villages: readonly CsvVillage[];
  /** members already in the FO, active or not */
  existing: readonly { name: string; birthYear: number }[];
};

export type CsvRowResult =
  | { row: number; name: string; ok: true; values: MemberValues; village: CsvVillage }
  | { row: number; name: string; ok: false; problems: RowProblem[] };

export type MembersCsvResult = { ok: true; rows: CsvRowResult[] } | { ok: false; error: Message };

const fieldToColumn: Record<string, CsvColumn> = {
  name: "name",
  householdHeadSex: "household_head_sex",
  memberSex: "member_sex",
  birthYear: "birth_year",
  villageId: "village",
  phone: "phone",
};

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

/** Splits CSV text into records of fields (RFC 4180, lenient about stray quotes inside a field). */
export function readCsvRecords(text: string, delimiter = ","): { ok: true; records: string[][] } | { ok: false; error: Message } {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let inQuotes = false;
  let atFieldStart = true;
  let dirty = false;

  const endField = () => {
    record.push(field);
    field = "";
    atFieldStart = true;
  };
  const endRecord = () => {
    endField();
    records.push(record);
    record = [];
    dirty = false;
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (inQuotes) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
      continue;
    }
    if (c === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
      dirty = true;
    } else if (c === delimiter) {
      endField();
      dirty = true;
    } else if (c === "\r" || c === "\n") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRecord();
    } else {
      field += c;
      atFieldStart = false;
      dirty = true;
    }
  }
  if (inQuotes) return { ok: false, error: { key: "members:import.errors.unterminatedQuote", params: { row: records.length + 1 } } };
  if (dirty) endRecord();
  return { ok: true, records };
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

const villagePrefix = /^(ban\s+|ບ້ານ\s*)/;

function villageKeys(name: string): string[] {
  const full = nameKey(name);
  const bare = full.replace(villagePrefix, "");
  return bare && bare !== full ? [full, bare] : [full];
}

/** Finds a village by its Lao or English name, with or without "Ban"/"ບ້ານ", any case. */
export function villageMatcher(villages: readonly CsvVillage[]) {
  const index = new Map<string, CsvVillage[]>();
  for (const v of villages) {
    for (const key of new Set([...villageKeys(v.nameLo), ...villageKeys(v.nameEn)])) {
      const found = index.get(key) ?? [];
      if (!found.some((f) => f.id === v.id)) found.push(v);
      index.set(key, found);
    }
  }
  return (written: string): { village: CsvVillage } | { problem: "unknown" | "ambiguous" } => {
    for (const key of villageKeys(written)) {
      const found = index.get(key);
      if (found?.length === 1) return { village: found[0]! };
      if (found && found.length > 1) return { problem: "ambiguous" };
    }
    return { problem: "unknown" };
  };
}

/** Checks every row of a member list; never stops at the first bad row. */
export function parseMembersCsv(text: string, context: CsvContext): MembersCsvResult {
  if (utf8Length(text) > MAX_CSV_BYTES) return { ok: false, error: { key: "members:import.errors.tooLarge" } };
  const clean = text.replace(/^\uFEFF/, "").normalize("NFC");
  const read = readCsvRecords(clean, delimiterOf(clean));
  if (!read.ok) return read;
  const [header, ...body] = read.records;
  if (!header || header.every((cell) => !cell.trim())) return { ok: false, error: { key: "members:import.errors.empty" } };

  const columns = new Map<CsvColumn, number>();
  header.forEach((cell, i) => {
    const name = columnOfHeader(cell);
    if (name && !columns.has(name)) columns.set(name, i);
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.has(c));
  if (missing.length) return { ok: false, error: { key: "members:import.errors.missingColumns", params: { columns: missing.join(", ") } } };

  const dataRows = body
    .map((fields, i) => ({ row: i + 2, fields }))
    .filter(({ fields }) => fields.some((f) => f.trim() !== ""));
  if (dataRows.length === 0) return { ok: false, error: { key: "members:import.errors.noRows" } };
  if (dataRows.length > MAX_CSV_ROWS) return { ok: false, error: { key: "members:import.errors.tooManyRows", params: { max: MAX_CSV_ROWS } } };

  const findVillage = villageMatcher(context.villages);
  const existing = new Set(context.existing.map((m) => duplicateKey(m.name, m.birthYear)));
  const firstRowOf = new Map<string, number>();

  const rows = dataRows.map(({ row, fields }): CsvRowResult => {
    const cell = (column: CsvColumn) => {
      const i = columns.get(column);
      return i === undefined ? "" : (fields[i] ?? "").trim();
    };
    const problems: RowProblem[] = [];
    const sex = (column: CsvColumn): MemberSex | "" => {
      const written = cell(column);
      if (!written) problems.push({ column, reason: "validation:required" });
      else if (!parseSex(written)) problems.push({ column, reason: "members:import.reasons.badSex", params: { value: written } });
      return parseSex(written) ?? "";
    };
    const householdHeadSex = sex("household_head_sex");
    const memberSex = sex("member_sex");

    let village: CsvVillage | undefined;
    const villageWritten = cell("village");
    if (!villageWritten) problems.push({ column: "village", reason: "validation:required" });
    else {
      const match = findVillage(villageWritten);
      if ("village" in match) village = match.village;
      else
        problems.push({
          column: "village",
          reason: match.problem === "ambiguous" ? "members:import.reasons.ambiguousVillage" : "members:import.reasons.unknownVillage",
          params: { value: villageWritten },
        });
    }

    const parsed = MemberSchema.safeParse({
      name: cell("name"),
      householdHeadSex,
      memberSex,
      birthYear: cell("birth_year"),
      villageId: village?.id ?? "",
      phone: cell("phone"),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = fieldToColumn[String(issue.path[0])];
        if (!column || problems.some((p) => p.column === column)) continue;
        problems.push({ column, reason: issue.message.includes(":") ? issue.message : "validation:invalid" });
      }
    }

    const name = cell("name");
    const nameOk = !problems.some((p) => p.column === "name");
    const yearOk = !problems.some((p) => p.column === "birth_year");
    if (nameOk && yearOk) {
      const key = duplicateKey(name, Number(toWesternDigits(cell("birth_year"))));
      const first = firstRowOf.get(key);
      if (existing.has(key)) problems.push({ column: "name", reason: "members:import.reasons.alreadyRegistered" });
      else if (first !== undefined) problems.push({ column: "name", reason: "members:import.reasons.duplicateInFile", params: { row: first } });
      else firstRowOf.set(key, row);
    }

    problems.sort((a, b) => CSV_COLUMNS.indexOf(a.column) - CSV_COLUMNS.indexOf(b.column));
    if (problems.length === 0 && parsed.success && village) return { row, name: parsed.data.name, ok: true, values: parsed.data, village };
    return { row, name, ok: false, problems };
  });

  return { ok: true, rows };
}
