// Reading a contract's deliveries for the page: each with its figures and
// their arithmetic, from what was recorded and the contract's frozen terms.
// Deliveries made of lots show the sum of their lots and each lot's own
// lines; deliveries recorded before lots show the figures as they were, the
// input debt re-derived from the contract date to the first delivery.
import type { Prisma } from "~/generated/prisma/client";
import { serialiseLines, type Line } from "~/domain/offers/effective-price";
import type { Db } from "~/utils/db.server";
import { ANSWERABLE_CONTRACT_STATUSES, type contractAccess, type Party } from "../contracts/contract-access.server";
import { basePriceOf, deliveryFigures, inputDebtOn, storedExportFigures } from "./delivery-price.server";
import { householdShortfalls } from "./household-shortfall";
import { computeLot } from "./lots";
import type { RefusalReason } from "./refused-lots";
import type { ContractSnapshot } from "../contracts/snapshot";

const statementInclude = {
  recordedBy: { select: { name: true } },
  answeredBy: { select: { name: true } },
  lots: { orderBy: { position: "asc" }, include: { member: { select: { name: true } } } },
  refusedLots: { orderBy: { position: "asc" }, include: { member: { select: { name: true } } } },
  inputRepayments: { orderBy: [{ memberId: "asc" }], include: { member: { select: { name: true } } } },
} satisfies Prisma.DeliveryInclude;

type StatementRow = Prisma.DeliveryGetPayload<{ include: typeof statementInclude }>;

/** The fields every delivery shows, however it was recorded. */
function recordFields(d: StatementRow, canAnswer: boolean, named: boolean) {
  return {
    refusedLots: d.refusedLots.map((l) => ({
      position: l.position,
      pooled: l.memberId === null,
      memberName: l.memberId === null ? null : named ? (l.member?.name ?? "") : null,
      bags: l.bags,
      grossKg: l.grossKg,
      reason: l.reason as RefusalReason,
      note: l.note,
    })),
    id: d.id,
    deliveredOn: d.deliveredOn.toISOString(),
    grossKg: d.grossKg,
    moisturePermille: d.moisturePermille,
    gradeCode: d.gradeCode,
    foreignMatterPermille: d.foreignMatterPermille,
    contentPermille: d.contentPermille,
    measuredBy: d.measuredBy,
    instrument: d.instrument,
    deductedKg: d.deductedKg,
    netKg: d.netKg,
    priceLakPerKg: d.priceLakPerKg,
    referencePriceLakPerKg: d.referencePriceLakPerKg,
    amountDueLak: d.amountDueLak.toString(),
    inputDeductionLak: d.inputDeductionLak.toString(),
    payableLak: (d.amountDueLak - d.inputDeductionLak).toString(),
    recordedByParty: d.recordedByParty as Party,
    recordedBy: d.recordedBy.name,
    createdAt: d.createdAt.toISOString(),
    status: d.status,
    answeredBy: d.answeredBy?.name ?? null,
    answeredAt: d.answeredAt?.toISOString() ?? null,
    contestReason: d.contestReason,
    canAnswer,
  };
}

/** The arithmetic of a delivery made of lots: the sum of its lots, its price, the inputs repaid, what is payable. */
function lotDeliveryLines(
  snapshot: ContractSnapshot,
  d: StatementRow,
  repayments: readonly { memberName: string | null; amountLak: bigint; interestLak: bigint }[],
): Line[] {
  const lines: Line[] = [
    { key: "deliveries:sumLines.gross", params: { lots: d.lotCount }, kg: d.grossKg },
    { key: "deliveries:sumLines.tare", params: {}, kg: -d.tareKg },
    { key: "deliveries:sumLines.moisture", params: {}, kg: -d.deductedKg },
    { key: "deliveries:sumLines.foreignMatter", params: {}, kg: -d.foreignMatterDeductedKg },
    { key: "deliveries:sumLines.net", params: {}, kg: d.netKg },
    // The figures kept with the delivery, never today's: a reference corrected since does not move it.
    ...basePriceOf(snapshot, d.referencePriceLakPerKg, snapshot.template.priceMechanism === "export_parity_floor" ? storedExportFigures(d) : null).lines,
    { key: "deliveries:sumLines.amount", params: {}, amountLak: d.amountDueLak },
    ...(snapshot.terms.content
      ? [{ key: `deliveries:sumLines.content.${snapshot.terms.content.measure}`, params: {}, amountLak: d.contentAdjustmentLak }]
      : []),
  ];
  if (snapshot.terms.inputValueLak === null) lines.push({ key: "contractRules:lines.inputNone", params: {}, amountLak: 0n });
  else if (repayments.length === 0) lines.push({ key: "deliveries:sumLines.inputNothing", params: {}, amountLak: 0n });
  for (const r of repayments)
    lines.push({
      key: r.memberName === null ? "deliveries:sumLines.inputFo" : "deliveries:sumLines.inputMember",
      params: { name: r.memberName ?? "", interestLak: r.interestLak.toString() },
      amountLak: -r.amountLak,
    });
  lines.push({ key: "contractRules:lines.payable", params: {}, amountLak: d.amountDueLak - d.inputDeductionLak });
  return lines;
}

