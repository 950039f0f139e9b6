// The contract templates the portal ships with: version 1 of each, seeded as
// published (prisma/seed/contract-templates.ts); export parity was added later
// as its own code, so that no earlier template changes. A change to a published
// template is a new version with the same code, never an edit of these.
import type { TemplateCode } from "../snapshot";
import type { ContractTemplateContent } from "./common";
import { exportParity } from "./export-parity";
import { forwardFixed } from "./forward-fixed";
import { forwardFloor } from "./forward-floor";
import { inputSupply } from "./input-supply";
import { spotFixed } from "./spot-fixed";

export type { ContractTemplateContent } from "./common";

export const contractTemplates: Record<TemplateCode, ContractTemplateContent> = {
  spot_fixed: spotFixed,
  forward_fixed: forwardFixed,
  forward_floor: forwardFloor,
  input_supply: inputSupply,
  export_parity: exportParity,
};
