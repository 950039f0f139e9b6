// The price board reads a tally the database keeps (PriceTally, by triggers in
// the transaction of each write). Whatever is written, by the domain or
// behind it, the tally must equal a full recount of the records, and the board
// drawn from it must equal the board drawn from every price one by one.
import { describe, expect, it } from "vitest";
import { signContract } from "~/domain/contracts/signing.server";
import { boardSeries, boardWindow, districtSummary } from "~/domain/prices/price-board";
import { getPriceBoard, readBoardPrices } from "~/domain/prices/price-board.server";
import { recountPriceTally, storedPriceTally } from "~/domain/prices/price-tally.server";
import { enterReferencePrice } from "~/domain/prices/reference-entry.server";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { createUser, TEST_PASSWORD } from "../fixtures/app";
import { acceptedContract } from "../fixtures/contracts";
import { createFo, maize } from "../fixtures/market";

const as = (u: { id: string }, role: Role) => ({ id: u.id, roles: [role] });

async function contractAt(price: number, district: string) {
  return (await acceptedContract({ fo: await createFo({ district }), terms: { priceLakPerKg: String(price) } })).contract;
}

async function sign(contract: { id: string; sha256: string; organisationId: string; companyId: string }) {
  const leader = await db.organisationLeader.findFirstOrThrow({ where: { organisationId: contract.organisationId } });
  const staff = await db.traderStaff.findFirstOrThrow({ where: { companyId: contract.companyId } });
  for (const [actor, party] of [
    [as({ id: leader.userId }, "fo_leader"), "fo"],
    [as({ id: staff.userId }, "trader"), "trader"],
  ] as const) {
    const r = await signContract(db, actor, contract.id, { as: party, password: TEST_PASSWORD, sha256: contract.sha256, confirmRead: true });
    if (!r.ok) throw new Error(JSON.stringify(r));
  }
}

describe("the price tally", () => {
  it("equals a recount of every price after entries, signatures, status changes, corrections and deletions", async () => {
    const crop = await maize();
    const beng = await db.district.findFirstOrThrow({ where: { nameEn: "Beng" } });
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: beng.id } });
    const today = new Date();
    for (const price of [3000, 3100, 3100, 2950]) {
      const r = await enterReferencePrice(db, facilitator, {
        cropId: crop.id,
        districtId: beng.id,
        market: "Beng market",
        observedOn: today,
        priceLakPerKg: price,
      });
      expect(r.ok).toBe(true);
    }
    const province = await db.referencePrice.create({
      data: { cropId: crop.id, provinceId: beng.provinceId, observedOn: today, priceLakPerKg: 3300, source: "market_survey" },
    });
    await db.referencePrice.create({ data: { cropId: crop.id, districtId: beng.id, observedOn: today, priceLakPerKg: 9999, source: "signed_contract" } });

    const signed = await contractAt(3150, "Beng");
    await sign(signed);
    const awaiting = await contractAt(3400, "Houn");
    const disputed = await contractAt(3050, "Beng");
    await sign(disputed);
    await db.contract.update({ where: { id: disputed.id }, data: { status: "disputed" } });
    await db.contract.update({ where: { id: disputed.id }, data: { status: "active" } });
    const replaced = await contractAt(3200, "Beng");
    await sign(replaced);
    await db.contract.update({ where: { id: replaced.id }, data: { status: "superseded" } });

    await db.referencePrice.update({ where: { id: province.id }, data: { priceLakPerKg: 3350 } });
    const gone = await db.referencePrice.findFirstOrThrow({ where: { priceLakPerKg: 2950, cropId: crop.id } });
    await db.referencePrice.delete({ where: { id: gone.id } });

    const stored = await storedPriceTally(db);
    expect(stored).toEqual(await recountPriceTally(db));
    const mine = stored.filter((r) => r.cropId === crop.id && r.month === stored.find((x) => x.priceLakPerKg === 3150)?.month);
    expect(
      mine
        .filter((r) => r.kind === "contract")
        .map((r) => r.priceLakPerKg)
        .sort(),
    ).toEqual(expect.arrayContaining([3050, 3150]));
    expect(mine.some((r) => r.kind === "contract" && (r.priceLakPerKg === 3200 || r.priceLakPerKg === 3400))).toBe(false);
    expect(awaiting.status).toBe("awaiting_signatures");
  });

  it("draws the same board as every price read one by one, for every window and district", async () => {
    const crop = await maize();
    const districts = await db.district.findMany({ orderBy: { nameEn: "asc" } });
    const districtIds = districts.map((d) => d.id);
    const now = new Date();
    for (const months of [3, 6, 12]) {
      for (const districtId of [null, districts[0]!.id, districts.find((d) => d.nameEn === "Beng")!.id]) {
        const fromTally = await getPriceBoard(db, { cropId: crop.id, districtId, districtIds, months, now });
        const window = boardWindow(now, months);
        const { reference, contracts } = await readBoardPrices(db, { cropId: crop.id, from: window.from, to: window.to });
        const inScope = (o: { districtId: string | null }) => !districtId || o.districtId === districtId;
        expect(fromTally.series).toEqual(boardSeries(reference.filter(inScope), contracts.filter(inScope), window.months));
        expect(fromTally.summary).toEqual(districtSummary(districtIds, reference, contracts));
      }
    }
  });

  it("keeps a board in memory until a price changes, and shows the change on the next read", async () => {
    const crop = await maize();
    const districts = await db.district.findMany({ orderBy: { nameEn: "asc" } });
    const districtIds = districts.map((d) => d.id);
    const beng = districts.find((d) => d.nameEn === "Beng")!;
    // Read as of the moment of reading: a contract signed after the first read is a price by the second.
    const board = () => getPriceBoard(db, { cropId: crop.id, districtId: beng.id, districtIds, months: 6, now: new Date() });
    const onePriceAtATime = async () => {
      const window = boardWindow(new Date(), 6);
      const { reference, contracts } = await readBoardPrices(db, { cropId: crop.id, from: window.from, to: window.to });
      const inBeng = (o: { districtId: string | null }) => o.districtId === beng.id;
      return {
        series: boardSeries(reference.filter(inBeng), contracts.filter(inBeng), window.months),
        summary: districtSummary(districtIds, reference, contracts),
      };
    };
    const first = await board();
    expect((await board()).series).toBe(first.series);
    // A write the board does not read (a listing, a contract awaiting signatures) keeps it.
    const pending = await contractAt(3777, "Beng");
    expect((await board()).series).toBe(first.series);

    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: beng.id } });
    const writes: [string, () => Promise<unknown>][] = [
      [
        "a reference price entered",
        () =>
          enterReferencePrice(db, facilitator, { cropId: crop.id, districtId: beng.id, market: "Beng market", observedOn: new Date(), priceLakPerKg: 4321 }),
      ],
      ["a contract signed", () => sign(pending)],
      ["the contract superseded", () => db.contract.update({ where: { id: pending.id }, data: { status: "superseded" } })],
      [
        "a reference price corrected",
        async () => db.referencePrice.updateMany({ where: { cropId: crop.id, priceLakPerKg: 4321 }, data: { priceLakPerKg: 4322 } }),
      ],
    ];
    for (const [what, write] of writes) {
      const before = await board();
      await write();
      const after = await board();
      expect(after.series, what).not.toBe(before.series);
      expect({ series: after.series, summary: after.summary }, what).not.toEqual({ series: before.series, summary: before.summary });
      expect({ series: after.series, summary: after.summary }, what).toEqual(await onePriceAtATime());
    }
  });
});
