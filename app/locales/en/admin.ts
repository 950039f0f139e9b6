export const admin = {
  title: "Users and roles",
  intro: "Grant or remove roles. Every change is written to the audit log.",
  name: "Name",
  contact: "Phone / e-mail",
  roles: "Roles",
  saveRoles: "Save roles",
  saved: "Roles of {{name}} saved.",
  empty: "No users yet.",
  cannotRemoveOwnAdmin: "You cannot remove your own administrator role.",
} as const;
