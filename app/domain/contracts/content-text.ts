// The contract's paragraph on a content term (DRC for rubber, starch for fresh
// cassava: ./content), in Lao and English, written after the deduction tables
// in the deductionTable placeholder. A contract without a content term (every
// contract written before content was priced) has no such paragraph, so its
// text and hash are unchanged.
import { formatKg, formatLak, formatPermilleAsPercent } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { contentAdjustmentLak } from "./content";
import type { ContractSnapshot } from "./snapshot";

const NAMES = {
  drc: {
    lo: "ເນື້ອຢາງແຫ້ງ (DRC: ເນື້ອຢາງທີ່ເຫຼືອ ເມື່ອຕາກນ້ຳອອກໝົດ)",
    en: "Dry rubber content (DRC: the rubber left when the water is dried out)",
  },
  starch: { lo: "ເນື້ອແປ້ງ (ວັດຈາກຕົວຢ່າງ ຊັ່ງໃນອາກາດ ແລະ ໃນນ້ຳ)", en: "Starch content (measured by weighing a sample in air and in water)" },
} as const;

export function contentClauseText(s: ContractSnapshot, locale: Locale): string | null {
  const c = s.terms.content;
  if (!c) return null;
  const lo = locale === "lo";
  const basis = formatPermilleAsPercent(c.basisPermille, locale);
  const step = formatLak(c.stepLakPerKgPerPoint, locale);
  // A worked example one point and a half below the basis, on 100 kg net.
  const below = Math.max(0, c.basisPermille - 15);
  const example = contentAdjustmentLak(c, below, 100);
  const exampleText = `${formatPermilleAsPercent(below, locale)}, ${formatKg(100, locale)}: ${example < 0n ? "−" : ""}${formatLak(example < 0n ? -example : example, locale)}`;
  return lo
    ? [
        `${NAMES[c.measure].lo}: ລາຄາສັນຍາ ອີງໃສ່ ${basis}. ແຕ່ລະກອງ ທີ່ວັດໄດ້ສູງກວ່ານີ້ ໄດ້ເພີ່ມ ${step} ຕໍ່ ກິໂລ ນ້ຳໜັກສຸດທິ ສຳລັບທຸກໆ 1 ຈຸດເປີເຊັນ, ແລະ ທີ່ຕ່ຳກວ່າ ຖືກຫຼຸດເທົ່າກັນ (ສ່ວນຂອງຈຸດ ຄິດຕາມສ່ວນ; ແຕ່ລະກອງ ປັດເປັນກີບເຕັມ ເທື່ອດຽວ).`,
        `ຄ່າທີ່ວັດໄດ້ ຂຽນໃສ່ໃບກວດຄຸນນະພາບ (ມາດຕາ 4); ຕົວຢ່າງ: ${exampleText}.`,
      ].join("\n")
    : [
        `${NAMES[c.measure].en}: the contract price assumes ${basis}. A lot measured above it is paid ${step} more per net kg for each percentage point, one below it the same less (part of a point counts in proportion; each lot is rounded once to a whole kip).`,
        `The measured figure is written on the grade sheet (clause 4); for example ${exampleText}.`,
      ].join("\n");
}
