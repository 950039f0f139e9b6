// Demo accounts and organisations for a fresh installation (run only when the User
// table is empty; see prisma/seed.ts). Every demo user signs in with the password
// "demo-password" by e-mail or phone. Personal names are generic Lao (and Hmong)
// names made up for the demo, not real people; company names are invented too.
// Requires the reference data (seedReferenceData) to be in place.
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client";
import { hashPassword } from "../../app/utils/password.server";

type Tx = Prisma.TransactionClient;

export const DEMO_PASSWORD = "demo-password";

type Role = "fo_leader" | "trader" | "facilitator" | "admin";
type Sex = "female" | "male";

const DAY_MS = 24 * 60 * 60 * 1000;
function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY_MS);
}

// ---------------------------------------------------------------------------
// Member register generator (deterministic, so every fresh demo looks the same)
// ---------------------------------------------------------------------------

const MALE_GIVEN = [
  "ບຸນມີ",
  "ສົມພອນ",
  "ຄຳພອນ",
  "ທອງໄສ",
  "ບົວພັນ",
  "ສີສະຫວາດ",
  "ວັນໄຊ",
  "ສຸລິຍາ",
  "ພອນສະຫວັນ",
  "ຄຳຫຼ້າ",
  "ບຸນເລີດ",
  "ແສງອາລຸນ",
  "ທອງດີ",
  "ບຸນທັນ",
  "ສົມຈິດ",
  "ຄຳແສງ",
];
const FEMALE_GIVEN = [
  "ມະນີວັນ",
  "ບົວສີ",
  "ຄຳແພງ",
  "ສີດາ",
  "ພອນມະນີ",
  "ວຽງສະໄໝ",
  "ຈັນສີ",
  "ອຳພອນ",
  "ບົວຄຳ",
  "ແສງເດືອນ",
  "ລັດດາ",
  "ໄພວັນ",
  "ທິບພະວັນ",
  "ມາລີ",
  "ດາວວອນ",
  "ນິດຕະຍາ",
];
const LAO_SURNAMES = [
  "ແກ້ວມະນີ",
  "ພົມມະຈັນ",
  "ສີສົມບັດ",
  "ວົງສະຫວັນ",
  "ອິນທະວົງ",
  "ຈັນທະວົງ",
  "ສຸວັນນະລາດ",
  "ພົມມະວົງ",
  "ແສງສຸລິຍາ",
  "ດວງມະນີ",
  "ໄຊຍະວົງ",
  "ບຸບຜາ",
  "ພັນທະວົງ",
  "ສີລາວົງ",
  "ແກ້ວວົງສາ",
  "ອຸ່ນເຮືອນ",
  "ສີຫາລາດ",
  "ວົງພະຈັນ",
];
// Hmong names are written given name first, then clan name.
const HMONG_MALE_GIVEN = ["ປາວ", "ຕູ", "ໄຊ", "ເຈ", "ຊົ່ວ"];
const HMONG_FEMALE_GIVEN = ["ເຊຍ", "ມີ", "ປາ", "ຢົວ", "ນູ"];
const HMONG_CLANS = ["ວ່າງ", "ລີ", "ຢ່າງ", "ທໍ່", "ຊົ່ງ"];

interface MemberSeed {
  name: string;
  householdHeadSex: Sex;
  memberSex: Sex;
  birthYear: number;
  villageId: string;
  phone: string | null;
}

/**
 * `count` members for an FO. `seed` varies the names and numbers between FOs;
 * `villageIds[0]` is the FO's own village (two thirds of the members), the others
 * are neighbouring villages of the same district. With `hmong`, every third
 * member gets a Hmong name (Hmong villages are common in both provinces).
 */
