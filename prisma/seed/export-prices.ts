// Demo export references and exchange rates, so that the price board shows an
// export-parity farm-gate price from the first day.
//
// ASSUMPTIONS BEHIND THE FIGURES (illustrative, to be replaced by the
// facilitators' own entries through the portal; they are NOT published data):
// - Maize: the Thai Ministry of Commerce's feed-corn price at 14.5 % moisture,
//   9.85 THB/kg, with a logistics margin of 2,800 LAK/kg from a Sayabouly or
//   Oudomxay farm gate (drying from harvest moisture, bags, transport to the
//   Thai border and border fees).
// - Job's tears: a border-market price at Mohan (Yunnan), 3.20 CNY/kg, with a
//   margin of 2,200 LAK/kg from an Oudomxay farm gate to the Boten crossing.
// - Rates: the Bank of the Lao PDR's reference rate and a commercial bank's
//   buying rate (lower: the bank buys the foreign currency from the trader),
//   683.50 and 679.00 LAK/THB, 3,045.00 and 3,020.00 LAK/CNY.
// - Dates are midnight UTC a few days back from today, so none is in the future.
//
// Idempotent: nothing is inserted once any export reference exists, so a
// facilitator's entries are never mixed with these.
import type { PrismaClient } from "../../app/generated/prisma/client";

const DAY_MS = 86_400_000;

function daysAgo(days: number): Date {
  const today = new Date();
  return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()) - days * DAY_MS);
}

export async function seedExportPrices(db: PrismaClient, enteredByEmail = "facilitator@demo.la"): Promise<void> {
  if ((await db.exportReferencePrice.count()) > 0) return;
  const facilitator = await db.user.findUnique({ where: { email: enteredByEmail }, select: { id: true } });
  if (!facilitator) return;
  const crops = await db.crop.findMany({ where: { code: { in: ["MAIZE", "JOBS_TEARS"] } }, select: { id: true, code: true } });
  const cropId = (code: string) => crops.find((c) => c.code === code)?.id;
  const enteredById = facilitator.id;

  const maize = cropId("MAIZE");
  if (maize) {
    await db.exportReferencePrice.create({
      data: {
        cropId: maize,
        market: "Thai feed corn, farm and silo price",
        currency: "THB",
        priceHundredthsPerKg: 985,
        moistureBasisPermille: 145,
        sourceName: "Thai Ministry of Commerce, Department of Internal Trade",
        observedOn: daysAgo(3),
        marginLakPerKg: 2_800,
        enteredById,
      },
    });
  }
  const jobsTears = cropId("JOBS_TEARS");
  if (jobsTears) {
    await db.exportReferencePrice.create({
      data: {
        cropId: jobsTears,
        market: "Job's tears, Mohan border market (Yunnan)",
        currency: "CNY",
        priceHundredthsPerKg: 320,
        moistureBasisPermille: null,
        sourceName: "Border-market survey, Namor District Agriculture and Forestry Office",
        observedOn: daysAgo(5),
        marginLakPerKg: 2_200,
        enteredById,
      },
    });
  }
  await db.exchangeRate.createMany({
    data: [
      {
        currency: "THB",
        lakPerHundred: 68_350,
        sourceKind: "bol_reference",
        sourceName: "Bank of the Lao PDR reference rate",
        observedOn: daysAgo(1),
        enteredById,
      },
      { currency: "THB", lakPerHundred: 67_900, sourceKind: "commercial_bank", sourceName: "BCEL buying rate", observedOn: daysAgo(1), enteredById },
      {
        currency: "CNY",
        lakPerHundred: 304_500,
        sourceKind: "bol_reference",
        sourceName: "Bank of the Lao PDR reference rate",
        observedOn: daysAgo(1),
        enteredById,
      },
      { currency: "CNY", lakPerHundred: 302_000, sourceKind: "commercial_bank", sourceName: "BCEL buying rate", observedOn: daysAgo(1), enteredById },
    ],
  });
}
