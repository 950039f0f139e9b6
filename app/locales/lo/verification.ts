import type { verification as en } from "../en/verification";
import type { Translation } from "../types";

export const verification: Translation<typeof en> = {
  title: "ລາຍການລໍຖ້າຢັ້ງຢືນ",
  intro: "ກວດສອບແຕ່ລະການລົງທະບຽນກັບຂໍ້ມູນທີ່ທ່ານຮູ້ຈາກເມືອງ ກ່ອນຈະຢັ້ງຢືນ.",
  organisations: "ກຸ່ມຊາວກະສິກອນ",
  companies: "ບໍລິສັດການຄ້າ",
  emptyOrganisations: "ບໍ່ມີກຸ່ມຊາວກະສິກອນໃນເມືອງຂອງທ່ານລໍຖ້າການຢັ້ງຢືນ.",
  emptyCompanies: "ບໍ່ມີບໍລິສັດການຄ້າໃນແຂວງຂອງທ່ານລໍຖ້າການຢັ້ງຢືນ.",
  registeredBy: "ລົງທະບຽນໂດຍ {{name}} ({{contact}})",
  registeredAt: "ລົງທະບຽນວັນທີ {{date}}",
  licence: "ໃບອະນຸຍາດ {{licence}}",
  verify: "ຢັ້ງຢືນ",
  reject: "ປະຕິເສດ",
  reason: "ເຫດຜົນທີ່ປະຕິເສດ",
  verified: "{{name}} ໄດ້ຮັບການຢັ້ງຢືນແລ້ວ.",
  rejected: "{{name}} ຖືກປະຕິເສດແລ້ວ.",
  alreadyDecided: "ມີຄົນອື່ນຕັດສິນການລົງທະບຽນນີ້ແລ້ວ; ລາຍການໄດ້ອັບເດດແລ້ວ.",
  notYourDistrict: "ການລົງທະບຽນນີ້ຢູ່ນອກເມືອງທີ່ທ່ານຮັບຜິດຊອບ.",
};
