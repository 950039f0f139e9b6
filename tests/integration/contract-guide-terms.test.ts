// A contract written now from version 2 of its template: the signatories' sex
// and role and the members annex come from the database, are frozen in the
// snapshot and the texts, print in Lao and English, and are covered by the hash
// that /verify recomputes.
import { describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/contract-hash";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { loader as printLoader } from "~/routes/contracts/print";
import { db } from "~/utils/db.server";
import { call, dataOf, request } from "../fixtures/app";
import { acceptedContract } from "../fixtures/contracts";
import { createFo } from "../fixtures/market";

async function contractWithMembers() {
  const fo = await createFo({ members: 3 });
  await db.user.update({ where: { id: fo.leader.id }, data: { sex: "female" } });
  return acceptedContract({ fo, kg: [1200, 800, 1000], terms: { templateCode: "forward_fixed" } });
}

describe("a contract written from version 2", () => {
  it("freezes the members covered and the signatories' sex and role into its snapshot and both texts", async () => {
    const { fo, trader, contract } = await contractWithMembers();
    const template = await db.contractTemplate.findUniqueOrThrow({ where: { id: contract.templateId } });
    expect(template.version).toBe(2);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    const sorted = [...fo.members].sort((a, b) => a.name.localeCompare(b.name));
    const kgOf = new Map([
      [fo.members[0]!.id, 1200],
      [fo.members[1]!.id, 800],
      [fo.members[2]!.id, 1000],
    ]);
    expect(snapshot.members).toEqual(
      sorted.map((m) => ({ name: m.name, sex: m.memberSex, village: { lo: fo.village.nameLo, en: fo.village.nameEn }, pledgedKg: kgOf.get(m.id) })),
    );
    expect(snapshot.fo.leaders).toEqual([{ name: fo.leader.name, phone: fo.leader.phone, sex: "female", position: "leader" }]);
    expect(snapshot.trader.staff).toEqual([{ name: trader.trader.name, phone: trader.trader.phone, sex: null }]);

    expect(contract.textEn).toContain(`${fo.leader.name} (woman, FO leader, ${fo.organisation.nameEn})`);
    expect(contract.textEn).toContain(`${trader.trader.name} (sex not recorded, the trader's staff, ${trader.company.name})`);
    expect(contract.textEn).toContain("3 households (2 of them women), 3,000 kg pledged in all.");
    expect(contract.textEn).toContain(`Annex: the members covered by contract ${contract.number}`);
    expect(contract.textEn).toContain(`; woman; ${fo.village.nameEn}; 1,200 kg`);
    expect(contract.textEn).toContain("Total: 3 households, 3,000 kg");
    expect(contract.textLo).toContain(`ເອກະສານຊ້ອນທ້າຍ: ສະມາຊິກທີ່ສັນຍາເລກທີ ${contract.number} ກວມເອົາ`);
    expect(contract.textLo).toContain(`; ຍິງ; ${fo.village.nameLo}; 1.200 ກິໂລ`);
    expect(contract.textLo).toContain("ລວມ: 3 ຄົວເຮືອນ, 3.000 ກິໂລ");
    // The annex is in the hashed text, so /verify checks it with the clauses.
    expect(contract.sha256).toBe(contractHash(contract.textLo, contract.textEn));
  });

  it("prints the members annex in Lao and English", async () => {
    const { fo, contract } = await contractWithMembers();
    const data = dataOf<{ contract: { textLo: string; textEn: string } }>(
      await call(printLoader, await request(`/contracts/${contract.id}/print`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    for (const m of fo.members) {
      expect(data.contract.textEn).toMatch(new RegExp(`\\d\\. ${m.name}; (woman|man); ${fo.village.nameEn}; `));
      expect(data.contract.textLo).toMatch(new RegExp(`\\d\\. ${m.name}; (ຍິງ|ຊາຍ); ${fo.village.nameLo}; `));
    }
    expect(data.contract.textEn).toContain("Clause 16. Confidentiality of the parties' data");
    expect(data.contract.textEn).toContain("Clause 17. A member's grievance");
  });
});
