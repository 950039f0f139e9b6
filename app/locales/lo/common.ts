import type { common as en } from "../en/common";
import type { Translation } from "../types";

export const common: Translation<typeof en> = {
  appName: "ເວັບເຊື່ອມຕໍ່ຕະຫຼາດ ແລະ ສັນຍາຊື້ຂາຍ",
  appTagline: "ກຸ່ມຊາວກະສິກອນຂາຍຮ່ວມກັນ; ພໍ່ຄ້າແຂ່ງຂັນກັນສະເໜີລາຄາ; ທຸກການຊື້ຂາຍມີສັນຍາເປັນລາຍລັກອັກສອນທີ່ຍຸຕິທຳ.",
  nav: {
    menu: "ເມນູ",
    home: "ໜ້າຫຼັກ",
    templates: "ແບບຟອມສັນຍາ",
    contracts: "ສັນຍາ",
    myOrganisations: "ກຸ່ມຂອງຂ້ອຍ",
    myCompany: "ບໍລິສັດຂອງຂ້ອຍ",
    facilitator: "ການອຳນວຍຄວາມສະດວກ",
    verification: "ການຢັ້ງຢືນ",
    admin: "ການບໍລິຫານລະບົບ",
    reports: "ລາຍງານ",
    listings: "ລາຍການຂາຍ",
    prices: "ລາຄາ",
    inbox: "ກ່ອງຂໍ້ຄວາມ",
    signIn: "ເຂົ້າສູ່ລະບົບ",
    signOut: "ອອກຈາກລະບົບ",
    register: "ລົງທະບຽນ",
    signedInAs: "ເຂົ້າລະບົບໃນນາມ {{name}}",
  },
  language: {
    label: "ພາສາ",
    lo: "ລາວ",
    en: "English",
    switch: "ປ່ຽນພາສາ",
  },
  roles: {
    fo_leader: "ຫົວໜ້າກຸ່ມຊາວກະສິກອນ",
    trader: "ພໍ່ຄ້າ",
    facilitator: "ພະນັກງານອຳນວຍຄວາມສະດວກ",
    admin: "ຜູ້ບໍລິຫານລະບົບ",
  },
  status: {
    pending: "ລໍຖ້າການຢັ້ງຢືນ",
    verified: "ຢັ້ງຢືນແລ້ວ",
    rejected: "ຖືກປະຕິເສດ",
    suspended: "ຖືກໂຈະ",
  },
  orgType: {
    producer_group: "ກຸ່ມຜູ້ຜະລິດ",
    cooperative: "ສະຫະກອນ",
    association: "ສະມາຄົມ",
  },
  sex: { female: "ຍິງ", male: "ຊາຍ" },
  units: { kg: "ກິໂລ", lak: "ກີບ", perKg: "ກີບ/ກິໂລ" },
  pager: { label: "ໜ້າ", page: "ໜ້າ {{page}}", previous: "ໃໝ່ກວ່າ", next: "ເກົ່າກວ່າ" },
  actions: { save: "ບັນທຶກ", cancel: "ຍົກເລີກ", back: "ກັບຄືນ" },
  home: {
    title: "ຍິນດີຕ້ອນຮັບ",
    intro:
      "ກຸ່ມຊາວກະສິກອນປະກາດຜົນຜະລິດທີ່ສະມາຊິກລວມກັນ; ພໍ່ຄ້າທີ່ໄດ້ຮັບການຢັ້ງຢືນສະເໜີລາຄາແຂ່ງຂັນກັນ; ຂໍ້ສະເໜີທີ່ເລືອກກາຍເປັນສັນຍາສອງພາສາ ທີ່ລາຄາ ແລະ ເງື່ອນໄຂບໍ່ສາມາດປ່ຽນແປງໄດ້ຫຼັງຈາກເຊັນແລ້ວ.",
    forFo: "ສຳລັບກຸ່ມຊາວກະສິກອນ",
    forFoText: "ລົງທະບຽນກຸ່ມ ຫຼື ສະຫະກອນຂອງທ່ານ, ບັນທຶກສະມາຊິກ ແລະ ຂາຍຜົນຜະລິດຮ່ວມກັນ.",
    forTraders: "ສຳລັບພໍ່ຄ້າ",
    forTradersText: "ລົງທະບຽນບໍລິສັດຂອງທ່ານ, ຊອກຫາຜົນຜະລິດທີ່ລວມກັນ ແລະ ສະເໜີລາຄາດ້ວຍເງື່ອນໄຂທີ່ຈະແຈ້ງ.",
  },
};
