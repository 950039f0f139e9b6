// The contract page's summary speaks to its reader: the FO's leader reads what
// the FO will deliver and be paid, the trader what the company will receive and
// pay, a facilitator both parties by name, as the printed paper does. The
// stored document (texts, stored summary) and its hash are the same for all.
import { describe, expect, it } from "vitest";
import { contractHash } from "~/domain/contracts/contract-hash";
import { loader as detailLoader } from "~/routes/contracts/detail";
import { loader as printLoader } from "~/routes/contracts/print";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request } from "../fixtures/app";
import { acceptedContract } from "../fixtures/contracts";
import { readContract } from "../fixtures/market";

type Page = { contract: { summary: string; sha256: string; text: string } };
type Print = { contract: { summaryLo: string; summaryEn: string; sha256: string; textLo: string; textEn: string } };

async function scene() {
  const accepted = await acceptedContract();
  const facilitator = await createUser({ roles: ["facilitator"] });
  await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: accepted.contract.districtId } });
  return { ...accepted, facilitator };
}

const pageFor = async (userId: string, contractId: string) =>
  dataOf<Page>(await call(detailLoader, await request(`/contracts/${contractId}`, { userId }), { contractId })).contract;
const printFor = async (userId: string, contractId: string) =>
  dataOf<Print>(await call(printLoader, await request(`/contracts/${contractId}/print`, { userId }), { contractId })).contract;

describe("the contract summary in the reader's voice", () => {
  it("differs for the leader, the trader and a facilitator, while the document and its hash are one", async () => {
    const { fo, trader, contract, facilitator } = await scene();
    const leaderPage = await pageFor(fo.leader.id, contract.id);
    const traderPage = await pageFor(trader.trader.id, contract.id);
    const facilitatorPage = await pageFor(facilitator.id, contract.id);

    expect(leaderPage.summary).toContain(`ທ່ານ (${fo.organisation.nameLo}) ຈະສົ່ງ `);
    expect(leaderPage.summary).toContain("ຈ່າຍເງິນ: ທ່ານຈະໄດ້ຮັບເງິນ ");
    expect(traderPage.summary).toContain(`ທ່ານ (${trader.company.name}) ຈະໄດ້ຮັບ `);
    expect(traderPage.summary).toContain(`ຈາກ ${fo.organisation.nameLo}`);
    expect(traderPage.summary).toContain("ຈ່າຍເງິນ: ທ່ານຈະຈ່າຍເງິນ ");
    expect(facilitatorPage.summary.startsWith(`${fo.organisation.nameLo} ຂາຍ `)).toBe(true);
    expect(facilitatorPage.summary).not.toContain("ທ່ານ");
    expect(new Set([leaderPage.summary, traderPage.summary, facilitatorPage.summary]).size).toBe(3);

    // One document: the same text and hash on every page, the hash that of the stored texts.
    for (const page of [leaderPage, traderPage, facilitatorPage]) {
      expect(page.sha256).toBe(contract.sha256);
      expect(page.text).toBe(contract.textLo);
    }
    expect(contractHash(contract.textLo, contract.textEn)).toBe(contract.sha256);
    const after = await readContract(contract.id);
    expect({ sha256: after.sha256, textLo: after.textLo, textEn: after.textEn, summaryLo: after.summaryLo, summaryEn: after.summaryEn }).toEqual({
      sha256: contract.sha256,
      textLo: contract.textLo,
      textEn: contract.textEn,
      summaryLo: contract.summaryLo,
      summaryEn: contract.summaryEn,
    });
  });

  it("speaks English to a reader who reads English", async () => {
    const { fo, trader, contract } = await scene();
    await db.user.updateMany({ where: { id: { in: [fo.leader.id, trader.trader.id] } }, data: { locale: "en" } });
    expect((await pageFor(fo.leader.id, contract.id)).summary).toContain(`You, ${fo.organisation.nameEn}, will deliver `);
    const traderSummary = (await pageFor(trader.trader.id, contract.id)).summary;
    expect(traderSummary).toContain(`You, ${trader.company.name}, will receive `);
    expect(traderSummary).toContain("Payment: you will pay ");
  });

  it("prints the summary in the third person whoever prints it, with the same hash", async () => {
    const { fo, trader, contract, facilitator } = await scene();
    const prints = await Promise.all([fo.leader.id, trader.trader.id, facilitator.id].map((id) => printFor(id, contract.id)));
    for (const print of prints) {
      expect(print.summaryEn.startsWith(`${fo.organisation.nameEn} sells `)).toBe(true);
      expect(print.summaryEn).not.toMatch(/\byou\b/i);
      expect(print.summaryLo.startsWith(`${fo.organisation.nameLo} ຂາຍ `)).toBe(true);
      expect(print.summaryLo).not.toContain("ທ່ານ");
      expect(print.sha256).toBe(contract.sha256);
      expect([print.textLo, print.textEn]).toEqual([contract.textLo, contract.textEn]);
    }
    expect(prints[1]).toEqual(prints[0]);
  });
});
