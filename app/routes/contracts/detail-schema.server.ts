import { z } from "zod";
import { choice } from "~/utils/fields";

export const SignSchema = z.object({
  as: choice(["fo", "trader", "witness"]),
  password: z.string({ error: "validation:required" }).min(1, { error: "validation:required" }).max(200),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: "validation:invalid" }),
  confirmRead: z.string().optional(),
});
