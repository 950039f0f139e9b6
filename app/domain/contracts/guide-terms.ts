// The Legal Guide's further terms as a contract writes them: who signs (their
// sex and role), which members the contract covers, and the annex that lists
// those members. Pure; used by ./render for the placeholders `signatories` and
// `membersCovered` and for the annex after the clauses. Contracts written
// before these terms carry none of the snapshot fields read here, and their
// templates (version 1) name none of these placeholders: their text and hash
// are as they were.
import { formatHundredths, formatKg, formatNumber } from "~/utils/format";
import type { Locale } from "~/utils/i18n";
import type { ContractSnapshot, LeaderPosition, SnapshotSex } from "./snapshot";

const sexWords: Record<SnapshotSex, { lo: string; en: string }> = {
  female: { lo: "ຍິງ", en: "woman" },
  male: { lo: "ຊາຍ", en: "man" },
};
const unknownSex = { lo: "ບໍ່ໄດ້ບັນທຶກເພດ", en: "sex not recorded" };
const positions: Record<LeaderPosition, { lo: string; en: string }> = {
  leader: { lo: "ຫົວໜ້າກຸ່ມ", en: "FO leader" },
  secretary: { lo: "ເລຂາກຸ່ມ", en: "FO secretary" },
};
const traderRole = { lo: "ພະນັກງານຂອງພໍ່ຄ້າ", en: "the trader's staff" };

function sexWord(sex: SnapshotSex | null | undefined, locale: Locale): string {
  return sex ? sexWords[sex][locale] : unknownSex[locale];
}

/** Each person who may sign, with their sex and role: the FO's leaders, then the trader's staff. */
export function signatoriesText(s: ContractSnapshot, locale: Locale): string {
  const fo = s.fo.leaders.map((l) => `${l.name} (${sexWord(l.sex, locale)}, ${positions[l.position ?? "leader"][locale]}, ${s.fo.name[locale]})`);
  const trader = s.trader.staff.map((p) => `${p.name} (${sexWord(p.sex, locale)}, ${traderRole[locale]}, ${s.trader.name})`);
  const all = [...fo, ...trader];
  if (all.length === 0) return locale === "lo" ? "(ບໍ່ມີຊື່ຜູ້ເຊັນ)" : "(no signatory recorded)";
  return all.join("; ");
}

/** One sentence: how many households, how many women, how much they pledged, and where the list is. */
export function membersCoveredText(s: ContractSnapshot, locale: Locale): string {
  const members = s.members;
  if (members === undefined) return locale === "lo" ? "ຕາມທີ່ສະມາຊິກໄດ້ສັນຍາໄວ້ໃນເວັບ." : "as pledged on the portal.";
  const women = members.filter((m) => m.sex === "female").length;
  const kg = members.reduce((sum, m) => sum + m.pledgedKg, 0);
  const n = (x: number) => formatNumber(x, locale);
  return locale === "lo"
    ? `${n(members.length)} ຄົວເຮືອນ (ຍິງ ${n(women)} ຄົນ), ລວມ ${formatKg(kg, locale)} ທີ່ສັນຍາໄວ້. ລາຍຊື່ ຢູ່ໃນເອກະສານຊ້ອນທ້າຍ ທ້າຍສັນຍານີ້, ເຊິ່ງເປັນສ່ວນໜຶ່ງຂອງສັນຍາ.`
    : `${n(members.length)} ${members.length === 1 ? "household" : "households"} (${n(women)} of them women), ${formatKg(kg, locale)} pledged in all. They are listed in the annex at the end of this contract, which is part of it.`;
}

/**
 * The members annex, after the last clause: one numbered line per member
 * (name, sex, village, pledged kg) and the total. Null for a contract written
 * before the annex existed.
 */
export function membersAnnex(s: ContractSnapshot, locale: Locale): string | null {
  const members = s.members;
  if (members === undefined) return null;
  const lo = locale === "lo";
  const lines = [
    lo ? `ເອກະສານຊ້ອນທ້າຍ: ສະມາຊິກທີ່ສັນຍາເລກທີ ${s.number} ກວມເອົາ` : `Annex: the members covered by contract ${s.number}`,
    lo ? "ລຳດັບ. ຊື່; ເພດ; ບ້ານ; ປະລິມານທີ່ສັນຍາ" : "No. Name; sex; village; pledged",
  ];
  if (members.length === 0) lines.push(lo ? "ບໍ່ມີສະມາຊິກ ທີ່ໄດ້ສັນຍາໄວ້." : "No member pledged.");
  members.forEach((m, i) => {
    const site = m.site ? `; ${lo ? "ໄຮ່ນາ" : "field"}: ${m.site.village[locale]}, ${hectares(m.site.areaM2, locale)}` : "";
    lines.push(`${formatNumber(i + 1, locale)}. ${m.name}; ${sexWord(m.sex, locale)}; ${m.village[locale]}; ${formatKg(m.pledgedKg, locale)}${site}`);
  });
  const total = members.reduce((sum, m) => sum + m.pledgedKg, 0);
  lines.push(
    lo
      ? `ລວມ: ${formatNumber(members.length, locale)} ຄົວເຮືອນ, ${formatKg(total, locale)}`
      : `Total: ${formatNumber(members.length, locale)} households, ${formatKg(total, locale)}`,
  );
  return lines.join("\n");
}

