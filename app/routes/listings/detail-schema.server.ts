import { choice } from "~/utils/fields";

export const IntentSchema = choice(["publish", "withdraw"]);
