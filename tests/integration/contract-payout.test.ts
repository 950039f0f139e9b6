import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { confirmPayment, recordPayment } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, contestDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { signContract } from "~/domain/contracts/signing.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as payoutLoader } from "~/routes/contracts/payout";
import { loader as exportLoader } from "~/routes/contracts/payout-export";
import { deliveries as lo } from "~/locales/lo/deliveries";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, request, statusOf, TEST_PASSWORD } from "../fixtures/app";
import { createCompany, createFo, offerTerms, publishedListing } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });

/** An input-supply contract in force on a listing pledged 1,000, 1,500 and 500 kg by three members. */
async function scene() {
  const fo = await createFo({ members: 3 });
  const listing = await publishedListing(fo, { kg: [1000, 1500, 500] });
  const trader = await createCompany();
  const terms = await offerTerms({
    templateCode: "input_supply",
    priceLakPerKg: "3100",
    quantityKg: "3000",
    inputDescription: "Fertiliser NPK 15-15-15, 20 bags",
    inputValueLak: "1000000",
    inputInterest: "0",
  });
  const made = await makeOffer(db, trader.trader, { listingId: listing.id, companyId: trader.company.id }, terms);
  if (!made.ok) throw new Error(JSON.stringify(made));
  const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
  if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
  const contract = await db.contract.findUniqueOrThrow({ where: { id: accepted.contractId } });
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  for (const [actor, party] of [
    [foActor, "fo"],
    [traderActor, "trader"],
  ] as const)
    await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
  return { fo, trader, foActor, traderActor, contract };
}

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;

async function delivered(actor: { id: string; roles: Role[] }, contractId: string, input: Partial<DeliveryInput>) {
  const result = await recordDelivery(db, actor, contractId, {
    deliveredOn: today(),
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: null,
    measuredBy: "A",
    instrument: "B",
    ...input,
  });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.deliveryId;
}

type Row = { memberId: string; name: string; pledgedKg: number; netKg: number; grossLak: string; inputDeductionLak: string; payableLak: string };
type HouseholdRow = {
  memberId: string;
  name: string;
  pledgedKg: number;
  ownNetKg: number;
  ownDeductedKg: number;
  ownContentLak: string;
  pooledNetKg: number;
  netKg: number;
  grossLak: string;
  inputRepaidLak: string;
  commonInputLak: string;
  payableLak: string;
  cashRepaidLak: string;
  stillOwedLak: string;
};
type Page = {
  draft: boolean;
  rows: Row[] | null;
  totals: Omit<Row, "memberId" | "name"> | null;
  households: { rows: HouseholdRow[]; totals: Omit<HouseholdRow, "memberId" | "name"> } | null;
  confirmedDeliveries: number;
  otherDeliveries: number;
};

