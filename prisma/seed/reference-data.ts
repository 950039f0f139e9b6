// Reference data every installation needs: the two programme provinces, the nine
// programme districts with a few villages each, and the crop catalogue with grades
// and standard moisture-deduction tables.
//
// ASSUMPTIONS BEHIND THE FIGURES (to be confirmed with the DAFO offices and the
// buyers active in the districts; admins can change every figure in the portal):
//
// - Moisture is stored in per mille (14.0 % = 140). Standard moisture is the basis
//   on which a price per kg is quoted; a lot above standard loses weight through a
//   DeductionBand table: for moisture in (fromPermille, toPermille] the buyer
//   deducts kgPerTonnePerPoint kg per 1,000 kg gross for each full percentage point
//   above the standard.
// - Pure water loss when drying a grain from m0 to the standard s is
//   (m0 - s) / (1 - s) of the wet weight, i.e. about 11.6 kg per tonne per point at
//   14 % and 10.9 kg at 8 %. Buyers in northern Laos, Thailand and Yunnan add a
//   drying/handling margin that grows with the moisture (wet lots need more fuel,
//   more turning and carry mould risk). The tables below use 15 kg/t/point just
//   above standard, rising to 20 and 25 kg/t/point for wet lots: close to the
//   shrink-plus-handling factors (1.3-1.5 % per point) quoted by feed-maize buyers
//   in Sayabouly and by Thai silo schedules, and deliberately stated so that a
//   trader offering a harsher table is visibly harsher.
// - maxMoisturePermille on a crop is the level above which buyers usually refuse a
//   lot outright (mould and aflatoxin risk), e.g. shelled maize straight from the
//   field is still bought up to about 30 %, dried chips and oilseeds far less.
// - Standard moisture: maize 14 %, paddy 14 %, Job's tears 13 %, soybean 13 %,
//   dried cassava chips 14 %, sesame 8 %, dried cardamom 13 %.
// - Fresh produce is NOT traded on a moisture basis: fresh cassava roots are paid
//   on weight with a soil/stem (trash) deduction and sometimes a starch-content
//   scale at the factory; rubber cup lump on dry rubber content (DRC); bananas on
//   bunch/hand quality; sugarcane on clean-cane weight and CCS at the mill. For
//   these crops standardMoisturePermille is 0, maxMoisturePermille is null and no
//   DeductionBand rows exist, so the moisture deduction is always zero; the grade
//   specification text states the real basis (trash %, DRC, CCS ...).
// - Grades are the classes farmers' organisations and buyers in the area actually
//   negotiate (grade 1 = export/feed-mill quality at standard moisture, grade 2 =
//   common trade quality, grade 3 = farm-run where it exists). Limits are in per
//   mille like everything else; the bilingual spec text is shown to users.
//
// The function is idempotent and never overwrites what an admin has changed:
// provinces, districts, villages, crops and grades are created when their unique key
// is missing and left alone otherwise; a crop's deduction table is only written
// when the crop has no deduction bands at all (so an edited table is never mixed
// with seed bands).
import type { Prisma, PrismaClient } from "../../app/generated/prisma/client";

type Tx = Prisma.TransactionClient;

// ---------------------------------------------------------------------------
// Geography
// ---------------------------------------------------------------------------

// Lao names are stored without the administrative prefix (ແຂວງ / ເມືອງ), like
// the English ones; the UI adds "province"/"district" in the user's language.
export const PROVINCES = [
  { code: "ODX", nameLo: "ອຸດົມໄຊ", nameEn: "Oudomxay" },
  { code: "XYB", nameLo: "ໄຊຍະບູລີ", nameEn: "Sayabouly" },
] as const;

interface VillageSeed {
  nameLo: string;
  nameEn: string;
}

interface DistrictSeed {
  code: string;
  provinceCode: (typeof PROVINCES)[number]["code"];
  nameLo: string;
  nameEn: string;
  villages: VillageSeed[];
}

function v(nameLo: string, nameEn: string): VillageSeed {
  return { nameLo: `ບ້ານ${nameLo}`, nameEn: `Ban ${nameEn}` };
}

