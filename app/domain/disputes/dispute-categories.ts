// What a dispute on a contract can be about, and the forms that raise, answer,
// mediate and settle one. No database here: the page and the domain functions
// share these schemas, so the browser and the server agree on what is valid.
import { z } from "zod";
import { choice, idField, requiredText } from "~/utils/fields";

export const disputeCategories = ["price", "weight", "moisture_quality", "late_payment", "non_delivery", "side_selling", "other"] as const;
export type DisputeCategory = (typeof disputeCategories)[number];

/** The two sides of a contract that can raise or answer a dispute. */
export const disputeParties = ["fo", "trader"] as const;
export type DisputeParty = (typeof disputeParties)[number];

/** open → answered (by the other side, once) → resolved (by a facilitator of the district). */
export const disputeStatuses = ["open", "answered", "resolved"] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const unresolvedDisputeStatuses = ["open", "answered"] as const satisfies readonly DisputeStatus[];

/** A dispute entry: the other side's answer, a mediation note, the outcome. */
export type DisputeEntryKind = "answer" | "mediation" | "outcome";

export const DISPUTE_TEXT_MAX = 2000;

export function otherParty(party: DisputeParty): DisputeParty {
  return party === "fo" ? "trader" : "fo";
}

export function isDisputeCategory(value: string): value is DisputeCategory {
  return (disputeCategories as readonly string[]).includes(value);
}

export const RaiseDisputeSchema = z.object({
  category: choice(disputeCategories),
  statement: requiredText(DISPUTE_TEXT_MAX),
  /** only needed when the user acts for both sides of the contract */
  party: choice(disputeParties).optional(),
});

export const AnswerDisputeSchema = z.object({
  disputeId: idField,
  answer: requiredText(DISPUTE_TEXT_MAX),
});

export const MediationNoteSchema = z.object({
  disputeId: idField,
  note: requiredText(DISPUTE_TEXT_MAX),
});

export const ResolveDisputeSchema = z.object({
  disputeId: idField,
  outcome: requiredText(DISPUTE_TEXT_MAX),
  /** the dispute's version when the facilitator read it: a newer one means someone acted first */
  version: z.coerce.number({ error: "validation:invalid" }).int().min(0).optional(),
});

export const DisputeIntentSchema = z.object({ intent: choice(["raise", "answer", "mediate", "resolve"]) });
export type DisputeIntent = z.output<typeof DisputeIntentSchema>["intent"];
