/** Rows of the deduction table the offer form shows; blank rows are ignored. */
export const DEDUCTION_ROWS = 5;
/** Rows of the foreign-matter schedule the offer form shows. */
export const FOREIGN_MATTER_ROWS = 3;
