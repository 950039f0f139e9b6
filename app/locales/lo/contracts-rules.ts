import type { contractRules as en } from "../en/contracts-rules";
import type { Translation } from "../types";

export const contractRules: Translation<typeof en> = {
  lines: {
    priceFixed: "ລາຄາຕາມສັນຍາ: {{priceLak}}/ກິໂລ",
    priceReference:
      "ລາຄາອ້າງອີງຂອງຕະຫຼາດໃນມື້ສົ່ງຜົນຜະລິດ {{referenceLak}}/ກິໂລ ສູງກວ່າລາຄາຂັ້ນຕ່ຳ {{floorLak}}/ກິໂລ: ຈຶ່ງໃຊ້ລາຄາອ້າງອີງ",
    priceFloor:
      "ລາຄາອ້າງອີງຂອງຕະຫຼາດໃນມື້ສົ່ງຜົນຜະລິດ {{referenceLak}}/ກິໂລ ບໍ່ສູງກວ່າລາຄາຂັ້ນຕ່ຳ {{floorLak}}/ກິໂລ: ຈຶ່ງໃຊ້ລາຄາຂັ້ນຕ່ຳ",
    priceNoReference: "ບໍ່ມີລາຄາອ້າງອີງຂອງຕະຫຼາດທີ່ໃໝ່ພໍສຳລັບມື້ສົ່ງຜົນຜະລິດ: ຈຶ່ງໃຊ້ລາຄາຂັ້ນຕ່ຳ {{floorLak}}/ກິໂລ",
    gross: "ນ້ຳໜັກລວມທີ່ສົ່ງ",
    moistureWithin: "ຄວາມຊຸ່ມທີ່ວັດໄດ້: {{measuredPermille}}, ບໍ່ເກີນພື້ນຖານຄວາມຊຸ່ມຂອງສັນຍາ {{basisPermille}}",
    moistureAbove: "ຄວາມຊຸ່ມທີ່ວັດໄດ້: {{measuredPermille}}, ເກີນພື້ນຖານຄວາມຊຸ່ມຂອງສັນຍາ {{basisPermille}} ຢູ່ {{excessPermille}}",
    aboveTable: "ຄວາມຊຸ່ມເກີນແຖວສຸດທ້າຍຂອງຕາຕະລາງການຫັກ ({{lastPermille}}): ຜູ້ຊື້ອາດປະຕິເສດບໍ່ຮັບຊື້",
    deductionBand:
      "ຄວາມຊຸ່ມ {{fromPermille}} ຫາ {{toPermille}}: {{pointsTenths}} ຈຸດ × {{kgPerTonnePerPoint}} ກິໂລ ຕໍ່ ໂຕນ = {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ",
    deductionAboveTable:
      "ຄວາມຊຸ່ມ {{fromPermille}} ຫາ {{toPermille}} ເກີນຕາຕະລາງການຫັກ (ອາດຖືກປະຕິເສດບໍ່ຮັບຊື້): {{pointsTenths}} ຈຸດ × {{kgPerTonnePerPoint}} ກິໂລ ຕໍ່ ໂຕນ = {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ",
    deduction: "ຫັກຄວາມຊຸ່ມ: {{kgPerTonneTenths}} ກິໂລ ຕໍ່ ໂຕນ ຂອງ {{grossKg}}",
    deductionNone: "ບໍ່ຫັກຄວາມຊຸ່ມ",
    deductionNoTable: "ບໍ່ຫັກຄວາມຊຸ່ມ: ສັນຍານີ້ບໍ່ມີຕາຕະລາງຫັກຄວາມຊຸ່ມ",
    netKg: "ນ້ຳໜັກສຸດທິທີ່ໄດ້ຮັບເງິນ: {{grossKg}} − {{deductedKg}}",
    amountDue: "ຈຳນວນເງິນທີ່ຕ້ອງຈ່າຍ: {{netKg}} × {{priceLak}}/ກິໂລ",
    inputNone: "ບໍ່ມີໜີ້ຄ່າວັດຖຸປັດໄຈການຜະລິດທີ່ຕ້ອງຫັກ",
    inputDeduction: "ວັດຖຸປັດໄຈການຜະລິດທີ່ໃຫ້ເຊື່ອກ່ອນ: ຫັກໜີ້ທີ່ຍັງຄ້າງ {{debtLak}} ທັງໝົດ",
    inputDeductionPartial:
      "ວັດຖຸປັດໄຈການຜະລິດທີ່ໃຫ້ເຊື່ອກ່ອນ: ໜີ້ທີ່ຍັງຄ້າງ {{debtLak}}; ການສົ່ງຄັ້ງນີ້ຫັກໄດ້ {{deductionLak}}, ຍັງຄ້າງຢູ່ {{remainingLak}}",
    payable: "ເງິນທີ່ຕ້ອງຈ່າຍໃຫ້ກຸ່ມຊາວກະສິກອນ",
    inputValue: "ມູນຄ່າວັດຖຸປັດໄຈການຜະລິດທີ່ໃຫ້ເຊື່ອກ່ອນ",
    inputInterest: "ດອກເບ້ຍ: {{valueLak}} × {{ratePermille}} ຕໍ່ເດືອນ × {{days}} ມື້ ÷ 30",
    inputNoInterest: "ບໍ່ມີດອກເບ້ຍຄ່າວັດຖຸປັດໄຈການຜະລິດ",
    inputDebt: "ໜີ້ຄ່າວັດຖຸປັດໄຈການຜະລິດ ໃນມື້ສົ່ງຜົນຜະລິດ",
    penaltyPaidLate:
      "{{amountLak}} ຄົບກຳນົດຈ່າຍວັນທີ {{dueDate}}, ຈ່າຍວັນທີ {{endDate}}: ຊ້າ {{days}} ມື້ × {{ratePermille}} ຕໍ່ເດືອນ ÷ 30",
    penaltyUnpaid:
      "{{amountLak}} ຄົບກຳນົດຈ່າຍວັນທີ {{dueDate}}, ຮອດວັນທີ {{endDate}} ຍັງບໍ່ໄດ້ຈ່າຍ: ຊ້າ {{days}} ມື້ × {{ratePermille}} ຕໍ່ເດືອນ ÷ 30",
    penaltyNoRate: "ສັນຍານີ້ບໍ່ມີຄ່າປັບໃໝຈ່າຍເງິນຊ້າ",
    penaltyNoneLate: "ບໍ່ມີການຈ່າຍເງິນຊ້າ",
    penaltyTotal: "ຄ່າປັບໃໝຈ່າຍເງິນຊ້າ",
  },
  payout: {
    rule:
      "ສ່ວນແບ່ງຂອງສະມາຊິກແຕ່ລະຄົນ ທັງນ້ຳໜັກສຸດທິ, ເງິນທີ່ຫັກຄ່າວັດຖຸປັດໄຈການຜະລິດ ແລະ ເງິນທີ່ຕ້ອງຈ່າຍ ແມ່ນຕາມສັດສ່ວນຂອງກິໂລທີ່ຈອງໄວ້. ສ່ວນແບ່ງຖືກປັດລົງເປັນກິໂລ ຫຼື ກີບເຕັມ; ຫົວໜ່ວຍທີ່ເຫຼືອຈະແບ່ງໃຫ້ເທື່ອລະໜຶ່ງ ແກ່ສະມາຊິກທີ່ມີເສດເຫຼືອຫຼາຍທີ່ສຸດ (ຖ້າເທົ່າກັນ, ໃຫ້ຜູ້ທີ່ຈອງຫຼາຍກວ່າກ່ອນ, ແລ້ວຕາມລຳດັບໃນລາຍຊື່), ດັ່ງນັ້ນແຕ່ລະຖັນຈຶ່ງລວມໄດ້ເທົ່າກັບຍອດລວມຂອງສັນຍາພໍດີ. ເງິນລວມຂອງສະມາຊິກແຕ່ລະຄົນ ແມ່ນເງິນທີ່ຕ້ອງຈ່າຍ ບວກກັບເງິນທີ່ຫັກຄ່າວັດຖຸປັດໄຈການຜະລິດ.",
  },
};