/** Every delivery of a contract with its figures and their arithmetic, ready for a loader. */
export async function deliveryStatement(db: Db, access: NonNullable<Awaited<ReturnType<typeof contractAccess>>>, actorId: string) {
  const { contract, snapshot, roles } = access;
  const rows: StatementRow[] = await db.delivery.findMany({
    where: { contractId: contract.id },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    include: statementInclude,
  });
  // The member register is the FO's: the trader sees households by their row.
  const named = roles.fo || roles.facilitator;
  const canAnswer = (d: StatementRow) => {
    const answering: Party = d.recordedByParty === "fo" ? "trader" : "fo";
    return d.status === "recorded" && roles[answering] && d.recordedById !== actorId && ANSWERABLE_CONTRACT_STATUSES.includes(contract.status);
  };
  let earlier = 0n;
  let firstDay: Date | null = null;
  const lotDeliveryView = (d: StatementRow) => {
    if (d.status !== "contested") {
      earlier += d.inputDeductionLak;
      if (!firstDay || d.deliveredOn < firstDay) firstDay = d.deliveredOn;
    }
    const repayments = d.inputRepayments.map((r) => ({
      memberName: r.memberId === null ? null : named ? (r.member?.name ?? "") : "—",
      amountLak: r.amountLak,
      interestLak: r.interestLak,
    }));
    const lots = d.lots.map((l) => {
      const figures = computeLot(snapshot.terms, d.priceLakPerKg, l);
      return {
        position: l.position,
        pooled: l.memberId === null,
        memberName: l.memberId === null ? null : named ? (l.member?.name ?? "") : null,
        bags: l.bags,
        grossKg: l.grossKg,
        bagTareGrams: l.bagTareGrams,
        tareKg: l.tareKg,
        moisturePermille: l.moisturePermille,
        foreignMatterPermille: l.foreignMatterPermille,
        gradeCode: l.gradeCode,
        moistureDeductedKg: l.moistureDeductedKg,
        foreignMatterDeductedKg: l.foreignMatterDeductedKg,
        netKg: l.netKg,
        priceLakPerKg: l.priceLakPerKg,
        amountLak: l.amountLak.toString(),
        contentPermille: l.contentPermille,
        contentAdjustmentLak: l.contentAdjustmentLak.toString(),
        aboveTable: "problem" in figures ? false : figures.aboveTable,
        lines: "problem" in figures ? [] : serialiseLines(figures.lines),
      };
    });
    return {
      ...recordFields(d, canAnswer(d), named),
      aboveTable: lots.some((l) => l.aboveTable),
      lines: serialiseLines(lotDeliveryLines(snapshot, d, repayments)),
      inputLines: null,
      lots,
    };
  };
  const views = rows.map((d) => {
    if (d.lotCount > 0) return lotDeliveryView(d);
    let debt = inputDebtOn(snapshot, firstDay && firstDay < d.deliveredOn ? firstDay : d.deliveredOn, earlier);
    let figures = deliveryFigures(snapshot, {
      grossKg: d.grossKg,
      moisturePermille: d.moisturePermille,
      referencePriceLakPerKg: d.referencePriceLakPerKg,
      inputDebtLak: debt?.debtLak ?? 0n,
    });
    // An earlier delivery contested since this one was recorded changes the debt re-derived
    // here; the deduction recorded stands, so the line shows that.
    if (debt && figures.inputDeductionLak !== d.inputDeductionLak) {
      debt = { debtLak: d.inputDeductionLak, lines: debt.lines };
      figures = deliveryFigures(snapshot, {
        grossKg: d.grossKg,
        moisturePermille: d.moisturePermille,
        referencePriceLakPerKg: d.referencePriceLakPerKg,
        inputDebtLak: d.inputDeductionLak,
      });
    }
    if (d.status !== "contested") {
      earlier += d.inputDeductionLak;
      if (!firstDay || d.deliveredOn < firstDay) firstDay = d.deliveredOn;
    }
    return {
      ...recordFields(d, canAnswer(d), named),
      aboveTable: figures.aboveTable,
      lines: serialiseLines(figures.lines),
      inputLines: debt ? serialiseLines(debt.lines) : null,
      lots: null,
    };
  });
  const counted = rows.filter((d) => d.status !== "contested");
  return {
    deliveries: views,
    shortfalls: await shortfallsOf(db, contract.listingId, counted, named),
    totals: {
      grossKg: counted.reduce((s, d) => s + d.grossKg, 0),
      netKg: counted.reduce((s, d) => s + d.netKg, 0),
      payableLak: counted.reduce((s, d) => s + d.amountDueLak - d.inputDeductionLak, 0n).toString(),
    },
  };
}

/**
 * The households that delivered less than they pledged (./household-shortfall),
 * from the deliveries that count; null until a delivery made of lots counts.
 * Names only for those who may read the member register; the trader sees how
 * many and how much. One read of the listing's pledges: bounded by the listing.
 */
async function shortfallsOf(db: Db, listingId: string, counted: readonly StatementRow[], named: boolean) {
  if (!counted.some((d) => d.lotCount > 0)) return null;
  const pledges = await db.pledge.findMany({ where: { listingId }, select: { kg: true, memberId: true, member: { select: { name: true } } } });
  const names = new Map(pledges.map((p) => [p.memberId, p.member.name]));
  const s = householdShortfalls(
    pledges.map((p) => ({ memberId: p.memberId, kg: p.kg })),
    counted.flatMap((d) => d.lots.map((l) => ({ memberId: l.memberId, netKg: l.netKg }))),
    counted.flatMap((d) => d.refusedLots.map((l) => ({ memberId: l.memberId, grossKg: l.grossKg }))),
  );
  return {
    households: s.rows.length,
    pledgingHouseholds: s.pledgingHouseholds,
    shortKg: s.shortKg,
    pooledKg: s.pooledKg,
    refusedKg: s.refusedKg,
    rows: named ? s.rows.map((r) => ({ ...r, name: names.get(r.memberId) ?? "" })) : null,
  };
}
