// The values of a clause's placeholders (./clauses), worked out from the
// frozen snapshot: the one place each placeholder is defined.
import { addDays } from "~/utils/dates";
import { formatKg, formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import { membersCoveredText, productionSiteText, signatoriesText } from "./guide-terms";
import { snapshotCurrency, type ContractSnapshot } from "./snapshot";
import { orgTypes, lak, toBigInt, perKg, percent, people, contractDate } from "./render-text";
import { deductionTableText } from "./quality-text";
import { inputCredit, inputExample, exportParityRule, priceRule, referencePriceRule, paymentAmount } from "./price-text";

export const placeholderNames = [
  "contractNumber",
  "contractDate",
  "templateName",
  "amends",
  "foName",
  "foType",
  "foVillage",
  "foDistrict",
  "foProvince",
  "foLeaders",
  "traderName",
  "traderLicence",
  "traderProvince",
  "traderStaff",
  "cropName",
  "gradeName",
  "gradeSpec",
  "quantity",
  "quantityMin",
  "quantityMax",
  "tolerance",
  "price",
  "floorPrice",
  "priceRule",
  "referencePriceRule",
  "exportParityRule",
  "moistureBasis",
  "standardMoisture",
  "deductionTable",
  "deliveryDate",
  "deliveryPlace",
  "transport",
  "bags",
  "advance",
  "paymentAmount",
  "paymentDays",
  "paymentDeadline",
  "latePenalty",
  "inputDescription",
  "inputValue",
  "inputInterest",
  "inputExample",
  "inputMaxDeduction",
  "value",
  "witness",
  // Since template version 2 (./guide-terms).
  "signatories",
  "membersCovered",
  "productionSite",
] as const;
type PlaceholderName = (typeof placeholderNames)[number];
type PlaceholderValues = Record<PlaceholderName, string>;

export function placeholderValues(snapshot: ContractSnapshot, locale: Locale): PlaceholderValues {
  const s = snapshot;
  const t = s.terms;
  const lo = locale === "lo";
  const min = Math.floor((t.quantityKg * (1000 - t.tolerancePermille) + 500) / 1000);
  const max = Math.floor((t.quantityKg * (1000 + t.tolerancePermille) + 500) / 1000);
  const credit = inputCredit(s);
  const none = lo ? "ບໍ່ມີ" : "none";
  const deliveryDate = contractDate(s, t.deliveryDate, locale);
  const dueDate = contractDate(s, addDays(new Date(t.deliveryDate), t.paymentDays), locale);
  const ordinal = Math.max(1, s.amendmentNumber - 1);
  const reason = s.amendmentReason?.trim();

  return {
    contractNumber: s.number,
    contractDate: contractDate(s, s.date, locale),
    templateName: s.template.name[locale],
    amends:
      s.amends === null
        ? lo
          ? "ນີ້ແມ່ນສັນຍາສະບັບຕົ້ນ, ບໍ່ແມ່ນສັນຍາສະບັບປັບປຸງ."
          : "This is an original contract, not an amendment."
        : lo
          ? `ສັນຍານີ້ແມ່ນສັນຍາສະບັບປັບປຸງ ຄັ້ງທີ ${ordinal} ຂອງສັນຍາເລກທີ ${s.amends}: ມັນແທນສັນຍານັ້ນ ນັບແຕ່ມື້ທີ່ທັງສອງຝ່າຍເຊັນ.${reason ? ` ເຫດຜົນ: ${reason}` : ""}`
          : `This contract is amendment no. ${ordinal} of contract ${s.amends}: it replaces that contract from the day both parties have signed it.${reason ? ` Reason: ${reason}` : ""}`,
    foName: s.fo.name[locale],
    foType: orgTypes[s.fo.type]?.[locale] ?? s.fo.type,
    foVillage: s.fo.village[locale],
    foDistrict: s.fo.district[locale],
    foProvince: s.fo.province[locale],
    foLeaders: people(s.fo.leaders, locale, { lo: "(ບໍ່ມີຊື່ຫົວໜ້າກຸ່ມ)", en: "(no leader recorded)" }, s.writing),
    traderName: s.trader.name,
    traderLicence: s.trader.licenceNumber,
    traderProvince: s.trader.province[locale],
    traderStaff: people(s.trader.staff, locale, { lo: "(ບໍ່ມີຊື່ພະນັກງານ)", en: "(no staff recorded)" }, s.writing),
    cropName: s.crop.name[locale],
    gradeName: s.grade.name[locale],
    gradeSpec: s.grade.spec[locale],
    quantity: formatKg(t.quantityKg, locale),
    quantityMin: formatKg(min, locale),
    quantityMax: formatKg(max, locale),
    tolerance:
      t.tolerancePermille === 0
        ? lo
          ? `ບໍ່ມີ: ຕ້ອງສົ່ງ ${formatKg(t.quantityKg, locale)} ພໍດີ`
          : `none: exactly ${formatKg(t.quantityKg, locale)} must be delivered`
        : lo
          ? `ບວກ ຫຼື ລົບ ${percent(t.tolerancePermille, locale)}; ນ້ຳໜັກສຸດທິ ແຕ່ ${formatKg(min, locale)} ຫາ ${formatKg(max, locale)} ຖືວ່າສົ່ງຄົບ`
          : `${percent(t.tolerancePermille, locale)} more or less; any net quantity from ${formatKg(min, locale)} to ${formatKg(max, locale)} counts as full delivery`,
    price: perKg(t.priceLakPerKg, locale, snapshotCurrency(s)),
    floorPrice: t.floorPriceLakPerKg === null ? none : perKg(t.floorPriceLakPerKg, locale, snapshotCurrency(s)),
    priceRule: priceRule(s, locale),
    referencePriceRule: referencePriceRule(s, locale),
    exportParityRule: exportParityRule(s, locale),
    moistureBasis: percent(t.moistureBasisPermille, locale),
    standardMoisture:
      s.crop.standardMoisturePermille === 0
        ? lo
          ? "ບໍ່ມີ (ພືດນີ້ບໍ່ໄດ້ຊື້ຕາມຄວາມຊຸ່ມ)"
          : "not applicable (this crop is not bought on moisture)"
        : percent(s.crop.standardMoisturePermille, locale),
    deductionTable: deductionTableText(s, locale),
    deliveryDate,
    deliveryPlace: t.deliveryPlace,
    transport:
      t.transportPaidBy === "trader"
        ? lo
          ? "ພໍ່ຄ້າມາຮັບຜົນຜະລິດຢູ່ບ່ອນສົ່ງ ແລະ ຈ່າຍຄ່າຂົນສົ່ງຈາກບ່ອນນັ້ນ"
          : "the trader collects the crop at the delivery place and pays the transport from there"
        : lo
          ? `ກຸ່ມເອົາຜົນຜະລິດໄປສົ່ງຮອດບ່ອນສົ່ງ ແລະ ຈ່າຍຄ່າຂົນສົ່ງເອງ${toBigInt(t.transportCostLak) > 0n ? ` (ຄ່າຂົນສົ່ງທີ່ຕົກລົງ: ${lak(t.transportCostLak, locale, snapshotCurrency(s))} ລວມທັງໝົດ)` : ""}`
          : `the FO brings the crop to the delivery place and pays the transport itself${toBigInt(t.transportCostLak) > 0n ? ` (agreed cost: ${lak(t.transportCostLak, locale, snapshotCurrency(s))} in total)` : ""}`,
    bags:
      t.bagsPaidBy === "trader"
        ? lo
          ? "ພໍ່ຄ້າເປັນຜູ້ສະໜອງ ແລະ ຈ່າຍຄ່າກະສອບ; ບໍ່ຫັກອອກຈາກເງິນຂອງກຸ່ມ"
          : "the trader provides and pays for the bags; they are not deducted from the FO's payment"
        : lo
          ? `ກຸ່ມເປັນຜູ້ສະໜອງ ແລະ ຈ່າຍຄ່າກະສອບເອງ${toBigInt(t.bagsCostLak) > 0n ? ` (${lak(t.bagsCostLak, locale, snapshotCurrency(s))} ລວມທັງໝົດ)` : ""}`
          : `the FO provides and pays for the bags itself${toBigInt(t.bagsCostLak) > 0n ? ` (${lak(t.bagsCostLak, locale, snapshotCurrency(s))} in total)` : ""}`,
    advance:
      toBigInt(t.advanceLak) === 0n
        ? none
        : lo
          ? `${lak(t.advanceLak, locale, snapshotCurrency(s))}, ພໍ່ຄ້າຈ່າຍໃຫ້ກຸ່ມ ພາຍໃນ 3 ມື້ ຫຼັງຈາກທັງສອງຝ່າຍເຊັນສັນຍາ; ຫັກອອກຈາກເງິນທີ່ຈ່າຍຄັ້ງທຳອິດ. ຖ້າກຸ່ມບໍ່ໄດ້ສົ່ງຜົນຜະລິດ, ຕ້ອງສົ່ງເງິນລ່ວງໜ້າຄືນ (ມາດຕາ 11 ແລະ 12)`
          : `${lak(t.advanceLak, locale, snapshotCurrency(s))}, paid by the trader within 3 days after both parties have signed; it is deducted from the first payment. If the FO delivers nothing, it pays the advance back (clauses 11 and 12)`,
    paymentAmount: paymentAmount(s, locale),
    paymentDays:
      t.paymentDays === 0
        ? lo
          ? "ໃນມື້ສົ່ງຜົນຜະລິດ"
          : "on the day of delivery"
        : lo
          ? `ພາຍໃນ ${formatNumber(t.paymentDays, locale)} ມື້ ຫຼັງຈາກສົ່ງຜົນຜະລິດ`
          : `within ${formatNumber(t.paymentDays, locale)} ${t.paymentDays === 1 ? "day" : "days"} of delivery`,
    paymentDeadline: lo
      ? `ຖ້າສົ່ງຜົນຜະລິດວັນທີ ${deliveryDate}, ຕ້ອງຈ່າຍບໍ່ໃຫ້ກາຍວັນທີ ${dueDate}`
      : `if the crop is delivered on ${deliveryDate}, payment is due by ${dueDate} at the latest`,
    latePenalty:
      t.latePenaltyPermillePerMonth === 0
        ? lo
          ? "ບໍ່ໄດ້ຕົກລົງຄ່າປັບໃໝ; ແຕ່ການຈ່າຍຊ້າ ຍັງຖືວ່າລະເມີດສັນຍາ (ມາດຕາ 12)."
          : "no penalty was agreed; paying late is still a breach of this contract (clause 12)."
        : lo
          ? `ຖ້າພໍ່ຄ້າຈ່າຍຊ້າ, ຕ້ອງຈ່າຍເພີ່ມ ${percent(t.latePenaltyPermillePerMonth, locale)} ຂອງເງິນທີ່ຍັງຄ້າງ ຕໍ່ເດືອນທີ່ຊ້າ, ຄິດເປັນມື້ (1/30 ຂອງອັດຕານີ້ ຕໍ່ມື້ທີ່ຊ້າ).`
          : `if the trader pays late, it adds ${percent(t.latePenaltyPermillePerMonth, locale)} of the unpaid amount for each month of delay, counted by the day (1/30 of that rate for each day late).`,
    inputDescription: t.inputDescription ?? none,
    inputValue: credit ? lak(credit.value, locale, snapshotCurrency(s)) : none,
    inputInterest:
      credit === null
        ? none
        : credit.permille === 0
          ? lo
            ? "ບໍ່ມີດອກເບ້ຍ"
            : "none"
          : lo
            ? `${percent(credit.permille, locale)} ຕໍ່ເດືອນ`
            : `${percent(credit.permille, locale)} per month`,
    inputExample: inputExample(s, locale),
    inputMaxDeduction: credit ? lak(credit.total, locale, snapshotCurrency(s)) : none,
    value: lak(s.valueLak, locale, snapshotCurrency(s)),
    witness: s.witnessRequired
      ? lo
        ? "ພະນັກງານອຳນວຍຄວາມສະດວກຂອງໂຄງການ ເປັນພະຍານສັນຍານີ້; ສັນຍາມີຜົນ ພາຍຫຼັງທີ່ພະຍານເຊັນແລ້ວເທົ່ານັ້ນ."
        : "a programme facilitator witnesses this contract; it takes effect only after the witness has signed."
      : lo
        ? "ບໍ່ຈຳເປັນຕ້ອງມີພະຍານ; ແຕ່ຝ່າຍໃດຝ່າຍໜຶ່ງ ສາມາດຂໍໃຫ້ພະນັກງານອຳນວຍຄວາມສະດວກເປັນພະຍານໄດ້."
        : "no witness is required; either party may still ask a facilitator to witness it.",
    signatories: signatoriesText(s, locale),
    membersCovered: membersCoveredText(s, locale),
    productionSite: productionSiteText(s, locale),
  };
}
