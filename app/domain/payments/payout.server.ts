// The member payout sheet of a contract, from its CONFIRMED deliveries. The
// member register is the FO's: only its leaders and the district's
// facilitators may read the sheet. Until the contract is completed the sheet
// is a draft.
//
// Two rules, by how the deliveries were recorded:
// - deliveries made of lots (./household-settlement): each household is paid
//   for its own lots and repays its own inputs; pledges count only for pooled
//   lots;
// - deliveries recorded before lots (none of them has a lot): net kg, input
//   deduction and LAK pro rata to pledges, as they always were (./payout).
// A contract with both counts each delivery before lots as one pooled lot
// whose input deduction was the FO's own.
//
// A contract written in baht or yuan is paid out in kip: every amount of each
// confirmed delivery is converted at the named rate of its day
// (./payout-currency); without a rate for every day the sheet has no amounts
// and stays a draft.
import type { Db, Tx } from "~/utils/db.server";
import { addDays } from "~/utils/dates";
import { inKip, payoutConversion, type PayoutConversion } from "./payout-currency";
import { householdPayout, type HouseholdRow, type SettledDelivery } from "./household-settlement";
import { inputBalances, inputEvents } from "../inputs/input-handovers.server";
import { payoutSheet, type PayoutSheet } from "./payout";
import type { ContractSnapshot, SnapshotCurrency } from "../contracts/snapshot";
import type { ContentMeasure } from "../contracts/content";

export interface HouseholdSheetRow extends HouseholdRow {
  name: string;
  /** own inputs repaid in cash outside the deliveries (./input-cash.server); not part of what the sheet pays */
  cashRepaidLak: bigint;
  /** own inputs still owed today (0 when none were handed to the household) */
  stillOwedLak: bigint;
}

export interface HouseholdSheet {
  rows: HouseholdSheetRow[];
  totals: Omit<HouseholdRow, "memberId"> & { cashRepaidLak: bigint; stillOwedLak: bigint };
  /** the contract's content measure: the sheet shows each household's own content adjustment; null: no such column */
  content: ContentMeasure | null;
}

export interface PayoutReport {
  /** by pledge: null when nobody pledged more than 0 kg, or when the deliveries have lots */
  sheet: PayoutSheet | null;
  /** by household: when any confirmed delivery has lots */
  households: HouseholdSheet | null;
  confirmedDeliveries: number;
  /** deliveries not yet confirmed (recorded or contested): not on the sheet */
  otherDeliveries: number;
  draft: boolean;
  /** a contract in baht or yuan: the rate each delivery was converted at, or the days without one; null for kip */
  conversion: PayoutConversion | null;
}

/** The exchange-rate clause of a contract, from its snapshot or (when not given) its stored document; null for kip. */
async function currencyTermsOf(db: Db | Tx, contract: { id: string; currency?: string }, snapshot?: ContractSnapshot): Promise<SnapshotCurrency | null> {
  if (snapshot) return snapshot.currency ?? null;
  const currency = contract.currency ?? (await db.contract.findUniqueOrThrow({ where: { id: contract.id }, select: { currency: true } })).currency;
  if (currency === "LAK") return null;
  const doc = await db.contractDocument.findUniqueOrThrow({ where: { contractId: contract.id }, select: { snapshot: true } });
  const terms = (JSON.parse(doc.snapshot) as ContractSnapshot).currency;
  if (!terms) throw new Error(`Contract ${contract.id} is in ${currency} without an exchange-rate clause`);
  return terms;
}

