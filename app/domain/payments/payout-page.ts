// The payout sheet as its page shows it: the parties, each member's (or
// household's) figures with amounts as decimal strings, the totals they add up
// to, and the named rate of each delivery day for a contract not in kip.
import type { ContractSnapshot } from "~/domain/contracts/snapshot";
import type { Locale } from "~/utils/i18n";
import type { HouseholdSheetRow, payoutFor } from "./payout.server";

type PayoutReport = Awaited<ReturnType<typeof payoutFor>>;

export function payoutPageOf(
  report: PayoutReport,
  contract: { id: string; number: string; status: string },
  snapshot: ContractSnapshot,
  locale: Locale,
  printedAt: Date,
) {
  const h = report.households;
  const householdAmounts = (r: Omit<HouseholdSheetRow, "memberId" | "name">) => ({
    pledgedKg: r.pledgedKg,
    ownNetKg: r.ownNetKg,
    pooledNetKg: r.pooledNetKg,
    ownDeductedKg: r.ownDeductedKg,
    ownContentLak: r.ownContentLak.toString(),
    netKg: r.netKg,
    grossLak: r.grossLak.toString(),
    inputRepaidLak: r.inputRepaidLak.toString(),
    commonInputLak: r.commonInputLak.toString(),
    payableLak: r.payableLak.toString(),
    cashRepaidLak: r.cashRepaidLak.toString(),
    stillOwedLak: r.stillOwedLak.toString(),
  });
  const sheet = report.sheet;
  const amounts = (r: { netKg: number; grossLak: bigint; inputDeductionLak: bigint; payableLak: bigint }) => ({
    netKg: r.netKg,
    grossLak: r.grossLak.toString(),
    inputDeductionLak: r.inputDeductionLak.toString(),
    payableLak: r.payableLak.toString(),
  });
  return {
    contract: { id: contract.id, number: contract.number, status: contract.status },
    parties: {
      fo: snapshot.fo.name[locale],
      trader: snapshot.trader.name,
      crop: `${snapshot.crop.name[locale]}, ${snapshot.grade.name[locale]}`,
    },
    draft: report.draft,
    confirmedDeliveries: report.confirmedDeliveries,
    otherDeliveries: report.otherDeliveries,
    rows: sheet ? sheet.rows.map((r) => ({ memberId: r.memberId, name: r.name, pledgedKg: r.pledgedKg, ...amounts(r) })) : null,
    totals: sheet ? { pledgedKg: sheet.totals.pledgedKg, ...amounts(sheet.totals) } : null,
    households: h
      ? { rows: h.rows.map((r) => ({ memberId: r.memberId, name: r.name, ...householdAmounts(r) })), totals: householdAmounts(h.totals), content: h.content }
      : null,
    inputs: snapshot.terms.inputValueLak !== null,
    conversion: report.conversion
      ? {
          currency: report.conversion.currency,
          source: report.conversion.rateSourceName,
          complete: report.conversion.complete,
          days: report.conversion.days.map((c) => ({
            day: c.day.toISOString(),
            rate: c.rate ? { lakPerHundred: c.rate.lakPerHundred, observedOn: c.rate.observedOn.toISOString(), source: c.rate.sourceName } : null,
          })),
        }
      : null,
    printedAt: printedAt.toISOString(),
  };
}

export type PayoutPage = ReturnType<typeof payoutPageOf>;
