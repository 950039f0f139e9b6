import type { prices as en } from "../en/prices";
import type { Translation } from "../types";

export const prices: Translation<typeof en> = {
  band: {
    title: "ລາຄາອ້າງອີງ",
    reference: "ລາຄາອ້າງອີງ: ລາຄາກາງ {{medianLak}}/ກິໂລ (ແຕ່ {{min}} ຫາ {{maxLak}}/ກິໂລ, {{observations}}, {{days}} ມື້ຜ່ານມາ, {{scope}})",
    noReference: "ບໍ່ມີລາຄາອ້າງອີງຂອງພືດນີ້ໃນ {{days}} ມື້ຜ່ານມາ.",
    observationsOne: "1 ລາຄາ",
    observationsMany: "{{count}} ລາຄາ",
    agreed: "ລາຄາທີ່ຕົກລົງກັນໃນເວັບ: ລາຄາກາງ {{medianLak}}/ກິໂລ (ແຕ່ {{min}} ຫາ {{maxLak}}/ກິໂລ, {{offers}}, {{scope}})",
    noAgreed: "ຍັງບໍ່ມີລາຄາທີ່ຕົກລົງກັນໃນເວັບສຳລັບພືດນີ້ໃນ {{days}} ມື້ຜ່ານມາ ({{scope}}).",
    offersOne: "ຂໍ້ສະເໜີທີ່ຮັບແລ້ວ 1 ລາຍການ",
    offersMany: "ຂໍ້ສະເໜີທີ່ຮັບແລ້ວ {{count}} ລາຍການ",
    widened: "ເມືອງ{{district}} ມີລາຄາໜ້ອຍກວ່າ {{min}} ລາຄາ: ຂອບເຂດລາຄານີ້ຈຶ່ງກວມເອົາພື້ນທີ່ກວ້າງກວ່າ.",
    scope: {
      district: "ເມືອງ{{name}}",
      province: "ແຂວງ{{name}}",
      all: "ທຸກເມືອງຂອງໂຄງການ",
    },
  },
  distance: {
    askingAbove: "ລາຄາສະເໜີຂາຍ {{priceLak}}/ກິໂລ ສູງກວ່າລາຄາກາງ {{percent}} (ຫຼາຍກວ່າ {{diffLak}}/ກິໂລ).",
    askingBelow: "ລາຄາສະເໜີຂາຍ {{priceLak}}/ກິໂລ ຕ່ຳກວ່າລາຄາກາງ {{percent}} (ໜ້ອຍກວ່າ {{diffLak}}/ກິໂລ).",
    askingEqual: "ລາຄາສະເໜີຂາຍ {{priceLak}}/ກິໂລ ເທົ່າກັບລາຄາກາງ.",
    offerAbove: "ລາຄານີ້ {{priceLak}}/ກິໂລ ສູງກວ່າລາຄາກາງ {{percent}} (ຫຼາຍກວ່າ {{diffLak}}/ກິໂລ).",
    offerBelow: "ລາຄານີ້ {{priceLak}}/ກິໂລ ຕ່ຳກວ່າລາຄາກາງ {{percent}} (ໜ້ອຍກວ່າ {{diffLak}}/ກິໂລ).",
    offerEqual: "ລາຄານີ້ {{priceLak}}/ກິໂລ ເທົ່າກັບລາຄາກາງ.",
  },
  arithmetic: {
    caption: "ວິທີຄິດໄລ່ຕົວເລກນີ້",
    step: "ຂັ້ນຕອນ",
    figure: "ຕົວເລກ",
  },
  lines: {
    quantity: "ປະລິມານທີ່ສະເໜີ",
    noDeduction: "ບໍ່ຫັກຄວາມຊຸ່ມ: ສິນຄ້າທີ່ມີຄວາມຊຸ່ມຕາມທີ່ຄາດໄວ້ {{expectedPermille}} ຢູ່ພາຍໃນພື້ນຖານຄວາມຊຸ່ມຂອງຂໍ້ສະເໜີ {{basisPermille}}",
    deductionBand: "ຄວາມຊຸ່ມ {{fromPermille}} ຫາ {{toPermille}}: {{pointsTenths}} ຈຸດ × {{kgPerTonnePerPoint}} ກິໂລ ຕໍ່ ໂຕນ = {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ",
    deductionAboveTable:
      "ຄວາມຊຸ່ມ {{fromPermille}} ຫາ {{toPermille}} ເກີນຕາຕະລາງການຫັກ (ອາດຖືກປະຕິເສດບໍ່ຮັບຊື້): {{pointsTenths}} ຈຸດ × {{kgPerTonnePerPoint}} ກິໂລ ຕໍ່ ໂຕນ = {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ",
    deduction:
      "ຫັກຄວາມຊຸ່ມ: ສິນຄ້າທີ່ມີຄວາມຊຸ່ມຕາມທີ່ຄາດໄວ້ {{expectedPermille}} ທຽບກັບພື້ນຖານຄວາມຊຸ່ມຂອງຂໍ້ສະເໜີ {{basisPermille}} ຖືກຫັກ {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ ຂອງ {{quantityKg}}",
    netKg: "ນ້ຳໜັກສຸດທິທີ່ໄດ້ຮັບເງິນ: {{quantityKg}} − {{deductedKg}}",
    value: "ມູນຄ່າ: {{netKg}} × {{priceLak}}/ກິໂລ",
    valueAtFloor: "ມູນຄ່າຕາມລາຄາຂັ້ນຕ່ຳທີ່ຮັບປະກັນ: {{netKg}} × {{priceLak}}/ກິໂລ",
    content: {
      drc: "ເນື້ອຢາງແຫ້ງ (DRC): ທີ່ {{expectedPermille}} ທີ່ທ່ານຄາດໄວ້ ທຽບກັບພື້ນຖານຂອງຂໍ້ສະເໜີ {{basisPermille}}, {{stepLak}}/ກິໂລ ຕໍ່ 1 ຈຸດ, ຄິດໃສ່ {{netKg}}",
      starch: "ເນື້ອແປ້ງ: ທີ່ {{expectedPermille}} ທີ່ທ່ານຄາດໄວ້ ທຽບກັບພື້ນຖານຂອງຂໍ້ສະເໜີ {{basisPermille}}, {{stepLak}}/ກິໂລ ຕໍ່ 1 ຈຸດ, ຄິດໃສ່ {{netKg}}",
    },
    transportFo: "ຄ່າຂົນສົ່ງ, ກຸ່ມຊາວກະສິກອນເປັນຜູ້ຈ່າຍ",
    transportTrader: "ຄ່າຂົນສົ່ງ, ພໍ່ຄ້າເປັນຜູ້ຈ່າຍ",
    bagsFo: "ຄ່າກະສອບ, ກຸ່ມຊາວກະສິກອນເປັນຜູ້ຈ່າຍ",
    bagsTrader: "ຄ່າກະສອບ, ພໍ່ຄ້າເປັນຜູ້ຈ່າຍ",
    waitingNone: "ຈ່າຍເງິນໃນມື້ສົ່ງສິນຄ້າ: ບໍ່ມີຕົ້ນທຶນຂອງການລໍຖ້າ",
    waitingAdvanceCovers: "ເງິນລ່ວງໜ້າ {{advanceLak}} ກວມເອົາຈຳນວນເງິນທີ່ຕ້ອງຈ່າຍ {{amountDueLak}}: ບໍ່ມີຕົ້ນທຶນຂອງການລໍຖ້າ",
    waiting: "ຕົ້ນທຶນຂອງການລໍຖ້າເງິນ: ({{amountDueLak}} − ເງິນລ່ວງໜ້າ {{advanceLak}}) = {{balanceLak}} × {{monthlyRatePermille}} ຕໍ່ເດືອນ × {{paymentDays}} ມື້ ÷ 30",
    inputInterest: "ດອກເບ້ຍຂອງວັດຖຸປັດໄຈການຜະລິດທີ່ໃຫ້ເປັນໜີ້: {{inputValueLak}} × {{ratePermille}} ຕໍ່ເດືອນ × {{days}} ມື້ (ແຕ່ມື້ຂອງເງື່ອນໄຂນີ້ ຫາ ມື້ສົ່ງສິນຄ້າ) ÷ 30",
    inputNoInterest: "ວັດຖຸປັດໄຈການຜະລິດ {{inputValueLak}} ທີ່ໃຫ້ເປັນໜີ້ບໍ່ມີດອກເບ້ຍ: ຈ່າຍຄືນຕາມມູນຄ່າ, ບໍ່ມີຕົ້ນທຶນ",
    net: "ເງິນສຸດທິທີ່ກຸ່ມຊາວກະສິກອນໄດ້ຮັບ",
    effective: "ລາຄາຕົວຈິງ: {{netLak}} ÷ {{quantityKg}} = {{effectiveLak}}/ກິໂລ",
  },
};
