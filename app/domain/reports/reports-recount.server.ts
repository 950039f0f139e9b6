// The programme report recounted from every record in the period (see
// ./aggregate for what each figure means): the reference the report the pages
// show (./reports.server, from summaries kept with the records) is tested
// against. It reads every contract, member and delivery of the period, so no
// page calls it.
import { asRecordStatus, payableOf } from "~/domain/contracts/completion.server";
import type { Db } from "~/utils/db.server";
import type { ReportScope } from "./reports.server";
import { assembleReport, REPORT_CONTRACT_STATUSES, type ContractFact, type DeliveryFact, type ProgrammeReport } from "./aggregate";
import { rangeInstants, type ReportRange } from "./period";

const cropFact = (crop: { code: string; nameLo: string; nameEn: string }) => ({ code: crop.code, name: { lo: crop.nameLo, en: crop.nameEn } });

const inScope = (scope: ReportScope) => (scope.districtIds ? { in: scope.districtIds } : undefined);

export async function programmeReportFromRecords(db: Db, scope: ReportScope, range: ReportRange, now = new Date()): Promise<ProgrammeReport> {
  const { start, end } = rangeInstants(range);
  const districtId = inScope(scope);
  const [districts, contracts, deliveries] = await Promise.all([
    db.district.findMany({
      where: districtId ? { id: districtId } : {},
      orderBy: [{ province: { nameEn: "asc" } }, { nameEn: "asc" }],
      select: { id: true, nameLo: true, nameEn: true, province: { select: { nameLo: true, nameEn: true } } },
    }),
    db.contract.findMany({
      where: { status: { in: [...REPORT_CONTRACT_STATUSES] }, activatedAt: { gte: start, lte: end }, ...(districtId ? { districtId } : {}) },
      orderBy: { activatedAt: "asc" },
      select: {
        id: true,
        districtId: true,
        organisationId: true,
        quantityKg: true,
        paymentDays: true,
        advanceLak: true,
        crop: { select: { code: true, nameLo: true, nameEn: true } },
        valueLak: true,
        activatedAt: true,
        listing: {
          select: {
            pledges: {
              where: { kg: { gt: 0 } },
              select: { member: { select: { id: true, memberSex: true, householdHeadSex: true, birthYear: true } } },
            },
          },
        },
        deliveries: { orderBy: [{ deliveredOn: "asc" }, { createdAt: "asc" }], select: { deliveredOn: true, amountDueLak: true, inputDeductionLak: true, status: true } },
        payments: { orderBy: [{ paidOn: "asc" }, { createdAt: "asc" }], select: { amountLak: true, paidOn: true, status: true } },
      },
    }),
    db.delivery.findMany({
      where: { status: "confirmed", deliveredOn: { gte: start, lte: end }, ...(districtId ? { contract: { districtId } } : {}) },
      select: { netKg: true, amountDueLak: true, deliveredOn: true, contract: { select: { id: true, districtId: true, crop: { select: { code: true, nameLo: true, nameEn: true } } } } },
    }),
  ]);

  const contractFacts: ContractFact[] = contracts.map((c) => {
    return {
      id: c.id,
      districtId: c.districtId,
      organisationId: c.organisationId,
      crop: cropFact(c.crop),
      quantityKg: c.quantityKg,
      valueLak: c.valueLak,
      activatedAt: c.activatedAt!,
      members: c.listing.pledges.map((p) => p.member),
      ledger: {
        paymentDays: c.paymentDays,
        advanceLak: c.advanceLak,
        deliveries: c.deliveries.map((d) => ({ payableLak: payableOf(d), deliveredOn: d.deliveredOn, status: asRecordStatus(d.status) })),
        payments: c.payments.map((p) => ({ amountLak: p.amountLak, paidOn: p.paidOn, status: asRecordStatus(p.status) })),
      },
    };
  });

  const deliveryFacts: DeliveryFact[] = deliveries.map((d) => ({
    districtId: d.contract.districtId,
    crop: cropFact(d.contract.crop),
    netKg: d.netKg,
    amountDueLak: d.amountDueLak,
    deliveredOn: d.deliveredOn,
  }));

  return assembleReport(
    {
      districts: districts.map((d) => ({ id: d.id, name: { lo: d.nameLo, en: d.nameEn }, province: { lo: d.province.nameLo, en: d.province.nameEn } })),
      contracts: contractFacts,
      deliveries: deliveryFacts,
    },
    range,
    now,
  );
}