function makeMembers(count: number, seed: number, villageIds: string[], hmong = false): MemberSeed[] {
  const members: MemberSeed[] = [];
  for (let i = 0; i < count; i++) {
    const k = seed * 31 + i;
    const memberSex: Sex = (k * 7) % 11 < 5 ? "female" : "male";
    // A registered woman is often the wife of a male household head; about 40 %
    // of women registered head their own household. Some men are registered for
    // a household headed by their widowed mother.
    const householdHeadSex: Sex = memberSex === "female" ? ((k * 3) % 5 < 2 ? "female" : "male") : k % 6 === 0 ? "female" : "male";
    const birthYear = 1955 + ((k * 37 + i * 11) % 53); // 1955..2007
    const isHmong = hmong && i % 3 === 2;
    let name: string;
    if (isHmong) {
      const given = memberSex === "female" ? HMONG_FEMALE_GIVEN : HMONG_MALE_GIVEN;
      name = `${given[k % given.length]} ${HMONG_CLANS[Math.floor(k / given.length) % HMONG_CLANS.length]}`;
    } else {
      const given = memberSex === "female" ? FEMALE_GIVEN : MALE_GIVEN;
      name = `${given[(k * 5) % given.length]} ${LAO_SURNAMES[(k * 7) % LAO_SURNAMES.length]}`;
    }
    const villageId = i % 3 === 2 && villageIds.length > 1 ? villageIds[1 + (i % (villageIds.length - 1))] : villageIds[0];
    // Lao mobile numbers: 856 20 + 8 digits; about two thirds of members have one.
    const phone = i % 3 === 1 ? null : `85620${String(70_000_000 + seed * 1000 + i)}`;
    members.push({ name, householdHeadSex, memberSex, birthYear, villageId: villageId!, phone });
  }
  return members;
}

// ---------------------------------------------------------------------------

interface UserSeed {
  key: string;
  name: string;
  email: string;
  phone: string;
  roles: Role[];
  /** written into the contracts they sign (signatories' sex and role) */
  sex: "female" | "male";
}

const USERS: UserSeed[] = [
  { key: "leader", name: "Bounmy Keomany", email: "leader@demo.la", phone: "8562055510001", roles: ["fo_leader"], sex: "male" },
  { key: "trader", name: "Thongsay Chanthavong", email: "trader@demo.la", phone: "8562055510002", roles: ["trader"], sex: "male" },
  { key: "facilitator", name: "Phonesavanh Latsavong", email: "facilitator@demo.la", phone: "8562055510003", roles: ["facilitator"], sex: "female" },
  { key: "admin", name: "Daovone Sihalath", email: "admin@demo.la", phone: "8562055510004", roles: ["admin"], sex: "female" },
  { key: "leader2", name: "Manivanh Sisombath", email: "leader2@demo.la", phone: "8562055510012", roles: ["fo_leader"], sex: "female" },
  { key: "leader3", name: "Khamphone Inthavong", email: "leader3@demo.la", phone: "8562055510013", roles: ["fo_leader"], sex: "male" },
  { key: "leader4", name: "Tou Yang", email: "leader4@demo.la", phone: "8562055510014", roles: ["fo_leader"], sex: "male" },
  { key: "leader5", name: "Bouasy Phanthavong", email: "leader5@demo.la", phone: "8562055510015", roles: ["fo_leader"], sex: "female" },
  { key: "trader2", name: "Sisavath Souvannalath", email: "trader2@demo.la", phone: "8562055510022", roles: ["trader"], sex: "male" },
  { key: "trader3", name: "Vanxay Douangmany", email: "trader3@demo.la", phone: "8562055510023", roles: ["trader"], sex: "male" },
  { key: "trader4", name: "Sengdeuane Xayavong", email: "trader4@demo.la", phone: "8562055510024", roles: ["trader"], sex: "female" },
  { key: "facilitatorXyb", name: "Khamla Silavong", email: "facilitator.xyb@demo.la", phone: "8562055510031", roles: ["facilitator"], sex: "female" },
];

interface OrgSeed {
  nameLo: string;
  nameEn: string;
  type: "producer_group" | "cooperative" | "association";
  districtCode: string;
  /** own village first, then neighbouring villages members may live in */
  villages: string[];
  phone: string | null;
  leader: string;
  /** user key of the verifying facilitator; null = pending */
  verifiedBy: string | null;
  verifiedDaysAgo: number;
  members: number;
  hmong: boolean;
}

