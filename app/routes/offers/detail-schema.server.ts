import { z } from "zod";
import { choice } from "~/utils/fields";

export const ActionSchema = z.object({
  intent: choice(["accept", "reject", "withdraw", "acceptCounter"]),
  revision: z.coerce.number().int().min(1).catch(0),
  /** "yes" only from the confirmation step: accepting is never one tap. */
  confirmed: z.string().optional(),
});
