// Names for the scale data set, each in Lao script with its usual romanisation:
// people (Lao and Hmong), villages built from the words Lao place names are
// made of, farmers' organisations named after their village and crop, and
// invented trading companies. Made up for the data set, not real people or firms.
import type { Random } from "./random";

type Pair = readonly [lo: string, en: string];

const MALE: Pair[] = [
  ["ບຸນມີ", "Bounmy"],
  ["ສົມພອນ", "Somphone"],
  ["ຄຳພອນ", "Khamphone"],
  ["ທອງໄສ", "Thongsay"],
  ["ບົວພັນ", "Bouaphanh"],
  ["ສີສະຫວາດ", "Sisavath"],
  ["ວັນໄຊ", "Vanxay"],
  ["ສຸລິຍາ", "Souliya"],
  ["ພອນສະຫວັນ", "Phonesavanh"],
  ["ຄຳຫຼ້າ", "Khamla"],
  ["ບຸນເລີດ", "Bounleuth"],
  ["ແສງອາລຸນ", "Sengaloun"],
  ["ທອງດີ", "Thongdy"],
  ["ບຸນທັນ", "Bounthanh"],
  ["ສົມຈິດ", "Somchith"],
  ["ຄຳແສງ", "Khamseng"],
  ["ວິໄລ", "Vilay"],
  ["ສຸກສະຫວັນ", "Souksavanh"],
  ["ບຸນຊູ", "Bounxou"],
  ["ທອງລຸນ", "Thongloun"],
  ["ຈັນທອນ", "Chanthone"],
  ["ພູວົງ", "Phouvong"],
  ["ສີພອນ", "Siphone"],
  ["ອຸດອນ", "Oudone"],
];
const FEMALE: Pair[] = [
  ["ມະນີວັນ", "Manivanh"],
  ["ບົວສີ", "Bouasy"],
  ["ຄຳແພງ", "Khamphaeng"],
  ["ສີດາ", "Sida"],
  ["ພອນມະນີ", "Phonemany"],
  ["ວຽງສະໄໝ", "Viengsamay"],
  ["ຈັນສີ", "Chansy"],
  ["ອຳພອນ", "Amphone"],
  ["ບົວຄຳ", "Bouakham"],
  ["ແສງເດືອນ", "Sengdeuane"],
  ["ລັດດາ", "Ladda"],
  ["ໄພວັນ", "Phayvanh"],
  ["ທິບພະວັນ", "Thipphavanh"],
  ["ມາລີ", "Malee"],
  ["ດາວວອນ", "Daovone"],
  ["ນິດຕະຍາ", "Nittaya"],
  ["ສົມສີ", "Somsy"],
  ["ຄຳໃສ", "Khamsai"],
  ["ແກ້ວກັນຍາ", "Keokanya"],
  ["ວັນນີ", "Vanny"],
  ["ບຸນມາ", "Bounma"],
  ["ຈັນທະລາ", "Chanthala"],
  ["ສຸດາວັນ", "Soudavanh"],
  ["ອາລີ", "Aly"],
];
const SURNAMES: Pair[] = [
  ["ແກ້ວມະນີ", "Keomany"],
  ["ພົມມະຈັນ", "Phommachanh"],
  ["ສີສົມບັດ", "Sisombath"],
  ["ວົງສະຫວັນ", "Vongsavanh"],
  ["ອິນທະວົງ", "Inthavong"],
  ["ຈັນທະວົງ", "Chanthavong"],
  ["ສຸວັນນະລາດ", "Souvannalath"],
  ["ພົມມະວົງ", "Phommavong"],
  ["ແສງສຸລິຍາ", "Sengsouliya"],
  ["ດວງມະນີ", "Douangmany"],
  ["ໄຊຍະວົງ", "Xayavong"],
  ["ບຸບຜາ", "Bouppha"],
  ["ພັນທະວົງ", "Phanthavong"],
  ["ສີລາວົງ", "Silavong"],
  ["ແກ້ວວົງສາ", "Keovongsa"],
  ["ອຸ່ນເຮືອນ", "Ounheuane"],
  ["ສີຫາລາດ", "Sihalath"],
  ["ວົງພະຈັນ", "Vongphachanh"],
  ["ລາດສະວົງ", "Latsavong"],
  ["ພິມມະສອນ", "Phimmasone"],
  ["ສຸລິວົງ", "Soulivong"],
  ["ໄຊຍະສານ", "Xayasane"],
  ["ມະນີສອນ", "Manisone"],
  ["ທຳມະວົງ", "Thammavong"],
];
// Hmong names are written given name first, then clan name.
const HMONG_MALE: Pair[] = [
  ["ປາວ", "Pao"],
  ["ຕູ", "Tou"],
  ["ໄຊ", "Xai"],
  ["ເຈ", "Chue"],
  ["ຊົ່ວ", "Xua"],
  ["ເລັ່ງ", "Leng"],
];
const HMONG_FEMALE: Pair[] = [
  ["ເຊຍ", "Xia"],
  ["ມີ", "Mee"],
  ["ປາ", "Pa"],
  ["ຢົວ", "Youa"],
  ["ນູ", "Nou"],
  ["ໄຄ", "Kai"],
];
const HMONG_CLANS: Pair[] = [
  ["ວ່າງ", "Vang"],
  ["ລີ", "Ly"],
  ["ຢ່າງ", "Yang"],
  ["ທໍ່", "Thao"],
  ["ຊົ່ງ", "Xiong"],
  ["ເຮີ", "Her"],
];

