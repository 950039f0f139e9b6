// The free text people type into the portal, in the bilingual "Lao / English"
// style of the demo seed: listing notes, offer messages, delivery places, who
// measured and with what, contest reasons, dispute statements and mediation
// notes, amendment and suspension reasons, inputs advanced on credit.
import type { Random } from "./random";

export const LISTING_NOTES = [
  "ຕາກແຫ້ງແລ້ວ ບັນຈຸກະສອບ 50 ກິໂລ. / Sun-dried, in 50 kg sacks.",
  "ສິນຄ້າລວມຂອງສະມາຊິກ, ຕາກແຫ້ງ ບັນຈຸກະສອບ. / Pooled from members, dried and bagged.",
  "ລົດບັນທຸກເຂົ້າຮອດສາງໄດ້ທຸກລະດູ. / Trucks reach the store in every season.",
  "ຍັງລໍຖ້າສະມາຊິກບາງຄົນແຈ້ງປະລິມານ. / Some members are still confirming volumes.",
  "ຄັດແລ້ວ, ສະອາດ. / Sorted and cleaned.",
  "ຜົນຜະລິດລະດູນີ້. / This season's harvest.",
  "ຂາຍລ່ວງໜ້າ ກ່ອນເກັບກ່ຽວ. / Sold forward, before the harvest.",
  "ທາງເຂົ້າບ້ານເປັນທາງດິນ, ລະດູຝົນລົດໃຫຍ່ເຂົ້າບໍ່ໄດ້. / Dirt road to the village; large trucks cannot come in the rains.",
];

export const OFFER_MESSAGES = [
  "We collect with our own truck. Moisture measured at your store with our meter, the FO may check.",
  "ພວກເຮົາມາຮັບເອງ ແລະ ຊັ່ງຢູ່ສາງຂອງກຸ່ມ. / We collect and weigh at the group's store.",
  "For our feed mill; we collect in two trips.",
  "For export to Yunnan; grade checked on collection.",
  "Payment by bank transfer to the FO's account.",
  "ລາຄານີ້ລວມຄ່າຂົນສົ່ງແລ້ວ. / This price includes transport.",
  "We can pay part in advance if the FO signs this week.",
];

export const COUNTER_MESSAGES = [
  "ລາຄາຕະຫຼາດຢູ່ເມືອງສູງກວ່ານີ້. / The market price in town is higher.",
  "ຂໍລາຄາເພີ່ມ ແລະ ຈ່າຍເງິນໄວຂຶ້ນ. / We ask a better price and faster payment.",
  "ບໍລິສັດອອກຄ່າກະສອບ. / Sacks on the company, please.",
  "ຂໍເງິນລ່ວງໜ້າ ເພື່ອຈ່າຍຄ່າແຮງງານເກັບກ່ຽວ. / We ask an advance to pay the harvest labour.",
];

export function storePlace(rng: Random, village: { nameLo: string; nameEn: string }, district: { nameLo: string; nameEn: string }): string {
  return rng.pick([
    `ສາງກຸ່ມ ${village.nameLo}, ເມືອງ${district.nameLo} / Group store, ${village.nameEn}, ${district.nameEn}`,
    `ສາງສະຫະກອນ ${village.nameLo}, ເມືອງ${district.nameLo} / Cooperative store, ${village.nameEn}, ${district.nameEn}`,
    `ເດີ່ນບ້ານ ${village.nameLo} / Village square, ${village.nameEn}`,
  ]);
}

export function depotPlace(rng: Random, district: { nameLo: string; nameEn: string }): string {
  return rng.pick([
    `ຕະຫຼາດເມືອງ${district.nameLo} / ${district.nameEn} district market`,
    `ສາງບໍລິສັດ ເມືອງ${district.nameLo} / Company warehouse, ${district.nameEn}`,
    `ຈຸດຮັບຊື້ ແຍກທາງເຂົ້າເມືອງ${district.nameLo} / Buying point at the ${district.nameEn} junction`,
  ]);
}

export const MEASURED_BY = [
  "ພະນັກງານບໍລິສັດ ກັບ ຄະນະກຳມະການກຸ່ມ / Company staff with the FO committee",
  "ພະນັກງານບໍລິສັດ / Company staff",
  "ເລຂາກຸ່ມ ກັບ ຄົນຂັບລົດບໍລິສັດ / The FO secretary with the company's driver",
  "ຫົວໜ້າກຸ່ມ / The FO leader",
];

