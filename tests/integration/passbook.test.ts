import { describe, expect, it } from "vitest";
import { confirmDelivery, contestDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { type DeliveryInput } from "~/domain/deliveries/delivery-form";
import { loader as passbookLoader } from "~/routes/fo/members/passbook";
import { loader as memberLoader } from "~/routes/fo/members/member";
import { startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import { call, createUser, dataOf, request, statusOf } from "../fixtures/app";
import { contractInForce } from "../fixtures/contracts";
import { createCompany, createFo, publishedListing } from "../fixtures/market";

const today = () => startOfLaoDay(toLaoDateInput(new Date()))!;

/** The payout sheet's scene: an input-supply contract on pledges of 1,000, 1,500 and 500 kg. */
async function scene() {
  const { fo, trader, listing, contract, foActor, traderActor } = await contractInForce({
    fo: await createFo({ members: 3 }),
    kg: [1000, 1500, 500],
    terms: {
      templateCode: "input_supply",
      priceLakPerKg: "3100",
      quantityKg: "3000",
      inputDescription: "Fertiliser NPK 15-15-15, 20 bags",
      inputValueLak: "1000000",
      inputInterest: "0",
    },
  });
  const deliver = async (input: Partial<DeliveryInput>) => {
    const r = await recordDelivery(db, traderActor, contract.id, {
      deliveredOn: today(),
      grossKg: 1000,
      moisturePermille: 140,
      gradeCode: "G1",
      foreignMatterPermille: null,
      measuredBy: "A",
      instrument: "B",
      ...input,
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.deliveryId;
  };
  // As on the payout sheet: 985 kg (15.0 % moisture) and 2,000 kg confirmed, 700 kg contested, 100 kg waiting
  // (within the 3,150 kg the contract allows: the contested lot counts for nothing).
  await confirmDelivery(db, foActor, await deliver({ moisturePermille: 150 }));
  await contestDelivery(db, foActor, await deliver({ grossKg: 700 }), "Wrong scale");
  await confirmDelivery(db, foActor, await deliver({ grossKg: 2000 }));
  await deliver({ grossKg: 100 });
  return { fo, trader, contract, listing };
}

type Contract = {
  id: string;
  number: string;
  company: string;
  status: string;
  provisional: boolean;
  netKg: number;
  grossLak: string;
  inputDeductionLak: string;
  payableLak: string;
};
type Pledge = { listingId: string; crop: string; grade: string; kg: number; listingStatus: string; contracts: Contract[] };
type Page = { member: { id: string; name: string }; pledges: Pledge[]; totals: Record<string, string | number> };

const path = (organisationId: string, memberId: string) => `/fo/${organisationId}/members/${memberId}/passbook`;

describe("the member passbook", () => {
  it("shows every pledge and the member's share of each contract, as on the payout sheet, with totals", async () => {
    const { fo, trader, contract, listing } = await scene();
    const [m0, m1] = fo.members;
    // A second pledge, to a listing with no contract yet.
    const second = await publishedListing(fo, { kg: [400] });

    const page = dataOf<Page>(
      await call(passbookLoader, await request(path(fo.organisation.id, m0!.id), { userId: fo.leader.id, headers: { Cookie: "lng=en" } }), {
        organisationId: fo.organisation.id,
        memberId: m0!.id,
      }),
    );
    expect(page.member).toMatchObject({ id: m0!.id, name: m0!.name });
    expect(page.pledges.map((p) => [p.listingId, p.kg, p.listingStatus, p.crop])).toEqual([
      [listing.id, 1000, "contracted", "Maize (shelled grain)"],
      [second.id, 400, "open", "Maize (shelled grain)"],
    ]);
    // The payout sheet's first line: 995 kg; 3,084,500 LAK, of which 333,333 deducted for inputs; 2,751,167 to receive.
    expect(page.pledges[0]!.contracts).toEqual([
      {
        id: contract.id,
        number: contract.number,
        company: trader.company.name,
        status: "active",
        provisional: true,
        netKg: 995,
        grossLak: "3084500",
        inputDeductionLak: "333333",
        payableLak: "2751167",
        cashRepaidLak: "0",
        content: null,
        // The FO's pooled bags: shared by pledge, so nothing to say of what this household brought.
        delivery: null,
        refused: [],
      },
    ]);
    expect(page.pledges[1]!.contracts).toEqual([]);
    expect(page.totals).toEqual({ pledgedKg: 1400, netKg: 995, grossLak: "3084500", inputDeductionLak: "333333", payableLak: "2751167", cashRepaidLak: "0" });

    // The second member's line: 1,493 kg and 4,126,750 LAK to receive.
    const other = dataOf<Page>(
      await call(passbookLoader, await request(path(fo.organisation.id, m1!.id), { userId: fo.leader.id }), {
        organisationId: fo.organisation.id,
        memberId: m1!.id,
      }),
    );
    expect(other.totals).toEqual({ pledgedKg: 1500, netKg: 1493, grossLak: "4626750", inputDeductionLak: "500000", payableLak: "4126750", cashRepaidLak: "0" });

    // In Lao, names come in Lao.
    const lao = dataOf<Page>(
      await call(passbookLoader, await request(path(fo.organisation.id, m0!.id), { userId: fo.leader.id, headers: { Cookie: "lng=lo" } }), {
        organisationId: fo.organisation.id,
        memberId: m0!.id,
      }),
    );
    expect(lao.pledges[0]!.crop).toMatch(/[\u0E80-\u0EFF]/);
  });

  it("is for the FO's leaders only: another FO is a 404, another role a 403", async () => {
    const fo = await createFo({ members: 1 });
    const member = fo.members[0]!;
    const elsewhere = await createFo({ members: 1 });
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: fo.village.districtId } });
    const cases: [string | undefined, string, string, number][] = [
      [fo.leader.id, fo.organisation.id, member.id, 200],
      [elsewhere.leader.id, fo.organisation.id, member.id, 404],
      // Another FO's member through one's own FO: not found either.
      [fo.leader.id, fo.organisation.id, elsewhere.members[0]!.id, 404],
      [fo.leader.id, fo.organisation.id, "no-such-member", 404],
      [(await createCompany()).trader.id, fo.organisation.id, member.id, 403],
      [facilitator.id, fo.organisation.id, member.id, 403],
      [undefined, fo.organisation.id, member.id, 302],
    ];
    for (const [userId, organisationId, memberId, status] of cases)
      expect(
        statusOf(await call(passbookLoader, await request(path(organisationId, memberId), { userId }), { organisationId, memberId })),
        `${userId} ${memberId}`,
      ).toBe(status);
    const empty = dataOf<Page>(
      await call(passbookLoader, await request(path(fo.organisation.id, member.id), { userId: fo.leader.id }), {
        organisationId: fo.organisation.id,
        memberId: member.id,
      }),
    );
    expect(empty.pledges).toEqual([]);
    expect(empty.totals).toEqual({ pledgedKg: 0, netKg: 0, grossLak: "0", inputDeductionLak: "0", payableLak: "0", cashRepaidLak: "0" });
    // The member's page still loads (and links here).
    expect(
      statusOf(
        await call(memberLoader, await request(`/fo/${fo.organisation.id}/members/${member.id}`, { userId: fo.leader.id }), {
          organisationId: fo.organisation.id,
          memberId: member.id,
        }),
      ),
    ).toBe(200);
  });
});
