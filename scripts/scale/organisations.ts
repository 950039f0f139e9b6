// Farmers' organisations and their member households. Each FO sits in a
// village of one district, sells a few crops typical of its province, has a
// leader account (and often a secretary) and a register of households: about
// 40 % of registered members are women, some households are headed by women,
// birth years run from 1950 to 2008 (so there is a youth share), two thirds
// have a phone, a few have left (inactive). Most FOs are verified by a
// facilitator of their district; a few wait for verification (registered
// recently) or were suspended. The demo leader's FO gets more households, as a
// large cooperative, so its pages show a register at scale.
import type { MemberRef, OrgNode, World } from "./model";
import { organisationName, personName, type OrgType, type Sex } from "./names";
import type { IdFactory } from "./ids";
import type { Random } from "./random";
import type { Writer } from "./tables";
import { SUSPENSION_REASONS } from "./texts";
import { DAY, YEAR } from "./time";
import type { Users } from "./users";

/** What FOs grow, by province: maize, paddy and soybean in Sayabouly; Job's tears, cardamom and rubber in Oudomxay. */
const CROPS_BY_PROVINCE: Record<string, [string, number][]> = {
  XYB: [
    ["MAIZE", 10],
    ["PADDY", 4],
    ["SOYBEAN", 3],
    ["SESAME", 2],
    ["CASSAVA_CHIPS", 3],
    ["CASSAVA_FRESH", 2],
    ["BANANA", 2],
    ["SUGARCANE", 2],
    ["JOBS_TEARS", 1],
  ],
  ODX: [
    ["JOBS_TEARS", 6],
    ["MAIZE", 6],
    ["CARDAMOM", 3],
    ["RUBBER_CUP_LUMP", 3],
    ["PADDY", 3],
    ["SESAME", 2],
    ["CASSAVA_CHIPS", 2],
    ["BANANA", 2],
    ["SOYBEAN", 1],
  ],
};

function cropProfile(rng: Random, provinceCode: string, world: World): string[] {
  const options = (CROPS_BY_PROVINCE[provinceCode] ?? CROPS_BY_PROVINCE.XYB!).filter(([code]) => world.cropByCode.has(code));
  const count = rng.weighted([
    [1, 3],
    [2, 4],
    [3, 3],
  ] as const);
  const chosen = new Set<string>();
  while (chosen.size < Math.min(count, options.length)) chosen.add(rng.weighted(options));
  return [...chosen];
}

