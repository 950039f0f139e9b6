// The price tally recomputed from the records themselves, for the check that
// the tally the database keeps (PriceTally, maintained by triggers in the same
// transaction as every price written) equals a full recount. Reads every
// price: for tests and for `npm run db:check-summaries`, never for a page.
import type { Db } from "~/utils/db.server";
import { laoMonthKey } from "./price-board";
import { contractPriceStatuses, referenceSources } from "./price-board.server";
import type { TallyRow } from "./price-tally";

const key = (r: Omit<TallyRow, "count">) => `${r.kind}|${r.place}|${r.month}|${r.priceLakPerKg}`;

function add(into: Map<string, TallyRow & { cropId: string }>, row: Omit<TallyRow, "count"> & { cropId: string }) {
  const k = `${row.cropId}|${key(row)}`;
  const found = into.get(k);
  if (found) found.count += 1;
  else into.set(k, { ...row, count: 1 });
}

export type CropTallyRow = TallyRow & { cropId: string };

/** Every tally row the records imply, sorted. */
export async function recountPriceTally(db: Db): Promise<CropTallyRow[]> {
  const [references, contracts] = await Promise.all([
    db.referencePrice.findMany({
      where: { source: { in: [...referenceSources] } },
      select: { cropId: true, districtId: true, provinceId: true, observedOn: true, priceLakPerKg: true },
    }),
    db.contract.findMany({
      // Prices in baht or yuan are not kip: the tally leaves them out (decision 0021).
      where: { status: { in: [...contractPriceStatuses] }, activatedAt: { not: null }, currency: "LAK" },
      select: { cropId: true, districtId: true, activatedAt: true, priceLakPerKg: true },
    }),
  ]);
  const rows = new Map<string, CropTallyRow>();
  for (const r of references)
    add(rows, {
      cropId: r.cropId,
      kind: "reference",
      place: r.districtId ?? (r.provinceId ? `province:${r.provinceId}` : "all"),
      month: laoMonthKey(r.observedOn),
      priceLakPerKg: r.priceLakPerKg,
    });
  for (const c of contracts)
    add(rows, { cropId: c.cropId, kind: "contract", place: c.districtId, month: laoMonthKey(c.activatedAt!), priceLakPerKg: c.priceLakPerKg });
  return sortTally([...rows.values()]);
}

/** The tally as the database keeps it (rows counting nothing left out), sorted. */
export async function storedPriceTally(db: Db): Promise<CropTallyRow[]> {
  const rows = await db.priceTally.findMany({ where: { count: { gt: 0 } } });
  return sortTally(
    rows.map((r) => ({ cropId: r.cropId, kind: r.kind as TallyRow["kind"], place: r.place, month: r.month, priceLakPerKg: r.priceLakPerKg, count: r.count })),
  );
}

function sortTally(rows: CropTallyRow[]): CropTallyRow[] {
  return rows.sort((a, b) => `${a.cropId}|${key(a)}`.localeCompare(`${b.cropId}|${key(b)}`));
}
