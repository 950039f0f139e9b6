// A framework contract: the frozen terms of one signed contract (its base)
// hold for several seasons, and each season's quantity is called off as a
// contract of its own. This is the framework's own text, in Lao and English:
// duration, renewal, call-offs, termination and notice, the right of first
// refusal if agreed, and the one shared track record. Rendered once, when the
// framework is proposed, and hashed as a contract is (./render contractHash).
// Pure.
import { z } from "zod";
import { formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { contractHash } from "../contracts/contract-hash";
import type { ContractSnapshot } from "../contracts/snapshot";

export const frameworkRenewals = ["none", "yearly"] as const;
export type FrameworkRenewal = (typeof frameworkRenewals)[number];

export const MIN_SEASONS = 2;
export const MAX_SEASONS = 5;
export const MIN_NOTICE_DAYS = 30;
export const MAX_NOTICE_DAYS = 365;

/** What the proposing party states; validated before anything is written. */
export const FrameworkTermsSchema = z.object({
  firstSeason: z.number().int().min(2020, { error: "validation:tooLow" }).max(2100, { error: "validation:tooHigh" }),
  seasons: z.number().int().min(MIN_SEASONS, { error: "validation:tooLow" }).max(MAX_SEASONS, { error: "validation:tooHigh" }),
  renewal: z.enum(frameworkRenewals, { error: "validation:invalidChoice" }),
  noticeDays: z.number().int().min(MIN_NOTICE_DAYS, { error: "validation:tooLow" }).max(MAX_NOTICE_DAYS, { error: "validation:tooHigh" }),
  rightOfFirstRefusal: z.boolean(),
});
export type FrameworkTerms = z.output<typeof FrameworkTermsSchema>;

/** The last season the framework covers before any renewal. */
export function lastSeason(terms: Pick<FrameworkTerms, "firstSeason" | "seasons">): number {
  return terms.firstSeason + terms.seasons - 1;
}

/** Whether a season may be called off: within the seasons, or after them when renewed a season at a time. */
export function seasonCovered(terms: Pick<FrameworkTerms, "firstSeason" | "seasons" | "renewal">, season: number): boolean {
  if (season < terms.firstSeason) return false;
  return terms.renewal === "yearly" || season <= lastSeason(terms);
}

export function frameworkNumber(baseNumber: string): string {
  return `${baseNumber}-F`;
}

function frameworkText(number: string, base: ContractSnapshot, baseSha256: string, t: FrameworkTerms, locale: Locale): string {
  const lo = locale === "lo";
  const n = (x: number) => formatNumber(x, locale);
  const year = (x: number) => String(x);
  const fo = base.fo.name[locale];
  const trader = base.trader.name;
  const crop = base.crop.name[locale];
  const lines: string[] = [];
  lines.push(lo ? `ສັນຍາກອບ ເລກທີ ${number}` : `Framework contract ${number}`);
  if (base.template.legalBasis) lines.push(lo ? `ພື້ນຖານທາງກົດໝາຍ: ${base.template.legalBasis.lo}` : `Legal basis: ${base.template.legalBasis.en}`);
  lines.push("");
  lines.push(
    lo
      ? `1. ຄູ່ສັນຍາ: ${fo} ("ກຸ່ມ") ແລະ ${trader} ("ພໍ່ຄ້າ"), ຄູ່ສັນຍາຂອງສັນຍາເລກທີ ${base.number}.`
      : `1. Parties: ${fo} ("the FO") and ${trader} ("the trader"), the parties to contract ${base.number}.`,
  );
  lines.push(
    lo
      ? `2. ເງື່ອນໄຂ: ${crop} ຂອງແຕ່ລະລະດູ ຂາຍຕາມເງື່ອນໄຂຂອງສັນຍາເລກທີ ${base.number} (ລະຫັດກວດສອບ SHA-256 ${baseSha256}) ທີ່ບໍ່ປ່ຽນແປງ: ລາຄາ, ຊັ້ນຄຸນນະພາບ, ການຫັກ, ການຈ່າຍເງິນ ແລະ ເງື່ອນໄຂອື່ນທັງໝົດ, ຍົກເວັ້ນ ປະລິມານ, ລະດູ ແລະ ວັນສົ່ງ ທີ່ແຕ່ລະການສັ່ງຊື້ຕາມລະດູ ກຳນົດເອງ.`
      : `2. Terms: each season's ${crop} is sold on the terms of contract ${base.number} (check code SHA-256 ${baseSha256}), unchanged: the price, grade, deductions, payment and every other term, except the quantity, the season and the delivery date, which each seasonal call-off states.`,
  );
  lines.push(
    lo
      ? `3. ໄລຍະເວລາ: ${n(t.seasons)} ລະດູ, ແຕ່ລະດູເກັບກ່ຽວປີ ${year(t.firstSeason)} ຫາ ລະດູເກັບກ່ຽວປີ ${year(lastSeason(t))}.`
      : `3. Duration: ${n(t.seasons)} seasons, from the ${year(t.firstSeason)} harvest to the ${year(lastSeason(t))} harvest.`,
  );
  lines.push(
    t.renewal === "yearly"
      ? lo
        ? `4. ການຕໍ່ສັນຍາ: ຫຼັງຈາກລະດູສຸດທ້າຍ, ສັນຍາກອບນີ້ ຕໍ່ອາຍຸເອງເທື່ອລະ 1 ລະດູ, ເວັ້ນເສຍແຕ່ຝ່າຍໃດຝ່າຍໜຶ່ງ ແຈ້ງຢຸດ ຕາມຂໍ້ 6.`
        : "4. Renewal: after the last season the framework renews itself one season at a time, unless either party gives notice under point 6."
      : lo
        ? "4. ການຕໍ່ສັນຍາ: ບໍ່ຕໍ່ເອງ; ສັນຍາກອບນີ້ ສິ້ນສຸດຫຼັງລະດູສຸດທ້າຍ. ການຕໍ່ ຕ້ອງເຮັດສັນຍາກອບໃໝ່."
        : "4. Renewal: none; the framework ends after its last season. Going on needs a new framework contract.",
  );
  lines.push(
    lo
      ? "5. ການສັ່ງຊື້ຕາມລະດູ: ສຳລັບແຕ່ລະລະດູ, ຝ່າຍໜຶ່ງ ສະເໜີປະລິມານ ແລະ ວັນສົ່ງ ໃນເວັບ, ແລະ ອີກຝ່າຍໜຶ່ງ ຮັບ. ການສັ່ງຊື້ທີ່ຮັບແລ້ວ ເປັນສັນຍາຂອງມັນເອງ, ທີ່ທັງສອງຝ່າຍເຊັນ ຄືສັນຍາອື່ນ, ມີການສົ່ງ ແລະ ການຈ່າຍເງິນ ຂອງມັນເອງ. ບໍ່ມີຝ່າຍໃດ ຖືກບັງຄັບໃຫ້ຮັບການສັ່ງຊື້; ລະດູທີ່ບໍ່ມີການສັ່ງຊື້ ບໍ່ແມ່ນການລະເມີດ."
      : "5. Call-offs: for each season, one party proposes the quantity and the delivery date on the portal and the other accepts. An accepted call-off is a contract of its own, signed by both parties as any contract, with its own deliveries and payments. Neither party must accept a call-off; a season without one is not a breach.",
  );
  lines.push(
    lo
      ? `6. ການສິ້ນສຸດ ແລະ ການແຈ້ງລ່ວງໜ້າ: ຝ່າຍໃດຝ່າຍໜຶ່ງ ຢຸດສັນຍາກອບໄດ້ ໂດຍແຈ້ງເປັນລາຍລັກອັກສອນໃນເວັບ ຢ່າງໜ້ອຍ ${n(t.noticeDays)} ມື້ ກ່ອນການສັ່ງຊື້ຂອງລະດູຕໍ່ໄປ; ການສັ່ງຊື້ທີ່ເຊັນແລ້ວ ຍັງຕ້ອງປະຕິບັດຈົນສຳເລັດ. ການລະເມີດການສັ່ງຊື້ໃດໜຶ່ງ ແກ້ໄຂຕາມເງື່ອນໄຂຂອງການສັ່ງຊື້ນັ້ນ (ມາດຕາ 12 ແລະ 13); ຖ້າຝ່າຍໃດລະເມີດ 2 ການສັ່ງຊື້, ອີກຝ່າຍໜຶ່ງ ຢຸດສັນຍາກອບໄດ້ທັນທີ.`
      : `6. Termination and notice: either party may end the framework by written notice on the portal at least ${n(t.noticeDays)} days before the next season's call-off; call-offs already signed are carried out. A breach of a call-off is remedied under that call-off's terms (clauses 12 and 13); a party in breach of two call-offs lets the other end the framework at once.`,
  );
  lines.push(
    t.rightOfFirstRefusal
      ? lo
        ? `7. ສິດຊື້ກ່ອນ: ກ່ອນຂາຍ${crop} ຂອງລະດູໃດໜຶ່ງ ທີ່ສັນຍາກອບນີ້ກວມເອົາ ໃຫ້ຜູ້ຊື້ອື່ນ, ກຸ່ມສະເໜີໃຫ້ພໍ່ຄ້າກ່ອນ ໃນເວັບ. ຖ້າພໍ່ຄ້າບໍ່ຮັບ ພາຍໃນ 7 ມື້ ຕາມເງື່ອນໄຂຂອງສັນຍາກອບ, ກຸ່ມຂາຍໃຫ້ຜູ້ອື່ນໄດ້.`
        : `7. Right of first refusal: before selling a season's ${crop} covered by this framework to another buyer, the FO offers it to the trader on the portal. If the trader does not accept within 7 days on the framework's terms, the FO may sell it elsewhere.`
      : lo
        ? "7. ສິດຊື້ກ່ອນ: ບໍ່ມີ; ຜົນຜະລິດທີ່ເກີນການສັ່ງຊື້ ກຸ່ມຂາຍໃຫ້ໃຜກໍໄດ້."
        : "7. Right of first refusal: none; the FO may sell crop beyond the call-offs to anyone.",
  );
  lines.push(
    lo
      ? "8. ປະຫວັດການປະຕິບັດ: ທຸກການສັ່ງຊື້ ນັບເຂົ້າໃນປະຫວັດດຽວ ຂອງສັນຍາກອບນີ້ (ປະລິມານທີ່ສົ່ງ, ການຈ່າຍເງິນຕົງເວລາ, ຂໍ້ຂັດແຍ່ງ), ທີ່ທັງສອງຝ່າຍເຫັນ."
      : "8. Track record: every call-off counts in one track record of this framework (quantity delivered, payment on time, disputes), which both parties see.",
  );
  return lines.join("\n").normalize("NFC") + "\n";
}

/** The framework's texts and their hash. */
export function renderFramework(number: string, base: ContractSnapshot, baseSha256: string, terms: FrameworkTerms) {
  const textLo = frameworkText(number, base, baseSha256, terms, "lo");
  const textEn = frameworkText(number, base, baseSha256, terms, "en");
  return { textLo, textEn, sha256: contractHash(textLo, textEn) };
}
