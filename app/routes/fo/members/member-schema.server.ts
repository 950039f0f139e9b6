import { z } from "zod";
import { choice } from "~/utils/fields";

export const IntentSchema = z.object({ intent: choice(["update", "deactivate", "reactivate", "consent", "withdrawConsent"]) });