export const DISTRICTS: DistrictSeed[] = [
  {
    code: "ODX-BEN",
    provinceCode: "ODX",
    nameLo: "ແບ່ງ",
    nameEn: "Beng",
    villages: [
      v("ໂພນໄຊ", "Phonxay"),
      v("ນາຄຳ", "Nakham"),
      v("ຫ້ວຍຄຳ", "Houaykham"),
      v("ນ້ຳແບ່ງ", "Nambeng"),
      v("ດອນໄຊ", "Donxay"),
    ],
  },
  {
    code: "ODX-HOU",
    provinceCode: "ODX",
    nameLo: "ຮຸນ",
    nameEn: "Houn",
    villages: [
      v("ນາທອງ", "Nathong"),
      v("ໂພນສະຫວ່າງ", "Phonsavang"),
      v("ຫ້ວຍຊາຍ", "Houaysay"),
      v("ສາມັກຄີໄຊ", "Samakhixay"),
      v("ໜອງບົວ", "Nongboua"),
    ],
  },
  {
    code: "ODX-NAM",
    provinceCode: "ODX",
    nameLo: "ນາໝໍ້",
    nameEn: "Namor",
    villages: [
      v("ນາໝໍ້", "Namor"),
      v("ໂພນຫອມ", "Phonhom"),
      v("ຫ້ວຍໃໝ່", "Houaymai"),
      v("ສີວິໄລ", "Sivilay"),
      v("ດອນແກ້ວ", "Donkeo"),
    ],
  },
  {
    code: "ODX-NGA",
    provinceCode: "ODX",
    nameLo: "ງາ",
    nameEn: "Nga",
    villages: [
      v("ໂພນຄຳ", "Phonkham"),
      v("ນ້ຳງາ", "Namnga"),
      v("ນາສະຫວ່າງ", "Nasavang"),
      v("ວັງໄຊ", "Vangxay"),
      v("ໜອງຄຳ", "Nongkham"),
    ],
  },
  {
    code: "ODX-PAK",
    provinceCode: "ODX",
    nameLo: "ປາກແບ່ງ",
    nameEn: "Pakbeng",
    villages: [
      v("ປາກແບ່ງ", "Pakbeng"),
      v("ຫາດຄຳ", "Hatkham"),
      v("ດອນໃໝ່", "Donmai"),
      v("ຈະເລີນສຸກ", "Chaleunsouk"),
      v("ໂພນສະອາດ", "Phonsaat"),
    ],
  },
  {
    code: "XYB-HON",
    provinceCode: "XYB",
    nameLo: "ຫົງສາ",
    nameEn: "Hongsa",
    villages: [
      v("ວຽງແກ້ວ", "Viengkeo"),
      v("ນາໄຊ", "Naxay"),
      v("ຫ້ວຍແສນ", "Houaysaen"),
      v("ສາມັກຄີ", "Samakhi"),
      v("ໜອງຂຽວ", "Nongkhiaw"),
    ],
  },
  {
    code: "XYB-NGE",
    provinceCode: "XYB",
    nameLo: "ເງິນ",
    nameEn: "Ngeun",
    villages: [
      v("ນ້ຳເງິນ", "Namngeun"),
      v("ໂພນສະຫວັນ", "Phonsavan"),
      v("ນາຫຼວງ", "Naluang"),
      v("ທົ່ງນ້ອຍ", "Thongnoy"),
      v("ຈອມເພັດ", "Chomphet"),
    ],
  },
  {
    code: "XYB-XIE",
    provinceCode: "XYB",
    nameLo: "ຊຽງຮ່ອນ",
    nameEn: "Xienghone",
    villages: [
      v("ຊຽງຮ່ອນ", "Xienghone"),
      v("ນ້ຳພຸຍ", "Namphouy"),
      v("ນາຊອງ", "Naxong"),
      v("ໂພນທອງ", "Phonthong"),
      v("ປາກຂອບ", "Pakkhop"),
    ],
  },
  {
    code: "XYB-XAY",
    provinceCode: "XYB",
    nameLo: "ໄຊສະຖານ",
    nameEn: "Xaysathan",
    villages: [
      v("ໄຊສະຖານ", "Xaysathan"),
      v("ນາຫີນ", "Nahin"),
      v("ຫ້ວຍເຫຼືອງ", "Houayleuang"),
      v("ພູໄຊ", "Phouxay"),
      v("ໂນນສະຫວ່າງ", "Nonsavang"),
    ],
  },
];

// ---------------------------------------------------------------------------
// Crops
// ---------------------------------------------------------------------------

interface GradeSeed {
  code: string;
  nameLo: string;
  nameEn: string;
  maxMoisturePermille: number | null;
  maxForeignMatterPermille: number | null;
  specLo: string;
  specEn: string;
}

