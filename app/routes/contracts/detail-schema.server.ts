import { z } from "zod";
import { choice } from "~/utils/fields";

export const SignSchema = z.object({
  as: choice(["fo", "trader", "witness"]),
  // An empty password is the domain's to report, beside a missing tick (signContract reports both).
  password: z.string().max(200).catch(""),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "validation:invalid" }),
  confirmRead: z.string().optional(),
});