export const INSTRUMENTS = [
  "ຊິງຊັ່ງ 1 ໂຕນ ແລະ ເຄື່ອງວັດຄວາມຊຸ່ມ ຂອງບໍລິສັດ / The company's 1-tonne platform scale and moisture meter",
  "ຊິງຊັ່ງຂອງກຸ່ມ ແລະ ເຄື່ອງວັດຄວາມຊຸ່ມແບບມືຖື / The FO's scale and a handheld moisture meter",
  "ຊິງຊັ່ງລົດບັນທຸກ ທີ່ເມືອງ / The truck scale in town",
];

export const DELIVERY_CONTEST_REASONS = [
  "ເຄື່ອງວັດຂອງກຸ່ມ ວັດໄດ້ຄວາມຊຸ່ມຕ່ຳກວ່ານີ້ ໃນກະສອບດຽວກັນ. / The FO's meter read a lower moisture on the same sacks.",
  "ນ້ຳໜັກທີ່ຊັ່ງຢູ່ບ້ານ ສູງກວ່າທີ່ບັນທຶກ. / The weight on the village scale was higher than recorded.",
  "ບໍ່ເຫັນດີກັບການລົດເກຣດ. / We do not accept the downgrade.",
];

export const PAYMENT_CONTEST_REASONS = [
  "ເງິນຍັງບໍ່ເຂົ້າບັນຊີຂອງກຸ່ມ. / The money has not reached the FO's account.",
  "ຈຳນວນເງິນທີ່ໄດ້ຮັບ ໜ້ອຍກວ່າທີ່ບັນທຶກ. / Less money arrived than was recorded.",
];

type DisputeText = { statement: string; answer: string };

export const DISPUTE_TEXTS: Record<string, DisputeText[]> = {
  moisture_quality: [
    {
      statement:
        "ບໍລິສັດວັດຄວາມຊຸ່ມສູງກວ່າເຄື່ອງວັດຂອງພວກເຮົາ ແລະ ຫັກນ້ຳໜັກຫຼາຍ. ຂໍໃຫ້ວັດຄືນຮ່ວມກັນ. / The company's moisture reading is higher than ours and it deducted a lot. We ask for a joint re-measurement.",
      answer: "ເຄື່ອງວັດຂອງພວກເຮົາ ກວດຄວາມຖືກຕ້ອງແລ້ວ. ພວກເຮົາຍອມວັດຄືນຮ່ວມກັນ. / Our meter was calibrated. We agree to a joint re-measurement.",
    },
    {
      statement: "ບໍລິສັດລົດເກຣດສິນຄ້າ ໂດຍບໍ່ໄດ້ສະແດງຕົວຢ່າງ. / The company downgraded the lot without showing the sample.",
      answer: "ຕົວຢ່າງຍັງເກັບໄວ້ທີ່ສາງ; ກຸ່ມມາເບິ່ງໄດ້. / The sample is kept at the warehouse; the FO may come and see it.",
    },
  ],
  weight: [
    {
      statement: "ນ້ຳໜັກຢູ່ຊິງຊັ່ງບໍລິສັດ ໜ້ອຍກວ່າທີ່ຊັ່ງຢູ່ບ້ານ. / The company's scale weighed less than the village scale.",
      answer: "ຊິງຊັ່ງຂອງພວກເຮົາ ມີໃບຢັ້ງຢືນ. ພວກເຮົາຍອມຊັ່ງຄືນ ທີ່ຊິງຊັ່ງລົດບັນທຸກຂອງເມືອງ. / Our scale is certified. We agree to re-weigh on the district truck scale.",
    },
  ],
  late_payment: [
    {
      statement: "ກາຍກຳນົດຈ່າຍເງິນແລ້ວ ແຕ່ບໍລິສັດຍັງບໍ່ໄດ້ຈ່າຍ. / The payment deadline has passed and the company has not paid.",
      answer: "ລູກຄ້າຂອງພວກເຮົາຈ່າຍຊ້າ; ພວກເຮົາຈະຈ່າຍພາຍໃນອາທິດນີ້. / Our own buyer paid late; we will pay this week.",
    },
  ],
  price: [
    {
      statement: "ລາຄາທີ່ໃຊ້ໃນການຄິດໄລ່ ບໍ່ແມ່ນລາຄາໃນສັນຍາ. / The price used is not the contract price.",
      answer: "ພວກເຮົາຈະກວດຄືນ ແລະ ແກ້ໄຂໃບບິນ. / We will check and correct the invoice.",
    },
  ],
  non_delivery: [
    {
      statement: "ກຸ່ມບໍ່ໄດ້ສົ່ງສິນຄ້າ ຕາມວັນທີ່ຕົກລົງ. / The FO did not deliver on the agreed day.",
      answer: "ທາງເຂົ້າບ້ານຂາດ ຍ້ອນນ້ຳຖ້ວມ; ພວກເຮົາຈະສົ່ງເມື່ອທາງໃຊ້ໄດ້. / The road to the village was cut by floods; we deliver as soon as it opens.",
    },
  ],
  side_selling: [
    {
      statement: "ສະມາຊິກບາງຄົນ ຂາຍສິນຄ້າໃຫ້ພໍ່ຄ້າອື່ນ ໃນລາຄາສູງກວ່າ. / Some members sold to another trader at a higher price.",
      answer: "ສະມາຊິກສອງຄົນຂາຍອອກ ຍ້ອນຕ້ອງການເງິນດ່ວນ; ກຸ່ມຈະສົ່ງສ່ວນທີ່ຍັງເຫຼືອ. / Two members sold because they needed cash urgently; the FO delivers the rest.",
    },
  ],
  other: [
    {
      statement: "ບໍລິສັດບໍ່ໄດ້ສົ່ງກະສອບ ຕາມທີ່ຕົກລົງ. / The company did not bring the sacks it promised.",
      answer: "ກະສອບຈະມາຮອດ ພ້ອມລົດຄັ້ງຕໍ່ໄປ. / The sacks come with the next truck.",
    },
  ],
};

