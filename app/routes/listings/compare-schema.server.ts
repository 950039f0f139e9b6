import { z } from "zod";
import { ExpectedContentSchema } from "~/domain/listings/expected-content";
import { ExpectedMoistureSchema } from "~/domain/listings/expected-moisture";
import { choice } from "~/utils/fields";

/** The comparison page's forms: the FO's leaders state the moisture, or the DRC or starch, they expect. */
export const CompareActionSchema = z.discriminatedUnion("intent", [
  ExpectedMoistureSchema.extend({ intent: choice(["expectedMoisture"]) }),
  ExpectedContentSchema.extend({ intent: choice(["expectedContent"]) }),
]);