/** An area in m² as hectares with two decimals ("1.50 ha" / "1,50 ເຮັກຕາ"). */
export function hectares(areaM2: number, locale: Locale): string {
  const ha = formatHundredths(Math.round(areaM2 / 100), locale);
  return locale === "lo" ? `${ha} ເຮັກຕາ` : `${ha} ha`;
}

/**
 * Where the crop is grown, for a forward or input-supply contract: the villages
 * of the members' fields with their area, and the total. Said so when the FO
 * stated no field.
 */
export function productionSiteText(s: ContractSnapshot, locale: Locale): string {
  const lo = locale === "lo";
  const sited = (s.members ?? []).flatMap((m) => (m.site ? [m.site] : []));
  if (sited.length === 0)
    return lo
      ? "ກຸ່ມບໍ່ໄດ້ລະບຸໄຮ່ນາ ຕອນສະມາຊິກຈອງ; ຜົນຜະລິດມາຈາກໄຮ່ນາຂອງສະມາຊິກ ໃນບ້ານຂອງເຂົາເຈົ້າ."
      : "the FO stated no fields when its members pledged; the crop comes from the members' fields in their villages.";
  const byVillage = new Map<string, number>();
  for (const site of sited) byVillage.set(site.village[locale], (byVillage.get(site.village[locale]) ?? 0) + site.areaM2);
  const total = sited.reduce((sum, site) => sum + site.areaM2, 0);
  const villages = [...byVillage].map(([village, area]) => `${village} (${hectares(area, locale)})`).join(", ");
  return lo
    ? `ໄຮ່ນາຂອງສະມາຊິກ ຢູ່ ${villages}; ລວມ ${hectares(total, locale)}, ຂອງແຕ່ລະຄົວເຮືອນ ຢູ່ໃນເອກະສານຊ້ອນທ້າຍ. ກຸ່ມສົ່ງຜົນຜະລິດ ທີ່ປູກຢູ່ໃນໄຮ່ນາເຫຼົ່ານີ້.`
    : `the members' fields in ${villages}; ${hectares(total, locale)} in all, each household's in the annex. The FO delivers the crop grown on these fields.`;
}

/**
 * The summary's lines on the guide's terms that reach each member, read aloud
 * with the rest: who is covered, the grievance path (clause 17) and
 * confidentiality (clause 16). Only for contracts with a members annex under a
 * template version that has those clauses (2 on); none for contracts written
 * before, whose stored summary stays as it was.
 */
export function memberTermsSummary(s: ContractSnapshot, locale: Locale): string[] {
  if (s.members === undefined || s.members.length === 0 || s.template.version < 2) return [];
  const leaders = s.fo.leaders.map((l) => l.name).join(", ");
  return locale === "lo"
    ? [
        `ສະມາຊິກ: ${membersCoveredText(s, locale)}`,
        `ຄຳຮ້ອງທຸກ: ສະມາຊິກທີ່ບໍ່ພໍໃຈ ກັບນ້ຳໜັກ, ຊັ້ນຄຸນນະພາບ, ເງິນ ຫຼື ປັດໄຈການຜະລິດ ຂອງຕົນ ແຈ້ງຫົວໜ້າກຸ່ມ (${leaders}) ໄດ້ ບໍ່ເສຍຄ່າ; ກຸ່ມຕອບພາຍໃນ 14 ມື້; ຖ້າຍັງບໍ່ພໍໃຈ, ແຈ້ງພະນັກງານອຳນວຍຄວາມສະດວກ ປະຈຳເມືອງ${s.fo.district.lo}. ບໍ່ມີໃຜ ຖືກຕັດອອກ ຫຼື ຖືກຈ່າຍໜ້ອຍລົງ ຍ້ອນໄດ້ຮ້ອງທຸກ.`,
        "ຄວາມລັບ: ທັງສອງຝ່າຍ ບໍ່ສົ່ງຕໍ່ ຊື່, ເບີໂທ ແລະ ເງິນ ຂອງສະມາຊິກ, ແລະ ລາຄາທີ່ຕົກລົງກັນ, ໃຫ້ຜູ້ອື່ນ.",
      ]
    : [
        `Members: ${membersCoveredText(s, locale)}`,
        `Grievances: a member unhappy with their own weight, grade, payment or inputs may tell the FO leaders (${leaders}), at no cost; the FO answers within 14 days; if still unhappy, the member may go to the facilitator for ${s.fo.district.en} district. No one may be left out or paid less for bringing a grievance.`,
        "Confidentiality: neither party passes the members' names, phones and payments, or the prices agreed, to anyone else.",
      ];
}
