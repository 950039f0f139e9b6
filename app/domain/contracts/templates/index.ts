// The contract templates the portal ships with, seeded as published
// (prisma/seed/contract-templates.ts). `contractTemplates` is version 1 of
// each, as first written: the contracts made from it render and hash from it,
// so it never changes. Version 2 adds the Legal Guide's further terms (the
// signatories' sex and role, the members annex, confidentiality, a member's
// grievance path) and words clause 6 and 12 c) for priced grades and foreign
// matter. Export parity was added later as its own code, so that no earlier
// template changed. A change to a published template is a new version with the
// same code, never an edit of these.
import type { TemplateCode } from "../snapshot";
import type { ContractTemplateContent } from "./common";
import { exportParity, exportParityV2 } from "./export-parity";
import { forwardFixed, forwardFixedV2 } from "./forward-fixed";
import { forwardFloor, forwardFloorV2 } from "./forward-floor";
import { inputSupply, inputSupplyV2 } from "./input-supply";
import { spotFixed, spotFixedV2 } from "./spot-fixed";

export type { ContractTemplateContent } from "./common";

/** Version 1 of each template. */
export const contractTemplates: Record<TemplateCode, ContractTemplateContent> = {
  spot_fixed: spotFixed,
  forward_fixed: forwardFixed,
  forward_floor: forwardFloor,
  input_supply: inputSupply,
  export_parity: exportParity,
};

/** The latest version of each template the portal ships. */
export const latestContractTemplates: Record<TemplateCode, ContractTemplateContent> = {
  spot_fixed: spotFixedV2,
  forward_fixed: forwardFixedV2,
  forward_floor: forwardFloorV2,
  input_supply: inputSupplyV2,
  export_parity: exportParityV2,
};

/** Every version shipped, oldest first within each code. */
export const shippedTemplateVersions: readonly ContractTemplateContent[] = Object.values(contractTemplates).flatMap((v1) => [
  v1,
  latestContractTemplates[v1.code],
]);