interface BandSeed {
  fromPermille: number;
  toPermille: number;
  kgPerTonnePerPoint: number;
}

interface CropSeed {
  code: string;
  nameLo: string;
  nameEn: string;
  standardMoisturePermille: number;
  maxMoisturePermille: number | null;
  grades: GradeSeed[];
  /** empty for crops not traded on a moisture basis */
  bands: BandSeed[];
}

function grade(
  n: 1 | 2 | 3,
  maxMoisturePermille: number | null,
  maxForeignMatterPermille: number | null,
  specLo: string,
  specEn: string,
): GradeSeed {
  return {
    code: `G${n}`,
    nameLo: `ຊັ້ນ ${n}`,
    nameEn: `Grade ${n}`,
    maxMoisturePermille,
    maxForeignMatterPermille,
    specLo,
    specEn,
  };
}

export const CROPS: CropSeed[] = [
  {
    code: "MAIZE",
    nameLo: "ສາລີ (ເມັດ)",
    nameEn: "Maize (shelled grain)",
    standardMoisturePermille: 140,
    maxMoisturePermille: 300,
    grades: [
      grade(
        1,
        140,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14%, ສິ່ງເຈືອປົນບໍ່ເກີນ 2%, ເມັດແຕກບໍ່ເກີນ 5%, ເມັດເສຍ ແລະ ເປັນເຊື້ອລາບໍ່ເກີນ 3%",
        "Moisture at most 14%, foreign matter at most 2%, broken kernels at most 5%, damaged and mouldy kernels at most 3%",
      ),
      grade(
        2,
        150,
        30,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 15%, ສິ່ງເຈືອປົນບໍ່ເກີນ 3%, ເມັດແຕກບໍ່ເກີນ 8%, ເມັດເສຍ ແລະ ເປັນເຊື້ອລາບໍ່ເກີນ 5%",
        "Moisture at most 15%, foreign matter at most 3%, broken kernels at most 8%, damaged and mouldy kernels at most 5%",
      ),
      grade(
        3,
        300,
        50,
        "ສາລີສົດຈາກໄຮ່ (ຍັງບໍ່ຕາກ): ຄວາມຊຸ່ມບໍ່ເກີນ 30% ຫັກຕາມຕາຕະລາງ, ສິ່ງເຈືອປົນບໍ່ເກີນ 5%, ເມັດເສຍບໍ່ເກີນ 8%",
        "Farm-run, not yet dried: moisture up to 30% with the standard deduction, foreign matter at most 5%, damaged kernels at most 8%",
      ),
    ],
    bands: [
      { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
      { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 20 },
      { fromPermille: 250, toPermille: 300, kgPerTonnePerPoint: 25 },
    ],
  },
  {
    code: "JOBS_TEARS",
    nameLo: "ເດືອຍ",
    nameEn: "Job's tears",
    standardMoisturePermille: 130,
    maxMoisturePermille: 200,
    grades: [
      grade(
        1,
        130,
        10,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 13%, ສິ່ງເຈືອປົນບໍ່ເກີນ 1%, ເມັດລີບ ແລະ ເມັດແຕກບໍ່ເກີນ 3%, ເມັດໃຫຍ່ ສີສະໝໍ່າສະເໝີ",
        "Moisture at most 13%, foreign matter at most 1%, empty and broken seeds at most 3%, bold seeds of even colour",
      ),
      grade(
        2,
        140,
        30,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14%, ສິ່ງເຈືອປົນບໍ່ເກີນ 3%, ເມັດລີບ ແລະ ເມັດແຕກບໍ່ເກີນ 6%",
        "Moisture at most 14%, foreign matter at most 3%, empty and broken seeds at most 6%",
      ),
    ],
    bands: [
      { fromPermille: 130, toPermille: 160, kgPerTonnePerPoint: 15 },
      { fromPermille: 160, toPermille: 200, kgPerTonnePerPoint: 20 },
    ],
  },
  {
    code: "CASSAVA_FRESH",
    nameLo: "ມັນຕົ້ນ (ຫົວສົດ)",
    nameEn: "Cassava, fresh roots",
    // Not traded on moisture: weight less soil/stems (trash), starch at the factory.
    standardMoisturePermille: 0,
    maxMoisturePermille: null,
    grades: [
      grade(
        1,
        null,
        30,
        "ຫົວສົດ ຂຸດບໍ່ເກີນ 48 ຊົ່ວໂມງ, ອາຍຸ 10 ເດືອນຂຶ້ນໄປ, ແປ້ງບໍ່ຕ່ຳກວ່າ 25%, ດິນ ແລະ ລຳຕົ້ນຕິດບໍ່ເກີນ 3%",
        "Roots dug within 48 hours, crop age 10 months or more, starch at least 25%, soil and stems at most 3%",
      ),
      grade(
        2,
        null,
        60,
        "ຫົວສົດ ຂຸດບໍ່ເກີນ 72 ຊົ່ວໂມງ, ແປ້ງບໍ່ຕ່ຳກວ່າ 20%, ດິນ ແລະ ລຳຕົ້ນຕິດບໍ່ເກີນ 6%",
        "Roots dug within 72 hours, starch at least 20%, soil and stems at most 6%",
      ),
    ],
    bands: [],
  },
  {
    code: "CASSAVA_CHIPS",
    nameLo: "ມັນຕົ້ນ (ຊອຍຕາກແຫ້ງ)",
    nameEn: "Cassava, dried chips",
    standardMoisturePermille: 140,
    maxMoisturePermille: 200,
    grades: [
      grade(
        1,
        140,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14%, ແປ້ງບໍ່ຕ່ຳກວ່າ 65%, ດິນ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 2%, ບໍ່ມີເຊື້ອລາ",
        "Moisture at most 14%, starch at least 65%, sand and foreign matter at most 2%, free of mould",
      ),
      grade(
        2,
        150,
        40,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 15%, ແປ້ງບໍ່ຕ່ຳກວ່າ 60%, ດິນ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 4%",
        "Moisture at most 15%, starch at least 60%, sand and foreign matter at most 4%",
      ),
    ],
    bands: [
      { fromPermille: 140, toPermille: 170, kgPerTonnePerPoint: 15 },
      { fromPermille: 170, toPermille: 200, kgPerTonnePerPoint: 20 },
    ],
  },
  {
    code: "SESAME",
    nameLo: "ງາ",
    nameEn: "Sesame",
    standardMoisturePermille: 80,
    maxMoisturePermille: 120,
    grades: [
      grade(
        1,
        80,
        10,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 8%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 99%, ເມັດສີອື່ນປົນບໍ່ເກີນ 2%",
        "Moisture at most 8%, purity at least 99%, seeds of other colours at most 2%",
      ),
      grade(
        2,
        90,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 9%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 98%, ເມັດສີອື່ນປົນບໍ່ເກີນ 5%",
        "Moisture at most 9%, purity at least 98%, seeds of other colours at most 5%",
      ),
      grade(
        3,
        100,
        50,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 10%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 95%",
        "Moisture at most 10%, purity at least 95%",
      ),
    ],
    bands: [
      { fromPermille: 80, toPermille: 100, kgPerTonnePerPoint: 15 },
      { fromPermille: 100, toPermille: 120, kgPerTonnePerPoint: 20 },
    ],
  },
  {
    code: "PADDY",
    nameLo: "ເຂົ້າເປືອກ",
    nameEn: "Paddy rice",
    standardMoisturePermille: 140,
    maxMoisturePermille: 250,
    grades: [
      grade(
        1,
        140,
        10,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14%, ເມັດລີບ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 1%, ເຂົ້າພັນອື່ນປົນບໍ່ເກີນ 3%, ເມັດເຫຼືອງ ແລະ ເມັດເສຍບໍ່ເກີນ 1%",
        "Moisture at most 14%, empty grains and foreign matter at most 1%, other varieties at most 3%, yellow and damaged grains at most 1%",
      ),
      grade(
        2,
        150,
        30,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 15%, ເມັດລີບ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 3%, ເຂົ້າພັນອື່ນປົນບໍ່ເກີນ 8%, ເມັດເຫຼືອງ ແລະ ເມັດເສຍບໍ່ເກີນ 3%",
        "Moisture at most 15%, empty grains and foreign matter at most 3%, other varieties at most 8%, yellow and damaged grains at most 3%",
      ),
    ],
    bands: [
      { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 15 },
      { fromPermille: 180, toPermille: 220, kgPerTonnePerPoint: 20 },
      { fromPermille: 220, toPermille: 250, kgPerTonnePerPoint: 25 },
    ],
  },
  {
    code: "CARDAMOM",
    nameLo: "ໝາກແໜ່ງ (ແຫ້ງ)",
    nameEn: "Cardamom (dried)",
    standardMoisturePermille: 130,
    maxMoisturePermille: 180,
    grades: [
      grade(
        1,
        130,
        10,
        "ໝາກແຫ້ງ ເຕັມໜ່ວຍ ຂະໜາດໃຫຍ່, ຄວາມຊຸ່ມບໍ່ເກີນ 13%, ໝາກລີບ ແລະ ໝາກແຕກບໍ່ເກີນ 5%, ກ້ານ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 1%, ບໍ່ມີເຊື້ອລາ",
        "Whole, bold dried pods, moisture at most 13%, empty and split pods at most 5%, stalks and foreign matter at most 1%, free of mould",
      ),
      grade(
        2,
        130,
        30,
        "ໝາກແຫ້ງ ຂະໜາດປານກາງ, ຄວາມຊຸ່ມບໍ່ເກີນ 13%, ໝາກລີບ ແລະ ໝາກແຕກບໍ່ເກີນ 15%, ກ້ານ ແລະ ສິ່ງເຈືອປົນບໍ່ເກີນ 3%",
        "Medium dried pods, moisture at most 13%, empty and split pods at most 15%, stalks and foreign matter at most 3%",
      ),
    ],
    bands: [
      { fromPermille: 130, toPermille: 150, kgPerTonnePerPoint: 15 },
      { fromPermille: 150, toPermille: 180, kgPerTonnePerPoint: 20 },
    ],
  },
  {
    code: "RUBBER_CUP_LUMP",
    nameLo: "ຢາງພາລາ (ຢາງກ້ອນ)",
    nameEn: "Rubber (cup lump)",
    // Not traded on moisture: priced on dry rubber content (DRC) measured by the buyer.
    standardMoisturePermille: 0,
    maxMoisturePermille: null,
    grades: [
      grade(
        1,
        null,
        10,
        "ຢາງກ້ອນສະອາດ, ເນື້ອຢາງແຫ້ງ (DRC) ບໍ່ຕ່ຳກວ່າ 60%, ບໍ່ມີເປືອກໄມ້ ດິນ ຫຼື ສິ່ງເຈືອປົນ",
        "Clean cup lump, dry rubber content (DRC) at least 60%, free of bark, soil and other contamination",
      ),
      grade(
        2,
        null,
        30,
        "ຢາງກ້ອນ, ເນື້ອຢາງແຫ້ງ (DRC) ບໍ່ຕ່ຳກວ່າ 50%, ສິ່ງເຈືອປົນບໍ່ເກີນ 3%",
        "Cup lump, dry rubber content (DRC) at least 50%, contamination at most 3%",
      ),
    ],
    bands: [],
  },
  {
    code: "BANANA",
    nameLo: "ກ້ວຍ",
    nameEn: "Bananas",
    // Not traded on moisture: sold by weight of hands/bunches, graded on appearance.
    standardMoisturePermille: 0,
    maxMoisturePermille: null,
    grades: [
      grade(
        1,
        null,
        null,
        "ເຄືອແກ່ພໍດີ (ຍັງບໍ່ສຸກ), ໝາກຍາວບໍ່ຕ່ຳກວ່າ 20 ຊມ, ບໍ່ມີຮອຍຊ້ຳ ຫຼື ຮອຍແມງໄມ້",
        "Mature green bunches, fingers at least 20 cm long, free of bruises and insect damage",
      ),
      grade(
        2,
        null,
        null,
        "ເຄືອແກ່ພໍດີ, ໝາກຍາວບໍ່ຕ່ຳກວ່າ 15 ຊມ, ຮອຍຊ້ຳເລັກນ້ອຍບໍ່ເກີນ 5% ຂອງຫວີ",
        "Mature bunches, fingers at least 15 cm long, slight bruising on at most 5% of hands",
      ),
    ],
    bands: [],
  },
  {
    code: "SUGARCANE",
    nameLo: "ອ້ອຍ",
    nameEn: "Sugarcane",
    // Not traded on moisture: clean-cane weight at the mill, CCS (sugar content) scale.
    standardMoisturePermille: 0,
    maxMoisturePermille: null,
    grades: [
      grade(
        1,
        null,
        30,
        "ອ້ອຍສົດ ຕັດບໍ່ເກີນ 48 ຊົ່ວໂມງ, ຄ່າຄວາມຫວານ (CCS) ບໍ່ຕ່ຳກວ່າ 10, ໃບ ຍອດ ແລະ ດິນບໍ່ເກີນ 3%",
        "Fresh cane cut within 48 hours, CCS at least 10, leaves, tops and soil at most 3%",
      ),
      grade(
        2,
        null,
        70,
        "ອ້ອຍສົດ ຕັດບໍ່ເກີນ 72 ຊົ່ວໂມງ, ຄ່າຄວາມຫວານ (CCS) ບໍ່ຕ່ຳກວ່າ 8, ໃບ ຍອດ ແລະ ດິນບໍ່ເກີນ 7%",
        "Fresh cane cut within 72 hours, CCS at least 8, leaves, tops and soil at most 7%",
      ),
    ],
    bands: [],
  },
  {
    code: "SOYBEAN",
    nameLo: "ຖົ່ວເຫຼືອງ",
    nameEn: "Soybean",
    standardMoisturePermille: 130,
    maxMoisturePermille: 180,
    grades: [
      grade(
        1,
        130,
        10,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 13%, ສິ່ງເຈືອປົນບໍ່ເກີນ 1%, ເມັດແຕກບໍ່ເກີນ 5%, ເມັດເສຍບໍ່ເກີນ 2%",
        "Moisture at most 13%, foreign matter at most 1%, split beans at most 5%, damaged beans at most 2%",
      ),
      grade(
        2,
        140,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14%, ສິ່ງເຈືອປົນບໍ່ເກີນ 2%, ເມັດແຕກບໍ່ເກີນ 10%, ເມັດເສຍບໍ່ເກີນ 5%",
        "Moisture at most 14%, foreign matter at most 2%, split beans at most 10%, damaged beans at most 5%",
      ),
    ],
    bands: [
      { fromPermille: 130, toPermille: 160, kgPerTonnePerPoint: 15 },
      { fromPermille: 160, toPermille: 180, kgPerTonnePerPoint: 20 },
    ],
  },
];

// ---------------------------------------------------------------------------

async function seedGeography(tx: Tx): Promise<void> {
  const provinceIds = new Map<string, string>();
  for (const p of PROVINCES) {
    const row = await tx.province.upsert({
      where: { code: p.code },
      create: { code: p.code, nameLo: p.nameLo, nameEn: p.nameEn },
      update: {},
      select: { id: true },
    });
    provinceIds.set(p.code, row.id);
  }

  for (const d of DISTRICTS) {
    const provinceId = provinceIds.get(d.provinceCode);
    if (!provinceId) throw new Error(`Unknown province ${d.provinceCode}`);
    const district = await tx.district.upsert({
      where: { code: d.code },
      create: { code: d.code, provinceId, nameLo: d.nameLo, nameEn: d.nameEn },
      update: {},
      select: { id: true },
    });
    for (const village of d.villages) {
      await tx.village.upsert({
        where: { districtId_nameEn: { districtId: district.id, nameEn: village.nameEn } },
        create: { districtId: district.id, nameLo: village.nameLo, nameEn: village.nameEn },
        update: {},
      });
    }
  }
}

async function seedCrops(tx: Tx): Promise<void> {
  for (const [index, c] of CROPS.entries()) {
    const crop = await tx.crop.upsert({
      where: { code: c.code },
      create: {
        code: c.code,
        nameLo: c.nameLo,
        nameEn: c.nameEn,
        unit: "kg",
        standardMoisturePermille: c.standardMoisturePermille,
        maxMoisturePermille: c.maxMoisturePermille,
        sortOrder: (index + 1) * 10,
      },
      update: {},
      select: { id: true },
    });

    for (const [gIndex, g] of c.grades.entries()) {
      await tx.cropGrade.upsert({
        where: { cropId_code: { cropId: crop.id, code: g.code } },
        create: { cropId: crop.id, ...g, sortOrder: gIndex + 1 },
        update: {},
      });
    }

    if (c.bands.length > 0) {
      const existingBands = await tx.deductionBand.count({ where: { cropId: crop.id } });
      if (existingBands === 0) {
        await tx.deductionBand.createMany({
          data: c.bands.map((b) => ({ cropId: crop.id, ...b })),
        });
      }
    }
  }
}

/** Creates the provinces, districts, villages and crop catalogue where missing. */
export async function seedReferenceData(db: PrismaClient): Promise<void> {
  await db.$transaction(
    async (tx) => {
      await seedGeography(tx);
      await seedCrops(tx);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
