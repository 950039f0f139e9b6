// Export parity: what a kilogram quoted at a border or export market is worth
// at the farm gate, in LAK. The quotation is in hundredths of its currency per
// kg (985 = 9.85 THB/kg), the exchange rate in LAK per hundred units
// (68350 = 683.50 LAK/THB), so their product is in ten-thousandths of a LAK:
// gross = priceHundredthsPerKg × lakPerHundred / 10,000, rounded half up to a
// whole LAK (the only rounding), and net = gross − the stated logistics margin.
import { assertWholeNumber, divideRoundHalfUp } from "./rounding";

export function exportParityLakPerKg({
  priceHundredthsPerKg,
  lakPerHundred,
  marginLakPerKg,
}: {
  priceHundredthsPerKg: number;
  lakPerHundred: number;
  marginLakPerKg: number;
}): { grossLakPerKg: number; netLakPerKg: number } {
  assertWholeNumber("priceHundredthsPerKg", priceHundredthsPerKg, 1);
  assertWholeNumber("lakPerHundred", lakPerHundred, 1);
  assertWholeNumber("marginLakPerKg", marginLakPerKg);
  const grossLakPerKg = Number(divideRoundHalfUp(BigInt(priceHundredthsPerKg) * BigInt(lakPerHundred), 10_000n));
  return { grossLakPerKg, netLakPerKg: grossLakPerKg - marginLakPerKg };
}
