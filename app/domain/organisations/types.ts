/** The kinds of farmers' organisation the programme works with. */
export const organisationTypes = ["producer_group", "cooperative", "association"] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Where an organisation or a trader company stands with the facilitators. */
export const verificationStatuses = ["pending", "verified", "rejected", "suspended"] as const;
export type VerificationStatus = (typeof verificationStatuses)[number];
