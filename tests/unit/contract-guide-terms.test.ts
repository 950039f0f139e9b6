// Version 2 of the templates: the Legal Guide's further terms (signatories'
// sex and role, the members annex, confidentiality, a member's grievance path)
// and clause 6 and 12 c) worded for priced grades and foreign matter.
import { describe, expect, it } from "vitest";
import { placeholdersIn } from "~/domain/contracts/clauses";
import { renderContract } from "~/domain/contracts/render";
import { renderSummary } from "~/domain/contracts/summary";
import { sampleSnapshot } from "~/domain/contracts/sample-contract";
import { templateCodes, type ContractSnapshot } from "~/domain/contracts/snapshot";
import { contractTemplates, latestContractTemplates, shippedTemplateVersions } from "~/domain/contracts/templates";
import { clauseKeys, clauseKeysV2 } from "~/domain/contracts/templates/common";

const LAO = /[\u0E80-\u0EFF]/;

function snapshotV2(): ContractSnapshot {
  const s = sampleSnapshot(latestContractTemplates.forward_fixed);
  return {
    ...s,
    fo: {
      ...s.fo,
      leaders: [
        { name: "ນາງ ແສງດາວ", phone: null, sex: "female", position: "leader" },
        { name: "ທ້າວ ບຸນມີ", phone: null, sex: null, position: "secretary" },
      ],
    },
    trader: { ...s.trader, staff: [{ name: "Somchai", phone: null, sex: "male" }] },
    members: [
      {
        name: "ນາງ ຄຳ",
        sex: "female",
        village: { lo: "ບ້ານນາຫີນ", en: "Ban Nahin" },
        pledgedKg: 1_200,
        site: { village: { lo: "ບ້ານໂພນ", en: "Ban Phon" }, areaM2: 4_500 },
      },
      { name: "ທ້າວ ສີ", sex: "male", village: { lo: "ບ້ານໂພນ", en: "Ban Phon" }, pledgedKg: 800 },
    ],
  };
}

