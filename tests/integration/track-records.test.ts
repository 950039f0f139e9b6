import { describe, expect, it } from "vitest";
import { confirmPayment, recordPayment } from "~/domain/payments/contract-payments.server";
import { confirmDelivery, recordDelivery } from "~/domain/deliveries/deliveries.server";
import { raiseDispute, resolveDispute } from "~/domain/disputes/disputes.server";
import type { TrackRecordView } from "~/domain/track-records/track-record";
import { loader as companyLoader } from "~/routes/companies/detail";
import { loader as organisationLoader } from "~/routes/organisations/detail";
import { addDays, startOfLaoDay, toLaoDateInput } from "~/utils/dates";
import { db } from "~/utils/db.server";
import type { Role } from "~/utils/roles";
import { call, createUser, dataOf, locationOf, request, statusOf } from "../fixtures/app";
import { contractInForce, type Company, type Fo } from "../fixtures/contracts";
import { createCompany, createFo } from "../fixtures/market";

const as = (user: { id: string }, ...roles: Role[]) => ({ id: user.id, roles });
const laoDay = (date: Date) => startOfLaoDay(toLaoDateInput(date))!;
const ago = (days: number) => laoDay(addDays(new Date(), -days));

/** A contract between the FO and the company, offered, accepted and signed 41 days ago, to deliver 25 days ago. */
async function signedContract(fo: Fo, trader: Company) {
  const since = addDays(new Date(), -41);
  const terms = {
    priceLakPerKg: "3100",
    quantityKg: "3000",
    paymentDays: "7",
    deliveryDate: toLaoDateInput(ago(25)),
    validUntil: toLaoDateInput(addDays(since, 5)),
  };
  return (await contractInForce({ fo, trader, terms, at: since })).contract;
}

/** 1,000 kg at standard moisture delivered `deliveredDaysAgo` and confirmed; 3,100,000 LAK paid `paidDaysAgo` and confirmed. */
async function deliveredAndPaid(fo: Fo, trader: Company, contractId: string, deliveredDaysAgo: number, paidDaysAgo: number) {
  const foActor = as(fo.leader, "fo_leader");
  const traderActor = as(trader.trader, "trader");
  const recorded = await recordDelivery(db, foActor, contractId, {
    deliveredOn: ago(deliveredDaysAgo),
    grossKg: 1000,
    moisturePermille: 140,
    gradeCode: "G1",
    foreignMatterPermille: null,
    measuredBy: "A",
    instrument: "B",
  });
  if (!recorded.ok) throw new Error(JSON.stringify(recorded));
  expect(await confirmDelivery(db, traderActor, recorded.deliveryId)).toMatchObject({ ok: true });
  const paid = await recordPayment(db, traderActor, contractId, { amountLak: 3_100_000n, paidOn: ago(paidDaysAgo), method: "bank_transfer", reference: null });
  if (!paid.ok) throw new Error(JSON.stringify(paid));
  expect(await confirmPayment(db, foActor, paid.paymentId)).toMatchObject({ ok: true });
}

type CompanyPage = { company: { name: string; licenceNumber: string; province: string; status: string }; record: TrackRecordView };
type OrganisationPage = {
  organisation: { name: string; type: string; village: string; district: string; status: string; activeMembers: number };
  record: TrackRecordView;
};