const ORGANISATIONS: OrgSeed[] = [
  {
    nameLo: "ສະຫະກອນຜະລິດສາລີ ບ້ານໂພນໄຊ",
    nameEn: "Phonxay Maize Producers' Cooperative",
    type: "cooperative",
    districtCode: "ODX-BEN",
    villages: ["Ban Phonxay", "Ban Nakham", "Ban Donxay"],
    phone: "8562055520001",
    leader: "leader",
    verifiedBy: "facilitator",
    verifiedDaysAgo: 120,
    members: 25,
    hmong: false,
  },
  {
    nameLo: "ກຸ່ມຜູ້ປູກເດືອຍ ບ້ານນາທອງ",
    nameEn: "Nathong Job's Tears Growers' Group",
    type: "producer_group",
    districtCode: "ODX-HOU",
    villages: ["Ban Nathong", "Ban Houaysay"],
    phone: null,
    leader: "leader",
    verifiedBy: null,
    verifiedDaysAgo: 0,
    members: 12,
    hmong: true,
  },
  {
    nameLo: "ສະຫະກອນກະສິກຳ ວຽງແກ້ວ",
    nameEn: "Viengkeo Agricultural Cooperative",
    type: "cooperative",
    districtCode: "XYB-HON",
    villages: ["Ban Viengkeo", "Ban Naxay", "Ban Samakhi"],
    phone: "8562055520003",
    leader: "leader2",
    verifiedBy: "facilitatorXyb",
    verifiedDaysAgo: 90,
    members: 18,
    hmong: false,
  },
  {
    nameLo: "ກຸ່ມຜະລິດງາ ບ້ານໂພນທອງ",
    nameEn: "Phonthong Sesame Producer Group",
    type: "producer_group",
    districtCode: "XYB-XIE",
    villages: ["Ban Phonthong", "Ban Naxong"],
    phone: null,
    leader: "leader3",
    verifiedBy: "facilitator",
    verifiedDaysAgo: 60,
    members: 14,
    hmong: false,
  },
  {
    nameLo: "ສະມາຄົມຜູ້ປູກມັນຕົ້ນ ເມືອງງາ",
    nameEn: "Nga Cassava Growers' Association",
    type: "association",
    districtCode: "ODX-NGA",
    villages: ["Ban Phonkham", "Ban Namnga", "Ban Vangxay", "Ban Nongkham"],
    phone: "8562055520005",
    leader: "leader4",
    verifiedBy: "facilitator",
    verifiedDaysAgo: 45,
    members: 20,
    hmong: true,
  },
  {
    nameLo: "ກຸ່ມຜູ້ປູກສາລີ ບ້ານນາຫີນ",
    nameEn: "Nahin Maize Growers' Group",
    type: "producer_group",
    districtCode: "XYB-XAY",
    villages: ["Ban Nahin", "Ban Houayleuang"],
    phone: null,
    leader: "leader5",
    verifiedBy: null,
    verifiedDaysAgo: 0,
    members: 10,
    hmong: false,
  },
];

interface CompanySeed {
  name: string;
  licenceNumber: string;
  provinceCode: "ODX" | "XYB";
  contactPhone: string;
  contactEmail: string;
  staff: string[];
  verifiedBy: string | null;
  verifiedDaysAgo: number;
}

const COMPANIES: CompanySeed[] = [
  {
    name: "Namko Agro Trading Sole Co., Ltd.",
    licenceNumber: "ERC 0412/ODX/2019",
    provinceCode: "ODX",
    contactPhone: "8562055530001",
    contactEmail: "contact@namko-agro.demo.la",
    staff: ["trader"],
    verifiedBy: "facilitator",
    verifiedDaysAgo: 150,
  },
  {
    // Thai feed-mill buyer with a Lao branch
    name: "Siam Northern Feedmill (Lao) Co., Ltd. – Sayabouly Branch",
    licenceNumber: "ERC 0157/XYB/2021",
    provinceCode: "XYB",
    contactPhone: "8562055530002",
    contactEmail: "lao.branch@siamnorthern.demo.la",
    staff: ["trader2"],
    verifiedBy: "facilitatorXyb",
    verifiedDaysAgo: 100,
  },
  {
    // Chinese importer with a Lao branch
    name: "Yunlao Agricultural Import & Export Co., Ltd. – Oudomxay Branch",
    licenceNumber: "ERC 0833/ODX/2022",
    provinceCode: "ODX",
    contactPhone: "8562055530003",
    contactEmail: "oudomxay@yunlao.demo.la",
    staff: ["trader3"],
    verifiedBy: "facilitator",
    verifiedDaysAgo: 75,
  },
  {
    name: "Hongsa Green Harvest Trading Co., Ltd.",
    licenceNumber: "ERC 0291/XYB/2025",
    provinceCode: "XYB",
    contactPhone: "8562055530004",
    contactEmail: "info@hongsa-harvest.demo.la",
    staff: ["trader4"],
    verifiedBy: null,
    verifiedDaysAgo: 0,
  },
];