describe("version 2 of every template", () => {
  it.each(templateCodes)("%s: the fifteen clauses then confidentiality and grievance, each in Lao and English with the same placeholders", (code) => {
    const t = latestContractTemplates[code];
    expect(t.version).toBe(2);
    expect(t.clauses.map((c) => c.key)).toEqual([...clauseKeysV2]);
    for (const c of t.clauses) {
      expect(c.titleLo + c.bodyLo).toMatch(LAO);
      expect(c.titleEn + c.bodyEn).not.toMatch(LAO);
      expect(new Set(placeholdersIn(c.bodyLo))).toEqual(new Set(placeholdersIn(c.bodyEn)));
    }
    // The clauses the new terms do not touch are version 1's, word for word.
    const v1 = contractTemplates[code].clauses;
    for (const key of clauseKeys.filter((k) => !["parties", "commodity", "weighing", "breach"].includes(k)))
      expect(t.clauses.find((c) => c.key === key)).toEqual(v1.find((c) => c.key === key));
  });

  it("ships version 1 and version 2 of each code, version 1 untouched", () => {
    expect(shippedTemplateVersions.map((t) => `${t.code} ${t.version}`)).toEqual(templateCodes.flatMap((c) => [`${c} 1`, `${c} 2`]));
    for (const code of templateCodes) expect(contractTemplates[code].clauses.map((c) => c.key)).toEqual([...clauseKeys]);
  });

  it("states the signatories with their sex and role, and says the members are in the annex", () => {
    const r = renderContract(snapshotV2(), latestContractTemplates.forward_fixed.clauses);
    expect(r.textEn).toContain(
      "Signatories (sex and role): ນາງ ແສງດາວ (woman, FO leader, Sample FO); ທ້າວ ບຸນມີ (sex not recorded, FO secretary, Sample FO); Somchai (man, the trader's staff, Sample Trading Co.).",
    );
    expect(r.textLo).toContain("ຜູ້ເຊັນສັນຍາ (ເພດ ແລະ ໜ້າທີ່): ນາງ ແສງດາວ (ຍິງ, ຫົວໜ້າກຸ່ມ, ກຸ່ມຕົວຢ່າງ); ທ້າວ ບຸນມີ (ບໍ່ໄດ້ບັນທຶກເພດ, ເລຂາກຸ່ມ, ກຸ່ມຕົວຢ່າງ)");
    expect(r.textEn).toContain(
      "Members covered by this contract: 2 households (1 of them women), 2,000 kg pledged in all. They are listed in the annex at the end of this contract, which is part of it.",
    );
  });

  it("prints the members annex after the last clause, in Lao and English", () => {
    const r = renderContract(snapshotV2(), latestContractTemplates.forward_fixed.clauses);
    expect(
      r.textEn.endsWith(
        [
          "Annex: the members covered by contract SSJ-2027-0001",
          "No. Name; sex; village; pledged",
          "1. ນາງ ຄຳ; woman; Ban Nahin; 1,200 kg; field: Ban Phon, 0.45 ha",
          "2. ທ້າວ ສີ; man; Ban Phon; 800 kg",
          "Total: 2 households, 2,000 kg",
          "",
        ].join("\n"),
      ),
    ).toBe(true);
    expect(r.textLo).toContain("ເອກະສານຊ້ອນທ້າຍ: ສະມາຊິກທີ່ສັນຍາເລກທີ SSJ-2027-0001 ກວມເອົາ");
    expect(r.textLo).toContain("1. ນາງ ຄຳ; ຍິງ; ບ້ານນາຫີນ; 1.200 ກິໂລ; ໄຮ່ນາ: ບ້ານໂພນ, 0,45 ເຮັກຕາ");
    expect(r.textLo).toContain("ລວມ: 2 ຄົວເຮືອນ, 2.000 ກິໂລ");
    // The annex comes after clause 17.
    expect(r.textEn.indexOf("Annex:")).toBeGreaterThan(r.textEn.indexOf("Clause 17. A member's grievance"));
  });

  it("hashes the annex with the text: a member's kg changed changes the hash", () => {
    const s = snapshotV2();
    const clauses = latestContractTemplates.forward_fixed.clauses;
    const changed = { ...s, members: s.members!.map((m, i) => (i === 1 ? { ...m, pledgedKg: 801 } : m)) };
    expect(renderContract(changed, clauses).sha256).not.toBe(renderContract(s, clauses).sha256);
  });

  it("has no annex in a contract whose snapshot has no members (those written before)", () => {
    const { members: _none, ...before } = snapshotV2();
    const r = renderContract(before, contractTemplates.forward_fixed.clauses);
    expect(r.textEn).not.toContain("Annex");
    expect(r.textLo).not.toContain("ເອກະສານຊ້ອນທ້າຍ");
  });

  it("words clause 6 and 12 c) for priced grades and foreign matter", () => {
    const r = renderContract(snapshotV2(), latestContractTemplates.forward_fixed.clauses);
    expect(r.textEn).toContain("Clause 6. Weighing, deductions and prices by grade");
    expect(r.textEn).not.toContain("No other weight deduction is allowed");
    expect(r.textEn).toContain("No weight deduction other than those written in this clause is allowed");
    expect(r.textEn).toContain("A lot's grade changes only its price per kg, as listed above, never its weight.");
    expect(r.textEn).toContain("c) The trader may refuse a lot only when it meets none of the grades of Maize (shelled grain)");
    expect(r.textEn).not.toContain("c) The trader may refuse a lot that does not meet");
    expect(r.textLo).toContain("ຄ) ພໍ່ຄ້າບໍ່ຮັບຜົນຜະລິດໄດ້ ກໍຕໍ່ເມື່ອມັນບໍ່ຖືກຕາມຊັ້ນຄຸນນະພາບໃດເລີຍ");
  });

  it("adds confidentiality and the member's grievance path as clauses 16 and 17, beside the dispute steps", () => {
    const r = renderContract(snapshotV2(), latestContractTemplates.spot_fixed.clauses);
    expect(r.textEn).toContain("Clause 16. Confidentiality of the parties' data\nEach party keeps confidential");
    expect(r.textEn).toContain("the District Agriculture and Forestry Office of Beng");
    expect(r.textEn).toContain("Clause 17. A member's grievance\nA member of the FO");
    expect(r.textEn).toContain("beside the dispute steps of clause 13");
    expect(r.textLo).toContain("ມາດຕາ 16. ການຮັກສາຄວາມລັບ ຂອງຂໍ້ມູນຂອງຄູ່ສັນຍາ");
    expect(r.textLo).toContain("ມາດຕາ 17. ຄຳຮ້ອງທຸກ ຂອງສະມາຊິກ");
  });

  it("names the production site in a forward contract's clause 2, and not in a spot sale", () => {
    const forward = renderContract(snapshotV2(), latestContractTemplates.forward_fixed.clauses);
    expect(forward.textEn).toContain(
      "Production site: the members' fields in Ban Phon (0.45 ha); 0.45 ha in all, each household's in the annex. The FO delivers the crop grown on these fields.",
    );
    expect(forward.textLo).toContain("ບ່ອນຜະລິດ: ໄຮ່ນາຂອງສະມາຊິກ ຢູ່ ບ້ານໂພນ (0,45 ເຮັກຕາ); ລວມ 0,45 ເຮັກຕາ");
    const input = renderContract(snapshotV2(), latestContractTemplates.input_supply.clauses);
    expect(input.textEn).toContain("Production site: the members' fields in Ban Phon");
    const spot = renderContract(snapshotV2(), latestContractTemplates.spot_fixed.clauses);
    expect(spot.textEn).not.toContain("Production site");
    const none = { ...snapshotV2(), members: snapshotV2().members!.map(({ site: _s, ...m }) => m) };
    expect(renderContract(none, latestContractTemplates.forward_floor.clauses).textEn).toContain(
      "Production site: the FO stated no fields when its members pledged",
    );
  });

  it("tells the members in the summary who is covered, the grievance path and confidentiality; nothing of it in contracts written before", () => {
    const s = snapshotV2();
    const en = renderSummary(s, "en").split("\n");
    expect(en).toContain(
      "Members: 2 households (1 of them women), 2,000 kg pledged in all. They are listed in the annex at the end of this contract, which is part of it.",
    );
    const grievance = en.find((l) => l.startsWith("Grievances: "));
    expect(grievance).toContain("ນາງ ແສງດາວ, ທ້າວ ບຸນມີ");
    expect(grievance).toContain(`the facilitator for ${s.fo.district.en} district`);
    expect(en.some((l) => l.startsWith("Confidentiality: "))).toBe(true);
    const lo = renderSummary(s, "lo").split("\n");
    expect(lo.filter((l) => /^(ສະມາຊິກ|ຄຳຮ້ອງທຸກ|ຄວາມລັບ): /.test(l))).toHaveLength(3);
    // The stored summary carries them too, beside the hashed text (which does not change for them).
    expect(renderContract(s, latestContractTemplates.forward_fixed.clauses).summaryEn).toContain(grievance!);
    // Written before the annex, or under a version 1 template: the summary as it was.
    const before = renderSummary({ ...s, members: undefined }, "en");
    expect(before).not.toMatch(/Grievances|Members:|Confidentiality:/);
    const v1 = renderSummary({ ...s, template: { ...s.template, version: 1 } }, "en");
    expect(v1).not.toMatch(/Grievances|Members:|Confidentiality:/);
  });
});
