// The sexes a user may state, and the form's schema: shared by the account
// page, the administrator's user page and ./sex.server.
import { z } from "zod";
import { choice } from "~/utils/fields";

export const sexes = ["female", "male"] as const;
export type Sex = (typeof sexes)[number];
export const SexSchema = z.object({ sex: choice(sexes) });