describe("the member payout sheet", () => {
  it("shares the FO's pooled lots pro rata to the pledges, and its common inputs by what is left to each household, with totals that add up exactly", async () => {
    const { fo, foActor, traderActor, contract } = await scene();
    // The trader records the FO's pooled bags (its sheet names no household).
    // 1,000 kg at 15.0 %: 15 kg deducted, 985 kg × 3,100 = 3,053,500, of which the 1,000,000 owed for inputs
    // (none handed to a member: all the FO's own, no interest) is deducted.
    const d1 = await delivered(traderActor, contract.id, { moisturePermille: 150 });
    // 700 kg the FO contests: it counts for nothing (and leaves room under the 3,150 kg the contract allows).
    const contested = await delivered(traderActor, contract.id, { grossKg: 700 });
    await contestDelivery(db, foActor, contested, "Wrong scale");
    // Two pooled lots of 20 bags × 100 g (2 kg tare) and 1,002 kg gross at 14.0 %: 1,000 kg net each,
    // 2,000 kg × 3,100 = 6,200,000, nothing left to deduct.
    const pooledLot = { memberId: null, bags: 20, bagTareGrams: 100, grossKg: 1002, moisturePermille: 140, foreignMatterPermille: null, gradeCode: "G1" };
    const recorded2 = await recordDelivery(db, traderActor, contract.id, {
      deliveredOn: today(),
      measuredBy: "A",
      instrument: "B",
      lots: [pooledLot, pooledLot],
    });
    if (!recorded2.ok) throw new Error(JSON.stringify(recorded2));
    const d2 = recorded2.deliveryId;
    expect(await db.delivery.findUniqueOrThrow({ where: { id: d2 } })).toMatchObject({
      lotCount: 2,
      tareKg: 4,
      netKg: 2000,
      amountDueLak: 6_200_000n,
      inputDeductionLak: 0n,
    });
    const waiting = await delivered(traderActor, contract.id, { grossKg: 100 });
    await confirmDelivery(db, foActor, d1);
    await confirmDelivery(db, foActor, d2);

    const path = `/contracts/${contract.id}/payout`;
    const page = dataOf<Page>(await call(payoutLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ draft: true, confirmedDeliveries: 2, otherDeliveries: 2, rows: null, totals: null });
    // Totals: 985 + 2,000 = 2,985 kg net, all pooled; 3,053,500 + 6,200,000 = 9,253,500 LAK; the FO's 1,000,000 of
    // inputs shared as common inputs; 9,253,500 − 1,000,000 = 8,253,500 to pay; nothing still owed.
    expect(page.households!.totals).toEqual({
      pledgedKg: 3000,
      ownNetKg: 0,
      ownDeductedKg: 0,
      ownContentLak: "0",
      pooledNetKg: 2985,
      netKg: 2985,
      grossLak: "9253500",
      inputRepaidLak: "0",
      commonInputLak: "1000000",
      payableLak: "8253500",
      cashRepaidLak: "0",
      stillOwedLak: "0",
    });
    const byMember = Object.fromEntries(page.households!.rows.map((r) => [r.memberId, r]));
    const [m0, m1, m2] = fo.members.map((m) => byMember[m.id]!);
    expect([m0!.pledgedKg, m1!.pledgedKg, m2!.pledgedKg]).toEqual([1000, 1500, 500]);
    // Pooled lots are shared delivery by delivery, by pledge (1/3, 1/2, 1/6), by the largest remainder:
    //  d1, 985 kg: 328.33, 492.5, 164.17 → 328, 492, 164 (984); the kg left to the largest remainder (.5) → 328, 493, 164;
    //  d2, 2,000 kg: 666.67, 1,000, 333.33 → 666, 1,000, 333 (1,999); the kg left to .67 → 667, 1,000, 333.
    //  Net: 328 + 667 = 995, 493 + 1,000 = 1,493, 164 + 333 = 497.
    expect([m0!.netKg, m1!.netKg, m2!.netKg]).toEqual([995, 1493, 497]);
    expect([m0!.pooledNetKg, m1!.pooledNetKg, m2!.pooledNetKg]).toEqual([995, 1493, 497]);
    expect([m0!.ownNetKg, m1!.ownNetKg, m2!.ownNetKg]).toEqual([0, 0, 0]);
    //  d1, 3,053,500 LAK: 1,017,833.33, 1,526,750, 508,916.67 → 1,017,833, 1,526,750, 508,916; the LAK left to .67 → 508,917;
    //  d2, 6,200,000 LAK: 2,066,666.67, 3,100,000, 1,033,333.33 → 2,066,667, 3,100,000, 1,033,333.
    //  Gross: 1,017,833 + 2,066,667 = 3,084,500; 1,526,750 + 3,100,000 = 4,626,750; 508,917 + 1,033,333 = 1,542,250.
    expect([m0!.grossLak, m1!.grossLak, m2!.grossLak]).toEqual(["3084500", "4626750", "1542250"]);
    // The FO's 1,000,000 repaid at d1, shared by what d1 left to each (1,017,833 : 1,526,750 : 508,917 of 3,053,500):
    // 333,333.22, 500,000, 166,666.78 → 333,333, 500,000, 166,666 (999,999); the LAK left to .78 → 166,667.
    expect([m0!.commonInputLak, m1!.commonInputLak, m2!.commonInputLak]).toEqual(["333333", "500000", "166667"]);
    expect([m0!.inputRepaidLak, m1!.inputRepaidLak, m2!.inputRepaidLak]).toEqual(["0", "0", "0"]);
    // To pay: 3,084,500 − 333,333 = 2,751,167; 4,626,750 − 500,000 = 4,126,750; 1,542,250 − 166,667 = 1,375,583.
    expect([m0!.payableLak, m1!.payableLak, m2!.payableLak]).toEqual(["2751167", "4126750", "1375583"]);
    for (const column of [
      "pledgedKg",
      "ownNetKg",
      "pooledNetKg",
      "netKg",
      "grossLak",
      "inputRepaidLak",
      "commonInputLak",
      "payableLak",
      "cashRepaidLak",
      "stillOwedLak",
    ] as const)
      expect(page.households!.rows.reduce((s, r) => s + BigInt(r[column]), 0n).toString(), column).toBe(String(page.households!.totals[column]));

    // Once everything is delivered (2,985 kg ≥ 2,850) and paid, the sheet is final.
    await contestDelivery(db, foActor, waiting, "Never arrived");
    const payment = await recordPayment(db, traderActor, contract.id, { amountLak: 8_253_500n, paidOn: today(), method: "cash", reference: null });
    if (!payment.ok) throw new Error(JSON.stringify(payment));
    expect(await confirmPayment(db, foActor, payment.paymentId)).toEqual({ ok: true, completed: true });
    const final = dataOf<Page>(await call(payoutLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    expect(final.draft).toBe(false);
    expect(final.households!.totals).toEqual(page.households!.totals);
  });

  it("existing contracts without lots still pay out as before: net kg, input deduction and LAK pro rata to the pledges", async () => {
    const { fo, trader, foActor, contract } = await scene();
    // Deliveries recorded before lots (lotCount 0), written as they were stored then.
    const row = (grossKg: number, moisturePermille: number, deductedKg: number, inputDeductionLak: bigint, status: string) =>
      db.delivery.create({
        data: {
          contractId: contract.id,
          deliveredOn: today(),
          grossKg,
          moisturePermille,
          gradeCode: "G1",
          measuredBy: "A",
          instrument: "B",
          deductedKg,
          netKg: grossKg - deductedKg,
          priceLakPerKg: 3100,
          amountDueLak: BigInt(grossKg - deductedKg) * 3100n,
          inputDeductionLak,
          recordedByParty: "trader",
          recordedById: trader.trader.id,
          status,
          answeredById: status === "recorded" ? null : foActor.id,
          answeredAt: status === "recorded" ? null : new Date(),
          lotCount: 0,
        },
      });
    // 1,000 kg at 15.0 %: 15 kg deducted, 985 kg × 3,100 = 3,053,500, of which the 1,000,000 owed for inputs was deducted.
    await row(1000, 150, 15, 1_000_000n, "confirmed");
    // One contested, one not yet answered: neither is on the sheet.
    await row(700, 140, 0, 0n, "contested");
    await row(100, 140, 0, 0n, "recorded");
    // 2,000 kg at 14.0 %: 6,200,000, nothing left to deduct.
    await row(2000, 140, 0, 0n, "confirmed");

    const path = `/contracts/${contract.id}/payout`;
    const page = dataOf<Page>(await call(payoutLoader, await request(path, { userId: fo.leader.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ draft: true, confirmedDeliveries: 2, otherDeliveries: 2, households: null });
    // Totals: 2,985 kg net; 9,253,500 LAK; 1,000,000 deducted; 8,253,500 to pay.
    expect(page.totals).toEqual({ pledgedKg: 3000, netKg: 2985, grossLak: "9253500", inputDeductionLak: "1000000", payableLak: "8253500" });
    const byMember = Object.fromEntries(page.rows!.map((r) => [r.memberId, r]));
    const [m0, m1, m2] = fo.members.map((m) => byMember[m.id]!);
    // Net kg: 995, 1,492.5, 497.5 → 995, 1,492, 497 and the one kg left goes to the larger pledge of the tied remainders.
    expect([m0!.netKg, m1!.netKg, m2!.netKg]).toEqual([995, 1493, 497]);
    // To pay: 2,751,166.67, 4,126,750, 1,375,583.33 → the LAK left goes to the largest remainder.
    expect([m0!.payableLak, m1!.payableLak, m2!.payableLak]).toEqual(["2751167", "4126750", "1375583"]);
    // Input deduction: 333,333.33, 500,000, 166,666.67.
    expect([m0!.inputDeductionLak, m1!.inputDeductionLak, m2!.inputDeductionLak]).toEqual(["333333", "500000", "166667"]);
    expect([m0!.grossLak, m1!.grossLak, m2!.grossLak]).toEqual(["3084500", "4626750", "1542250"]);
    for (const column of ["netKg", "grossLak", "inputDeductionLak", "payableLak"] as const)
      expect(page.rows!.reduce((s, r) => s + BigInt(r[column]), 0n).toString(), column).toBe(String(page.totals![column]));
  });

  it("is the FO's: its leaders and the district's facilitators read it; the trader and everyone else get a 404", async () => {
    const { fo, trader, contract } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    const otherDistrict = await db.district.findFirstOrThrow({ where: { id: { not: contract.districtId } } });
    await db.facilitatorDistrict.create({ data: { userId: elsewhere.id, districtId: otherDistrict.id } });
    const path = `/contracts/${contract.id}/payout`;
    const cases: [string, number][] = [
      [fo.leader.id, 200],
      [facilitator.id, 200],
      [trader.trader.id, 404],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [elsewhere.id, 404],
    ];
    for (const [userId, status] of cases)
      expect(statusOf(await call(payoutLoader, await request(path, { userId }), { contractId: contract.id })), userId).toBe(status);
    expect(statusOf(await call(payoutLoader, await request(path), { contractId: contract.id }))).toBe(302);
    // Before any confirmed delivery the draft sheet shows zeros that still add up.
    const page = dataOf<Page>(await call(payoutLoader, await request(path, { userId: facilitator.id }), { contractId: contract.id }));
    expect(page).toMatchObject({ draft: true, confirmedDeliveries: 0, totals: { pledgedKg: 3000, netKg: 0, payableLak: "0" } });
    expect(page.rows!.map((r) => r.pledgedKg)).toEqual([1000, 1500, 500]);
  });

  it("downloads as CSV and as an Excel workbook with the page's figures, Lao names intact and numbers as numbers", async () => {
    const { fo, foActor, traderActor, contract } = await scene();
    await db.member.update({ where: { id: fo.members[0]!.id }, data: { name: "ນາງ ບົວພັນ ແກ້ວມະນີ" } });
    await confirmDelivery(db, foActor, await delivered(traderActor, contract.id, { moisturePermille: 150 }));
    const page = dataOf<Page>(
      await call(payoutLoader, await request(`/contracts/${contract.id}/payout`, { userId: fo.leader.id }), { contractId: contract.id }),
    );
    const download = async (format: string) =>
      (await call(
        exportLoader,
        await request(`/contracts/${contract.id}/payout/export?format=${format}`, { userId: fo.leader.id, headers: { Cookie: "lng=lo" } }),
        { contractId: contract.id },
      )) as Response;
    const p = lo.payout;
    const kg = (label: string) => `${label} (ກິໂລ)`;
    const lak = (label: string) => `${label} (ກີບ)`;

    // The sheet the page shows, by pledge or by household, as rows of the columns the page has.
    const expected = page.households
      ? {
          header: [
            "#",
            p.member,
            kg(p.pledged),
            kg(p.ownNet),
            kg(p.pooledNet),
            kg(p.ownDeducted),
            kg(p.net),
            lak(p.gross),
            lak(p.inputRepaid),
            lak(p.commonInput),
            lak(p.payable),
            lak(p.cashRepaid),
            lak(p.stillOwed),
          ],
          fields: [
            "pledgedKg",
            "ownNetKg",
            "pooledNetKg",
            "ownDeductedKg",
            "netKg",
            "grossLak",
            "inputRepaidLak",
            "commonInputLak",
            "payableLak",
            "cashRepaidLak",
            "stillOwedLak",
          ] as const,
          rows: page.households.rows as Record<string, unknown>[],
          totals: page.households.totals as Record<string, unknown>,
        }
      : {
          header: ["#", p.member, kg(p.pledged), kg(p.net), lak(p.gross), lak(p.inputDeduction), lak(p.payable)],
          fields: ["pledgedKg", "netKg", "grossLak", "inputDeductionLak", "payableLak"] as const,
          rows: page.rows! as Record<string, unknown>[],
          totals: page.totals! as Record<string, unknown>,
        };
    const figures = (r: Record<string, unknown>) => expected.fields.map((f) => Number(r[f]));
    expect(expected.rows.map((r) => r.name)).toContain("ນາງ ບົວພັນ ແກ້ວມະນີ");
    expect(Number(expected.totals.grossLak)).toBe(3_053_500);

    const csvResponse = await download("csv");
    expect(csvResponse.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csvResponse.headers.get("Content-Disposition")).toBe(`attachment; filename="payout-${contract.number}.csv"`);
    const csv = parse(await csvResponse.text(), { bom: true }) as string[][];
    expect(csv[0]).toEqual(expected.header);
    expect(csv.slice(1, -1)).toEqual(expected.rows.map((r, i) => [String(i + 1), r.name, ...figures(r).map(String)]));
    expect(csv.at(-1)).toEqual(["", p.total, ...figures(expected.totals).map(String)]);

    const xlsxResponse = await download("xlsx");
    expect(xlsxResponse.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxResponse.arrayBuffer()) as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe(`ໃບຈ່າຍເງິນ ${contract.number}`.slice(0, 31));
    expect(sheet.getRow(1).values).toEqual([undefined, ...expected.header]);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expected.rows.forEach((r, i) => expect(sheet.getRow(i + 2).values).toEqual([undefined, i + 1, r.name, ...figures(r)]));
    const totalRow = sheet.getRow(expected.rows.length + 2);
    expect(totalRow.getCell(1).value).toBeNull();
    expect(totalRow.values).toEqual([undefined, undefined, p.total, ...figures(expected.totals)]);
    expect(totalRow.font?.bold).toBe(true);
    // Every figure column adds up to its total, as numbers the spreadsheet can sum.
    expected.fields.forEach((_, j) => {
      const column = j + 3;
      const sum = expected.rows.reduce((s, _r, i) => s + (sheet.getRow(i + 2).getCell(column).value as number), 0);
      expect(sum).toBe(totalRow.getCell(column).value);
      expect(sheet.getRow(2).getCell(column).numFmt).toBe("#,##0");
    });
  });

  it("is downloaded by the same readers as the page; the trader and everyone else get a 404", async () => {
    const { fo, trader, contract } = await scene();
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: contract.districtId } });
    const elsewhere = await createUser({ roles: ["facilitator"] });
    const otherDistrict = await db.district.findFirstOrThrow({ where: { id: { not: contract.districtId } } });
    await db.facilitatorDistrict.create({ data: { userId: elsewhere.id, districtId: otherDistrict.id } });
    const cases: [string, number][] = [
      [fo.leader.id, 200],
      [facilitator.id, 200],
      [trader.trader.id, 404],
      [(await createCompany()).trader.id, 404],
      [(await createFo()).leader.id, 404],
      [elsewhere.id, 404],
    ];
    for (const format of ["csv", "xlsx"]) {
      const path = `/contracts/${contract.id}/payout/export?format=${format}`;
      for (const [userId, status] of cases)
        expect(statusOf(await call(exportLoader, await request(path, { userId }), { contractId: contract.id })), `${format} ${userId}`).toBe(status);
      expect(statusOf(await call(exportLoader, await request(path), { contractId: contract.id }))).toBe(302);
    }
    // A format it does not write is refused, but only to a reader: others still get the 404.
    const pdf = `/contracts/${contract.id}/payout/export?format=pdf`;
    expect(statusOf(await call(exportLoader, await request(pdf, { userId: fo.leader.id }), { contractId: contract.id }))).toBe(400);
    expect(statusOf(await call(exportLoader, await request(pdf, { userId: trader.trader.id }), { contractId: contract.id }))).toBe(404);
  });
});
