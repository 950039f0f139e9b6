// The export-parity figures the price board shows for one crop: its latest
// export reference (with the margin stated with it) and, for that reference's
// currency, the latest rate of each kind of source (the central bank's and a
// commercial bank's), worked line by line by the pure ./export-parity.
// Three prepared statements, each one row through an index
// (ExportReferencePrice(cropId, observedOn), ExchangeRate(currency,
// sourceKind, observedOn)), whatever the history holds.
import { fromSqlDate, reads } from "~/utils/reads.server";
import { parityLines, rateSourceKinds, type ParityLine, type ParityRate, type ParityReference } from "./export-parity";

export interface ExportParityView {
  reference: ParityReference;
  lines: ParityLine[];
}

type ReferenceRow = Omit<ParityReference, "observedOn"> & { observedOn: string };
type RateRow = Omit<ParityRate, "observedOn"> & { observedOn: string };

/** The crop's export parity, or null when no export reference has been recorded for it; `lines` is empty when no rate is known for its currency. */
export async function readExportParity(cropId: string): Promise<ExportParityView | null> {
  const row = await reads().get<ReferenceRow>(
    `SELECT market, currency, priceHundredthsPerKg, moistureBasisPermille, sourceName, observedOn, marginLakPerKg
     FROM ExportReferencePrice WHERE cropId = ? ORDER BY observedOn DESC, createdAt DESC LIMIT 1`,
    cropId,
  );
  if (!row) return null;
  const reference: ParityReference = { ...row, observedOn: fromSqlDate(row.observedOn) };
  const rates: ParityRate[] = [];
  for (const kind of rateSourceKinds) {
    const rate = await reads().get<RateRow>(
      `SELECT sourceKind, sourceName, lakPerHundred, observedOn
       FROM ExchangeRate WHERE currency = ? AND sourceKind = ? ORDER BY observedOn DESC, createdAt DESC LIMIT 1`,
      reference.currency,
      kind,
    );
    if (rate) rates.push({ ...rate, observedOn: fromSqlDate(rate.observedOn) });
  }
  return { reference, lines: parityLines(reference, rates) };
}
