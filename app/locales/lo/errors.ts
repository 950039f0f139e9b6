import type { errors as en } from "../en/errors";
import type { Translation } from "../types";

export const errors: Translation<typeof en> = {
  403: {
    title: "ບໍ່ອະນຸຍາດ",
    text: "ບັນຊີຂອງທ່ານບໍ່ມີສິດເປີດໜ້ານີ້.",
  },
  404: {
    title: "ບໍ່ພົບໜ້ານີ້",
    text: "ໜ້ານີ້ບໍ່ມີ, ຫຼື ທ່ານບໍ່ມີສິດເບິ່ງ.",
  },
  500: {
    title: "ມີບາງຢ່າງຜິດພາດ",
    text: "ລະບົບບໍ່ສາມາດດຳເນີນການນີ້ໄດ້. ບໍ່ມີຫຍັງຖືກປ່ຽນແປງ. ກະລຸນາລອງໃໝ່.",
  },
  generic: { title: "ຂໍ້ຜິດພາດ {{status}}", text: "ບໍ່ສາມາດດຳເນີນການຕາມຄຳຮ້ອງໄດ້." },
  backHome: "ກັບໄປໜ້າຫຼັກ",
};
