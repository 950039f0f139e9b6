/** Rows of the deduction table the offer form shows; blank rows are ignored. */
export const DEDUCTION_ROWS = 5;
