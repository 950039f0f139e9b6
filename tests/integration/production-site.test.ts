// The production site: entered by the FO beside each pledge, checked against a
// plausible yield, shown again on the draft, frozen into a forward contract's
// clause 2 and its members annex.
import { describe, expect, it } from "vitest";
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import { publishListing } from "~/domain/listings/listings.server";
import { acceptOffer, makeOffer } from "~/domain/offers/offers.server";
import { loader as editLoader } from "~/routes/listings/edit";
import { action as newAction, loader as newLoader } from "~/routes/listings/new";
import { db } from "~/utils/db.server";
import { addDays, toLaoDateInput } from "~/utils/dates";
import { call, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { createCompany, createFo, maize, offerTerms, readContract } from "../fixtures/market";

async function listingForm(fo: Awaited<ReturnType<typeof createFo>>, site: Record<string, string>) {
  const crop = await maize();
  const today = new Date();
  return {
    organisationId: fo.organisation.id,
    cropId: crop.id,
    gradeId: crop.grades[0]!.id,
    availableFrom: toLaoDateInput(addDays(today, 5)),
    availableUntil: toLaoDateInput(addDays(today, 40)),
    pickupVillageId: fo.village.id,
    offerMode: "open",
    offerDeadline: toLaoDateInput(addDays(today, 10)),
    [`pledge.${fo.members[0]!.id}`]: "1,200",
    [`pledge.${fo.members[1]!.id}`]: "800",
    ...site,
  };
}

describe("the production site of each pledge", () => {
  it("is saved beside the pledge, shown again on the draft, and offered the villages of the FO's district", async () => {
    const fo = await createFo({ members: 2 });
    const other = await db.village.findFirstOrThrow({ where: { districtId: fo.village.districtId, id: { not: fo.village.id } } });
    const [a, b] = fo.members;
    const form = await listingForm(fo, { [`area.${a!.id}`]: "0,5", [`site.${a!.id}`]: other.id, [`area.${b!.id}`]: "" });
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form }));
    expect(statusOf(result)).toBe(302);
    const id = locationOf(result)!.split("/")[2]!.split("?")[0]!;
    const pledges = await db.pledge.findMany({ where: { listingId: id }, orderBy: { kg: "desc" } });
    expect(pledges.map((p) => [p.kg, p.areaM2, p.siteVillageId])).toEqual([
      [1200, 5_000, other.id],
      [800, null, null],
    ]);
    const edit = dataOf<{ values: Record<string, string> }>(
      await call(editLoader, await request(`/listings/${id}/edit`, { userId: fo.leader.id }), { listingId: id }),
    );
    expect(edit.values[`area.${a!.id}`]).toBe("0.5");
    expect(edit.values[`site.${a!.id}`]).toBe(other.id);
    const page = dataOf<{ form: { siteVillages: { value: string }[] } }>(
      await call(newLoader, await request(`/listings/new?organisationId=${fo.organisation.id}`, { userId: fo.leader.id })),
    );
    const inDistrict = await db.village.count({ where: { districtId: fo.village.districtId } });
    expect(page.form.siteVillages).toHaveLength(inDistrict);
    expect(page.form.siteVillages.map((v) => v.value)).toContain(other.id);
  });

  it("refuses a pledge above what the area can plausibly grow, and a village that does not exist; nothing is written", async () => {
    const fo = await createFo({ members: 2 });
    const [a, b] = fo.members;
    // 1,200 kg of maize on 0.1 ha is 12 t/ha: more than the 8 t/ha plausible.
    const form = await listingForm(fo, { [`area.${a!.id}`]: "0.1", [`site.${b!.id}`]: "no-such-village", [`area.${b!.id}`]: "1" });
    const result = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form }));
    expect(statusOf(result)).toBe(400);
    expect(dataOf<{ fieldErrors: Record<string, string> }>(result).fieldErrors).toEqual({
      [`pledge.${a!.id}`]: "listings:errors.aboveYield",
      [`site.${b!.id}`]: "validation:invalidChoice",
    });
    expect(await db.listing.count({ where: { organisationId: fo.organisation.id } })).toBe(0);
  });

  it("is frozen into a forward contract's clause 2 and annex", async () => {
    const fo = await createFo({ members: 2 });
    const [a] = fo.members;
    const form = await listingForm(fo, { [`area.${a!.id}`]: "1.5" });
    const created = await call(newAction, await request("/listings/new", { userId: fo.leader.id, form }));
    const id = locationOf(created)!.split("/")[2]!.split("?")[0]!;
    await db.organisation.update({ where: { id: fo.organisation.id }, data: { status: "verified" } });
    const published = await publishListing(db, fo.leader, id);
    expect(published.ok).toBe(true);
    const trader = await createCompany();
    const made = await makeOffer(
      db,
      trader.trader,
      { listingId: id, companyId: trader.company.id },
      await offerTerms({ templateCode: "forward_fixed", quantityKg: "2000" }),
    );
    if (!made.ok) throw new Error(JSON.stringify(made));
    const accepted = await acceptOffer(db, fo.leader, made.offerId, 1);
    if (!accepted.ok || !accepted.contractId) throw new Error(JSON.stringify(accepted));
    const contract = await readContract(accepted.contractId);
    const snapshot = JSON.parse(contract.snapshot) as ContractSnapshot;
    expect(snapshot.members?.find((m) => m.name === a!.name)?.site).toEqual({ village: { lo: fo.village.nameLo, en: fo.village.nameEn }, areaM2: 15_000 });
    expect(contract.textEn).toContain(`Production site: the members' fields in ${fo.village.nameEn} (1.50 ha); 1.50 ha in all`);
    expect(contract.textEn).toContain(`${a!.name}; woman; ${fo.village.nameEn}; 1,200 kg; field: ${fo.village.nameEn}, 1.50 ha`);
    expect(contract.textLo).toContain(`ໄຮ່ນາ: ${fo.village.nameLo}, 1,50 ເຮັກຕາ`);
  });
});