describe("track records", () => {
  it("derive each party's figures from two contracts, one paid on time and one late", async () => {
    const fo = await createFo();
    const trader = await createCompany();
    const onTime = await signedContract(fo, trader);
    const late = await signedContract(fo, trader);
    // Delivered 30 days ago, due 23 days ago: paid 25 days ago (on time) and 20 days ago (3 days late).
    await deliveredAndPaid(fo, trader, onTime.id, 30, 25);
    await deliveredAndPaid(fo, trader, late.id, 30, 20);
    // The FO raises a dispute on the late one, settled by the district's facilitator; the trader raises one still open.
    const facilitator = await createUser({ roles: ["facilitator"] });
    await db.facilitatorDistrict.create({ data: { userId: facilitator.id, districtId: late.districtId } });
    const byFo = await raiseDispute(db, as(fo.leader, "fo_leader"), late.id, { category: "late_payment", statement: "Paid three days late." });
    if (!byFo.ok) throw new Error(JSON.stringify(byFo));
    expect(await resolveDispute(db, as(facilitator, "facilitator"), byFo.disputeId, { outcome: "The trader apologised; no penalty." })).toMatchObject({
      ok: true,
    });
    expect(await raiseDispute(db, as(trader.trader, "trader"), onTime.id, { category: "moisture_quality", statement: "Wet lot." })).toMatchObject({ ok: true });
    // Another company's and an unsigned contract are not part of the record.
    await signedContract(fo, await createCompany());
    const visitor = await createUser({ roles: ["fo_leader"], locale: "en" });

    const page = dataOf<CompanyPage>(
      await call(companyLoader, await request(`/companies/${trader.company.id}`, { userId: visitor.id }), { companyId: trader.company.id }),
    );
    expect(page.company).toMatchObject({ name: trader.company.name, licenceNumber: trader.company.licenceNumber, province: "Oudomxay", status: "verified" });
    expect(page.record).toEqual({
      party: "trader",
      contractsSigned: 2,
      inForce: 2,
      completed: 0,
      contractedKg: 6000,
      deliveredKg: 2000,
      fulfilment: { contracts: 2, contractedKg: 6000, deliveredKg: 2000, percentTenths: 333 },
      payments: { countedLak: "6200000", onTimeLak: "3100000", percentTenths: 500, lateDeliveries: 1, stillUnpaid: 0, averageDaysLateTenths: 30 },
      deliveries: { confirmed: 2, contested: 0, awaiting: 0 },
      households: { contracts: 0, pledging: 0, short: 0, shortKg: 0 },
      disputes: { raisedBy: { total: 1, resolved: 0, open: 1 }, raisedAgainst: { total: 1, resolved: 1, open: 0 } },
    });

    await db.member.update({ where: { id: fo.members[0]!.id }, data: { active: false } });
    const foPage = dataOf<OrganisationPage>(
      await call(organisationLoader, await request(`/organisations/${fo.organisation.id}`, { userId: trader.trader.id }), {
        organisationId: fo.organisation.id,
      }),
    );
    expect(foPage.organisation).toMatchObject({ name: fo.organisation.nameLo, type: "cooperative", district: "ແບ່ງ", status: "verified", activeMembers: 2 });
    expect(JSON.stringify(foPage)).not.toContain(fo.members[1]!.name);
    expect(foPage.record).toMatchObject({
      party: "fo",
      contractsSigned: 3,
      contractedKg: 9000,
      deliveredKg: 2000,
      fulfilment: { contracts: 3, contractedKg: 9000, deliveredKg: 2000, percentTenths: 222 },
      deliveries: { confirmed: 2, contested: 0, awaiting: 0 },
      households: { contracts: 0, pledging: 0, short: 0, shortKg: 0 },
      disputes: { raisedBy: { total: 1, resolved: 1, open: 0 }, raisedAgainst: { total: 1, resolved: 0, open: 1 } },
    });
  });

  it("shows an empty record, 404 for an unknown id, and sends anonymous visitors to sign in", async () => {
    const fo = await createFo();
    const trader = await createCompany({ status: "pending" });
    const user = await createUser();
    const page = dataOf<CompanyPage>(
      await call(companyLoader, await request(`/companies/${trader.company.id}`, { userId: user.id }), { companyId: trader.company.id }),
    );
    expect(page.company.status).toBe("pending");
    expect(page.record).toMatchObject({
      contractsSigned: 0,
      fulfilment: { percentTenths: null },
      payments: { percentTenths: null, averageDaysLateTenths: null },
    });

    expect(statusOf(await call(companyLoader, await request("/companies/nope", { userId: user.id }), { companyId: "nope" }))).toBe(404);
    expect(statusOf(await call(organisationLoader, await request("/organisations/nope", { userId: user.id }), { organisationId: "nope" }))).toBe(404);

    const anonymous = await call(organisationLoader, await request(`/organisations/${fo.organisation.id}`), { organisationId: fo.organisation.id });
    expect(statusOf(anonymous)).toBe(302);
    expect(locationOf(anonymous)).toBe(`/login?redirectTo=${encodeURIComponent(`/organisations/${fo.organisation.id}`)}`);
    expect(statusOf(await call(companyLoader, await request(`/companies/${trader.company.id}`), { companyId: trader.company.id }))).toBe(302);
  });
});
