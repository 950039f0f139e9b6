// The delivery form's own fields and the answer form (confirm or contest),
// and what a delivery is recorded from: its lots (./lot-form reads the grade
// sheet) or, as deliveries were recorded before lots, one measurement.
import { z } from "zod";
import { laoDateField, requiredText, wholeNumberField } from "~/utils/fields";
import type { LotMeasure } from "./lots";
import type { RefusedLotInput } from "./refused-lots";

/** The delivery's own fields; its lots come from the grade sheet (./lot-form). */
export const DeliveryFormSchema = z.object({
  deliveredOn: laoDateField,
  bagGrams: wholeNumberField(0, 5_000),
  measuredBy: requiredText(120),
  instrument: requiredText(120),
});

export const AnswerFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("confirm"), id: requiredText(64) }),
  z.object({ intent: z.literal("contest"), id: requiredText(64), reason: requiredText(500) }),
]);

export interface LotDeliveryInput {
  deliveredOn: Date;
  measuredBy: string;
  instrument: string;
  lots: readonly LotMeasure[];
  /** lots the buyer refused at the scale, with their reasons; none when absent */
  refusedLots?: readonly RefusedLotInput[];
  /** the token of the form it was sent from (./form-token); null or absent when not sent from a form */
  formToken?: string | null;
}

/** A delivery measured as one: how deliveries were recorded before lots (one lot of the FO's pooled bags, no tare). */
export interface DeliveryInput {
  deliveredOn: Date;
  grossKg: number;
  moisturePermille: number;
  gradeCode: string;
  foreignMatterPermille: number | null;
  measuredBy: string;
  instrument: string;
  formToken?: string | null;
}

export function asLots(input: LotDeliveryInput | DeliveryInput): LotDeliveryInput {
  if ("lots" in input) return input;
  const { grossKg, moisturePermille, gradeCode, foreignMatterPermille, ...rest } = input;
  return { ...rest, lots: [{ memberId: null, bags: 0, bagTareGrams: 0, grossKg, moisturePermille, foreignMatterPermille, gradeCode }] };
}

export function deliveryInputOf(
  v: z.output<typeof DeliveryFormSchema>,
  lots: readonly LotMeasure[],
  formToken: string | null = null,
  refusedLots: readonly RefusedLotInput[] = [],
): LotDeliveryInput {
  return { formToken, deliveredOn: v.deliveredOn, measuredBy: v.measuredBy, instrument: v.instrument, lots, refusedLots };
}
