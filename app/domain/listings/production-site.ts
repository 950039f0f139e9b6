// The production site of a pledge: the area of the member's field and its
// village, as the FO states it when pledging. The Legal Guide on Contract
// Farming asks forward and input-supply contracts to name it, so that a pledge
// can be checked against what the field can plausibly grow: a pledge above the
// area times the crop's plausible yield is refused, with the most the area can
// carry. Area is stored as whole m² (1 ha = 10,000 m²); the form takes hectares
// with at most two decimals (0.01 ha = 100 m²). Pure.

/** The most a hectare plausibly yields in northern Laos, kg (well above the usual, so only a mistyped pledge fails). */
export const PLAUSIBLE_KG_PER_HA: Readonly<Record<string, number>> = {
  // Rain-fed maize in Sayabouly yields 4–6 t/ha; the best fields about 8.
  MAIZE: 8_000,
  JOBS_TEARS: 4_000,
  CASSAVA_FRESH: 40_000,
  // Dried chips are about 40 % of the fresh roots' weight.
  CASSAVA_CHIPS: 16_000,
  SESAME: 1_500,
  PADDY: 6_000,
  CARDAMOM: 500,
  RUBBER_CUP_LUMP: 3_000,
  BANANA: 40_000,
  SUGARCANE: 100_000,
  SOYBEAN: 3_000,
};

export const M2_PER_HA = 10_000;
/** 1,000 ha: more than any household's field. */
export const MAX_AREA_M2 = 1_000 * M2_PER_HA;

/** Hectares as typed ("1.5", "1,25", "2") to whole m²; null when not a number of hectares with at most two decimals. */
export function parseHectares(text: string): number | null {
  const m = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const hundredths = Number(m[1]) * 100 + Number((m[2] ?? "0").padEnd(2, "0"));
  return hundredths * 100;
}

/** m² as hectares for a form field ("1.5" for 15,000 m²). */
export function hectaresInput(areaM2: number): string {
  const hundredths = Math.round(areaM2 / 100);
  const whole = Math.floor(hundredths / 100);
  const part = hundredths % 100;
  return part === 0 ? String(whole) : `${whole}.${String(part).padStart(2, "0").replace(/0$/, "")}`;
}

/** The most kg the area can plausibly carry of the crop; null for a crop without a figure. */
export function plausibleMaxKg(cropCode: string, areaM2: number): number | null {
  const perHa = PLAUSIBLE_KG_PER_HA[cropCode];
  if (perHa === undefined) return null;
  return Math.floor((perHa * areaM2) / M2_PER_HA);
}

/** Whether a pledge is more than its area can plausibly grow. */
export function aboveYield(cropCode: string, kg: number, areaM2: number | undefined): { maxKg: number } | null {
  if (areaM2 === undefined) return null;
  const max = plausibleMaxKg(cropCode, areaM2);
  return max !== null && kg > max ? { maxKg: max } : null;
}
