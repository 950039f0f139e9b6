// Reference data every installation needs: the two programme provinces, the nine
// programme districts with a few villages each, and the crop catalogue with grades,
// standard moisture-deduction tables, grade price steps and foreign-matter
// schedules.
//
// HOW THE TABLES READ (the same rule the portal applies: app/domain/offers/
// moisture-deduction.ts). Moisture and foreign matter are stored in per mille
// (14.5 % = 145). A band { fromPermille, toPermille, kgPerTonnePerPoint } charges
// every tenth of a point of moisture between (fromPermille, toPermille] that
// lies above the basis at one tenth of its rate, per 1,000 kg weighed: the
// deduction is MARGINAL, like a tax schedule, and part points are pro-rated.
// Maize at 20.0 % on the 14.5 % basis below: 3.5 points × 12 + 2.0 × 13 =
// 68 kg per tonne. Points above the last band pay its rate (and the lot may be
// refused); an empty table means no deduction.
//
// WHAT A BUYER REALLY LOSES. Drying grain from m to the basis s removes
// (m − s) / (1 − s) of the wet weight: 1,000 / (1,000 − s) kg per tonne for each
// point, whatever m is (10 × the "moisture shrink factor" of SDSU Extension,
// K. Dillivan, "Understanding corn shrink", 2014, table 1: 1.169 % per point at
// 14.5 %, 1.162 % at 14 %; D. Karki, SDSU Extension, "Corn grain moisture
// discount: why and how much?", 2020). Buyers add a handling loss (dust, broken
// grain, the dryer's invisible loss: Pioneer agronomy "Moisture shrink" uses
// 0.5 % of the weight; Iowa State found 0.22–1.71 %), and so use a constant
// shrink factor of 1.2–1.5 % of the weight per point (Karki, 2020). The default
// tables therefore start just above the pure water loss (12 kg per tonne per
// point for a 13–14.5 % basis, 11 at 8 %) and rise by 1 kg per band for wet
// lots (more fuel, more turning, mould risk), so that the average over a wet
// lot stays inside 1.2–1.5 % per point. A trader offering more is visibly
// harsher; the FO can argue from these figures.
//
// Until December 2026 every table charged 15, 20 and 25 kg per tonne per point:
// maize at 28 % on a 14 % basis lost 4 × 15 + 7 × 20 + 3 × 25 = 275 kg per
// tonne where drying it to 14 % loses 140 / 860 = 163 kg. Contracts written
// then keep their own frozen table; only new offers start from these.
//
// - Standard moisture is the basis on which a price per kg is quoted:
//   maize 14.5 %: the Thai Ministry of Commerce (Department of Internal Trade)
//     quotes and fixes feed-corn prices for dried corn at 14.5 % moisture (e.g.
//     9.80 THB/kg at the feed mills for the 2025/26 season, beside 7.05 THB/kg
//     for fresh corn at 30 %), and Thailand is the main outlet for Sayabouly
//     maize. 28 % → 14.5 %: water 135 / 855 = 158 kg per tonne; the table
//     takes 3.5 × 12 + 7 × 13 + 3 × 14 = 175 kg (13.5 points: 1.30 % a point).
//     At 30 %: water 155 / 855 = 181 kg; table 42 + 91 + 5 × 14 = 203 kg
//     (1.31 % a point).
//   dried cassava chips 14 %: the Thai export specification of tapioca chips
//     (moisture at most 14 %, starch at least 65 %, fibre at most 5 %, sand at
//     most 3 %, as quoted by Thai chip exporters). Water 11.6 kg per tonne per
//     point. 20 % → 14 %: water 60 / 860 = 70 kg; table 3 × 12 + 3 × 13 = 75 kg.
//   paddy 14 %: the moisture at which paddy is stored safely and milled
//     (Thai mills quote at 15 %; Lao mills and the programme use 14 %).
//     25 % → 14 %: water 110 / 860 = 128 kg; table 4 × 12 + 4 × 13 + 3 × 14 =
//     142 kg (1.29 % a point).
//   soybean 13 %: the basis US buyers shrink soybeans to (the same extension
//     shrink factors). 18 % → 13 %: water 50 / 870 = 57 kg; table 3 × 12 +
//     2 × 13 = 62 kg.
//   Job's tears 13 % and dried cardamom 13 %: programme assumption from the
//     buyers' specifications seen in Oudomxay (to be confirmed with DAFO); the
//     water loss is 11.5 kg per tonne per point. Job's tears 20 % → 13 %: water
//     70 / 870 = 80 kg; table 3 × 12 + 4 × 13 = 88 kg. Cardamom 18 % → 13 %:
//     water 57 kg; table 2 × 12 + 3 × 13 = 63 kg.
//   sesame 8 %: export sesame is bought at 6–8 % moisture; water 10.9 kg per
//     tonne per point. 12 % → 8 %: water 40 / 920 = 43 kg; table 2 × 11 +
//     2 × 12 = 46 kg.
// - maxMoisturePermille on a crop is the level above which buyers usually refuse a
//   lot outright (mould and aflatoxin risk), e.g. shelled maize straight from the
//   field is still bought up to about 30 % (the Thai fresh-corn price is quoted
//   at 30 %), dried chips and oilseeds far less.
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
// GRADE PRICE STEPS (premiumLakPerKg). A new offer on grade X proposes, for a
// lot delivered at grade G, premium(G) − premium(X) LAK per net kg: a lot
// better than the grade offered earns a premium, a worse one a discount, and
// the grade offered is paid the price. Programme assumption, to be confirmed
// with the buyers: each grade below the first is worth about 5 % less, of the
// middle of the crop's reference-price range (prisma/seed/reference-prices.ts),
// rounded to 50 LAK (10 LAK below 1,000 LAK/kg). Maize 3,200 LAK/kg: grade 2
// −160 → −150, grade 3 −320 → −300. Rubber's grade 2 is −350 (5 % of 7,000)
// like the others: until December 2026 it was −1,150, the value of DRC 50 %
// against 60 % (7,000 × 1/6 = 1,167), but DRC is now priced by its own content
// step (below), and a grade-2 lot at DRC 50 % would have paid for the missing
// dry rubber twice. The grade keeps only what DRC does not measure: the
// contamination and the care of the lump.
//
// CONTENT MEASURES (contentMeasure, contentBasisPermille, contentStepLakPerKg;
// the rule is app/domain/contracts/content.ts). Two crops are paid on what is
// in them rather than on their moisture, and the lot sheet asks that instead:
// - rubber cup lump: dry rubber content (DRC), the rubber left when the water
//   and serum are dried out. Buyers weigh the lumps and estimate DRC from a
//   dried sample; the Rubber Authority of Thailand quotes cup lump at a stated
//   DRC beside its price for dry rubber (100 % DRC), and Lao buyers pay cup
//   lump the same way. Basis 60 %, the DRC grade 1 asks (cup lump runs from
//   about 50 % when fresh to 70 % when long stored). Step: the price of the
//   dry rubber in a kg of lump, 7,000 LAK at 60 % = 7,000 / 60 = 117 LAK per
//   point, rounded to 120 LAK per kg per point. DRC 55.3 % on 100 kg:
//   −4.7 × 120 × 100 = −56,400 LAK.
// - fresh cassava roots: starch content, measured at the factory's gate by
//   weighing a sample in air and in water (the Reimann scale); Thai starch
//   factories post a root price at 25 % starch and a fixed step per point.
//   Basis 25 %, grade 1's minimum. Step 20 LAK per kg per point: programme
//   assumption, about half the proportional value (1,050 / 25 = 42 LAK a
//   point), since a factory's costs per tonne of roots do not fall with the
//   starch in them; to be confirmed with the factories. Starch 28.0 % on
//   1,000 kg: 3 × 20 × 1,000 = 60,000 LAK.
// Part points are pro-rated (contents are per mille); each lot's adjustment is
// rounded once to a whole LAK, half away from zero. Neither crop is traded on
// moisture (standardMoisturePermille 0, no bands): the lot sheet does not ask
// it. The basis and the step are terms of the offer, starting from these.
//
// FOREIGN MATTER (foreignMatterBasisPermille and ForeignMatterBand). Soil,
// stones, cobs, husks and stems in a lot are weighed and paid as crop unless
// they are deducted. The basis is grade 1's foreign-matter limit (what the price
// assumes); above it each point of foreign matter costs its own weight,
// 10 kg per tonne (1 % of 1,000 kg), and a dirty lot 12 kg per point for the
// cleaning and the disposal. The Thai Department of Internal Trade likewise
// makes buyers post their moisture AND impurity deductions at every buying
// station. Maize with 4.0 % on the 2 % basis: 2.0 × 10 = 20 kg per tonne; with
// 7.0 %: 3.0 × 10 + 2.0 × 12 = 54 kg. Bananas are graded on appearance: no
// schedule.
//
// The function is idempotent and never overwrites what an admin has changed:
// provinces, districts, villages, crops and grades are created when their unique key
// is missing and left alone otherwise (so an installation seeded before keeps its
// standard moisture, tables and grade steps); a crop's deduction table is only
// written when the crop has no deduction bands at all (so an edited table is never
// mixed with seed bands), and its foreign-matter schedule only when it has neither
// a foreign-matter basis nor bands.
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
    villages: [v("ໂພນໄຊ", "Phonxay"), v("ນາຄຳ", "Nakham"), v("ຫ້ວຍຄຳ", "Houaykham"), v("ນ້ຳແບ່ງ", "Nambeng"), v("ດອນໄຊ", "Donxay")],
  },
  {
    code: "ODX-HOU",
    provinceCode: "ODX",
    nameLo: "ຮຸນ",
    nameEn: "Houn",
    villages: [v("ນາທອງ", "Nathong"), v("ໂພນສະຫວ່າງ", "Phonsavang"), v("ຫ້ວຍຊາຍ", "Houaysay"), v("ສາມັກຄີໄຊ", "Samakhixay"), v("ໜອງບົວ", "Nongboua")],
  },
  {
    code: "ODX-NAM",
    provinceCode: "ODX",
    nameLo: "ນາໝໍ້",
    nameEn: "Namor",
    villages: [v("ນາໝໍ້", "Namor"), v("ໂພນຫອມ", "Phonhom"), v("ຫ້ວຍໃໝ່", "Houaymai"), v("ສີວິໄລ", "Sivilay"), v("ດອນແກ້ວ", "Donkeo")],
  },
  {
    code: "ODX-NGA",
    provinceCode: "ODX",
    nameLo: "ງາ",
    nameEn: "Nga",
    villages: [v("ໂພນຄຳ", "Phonkham"), v("ນ້ຳງາ", "Namnga"), v("ນາສະຫວ່າງ", "Nasavang"), v("ວັງໄຊ", "Vangxay"), v("ໜອງຄຳ", "Nongkham")],
  },
  {
    code: "ODX-PAK",
    provinceCode: "ODX",
    nameLo: "ປາກແບ່ງ",
    nameEn: "Pakbeng",
    villages: [v("ປາກແບ່ງ", "Pakbeng"), v("ຫາດຄຳ", "Hatkham"), v("ດອນໃໝ່", "Donmai"), v("ຈະເລີນສຸກ", "Chaleunsouk"), v("ໂພນສະອາດ", "Phonsaat")],
  },
  {
    code: "XYB-HON",
    provinceCode: "XYB",
    nameLo: "ຫົງສາ",
    nameEn: "Hongsa",
    villages: [v("ວຽງແກ້ວ", "Viengkeo"), v("ນາໄຊ", "Naxay"), v("ຫ້ວຍແສນ", "Houaysaen"), v("ສາມັກຄີ", "Samakhi"), v("ໜອງຂຽວ", "Nongkhiaw")],
  },
  {
    code: "XYB-NGE",
    provinceCode: "XYB",
    nameLo: "ເງິນ",
    nameEn: "Ngeun",
    villages: [v("ນ້ຳເງິນ", "Namngeun"), v("ໂພນສະຫວັນ", "Phonsavan"), v("ນາຫຼວງ", "Naluang"), v("ທົ່ງນ້ອຍ", "Thongnoy"), v("ຈອມເພັດ", "Chomphet")],
  },
  {
    code: "XYB-XIE",
    provinceCode: "XYB",
    nameLo: "ຊຽງຮ່ອນ",
    nameEn: "Xienghone",
    villages: [v("ຊຽງຮ່ອນ", "Xienghone"), v("ນ້ຳພຸຍ", "Namphouy"), v("ນາຊອງ", "Naxong"), v("ໂພນທອງ", "Phonthong"), v("ປາກຂອບ", "Pakkhop")],
  },
  {
    code: "XYB-XAY",
    provinceCode: "XYB",
    nameLo: "ໄຊສະຖານ",
    nameEn: "Xaysathan",
    villages: [v("ໄຊສະຖານ", "Xaysathan"), v("ນາຫີນ", "Nahin"), v("ຫ້ວຍເຫຼືອງ", "Houayleuang"), v("ພູໄຊ", "Phouxay"), v("ໂນນສະຫວ່າງ", "Nonsavang")],
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
  /** the grade's price step in LAK per net kg (0 for grade 1, negative below) */
  premiumLakPerKg: number;
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
  /** foreign matter allowed free, per mille; null: not traded on foreign matter */
  foreignMatterBasisPermille: number | null;
  /** the foreign-matter schedule above the basis, read like `bands` */
  foreignMatterBands: BandSeed[];
  /** what the crop is paid on beside its weight, and the default basis and step; absent: none */
  content?: { measure: "drc" | "starch"; basisPermille: number; stepLakPerKg: number };
}

