// FOs and households reached (see ./aggregate: distinct FOs with a contract of
// the period, distinct members who pledged to one), from ReportReach: a row
// per FO or household, district and Vientiane day on which a contract in force
// reached it, with the day it was last reached before in that district
// (prevDay), kept by the database with every contract, pledge and member.
//
// A distinct count over a period is exact from these rows without sorting or
// deduplicating anything: of an FO's or household's rows in a district, the
// first one inside the period is the only one whose prevDay lies before the
// period (or is null). So each district's figure is a count of the period's
// rows with an early prevDay, read in the order of an index that holds every
// column it needs. A total over several districts is the sum of its districts
// less the FOs and households counted in more than one of them: only those
// reached in more than one district ever can be, and their rows are copied to
// ReportReachShared, usually empty. What this reads grows with the period, not
// with the history before it.
import { YOUTH_AGE_LIMIT } from "~/domain/members/youth";
import { yearInLaos } from "~/domain/members/member-schema";
import { placeholders, reads } from "~/utils/reads.server";
import { sexYouthGroups, type ReachRow, type SexYouthRow, type Table } from "./aggregate";
import type { ReportRange } from "./period";

type Counts = Omit<ReachRow, "key" | "organisations"> & {
  headFemaleYouth: number;
  headMaleYouth: number;
};

const zero = (): Counts => ({
  households: 0,
  women: 0,
  men: 0,
  youth: 0,
  womenYouth: 0,
  menYouth: 0,
  femaleHeaded: 0,
  maleHeaded: 0,
  headFemaleYouth: 0,
  headMaleYouth: 0,
});

const COUNTS = `count(*) AS households,
  count(CASE WHEN r.memberSex = 'female' THEN 1 END) AS women,
  count(CASE WHEN r.memberSex = 'male' THEN 1 END) AS men,
  count(CASE WHEN r.birthYear > ? THEN 1 END) AS youth,
  count(CASE WHEN r.birthYear > ? AND r.memberSex = 'female' THEN 1 END) AS womenYouth,
  count(CASE WHEN r.birthYear > ? AND r.memberSex = 'male' THEN 1 END) AS menYouth,
  count(CASE WHEN r.householdHeadSex = 'female' THEN 1 END) AS femaleHeaded,
  count(CASE WHEN r.householdHeadSex = 'male' THEN 1 END) AS maleHeaded,
  count(CASE WHEN r.birthYear > ? AND r.householdHeadSex = 'female' THEN 1 END) AS headFemaleYouth,
  count(CASE WHEN r.birthYear > ? AND r.householdHeadSex = 'male' THEN 1 END) AS headMaleYouth`;

/** The period's first row of each FO or household in each district (on ReportReach_scan_idx, index only). */
const FIRST_IN_PERIOD = (districts: number) =>
  `r.districtId IN (${placeholders(districts)}) AND r.day >= ? AND r.day <= ? AND (r.prevDay IS NULL OR r.prevDay < ?)`;

type Shared = { kind: "organisation" | "household"; memberSex: string | null; householdHeadSex: string | null; birthYear: number | null; districts: number };

/** FOs and households reached in each district of `districtIds` (in that order) and in all of them together, by sex and youth. */
export async function reachFigures(
  districtIds: readonly string[],
  range: ReportRange,
  youthOn: Date,
): Promise<{ reach: Table<ReachRow>; sexYouth: SexYouthRow[] }> {
  // isYouth: under YOUTH_AGE_LIMIT in the year (in Laos) of the period's last day.
  const bornAfter = yearInLaos(youthOn) - YOUTH_AGE_LIMIT;
  const first = [...districtIds, range.from, range.to, range.from];
  const [organisations, households, shared] = districtIds.length
    ? await Promise.all([
        reads().all<{ districtId: string; n: number }>(
          `SELECT r.districtId, count(*) AS n FROM ReportReach r WHERE r.kind = 'organisation' AND ${FIRST_IN_PERIOD(districtIds.length)} GROUP BY r.districtId`,
          ...first,
        ),
        reads().all<Counts & { districtId: string }>(
          `SELECT r.districtId, ${COUNTS} FROM ReportReach r WHERE r.kind = 'household' AND ${FIRST_IN_PERIOD(districtIds.length)} GROUP BY r.districtId`,
          ...[bornAfter, bornAfter, bornAfter, bornAfter, bornAfter],
          ...first,
        ),
        // Those reached in more than one of the districts during the period.
        districtIds.length > 1
          ? reads().all<Shared>(
              `SELECT s.kind, s.memberSex, s.householdHeadSex, s.birthYear, count(DISTINCT s.districtId) AS districts FROM ReportReachShared s
               WHERE s.day >= ? AND s.day <= ? AND s.districtId IN (${placeholders(districtIds.length)})
               GROUP BY s.kind, s.reachedId, s.memberSex, s.householdHeadSex, s.birthYear HAVING count(DISTINCT s.districtId) > 1`,
              range.from,
              range.to,
              ...districtIds,
            )
          : Promise.resolve([] as Shared[]),
      ])
    : [[], [], [] as Shared[]];

  const fos = new Map(organisations.map((r) => [r.districtId, r.n]));
  const members = new Map(households.map((r) => [r.districtId, r]));
  const total = { organisations: 0, ...zero() };
  const rows = districtIds.map((key): ReachRow => {
    const m = members.get(key) ?? zero();
    const organisationsIn = fos.get(key) ?? 0;
    total.organisations += organisationsIn;
    for (const k of Object.keys(zero()) as (keyof Counts)[]) total[k] += m[k];
    return { key, organisations: organisationsIn, ...pickReach(m) };
  });
  // Counted once per district in the sums above: count each only once.
  for (const s of shared) {
    const extra = s.districts - 1;
    if (s.kind === "organisation") {
      total.organisations -= extra;
      continue;
    }
    const young = s.birthYear !== null && s.birthYear > bornAfter;
    total.households -= extra;
    if (s.memberSex === "female") total.women -= extra;
    if (s.memberSex === "male") total.men -= extra;
    if (young) total.youth -= extra;
    if (young && s.memberSex === "female") total.womenYouth -= extra;
    if (young && s.memberSex === "male") total.menYouth -= extra;
    if (s.householdHeadSex === "female") total.femaleHeaded -= extra;
    if (s.householdHeadSex === "male") total.maleHeaded -= extra;
    if (young && s.householdHeadSex === "female") total.headFemaleYouth -= extra;
    if (young && s.householdHeadSex === "male") total.headMaleYouth -= extra;
  }

  const group = (key: SexYouthRow["key"], all: number, young: number): SexYouthRow => ({ key, youth: young, older: all - young, total: all });
  const of: Record<(typeof sexYouthGroups)[number], SexYouthRow> = {
    memberFemale: group("memberFemale", total.women, total.womenYouth),
    memberMale: group("memberMale", total.men, total.menYouth),
    headFemale: group("headFemale", total.femaleHeaded, total.headFemaleYouth),
    headMale: group("headMale", total.maleHeaded, total.headMaleYouth),
  };
  return {
    reach: { rows, total: { key: "total", organisations: total.organisations, ...pickReach(total) } },
    sexYouth: [...sexYouthGroups.map((g) => of[g]), group("total", total.households, total.youth)],
  };
}

function pickReach(c: Counts): Omit<ReachRow, "key" | "organisations"> {
  return {
    households: c.households,
    women: c.women,
    men: c.men,
    youth: c.youth,
    womenYouth: c.womenYouth,
    menYouth: c.menYouth,
    femaleHeaded: c.femaleHeaded,
    maleHeaded: c.maleHeaded,
  };
}