export type Sex = "female" | "male";

/** A person's name in Lao script and romanised; `hmong` for a Hmong household. */
export function personName(rng: Random, sex: Sex, hmong: boolean): { lo: string; en: string } {
  if (hmong) {
    const [glo, gen] = rng.pick(sex === "female" ? HMONG_FEMALE : HMONG_MALE);
    const [clo, cen] = rng.pick(HMONG_CLANS);
    return { lo: `${glo} ${clo}`, en: `${gen} ${cen}` };
  }
  const [glo, gen] = rng.pick(sex === "female" ? FEMALE : MALE);
  const [slo, sen] = rng.pick(SURNAMES);
  return { lo: `${glo} ${slo}`, en: `${gen} ${sen}` };
}

// ---------------------------------------------------------------------------
// Villages: "Ban" + a landscape word + a qualifier (+ north/south/… when taken).
// ---------------------------------------------------------------------------

const PLACE_HEADS: Pair[] = [
  ["ໂພນ", "Phon"],
  ["ນາ", "Na"],
  ["ຫ້ວຍ", "Houay"],
  ["ນ້ຳ", "Nam"],
  ["ດອນ", "Don"],
  ["ໜອງ", "Nong"],
  ["ປາກ", "Pak"],
  ["ຫາດ", "Hat"],
  ["ວັງ", "Vang"],
  ["ຊຽງ", "Xieng"],
  ["ທົ່ງ", "Thong"],
  ["ພູ", "Phou"],
  ["ໂນນ", "Non"],
  ["ສົບ", "Sop"],
  ["ຜາ", "Pha"],
  ["ບໍ່", "Bo"],
];
const PLACE_TAILS: Pair[] = [
  ["ໄຊ", "xay"],
  ["ຄຳ", "kham"],
  ["ທອງ", "thong"],
  ["ສະຫວ່າງ", "savang"],
  ["ໃໝ່", "mai"],
  ["ແກ້ວ", "keo"],
  ["ສີ", "sy"],
  ["ງາມ", "ngam"],
  ["ຫຼວງ", "luang"],
  ["ນ້ອຍ", "noy"],
  ["ແສງ", "saeng"],
  ["ມ່ວງ", "muang"],
  ["ເງິນ", "ngeun"],
  ["ຂາວ", "khao"],
  ["ແດງ", "daeng"],
  ["ຍາວ", "nyao"],
  ["ສຸກ", "souk"],
  ["ໂຮງ", "hong"],
  ["ຊາຍ", "sai"],
  ["ເຫຼືອງ", "leuang"],
];
const PLACE_SIDES: Pair[] = [
  ["", ""],
  ["ເໜືອ", " Neua"],
  ["ໃຕ້", " Tai"],
  ["ກາງ", " Kang"],
  ["ເກົ່າ", " Kao"],
];

/** Every village name the generator can make, in a seeded order. */
export function villageNames(rng: Random): { nameLo: string; nameEn: string }[] {
  const out: { nameLo: string; nameEn: string }[] = [];
  for (const [slo, sen] of PLACE_SIDES) {
    const round: { nameLo: string; nameEn: string }[] = [];
    for (const [hlo, hen] of PLACE_HEADS)
      for (const [tlo, ten] of PLACE_TAILS) round.push({ nameLo: `ບ້ານ${hlo}${tlo}${slo}`, nameEn: `Ban ${hen}${ten}${sen}` });
    // Plain names first: a "north" village exists only once its plain name is taken.
    out.push(...rng.shuffle(round));
  }
  return out;
}

// ---------------------------------------------------------------------------
// Farmers' organisations
// ---------------------------------------------------------------------------