function grade(
  n: 1 | 2 | 3,
  maxMoisturePermille: number | null,
  maxForeignMatterPermille: number | null,
  specLo: string,
  specEn: string,
  premiumLakPerKg = 0,
): GradeSeed {
  return {
    code: `G${n}`,
    nameLo: `ຊັ້ນ ${n}`,
    nameEn: `Grade ${n}`,
    maxMoisturePermille,
    maxForeignMatterPermille,
    specLo,
    specEn,
    premiumLakPerKg,
  };
}

/** Foreign matter: its own weight (10 kg per tonne per point) up to `dirtyFrom`, then 12 for the cleaning. */
function foreignMatter(
  basisPermille: number,
  dirtyFromPermille: number,
  toPermille: number,
): { foreignMatterBasisPermille: number; foreignMatterBands: BandSeed[] } {
  return {
    foreignMatterBasisPermille: basisPermille,
    foreignMatterBands: [
      { fromPermille: basisPermille, toPermille: dirtyFromPermille, kgPerTonnePerPoint: 10 },
      { fromPermille: dirtyFromPermille, toPermille, kgPerTonnePerPoint: 12 },
    ],
  };
}

export const CROPS: CropSeed[] = [
  {
    code: "MAIZE",
    nameLo: "ສາລີ (ເມັດ)",
    nameEn: "Maize (shelled grain)",
    // 14.5 %: the Thai feed-corn basis (see the header for the arithmetic).
    standardMoisturePermille: 145,
    maxMoisturePermille: 300,
    grades: [
      grade(
        1,
        145,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 14,5%, ສິ່ງເຈືອປົນບໍ່ເກີນ 2%, ເມັດແຕກບໍ່ເກີນ 5%, ເມັດເສຍ ແລະ ເປັນເຊື້ອລາບໍ່ເກີນ 3%",
        "Moisture at most 14.5%, foreign matter at most 2%, broken kernels at most 5%, damaged and mouldy kernels at most 3%",
      ),
      grade(
        2,
        150,
        30,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 15%, ສິ່ງເຈືອປົນບໍ່ເກີນ 3%, ເມັດແຕກບໍ່ເກີນ 8%, ເມັດເສຍ ແລະ ເປັນເຊື້ອລາບໍ່ເກີນ 5%",
        "Moisture at most 15%, foreign matter at most 3%, broken kernels at most 8%, damaged and mouldy kernels at most 5%",
        -150,
      ),
      grade(
        3,
        300,
        50,
        "ສາລີສົດຈາກໄຮ່ (ຍັງບໍ່ຕາກ): ຄວາມຊຸ່ມບໍ່ເກີນ 30% ຫັກຕາມຕາຕະລາງ, ສິ່ງເຈືອປົນບໍ່ເກີນ 5%, ເມັດເສຍບໍ່ເກີນ 8%",
        "Farm-run, not yet dried: moisture up to 30% with the standard deduction, foreign matter at most 5%, damaged kernels at most 8%",
        -300,
      ),
    ],
    // Water loss 11.7 kg/t a point at 14.5 %; 28 % → 175 kg/t against 158 of water.
    bands: [
      { fromPermille: 145, toPermille: 180, kgPerTonnePerPoint: 12 },
      { fromPermille: 180, toPermille: 250, kgPerTonnePerPoint: 13 },
      { fromPermille: 250, toPermille: 300, kgPerTonnePerPoint: 14 },
    ],
    // Grade 1 allows 2 % (the Thai feed-corn grade); grade 3 farm-run lots reach 5 %.
    ...foreignMatter(20, 50, 100),
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
        -350, // 5 % of 6,750
      ),
    ],
    // Water loss 11.5 kg/t a point at 13 %; 20 % → 88 kg/t against 80 of water.
    bands: [
      { fromPermille: 130, toPermille: 160, kgPerTonnePerPoint: 12 },
      { fromPermille: 160, toPermille: 200, kgPerTonnePerPoint: 13 },
    ],
    ...foreignMatter(10, 30, 80),
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
        -50, // 5 % of 1,050
      ),
    ],
    bands: [],
    // Soil and stems (trash) are what root buyers deduct; grade 1 allows 3 %.
    ...foreignMatter(30, 60, 150),
    // Starch 25 %, 20 LAK per kg a point (see CONTENT MEASURES above).
    content: { measure: "starch", basisPermille: 250, stepLakPerKg: 20 },
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
        -100, // 5 % of 2,400 = 120, rounded to 50
      ),
    ],
    // Water loss 11.6 kg/t a point at 14 % (Thai export chips: at most 14 %); 20 % → 75 kg/t against 70.
    bands: [
      { fromPermille: 140, toPermille: 170, kgPerTonnePerPoint: 12 },
      { fromPermille: 170, toPermille: 200, kgPerTonnePerPoint: 13 },
    ],
    // Sand: grade 1 allows 2 % (the export specification 3 %).
    ...foreignMatter(20, 40, 100),
  },
  {
    code: "SESAME",
    nameLo: "ງາ",
    nameEn: "Sesame",
    standardMoisturePermille: 80,
    maxMoisturePermille: 120,
    grades: [
      grade(1, 80, 10, "ຄວາມຊຸ່ມບໍ່ເກີນ 8%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 99%, ເມັດສີອື່ນປົນບໍ່ເກີນ 2%", "Moisture at most 8%, purity at least 99%, seeds of other colours at most 2%"),
      grade(
        2,
        90,
        20,
        "ຄວາມຊຸ່ມບໍ່ເກີນ 9%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 98%, ເມັດສີອື່ນປົນບໍ່ເກີນ 5%",
        "Moisture at most 9%, purity at least 98%, seeds of other colours at most 5%",
        -1_000, // 5 % of 20,000
      ),
      grade(3, 100, 50, "ຄວາມຊຸ່ມບໍ່ເກີນ 10%, ຄວາມບໍລິສຸດບໍ່ຕ່ຳກວ່າ 95%", "Moisture at most 10%, purity at least 95%", -2_000),
    ],
    // Water loss 10.9 kg/t a point at 8 %; 12 % → 46 kg/t against 43.
    bands: [
      { fromPermille: 80, toPermille: 100, kgPerTonnePerPoint: 11 },
      { fromPermille: 100, toPermille: 120, kgPerTonnePerPoint: 12 },
    ],
    // Purity: grade 1 is at least 99 % pure.
    ...foreignMatter(10, 20, 50),
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
        -200, // 5 % of 3,850 = 193, rounded to 50
      ),
    ],
    // Water loss 11.6 kg/t a point at 14 %; 25 % → 142 kg/t against 128.
    bands: [
      { fromPermille: 140, toPermille: 180, kgPerTonnePerPoint: 12 },
      { fromPermille: 180, toPermille: 220, kgPerTonnePerPoint: 13 },
      { fromPermille: 220, toPermille: 250, kgPerTonnePerPoint: 14 },
    ],
    // Empty grains and foreign matter: grade 1 allows 1 %.
    ...foreignMatter(10, 30, 80),
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
        -5_000, // 5 % of 100,000
      ),
    ],
    // Water loss 11.5 kg/t a point at 13 %; 18 % → 63 kg/t against 57.
    bands: [
      { fromPermille: 130, toPermille: 150, kgPerTonnePerPoint: 12 },
      { fromPermille: 150, toPermille: 180, kgPerTonnePerPoint: 13 },
    ],
    // Stalks and foreign matter: grade 1 allows 1 %.
    ...foreignMatter(10, 30, 80),
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
        -350, // 5 % of 7,000; DRC is paid by its own step, not by the grade
      ),
    ],
    bands: [],
    // Bark, soil and other contamination: grade 1 allows 1 %.
    ...foreignMatter(10, 30, 100),
    // DRC 60 %, 120 LAK per kg a point (see CONTENT MEASURES above).
    content: { measure: "drc", basisPermille: 600, stepLakPerKg: 120 },
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
        -150, // 5 % of 3,000
      ),
    ],
    bands: [],
    // Graded on appearance, sold by the hand or bunch: no foreign-matter schedule.
    foreignMatterBasisPermille: null,
    foreignMatterBands: [],
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
        -30, // 5 % of 525 = 26, rounded to 10
      ),
    ],
    bands: [],
    // Leaves, tops and soil (trash) are what the mill deducts; grade 1 allows 3 %.
    ...foreignMatter(30, 70, 150),
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
        -450, // 5 % of 9,000
      ),
    ],
    // Water loss 11.5 kg/t a point at 13 %; 18 % → 62 kg/t against 57.
    bands: [
      { fromPermille: 130, toPermille: 160, kgPerTonnePerPoint: 12 },
      { fromPermille: 160, toPermille: 180, kgPerTonnePerPoint: 13 },
    ],
    // Grade 1 allows 1 %.
    ...foreignMatter(10, 20, 50),
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
        foreignMatterBasisPermille: c.foreignMatterBasisPermille,
        contentMeasure: c.content?.measure ?? null,
        contentBasisPermille: c.content?.basisPermille ?? null,
        contentStepLakPerKg: c.content?.stepLakPerKg ?? null,
        sortOrder: (index + 1) * 10,
      },
      update: {},
      select: { id: true, foreignMatterBasisPermille: true, contentMeasure: true },
    });

    // Written once for a crop seeded before content was priced; rubber's grade 2
    // then loses the DRC it priced, if it still has the seed's own −1,150.
    if (c.content && crop.contentMeasure === null) {
      await tx.crop.update({
        where: { id: crop.id },
        data: { contentMeasure: c.content.measure, contentBasisPermille: c.content.basisPermille, contentStepLakPerKg: c.content.stepLakPerKg },
      });
      if (c.code === "RUBBER_CUP_LUMP")
        await tx.cropGrade.updateMany({ where: { cropId: crop.id, code: "G2", premiumLakPerKg: -1_150 }, data: { premiumLakPerKg: -350 } });
    }

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

    // Written with a new crop, and once for a crop seeded before foreign matter was priced.
    if (
      c.foreignMatterBasisPermille !== null &&
      (crop.foreignMatterBasisPermille === null || crop.foreignMatterBasisPermille === c.foreignMatterBasisPermille)
    ) {
      const existingBands = await tx.foreignMatterBand.count({ where: { cropId: crop.id } });
      if (existingBands === 0) {
        await tx.crop.update({ where: { id: crop.id }, data: { foreignMatterBasisPermille: c.foreignMatterBasisPermille } });
        await tx.foreignMatterBand.createMany({ data: c.foreignMatterBands.map((b) => ({ cropId: crop.id, ...b })) });
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
