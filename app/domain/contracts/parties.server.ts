// In what capacity a user may act on a contract: for the FO, for the trader
// company, or as a facilitator of the district (witness, mediator). The rules
// themselves live in ~/utils/access.server, with every other access rule.
import { contractCapacities, visibleContractsWhere } from "~/utils/access.server";

export type ContractParty = "fo" | "trader" | "witness";

export const contractRoles = contractCapacities;
export { visibleContractsWhere };
