// Contract numbers run per calendar year in Vientiane: SSJ-2026-0001, -0002, …
// The (year, sequence) pair is unique, so two contracts generated at the same
// moment cannot share a number: the second transaction fails and is retried.
import type { Tx } from "~/utils/db.server";

export function laoYear(now: Date): number {
  return new Date(now.getTime() + 7 * 3600_000).getUTCFullYear();
}

export function formatContractNumber(year: number, sequence: number): string {
  return `SSJ-${year}-${String(sequence).padStart(4, "0")}`;
}

export async function nextContractNumber(tx: Tx, now: Date) {
  const year = laoYear(now);
  const last = await tx.contract.aggregate({ where: { year }, _max: { sequence: true } });
  const sequence = (last._max.sequence ?? 0) + 1;
  return { year, sequence, number: formatContractNumber(year, sequence) };
}