/** How an FO names its main crop. */
export const CROP_WORDS: Record<string, Pair> = {
  MAIZE: ["ສາລີ", "Maize"],
  JOBS_TEARS: ["ເດືອຍ", "Job's Tears"],
  CASSAVA_FRESH: ["ມັນຕົ້ນ", "Cassava"],
  CASSAVA_CHIPS: ["ມັນຕົ້ນ", "Cassava"],
  SESAME: ["ງາ", "Sesame"],
  PADDY: ["ເຂົ້າ", "Rice"],
  CARDAMOM: ["ໝາກແໜ່ງ", "Cardamom"],
  RUBBER_CUP_LUMP: ["ຢາງພາລາ", "Rubber"],
  BANANA: ["ກ້ວຍ", "Banana"],
  SUGARCANE: ["ອ້ອຍ", "Sugarcane"],
  SOYBEAN: ["ຖົ່ວເຫຼືອງ", "Soybean"],
};

export type OrgType = "producer_group" | "cooperative" | "association";

export function organisationName(
  rng: Random,
  type: OrgType,
  crop: string,
  village: { nameLo: string; nameEn: string },
  district: { nameLo: string; nameEn: string },
): { nameLo: string; nameEn: string } {
  const [clo, cen] = CROP_WORDS[crop] ?? ["ກະສິກຳ", "Farmers'"];
  const vEn = village.nameEn.replace(/^Ban /, "");
  if (type === "cooperative") {
    return rng.chance(0.6)
      ? { nameLo: `ສະຫະກອນຜະລິດ${clo} ${village.nameLo}`, nameEn: `${vEn} ${cen} Producers' Cooperative` }
      : { nameLo: `ສະຫະກອນກະສິກຳ ${village.nameLo}`, nameEn: `${vEn} Agricultural Cooperative` };
  }
  if (type === "association") {
    return { nameLo: `ສະມາຄົມຜູ້ປູກ${clo} ${village.nameLo} ເມືອງ${district.nameLo}`, nameEn: `${vEn} ${cen} Growers' Association, ${district.nameEn}` };
  }
  return rng.chance(0.5)
    ? { nameLo: `ກຸ່ມຜູ້ປູກ${clo} ${village.nameLo}`, nameEn: `${vEn} ${cen} Growers' Group` }
    : { nameLo: `ກຸ່ມຜະລິດ${clo} ${village.nameLo}`, nameEn: `${vEn} ${cen} Producer Group` };
}

// ---------------------------------------------------------------------------
// Trading companies: Lao, Thai and Chinese buyers, as in the demo.
// ---------------------------------------------------------------------------

const LAO_BRANDS = [
  "Namkhong",
  "Phouxay",
  "Sengdao",
  "Dokchampa",
  "Viengthong",
  "Keomany",
  "Lanxang",
  "Khamkeo",
  "Sisavang",
  "Thongdy",
  "Saysana",
  "Chanthala",
  "Phoudoy",
  "Nongkhiaw",
  "Mekong Valley",
  "Northern Star",
  "Golden Field",
  "Green Hill",
  "Muang Xay",
  "Houay Xai",
  "Pakbeng River",
  "Khounxay",
];
const LAO_TRADES = ["Agro Trading", "Agriculture", "Agricultural Products", "Grain Trading", "Farm Produce", "Agri-Business", "Feed and Grain"];
const LAO_FORMS = ["Sole Co., Ltd.", "Co., Ltd.", "Import-Export Co., Ltd."];
const THAI = ["Siam", "Lanna", "Chiang Khong", "Nan", "Phrae", "Uttaradit", "Loei"];
const THAI_TRADES = ["Feedmill", "Agro Industry", "Starch", "Feed", "Grain Silo", "Corn Trading"];
const CHINESE = ["Yunlao", "Mengla", "Xishuangbanna", "Jinghong", "Puer", "Dian", "Lancang"];
const CHINESE_TRADES = ["Agricultural Import & Export", "Agro Products", "Grain and Oil", "Herbal Trading", "Trade Development"];

export function companyName(rng: Random, provinceEn: string): string {
  const origin = rng.weighted([
    ["lao", 6],
    ["thai", 2],
    ["chinese", 2],
  ] as const);
  if (origin === "thai") return `${rng.pick(THAI)} ${rng.pick(THAI_TRADES)} (Lao) Co., Ltd. – ${provinceEn} Branch`;
  if (origin === "chinese") return `${rng.pick(CHINESE)} ${rng.pick(CHINESE_TRADES)} Co., Ltd. – ${provinceEn} Branch`;
  return `${rng.pick(LAO_BRANDS)} ${rng.pick(LAO_TRADES)} ${rng.pick(LAO_FORMS)}`;
}

/** "namkhong-agro" from a company name, for its contact address. */
export function slug(text: string, words = 2): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .trim()
    .split(/\s+/)
    .slice(0, words)
    .join("-");
}
