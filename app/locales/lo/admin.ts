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
};
