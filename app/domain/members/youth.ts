// Youth and the sex- and age-disaggregated counts the programme reports on.
// Pure: no database, safe in the browser.
import { yearInLaos } from "./member-schema";

/** The programme counts a member as youth while under 35 in the current year. */
export const YOUTH_AGE_LIMIT = 35;

/** Under 35 in the current year (age counted as this year minus the year of birth). */
export function isYouth(birthYear: number, today: Date): boolean {
  return yearInLaos(today) - birthYear < YOUTH_AGE_LIMIT;
}

export type MemberCounts = {
  total: number;
  female: number;
  male: number;
  youth: number;
  youngWomen: number;
  femaleHeaded: number;
};

export function countMembers(members: readonly { memberSex: string; householdHeadSex: string; birthYear: number }[], today: Date): MemberCounts {
  const counts: MemberCounts = { total: 0, female: 0, male: 0, youth: 0, youngWomen: 0, femaleHeaded: 0 };
  for (const m of members) {
    const youth = isYouth(m.birthYear, today);
    counts.total += 1;
    if (m.memberSex === "female") counts.female += 1;
    if (m.memberSex === "male") counts.male += 1;
    if (youth) counts.youth += 1;
    if (youth && m.memberSex === "female") counts.youngWomen += 1;
    if (m.householdHeadSex === "female") counts.femaleHeaded += 1;
  }
  return counts;
}
