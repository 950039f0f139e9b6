import { ExpectedMoistureSchema } from "~/domain/listings/expected-moisture";
import { choice } from "~/utils/fields";

/** The comparison page's one form: the FO's leaders state the moisture they expect. */
export const CompareActionSchema = ExpectedMoistureSchema.extend({ intent: choice(["expectedMoisture"]) });
