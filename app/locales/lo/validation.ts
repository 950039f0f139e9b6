import type { validation as en } from "../en/validation";
import type { Translation } from "../types";

export const validation: Translation<typeof en> = {
  formHasErrors: "ກະລຸນາແກ້ໄຂຊ່ອງທີ່ໝາຍໄວ້ຂ້າງລຸ່ມ.",
  required: "ຕ້ອງໃສ່ຂໍ້ມູນຊ່ອງນີ້.",
  invalid: "ຂໍ້ມູນນີ້ບໍ່ຖືກຕ້ອງ.",
  tooLong: "ຂໍ້ຄວາມຍາວເກີນໄປ.",
  phoneInvalid: "ນີ້ບໍ່ແມ່ນເບີມືຖືລາວ. ໃຫ້ຂຽນ 020 ແລະ ຕົວເລກ 8 ໂຕ (020 5555 1234) ຫຼື 030 ແລະ ຕົວເລກ 7 ໂຕ (030 512 3456); ຈະມີ +856 ຢູ່ທາງໜ້າກໍໄດ້.",
  emailInvalid: "ໃສ່ທີ່ຢູ່ອີເມວ ເຊັ່ນ name@example.la.",
  phoneOrEmail: "ໃສ່ເບີໂທລະສັບ ຫຼື ອີເມວ.",
  passwordTooShort: "ລະຫັດຜ່ານຕ້ອງມີຢ່າງໜ້ອຍ 8 ຕົວອັກສອນ.",
  passwordsDiffer: "ລະຫັດຜ່ານທັງສອງບໍ່ຄືກັນ.",
  phoneTaken: "ມີບັນຊີທີ່ໃຊ້ເບີໂທລະສັບນີ້ແລ້ວ.",
  emailTaken: "ມີບັນຊີທີ່ໃຊ້ອີເມວນີ້ແລ້ວ.",
  invalidChoice: "ເລືອກໜຶ່ງໃນຕົວເລືອກ.",
  reasonRequired: "ໃສ່ເຫດຜົນ ເພື່ອໃຫ້ຜູ້ສະໝັກຮູ້ວ່າຕ້ອງແກ້ໄຂຫຍັງ.",
  wholeNumber: "ໃສ່ຕົວເລກຖ້ວນ, ຕົວຢ່າງ 12000.",
  tooLow: "ຕົວເລກນີ້ນ້ອຍເກີນໄປ.",
  tooHigh: "ຕົວເລກນີ້ໃຫຍ່ເກີນໄປ.",
  percent: "ໃສ່ເປີເຊັນ ທີ່ມີທົດສະນິຍົມບໍ່ເກີນໜຶ່ງຕຳແໜ່ງ, ຕົວຢ່າງ 14 ຫຼື 14.5.",
  date: "ໃສ່ວັນທີ.",
};
