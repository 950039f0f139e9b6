import type { admin as en } from "../en/admin";
import type { Translation } from "../types";

export const admin: Translation<typeof en> = {
  title: "ຜູ້ໃຊ້ ແລະ ບົດບາດ",
  intro: "ມອບ ຫຼື ຖອນບົດບາດ. ທຸກການປ່ຽນແປງຖືກບັນທຶກໄວ້ໃນບັນທຶກການກວດສອບ.",
  name: "ຊື່",
  contact: "ເບີໂທ / ອີເມວ",
  roles: "ບົດບາດ",
  saveRoles: "ບັນທຶກບົດບາດ",
  saved: "ບັນທຶກບົດບາດຂອງ {{name}} ແລ້ວ.",
  empty: "ຍັງບໍ່ມີຜູ້ໃຊ້.",
  cannotRemoveOwnAdmin: "ທ່ານບໍ່ສາມາດຖອນບົດບາດຜູ້ບໍລິຫານລະບົບຂອງຕົນເອງໄດ້.",
  user: {
    back: "ຜູ້ໃຊ້ທັງໝົດ",
    contact: "ເບີໂທ / ອີເມວ",
    noContact: "ບໍ່ມີເບີໂທ ຫຼື ອີເມວ",
    roles: "ບົດບາດ",
    noRoles: "ບໍ່ມີບົດບາດ",
    status: "ບັນຊີ",
    statusActive: "ໃຊ້ງານໄດ້",
    statusDisabled: "ຖືກປິດ: ເຂົ້າລະບົບບໍ່ໄດ້",
    disable: "ປິດບັນຊີ",
    disableHint: "ອອກຈາກລະບົບທຸກເຄື່ອງທັນທີ ແລະ ບໍ່ໃຫ້ເຂົ້າລະບົບໄດ້ ຈົນກວ່າບັນຊີຈະຖືກເປີດຄືນ.",
    enable: "ເປີດບັນຊີຄືນ",
    disabled: "ປິດບັນຊີຂອງ {{name}} ແລ້ວ ແລະ ອອກຈາກລະບົບທຸກເຄື່ອງແລ້ວ.",
    enabled: "{{name}} ເຂົ້າລະບົບໄດ້ອີກແລ້ວ.",
    cannotChangeOwnStatus: "ທ່ານບໍ່ສາມາດປິດບັນຊີຂອງຕົນເອງໄດ້.",
    resetHint: "ສຳລັບຜູ້ໃຊ້ທີ່ລືມລະຫັດຜ່ານ: ລະຫັດໃຊ້ຄັ້ງດຽວ, ໃຊ້ໄດ້ 24 ຊົ່ວໂມງ, ສະແດງພຽງຄັ້ງດຽວ.",
  },
};
