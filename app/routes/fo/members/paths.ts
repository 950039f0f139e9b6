// Paths and notes of the member register, shared by its pages and their loaders.
export const registerPath = (organisationId: string) => `/fo/${encodeURIComponent(organisationId)}/members`;

export type Done = "added" | "updated" | "deactivated" | "reactivated" | "smsGiven" | "smsWithdrawn";