// ---------------------------------------------------------------------------

async function createDemo(tx: Tx, passwordHash: string): Promise<void> {
  const districts = await tx.district.findMany({
    include: { villages: true, province: true },
  });
  const districtByCode = new Map(districts.map((d) => [d.code, d]));
  const district = (code: string) => {
    const d = districtByCode.get(code);
    if (!d) throw new Error(`District ${code} is missing: run seedReferenceData first`);
    return d;
  };
  const villageId = (districtCode: string, nameEn: string): string => {
    const village = district(districtCode).villages.find((v) => v.nameEn === nameEn);
    if (!village) throw new Error(`Village ${nameEn} in ${districtCode} is missing: run seedReferenceData first`);
    return village.id;
  };
  const provinceId = (code: string): string => {
    const d = districts.find((x) => x.province.code === code);
    if (!d) throw new Error(`Province ${code} is missing: run seedReferenceData first`);
    return d.provinceId;
  };

  const userIds = new Map<string, string>();
  const userId = (key: string): string => {
    const id = userIds.get(key);
    if (!id) throw new Error(`Unknown demo user ${key}`);
    return id;
  };
  for (const u of USERS) {
    const user = await tx.user.create({
      data: {
        name: u.name,
        email: u.email,
        phone: u.phone,
        passwordHash,
        locale: null,
        sex: u.sex,
        roles: { create: u.roles.map((role) => ({ role })) },
      },
      select: { id: true },
    });
    userIds.set(u.key, user.id);
  }

  // Facilitators: the main one covers all nine districts, the Sayabouly one only
  // the Sayabouly districts.
  await tx.facilitatorDistrict.createMany({
    data: districts.map((d) => ({ userId: userId("facilitator"), districtId: d.id })),
  });
  await tx.facilitatorDistrict.createMany({
    data: districts.filter((d) => d.province.code === "XYB").map((d) => ({ userId: userId("facilitatorXyb"), districtId: d.id })),
  });

  for (const [index, o] of ORGANISATIONS.entries()) {
    const villageIds = o.villages.map((name) => villageId(o.districtCode, name));
    const verified = o.verifiedBy !== null;
    const organisation = await tx.organisation.create({
      data: {
        nameLo: o.nameLo,
        nameEn: o.nameEn,
        type: o.type,
        villageId: villageIds[0]!,
        phone: o.phone,
        status: verified ? "verified" : "pending",
        verifiedById: o.verifiedBy === null ? null : userId(o.verifiedBy),
        verifiedAt: verified ? daysAgo(o.verifiedDaysAgo) : null,
        leaders: { create: [{ userId: userId(o.leader), position: "leader" }] },
        members: { create: makeMembers(o.members, index + 1, villageIds, o.hmong) },
      },
      select: { members: { where: { phone: { not: null } }, orderBy: { name: "asc" }, select: { id: true, phone: true } } },
    });
    // Half the households with a phone agreed to SMS at a members' meeting or on a paper form, so that
    // their deliveries, payouts and new contracts show as member SMS in the outbox.
    await tx.memberSmsConsent.createMany({
      data: organisation.members
        .filter((_, i) => i % 2 === 0)
        .map((m, i) => ({
          memberId: m.id,
          phone: m.phone!,
          givenAt: daysAgo(90 + i),
          givenHow: i % 3 === 0 ? "paper_form" : "meeting",
          recordedById: userId(o.leader),
        })),
    });
  }

  for (const c of COMPANIES) {
    const verified = c.verifiedBy !== null;
    await tx.traderCompany.create({
      data: {
        name: c.name,
        licenceNumber: c.licenceNumber,
        baseProvinceId: provinceId(c.provinceCode),
        contactPhone: c.contactPhone,
        contactEmail: c.contactEmail,
        status: verified ? "verified" : "pending",
        verifiedById: c.verifiedBy === null ? null : userId(c.verifiedBy),
        verifiedAt: verified ? daysAgo(c.verifiedDaysAgo) : null,
        staff: { create: c.staff.map((key) => ({ userId: userId(key) })) },
      },
    });
  }
}

/** Creates the demo users, FOs with members and trader companies in one transaction. */
export async function seedDemoData(db: PrismaClient): Promise<void> {
  // Hashing is deliberately slow: do it once, outside the transaction.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.$transaction((tx) => createDemo(tx, passwordHash), { timeout: 60_000, maxWait: 10_000 });
}
