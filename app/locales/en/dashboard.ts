export const dashboard = {
  lists: {
    countMore: "more than {{count}}",
    showAll: "Show all {{count}}",
    showMore: "Show more, the most pressing first",
    onlyMost: "The {{count}} most pressing are shown. Once these are dealt with, the next ones appear here.",
  },
  fo: {
    title: "My farmers' organisations",
    empty: "You do not lead a farmers' organisation yet.",
    members: "{{count}} active members",
    village: "{{village}}, {{district}} district",
    pendingNote:
      "Waiting for a facilitator to verify this organisation. You can record members and prepare listings, but you cannot publish until it is verified.",
    rejectedNote: "A facilitator did not verify this organisation: {{reason}}",
    suspendedNote: "This organisation is suspended: {{reason}}",
  },
  trader: {
    title: "My company",
    empty: "You do not buy for a trading company yet.",
    licence: "Licence number: {{licence}}",
    province: "Based in {{province}}",
    pendingNote:
      "Waiting for a facilitator to verify this company. You can browse, but you cannot make offers until it is verified.",
    rejectedNote: "A facilitator did not verify this company: {{reason}}",
    suspendedNote: "This company is suspended: {{reason}}",
    browse: "Find listings to make offers on",
    back: "Back to my company",
  },
  facilitator: {
    title: "Facilitation",
    districts: "Your districts",
    noDistricts: "No district is assigned to you yet. Ask an administrator.",
    waiting: "{{count}} registrations wait for verification",
    waitingMore: "More than {{count}} registrations wait for verification",
    openQueue: "Open the verification queue",
    back: "Back to the facilitation console",
  },
} as const;
