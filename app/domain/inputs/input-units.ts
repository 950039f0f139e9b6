/** The units an input handover is counted in (translation keys deliveries:inputs.unit.*). */
export const inputUnits = ["kg", "bag", "litre", "packet", "piece"] as const;
export type InputUnit = (typeof inputUnits)[number];