/** How many households each of `n` FOs registers, `total` in all: groups smaller, cooperatives and associations larger. */
function memberCounts(rng: Random, types: OrgType[], total: number): number[] {
  const weights = types.map((t) => (t === "producer_group" ? rng.real(0.3, 1) : rng.real(0.8, 2.4)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let left = total - counts.reduce((a, b) => a + b, 0);
  for (let i = 0; left > 0; i = (i + 1) % counts.length, left--) counts[i]!++;
  for (let i = 0; left < 0; i = (i + 1) % counts.length)
    if (counts[i]! > 1) {
      counts[i]!--;
      left++;
    }
  return counts;
}

export class MemberWriter {
  constructor(
    private readonly world: World,
    private readonly writer: Writer,
    private readonly ids: IdFactory,
    private readonly rng: Random,
  ) {}

  /** Registers `count` households in the FO, joined from `joinedFrom` (ms). */
  add(fo: OrgNode, count: number, hmong: boolean, joinedFrom: number): void {
    const rng = this.rng;
    const villages = fo.village.district.villages;
    for (let i = 0; i < count; i++) {
      const memberSex: Sex = rng.chance(0.4) ? "female" : "male";
      // A registered woman is often the wife of a male head; some men are registered
      // for a household headed by their widowed mother.
      const householdHeadSex: Sex = memberSex === "female" ? (rng.chance(0.4) ? "female" : "male") : rng.chance(0.1) ? "female" : "male";
      const birthYear = Math.min(2008, Math.max(1950, Math.round(rng.normal(1980, 13))));
      const village = rng.chance(0.7) || villages.length < 2 ? fo.village : rng.pick(villages);
      const late = rng.chance(0.15);
      const createdAt = late ? joinedFrom + rng.next() * Math.max(0, this.world.now - 30 * DAY - joinedFrom) : joinedFrom + rng.int(0, 20) * DAY;
      const active = rng.chance(0.97);
      const updatedAt = active ? createdAt : createdAt + rng.next() * (this.world.now - createdAt);
      const id = this.ids.next(createdAt);
      this.writer.insert("Member", {
        id,
        organisationId: fo.id,
        name: personName(rng, memberSex, hmong && rng.chance(0.5)).lo,
        householdHeadSex,
        memberSex,
        birthYear,
        villageId: village.id,
        phone: rng.chance(0.65) ? `85620${rng.pick(["2", "5", "7", "9"])}${rng.int(1_000_000, 9_999_999)}` : null,
        active,
        createdAt: new Date(createdAt),
        updatedAt: new Date(updatedAt),
      });
      // Members who left pledge nothing: only the active ones can be picked.
      if (active) fo.activeMembers.push({ id, createdAt } satisfies MemberRef);
    }
  }
}

export function generateOrganisations(
  world: World,
  writer: Writer,
  users: Users,
  members: MemberWriter,
  ids: IdFactory,
  rng: Random,
  count: number,
  memberTotal: number,
): void {
  const windowStart = world.now - 3 * YEAR;
  const types: OrgType[] = Array.from({ length: count }, () =>
    rng.weighted<OrgType>([
      ["producer_group", 55],
      ["cooperative", 30],
      ["association", 15],
    ]),
  );
  // The demo leader's FO becomes a large cooperative: about twice the average register.
  const average = memberTotal / Math.max(1, count);
  const demoExtra = Math.min(Math.round(0.3 * memberTotal), Math.max(0, Math.round(2 * average) - world.demo.fo.activeMembers.length));
  const counts = memberCounts(rng, types, Math.max(count, memberTotal - demoExtra));

  const usedVillages = new Set<string>();
  for (let i = 0; i < count; i++) {
    const district = world.districts[rng.int(0, world.districts.length - 1)]!;
    const free = district.villages.filter((v) => !usedVillages.has(v.id));
    const village = rng.pick(free.length ? free : district.villages);
    usedVillages.add(village.id);
    const type = types[i]!;
    const status =
      i === 0
        ? "verified"
        : rng.weighted([
            ["verified", 90],
            ["pending", 6],
            ["suspended", 4],
          ] as const);
    const crops = cropProfile(rng, district.province.code, world);
    const name = organisationName(rng, type, crops[0]!, village, district);
    const createdAt =
      status === "pending" ? world.now - rng.int(2, 60) * DAY : rng.chance(0.7) ? windowStart - rng.int(30, 500) * DAY : windowStart + rng.real(0, 2.5 * YEAR);
    const verifiedAt = status === "pending" ? null : createdAt + rng.int(5, 40) * DAY;
    const suspendedAt =
      status === "suspended" ? Math.min(world.now - DAY, verifiedAt! + 120 * DAY + rng.next() * Math.max(0, world.now - 130 * DAY - verifiedAt!)) : null;
    const verifier = rng.pick(district.facilitators.length ? district.facilitators : [world.demo.facilitator]);
    const id = ids.next(createdAt);
    writer.insert("Organisation", {
      id,
      nameLo: name.nameLo,
      nameEn: name.nameEn,
      type,
      villageId: village.id,
      phone: rng.chance(0.6) ? `85620${rng.int(22_000_000, 99_999_999)}` : null,
      status,
      statusReason: status === "suspended" ? rng.pick(SUSPENSION_REASONS) : null,
      verifiedById: verifiedAt === null ? null : verifier.id,
      verifiedAt: verifiedAt === null ? null : new Date(verifiedAt),
      createdAt: new Date(createdAt),
      updatedAt: new Date(suspendedAt ?? verifiedAt ?? createdAt),
    });
    const hmong = rng.chance(0.3);
    const fo: OrgNode = {
      id,
      nameLo: name.nameLo,
      nameEn: name.nameEn,
      type,
      village,
      leaders: [],
      status,
      verifiedAt,
      suspendedAt,
      createdAt,
      activeMembers: [],
      crops,
      demo: false,
    };
    const positions = rng.chance(0.4) ? ["leader", "secretary"] : ["leader"];
    for (const position of positions) {
      const user = users.create({ role: "fo_leader", createdAt, hmong });
      writer.insert("OrganisationLeader", { organisationId: id, userId: user.id, position, createdAt: new Date(createdAt) });
      fo.leaders.push({ user, position });
    }
    members.add(fo, counts[i]!, hmong, createdAt);
    world.organisations.push(fo);
  }
  if (demoExtra > 0) members.add(world.demo.fo, demoExtra, false, world.demo.fo.createdAt);
}

/** Whether the FO could publish at `at`: verified by then and not yet suspended. */
export function organisationActiveAt(fo: OrgNode, at: number): boolean {
  if (fo.verifiedAt === null || fo.verifiedAt > at) return false;
  return fo.suspendedAt === null || at < fo.suspendedAt;
}
