// A member is a household in a farmers' organisation: the name it is known by,
// the sex of the household head and of the registered member, the year of birth
// (from which the youth flag is derived), the village it lives in and an optional
// phone. Members need not be users of the portal. This module has no database, so
// the same schema checks the add/edit form and every row of a CSV import.
import { z } from "zod";
import { choice, idField, optionalPhoneField, requiredText } from "~/utils/fields";

export const memberSexes = ["female", "male"] as const;
export type MemberSex = (typeof memberSexes)[number];

export const EARLIEST_BIRTH_YEAR = 1900;

/** The year in the portal's time zone (Asia/Vientiane, UTC+7, no daylight saving). */
export function yearInLaos(today: Date): number {
  return new Date(today.getTime() + 7 * 3600_000).getUTCFullYear();
}

const laoDigits = /[\u0ED0-\u0ED9]/g;
/** Lao digits (໑໙໘໕) as Western digits, so a year typed on a Lao keyboard is read. */
export function toWesternDigits(value: string): string {
  return value.replace(laoDigits, (d) => String(d.charCodeAt(0) - 0x0ed0));
}

const birthYearField = z
  .string({ error: "validation:required" })
  .trim()
  .min(1, { error: "validation:required" })
  .transform(toWesternDigits)
  .pipe(z.string().regex(/^\d{4}$/, { error: "members:errors.birthYearFormat" }))
  .transform(Number)
  // Checked at parse time, so the upper bound moves with the calendar.
  .refine((year) => year >= EARLIEST_BIRTH_YEAR && year <= yearInLaos(new Date()), {
    error: "members:errors.birthYearRange",
  });

/**
 * The add/edit form. That the village lies in the FO's own district needs the
 * database, so addMember and updateMember check it.
 */
export const MemberSchema = z.object({
  name: requiredText(120),
  householdHeadSex: choice(memberSexes),
  memberSex: choice(memberSexes),
  birthYear: birthYearField,
  villageId: idField,
  phone: optionalPhoneField,
});
export type MemberValues = z.output<typeof MemberSchema>;

const sexWords: Record<string, MemberSex> = {
  female: "female",
  f: "female",
  ຍິງ: "female",
  ຜູ້ຍິງ: "female",
  ແມ່ຍິງ: "female",
  male: "male",
  m: "male",
  ຊາຍ: "male",
  ຜູ້ຊາຍ: "male",
};

/** Reads the ways people write a sex in a spreadsheet (female, F, ຍິງ …); null if unknown. */
export function parseSex(value: string): MemberSex | null {
  return sexWords[value.normalize("NFC").trim().toLowerCase()] ?? null;
}

/** Name as compared for duplicates: same letters, any case and spacing. */
export function nameKey(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}

/** Two members with the same name and year of birth in one FO are taken for the same household. */
export function duplicateKey(name: string, birthYear: number): string {
  return `${nameKey(name)}|${birthYear}`;
}
