export const amendments = {
  title: "Amend contract {{number}}",
  intro:
    "A signed contract is never edited. Your change becomes a new contract that points at this one; both parties read and sign it again, and until then this contract stays in force.",
  priceLakPerKg: "Price (LAK per kg)",
  quantityKg: "Quantity (kg)",
  deliveryDate: "Delivery date",
  paymentDays: "Payment within (days after delivery)",
  reason: "Why the contract changes",
  reasonHint: "Both parties and the facilitator will read this.",
  submit: "Propose the amendment",
  link: "Propose an amendment",
  errors: {
    notFound: "This contract does not exist, or you cannot see it.",
    notAParty: "Only the parties can amend a contract.",
    notActive: "Only a contract in force can be amended, and only one amendment at a time.",
    amendmentPending: "An amendment of this contract is already waiting for signatures.",
    nothingChanged: "Nothing would change: change at least one term.",
  },
} as const;
