// The member payout sheet: how the FO leader shares what a contract paid among
// the households that pledged to it, so members can check their own line and
// the totals. Pure; no database.
//
// THE RULE (printed on the sheet, translation key PAYOUT_RULE_KEY):
// each member's share of the net weight, of the input deduction and of the
// amount payable is proportional to the kg they pledged. Each share is first
// rounded DOWN to a whole kg or LAK; the units left over (fewer than the number
// of members) then go one at a time to the members with the largest remainders
// (the largest-remainder method). On equal remainders the larger pledge comes
// first, then the order of the list. So every column adds up EXACTLY to the
// contract's total, and nobody is more than one unit from their exact share.
// Each member's gross amount is their payable amount plus their input
// deduction (so that column adds up exactly too, and every row reads
// gross − input deduction = payable).
//
// A member who pledged 0 kg gets 0 in every column. At least one member must
// have pledged more than 0 kg. LAK are BigInt throughout: totals may pass 2^53.
import { assertWholeNumber } from "~/domain/prices/rounding";
import { assertAmountLak } from "./payments";

/** Translation key of the rule above, to print on the sheet. */
export const PAYOUT_RULE_KEY = "contractRules:payout.rule";

export interface PayoutPledge {
  memberId: string;
  name: string;
  kg: number;
}

export interface PayoutRow {
  memberId: string;
  name: string;
  pledgedKg: number;
  netKg: number;
  /** payableLak + inputDeductionLak */
  grossLak: bigint;
  inputDeductionLak: bigint;
  payableLak: bigint;
}

export interface PayoutSheet {
  rows: PayoutRow[];
  totals: { pledgedKg: number; netKg: number; grossLak: bigint; inputDeductionLak: bigint; payableLak: bigint };
}

/**
 * Splits a whole `total` among `weights` pro rata, by the largest-remainder
 * method (see the header): the shares add up exactly to `total`.
 */
export function largestRemainderShares(total: bigint, weights: readonly bigint[]): bigint[] {
  if (typeof total !== "bigint" || total < 0n) throw new RangeError("total must be a non-negative BigInt");
  if (weights.length === 0) throw new RangeError("There must be at least one share");
  for (const w of weights) if (typeof w !== "bigint" || w < 0n) throw new RangeError("Weights must be non-negative BigInts");
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum === 0n) throw new RangeError("The weights add up to 0: nothing to share by");
  const shares = weights.map((w) => (total * w) / sum);
  const remainders = weights.map((w) => (total * w) % sum);
  let leftover = total - shares.reduce((s, x) => s + x, 0n);
  const order = weights
    .map((_, i) => i)
    .sort((a, b) => {
      const ra = remainders[a]!;
      const rb = remainders[b]!;
      if (ra !== rb) return ra > rb ? -1 : 1;
      const wa = weights[a]!;
      const wb = weights[b]!;
      if (wa !== wb) return wa > wb ? -1 : 1;
      return a - b;
    });
  // leftover < number of positive remainders, so a 0 weight never gets a unit.
  for (const i of order) {
    if (leftover === 0n) break;
    shares[i]! += 1n;
    leftover -= 1n;
  }
  return shares;
}

export function payoutSheet(input: {
  pledges: readonly PayoutPledge[];
  /** net kg delivered under the contract */
  netKg: number;
  /** what the trader pays the FO, after the input deduction */
  payableLak: bigint;
  /** what was deducted for inputs advanced on credit */
  inputDeductionLak: bigint;
}): PayoutSheet {
  const { pledges, netKg, payableLak, inputDeductionLak } = input;
  if (pledges.length === 0) throw new RangeError("A payout sheet needs at least one pledge");
  for (const p of pledges) assertWholeNumber(`kg pledged by ${p.memberId}`, p.kg);
  assertWholeNumber("netKg", netKg);
  assertAmountLak("payableLak", payableLak);
  assertAmountLak("inputDeductionLak", inputDeductionLak);
  const weights = pledges.map((p) => BigInt(p.kg));
  const pledgedKg = weights.reduce((s, w) => s + w, 0n);
  if (pledgedKg === 0n) throw new RangeError("No member pledged any kg: there is nothing to share by");
  if (pledgedKg > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("The pledges add up to more kg than can be counted exactly");

  const net = largestRemainderShares(BigInt(netKg), weights);
  const payable = largestRemainderShares(payableLak, weights);
  const deduction = largestRemainderShares(inputDeductionLak, weights);
  const rows = pledges.map((p, i): PayoutRow => ({
    memberId: p.memberId,
    name: p.name,
    pledgedKg: p.kg,
    netKg: Number(net[i]!),
    grossLak: payable[i]! + deduction[i]!,
    inputDeductionLak: deduction[i]!,
    payableLak: payable[i]!,
  }));
  return {
    rows,
    totals: {
      pledgedKg: Number(pledgedKg),
      netKg,
      grossLak: payableLak + inputDeductionLak,
      inputDeductionLak,
      payableLak,
    },
  };
}