export const MEDIATION_NOTES = [
  "ໄດ້ໂທລົມກັບທັງສອງຝ່າຍ; ນັດພົບກັນທີ່ຫ້ອງການກະສິກຳເມືອງ. / Spoke to both sides by phone; meeting set at the district agriculture office.",
  "ໄດ້ໄປກວດສິນຄ້າທີ່ສາງ ພ້ອມທັງສອງຝ່າຍ. / Inspected the lot at the store with both sides.",
  "ທັງສອງຝ່າຍຕົກລົງ ວັດຄືນດ້ວຍເຄື່ອງວັດຂອງຫ້ອງການ. / Both sides agreed to re-measure with the office's meter.",
];

export const OUTCOMES = [
  "ວັດຄືນຮ່ວມກັນແລ້ວ; ບໍລິສັດຄືນນ້ຳໜັກທີ່ຫັກເກີນ. / Re-measured together; the company returns the excess deduction.",
  "ບໍລິສັດຈ່າຍເງິນທີ່ຄ້າງ ພ້ອມຄ່າປັບໃໝ. / The company paid the balance with the penalty.",
  "ທັງສອງຝ່າຍຕົກລົງ ຍົກເລີກຂໍ້ຮ້ອງຮຽນ. / Both sides agreed to withdraw the complaint.",
];

export const AMENDMENT_REASONS = [
  "ນ້ຳຖ້ວມ ເຮັດໃຫ້ເກັບກ່ຽວຊ້າ; ເລື່ອນວັນສົ່ງ. / Floods delayed the harvest; delivery moved.",
  "ສະມາຊິກບາງຄົນເກັບກ່ຽວໄດ້ໜ້ອຍກວ່າທີ່ຄາດ. / Some members harvested less than expected.",
  "ລາຄາຕະຫຼາດປ່ຽນ; ທັງສອງຝ່າຍຕົກລົງລາຄາໃໝ່. / The market moved; both sides agreed a new price.",
  "ບໍລິສັດຂໍເວລາຈ່າຍເງິນເພີ່ມ. / The company asked for more time to pay.",
];

export const SUSPENSION_REASONS = [
  "ບໍ່ໄດ້ສົ່ງເອກະສານການຈົດທະບຽນຄືນ. / Registration documents were not renewed.",
  "ມີຂໍ້ຮ້ອງຮຽນຫຼາຍຄັ້ງ ລໍຖ້າການກວດສອບ. / Several complaints, pending a review.",
];

export const INPUTS: Record<string, string> = {
  MAIZE: "ເມັດພັນສາລີລູກປະສົມ ແລະ ຝຸ່ນ 15-15-15 / Hybrid maize seed and 15-15-15 fertiliser",
  JOBS_TEARS: "ເມັດພັນເດືອຍ ແລະ ຝຸ່ນຊີວະພາບ / Job's tears seed and organic fertiliser",
  SOYBEAN: "ເມັດພັນຖົ່ວເຫຼືອງ ແລະ ຢາປາບສັດຕູພືດ / Soybean seed and pest control",
  PADDY: "ເມັດພັນເຂົ້າ ແລະ ຝຸ່ນຢູເຣຍ / Rice seed and urea",
  SESAME: "ເມັດພັນງາ / Sesame seed",
};
export const DEFAULT_INPUT = "ຝຸ່ນ ແລະ ເມັດພັນ / Fertiliser and seed";