export async function payoutFor(
  db: Db | Tx,
  contract: { id: string; listingId: string; status: string; currency?: string },
  snapshot?: ContractSnapshot,
  now = new Date(),
): Promise<PayoutReport> {
  const [pledges, deliveries] = await Promise.all([
    db.pledge.findMany({
      where: { listingId: contract.listingId },
      orderBy: [{ member: { name: "asc" } }, { id: "asc" }],
      select: { kg: true, member: { select: { id: true, name: true } } },
    }),
    db.delivery.findMany({
      where: { contractId: contract.id },
      select: {
        status: true,
        deliveredOn: true,
        netKg: true,
        amountDueLak: true,
        inputDeductionLak: true,
        lotCount: true,
        lots: {
          select: { memberId: true, netKg: true, amountLak: true, moistureDeductedKg: true, foreignMatterDeductedKg: true, contentAdjustmentLak: true },
        },
        inputRepayments: { select: { memberId: true, amountLak: true } },
      },
    }),
  ]);
  const recorded = deliveries.filter((d) => d.status === "confirmed");
  const base = {
    confirmedDeliveries: recorded.length,
    otherDeliveries: deliveries.length - recorded.length,
    draft: contract.status !== "completed",
    conversion: null as PayoutConversion | null,
  };
  const currencyTerms = await currencyTermsOf(db, contract, snapshot);
  let confirmed = recorded;
  if (currencyTerms) {
    const days = recorded.map((d) => d.deliveredOn);
    const rates = days.length
      ? await db.exchangeRate.findMany({
          where: {
            currency: currencyTerms.code,
            sourceKind: currencyTerms.rateSourceKind,
            sourceName: currencyTerms.rateSourceName,
            // a day either side: figureForDay counts calendar days in Laos
            observedOn: { gte: addDays(new Date(Math.min(...days.map(Number))), -1), lte: addDays(new Date(Math.max(...days.map(Number))), 1) },
          },
          select: { currency: true, sourceKind: true, sourceName: true, lakPerHundred: true, observedOn: true, createdAt: true },
        })
      : [];
    const conversion = payoutConversion(currencyTerms, days, rates);
    if (!conversion.complete) return { sheet: null, households: null, ...base, draft: true, conversion };
    base.conversion = conversion;
    confirmed = recorded.map((d, i) => ({
      ...d,
      amountDueLak: inKip(conversion, i, d.amountDueLak),
      inputDeductionLak: inKip(conversion, i, d.inputDeductionLak),
      lots: d.lots.map((l) => ({ ...l, amountLak: inKip(conversion, i, l.amountLak) })),
      inputRepayments: d.inputRepayments.map((r) => ({ ...r, amountLak: inKip(conversion, i, r.amountLak) })),
    }));
  }

  if (!confirmed.some((d) => d.lotCount > 0)) {
    const netKg = confirmed.reduce((s, d) => s + d.netKg, 0);
    const inputDeductionLak = confirmed.reduce((s, d) => s + d.inputDeductionLak, 0n);
    const payableLak = confirmed.reduce((s, d) => s + d.amountDueLak - d.inputDeductionLak, 0n);
    const sheet = pledges.some((p) => p.kg > 0)
      ? payoutSheet({ pledges: pledges.map((p) => ({ memberId: p.member.id, name: p.member.name, kg: p.kg })), netKg, payableLak, inputDeductionLak })
      : null;
    return { sheet, households: null, ...base };
  }

  const settled: SettledDelivery[] = confirmed.map((d) => {
    if (d.lotCount === 0)
      return {
        lots: [{ memberId: null, netKg: d.netKg, amountLak: d.amountDueLak, deductedKg: 0 }],
        repaidByMember: new Map(),
        poolRepaidLak: d.inputDeductionLak,
      };
    const repaidByMember = new Map<string, bigint>();
    let poolRepaidLak = 0n;
    for (const r of d.inputRepayments) {
      if (r.memberId === null) poolRepaidLak += r.amountLak;
      else repaidByMember.set(r.memberId, (repaidByMember.get(r.memberId) ?? 0n) + r.amountLak);
    }
    return {
      lots: d.lots.map((l) => ({
        memberId: l.memberId,
        netKg: l.netKg,
        amountLak: l.amountLak,
        deductedKg: l.moistureDeductedKg + l.foreignMatterDeductedKg,
        contentLak: l.contentAdjustmentLak,
      })),
      repaidByMember,
      poolRepaidLak,
    };
  });

  const events = await inputEvents(db, contract.id);
  const names = new Map(pledges.map((p) => [p.member.id, p.member.name]));
  const extraIds = new Set<string>();
  for (const d of confirmed) for (const l of d.lots) if (l.memberId && !names.has(l.memberId)) extraIds.add(l.memberId);
  for (const h of events.handovers) if (!names.has(h.memberId)) names.set(h.memberId, h.member.name);
  if (extraIds.size)
    for (const m of await db.member.findMany({ where: { id: { in: [...extraIds] } }, select: { id: true, name: true } })) names.set(m.id, m.name);

  const balances = snapshot ? inputBalances(snapshot, events, now) : null;
  const cashByMember = new Map<string, bigint>();
  for (const c of events.cash) cashByMember.set(c.memberId, (cashByMember.get(c.memberId) ?? 0n) + c.amountLak);
  const rows = householdPayout(
    settled,
    pledges.map((p) => ({ memberId: p.member.id, kg: p.kg })),
    [...names.keys()],
  )
    .map((r): HouseholdSheetRow => ({
      ...r,
      name: names.get(r.memberId) ?? "",
      cashRepaidLak: cashByMember.get(r.memberId) ?? 0n,
      stillOwedLak: balances?.byMember.get(r.memberId)?.owedLak ?? 0n,
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
  const totals = rows.reduce(
    (t, r) => ({
      pledgedKg: t.pledgedKg + r.pledgedKg,
      ownNetKg: t.ownNetKg + r.ownNetKg,
      ownDeductedKg: t.ownDeductedKg + r.ownDeductedKg,
      ownContentLak: t.ownContentLak + r.ownContentLak,
      pooledNetKg: t.pooledNetKg + r.pooledNetKg,
      netKg: t.netKg + r.netKg,
      grossLak: t.grossLak + r.grossLak,
      inputRepaidLak: t.inputRepaidLak + r.inputRepaidLak,
      commonInputLak: t.commonInputLak + r.commonInputLak,
      payableLak: t.payableLak + r.payableLak,
      cashRepaidLak: t.cashRepaidLak + r.cashRepaidLak,
      stillOwedLak: t.stillOwedLak + r.stillOwedLak,
    }),
    {
      pledgedKg: 0,
      ownNetKg: 0,
      ownDeductedKg: 0,
      ownContentLak: 0n,
      pooledNetKg: 0,
      netKg: 0,
      grossLak: 0n,
      inputRepaidLak: 0n,
      commonInputLak: 0n,
      payableLak: 0n,
      cashRepaidLak: 0n,
      stillOwedLak: 0n,
    },
  );
  const content = snapshot?.terms.content?.measure ?? null;
  return { sheet: null, households: { rows, totals, content }, ...base };
}
