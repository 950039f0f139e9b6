export const notifications = {
  title: "Inbox",
  intro: "News about your listings, offers and contracts. The same news is sent by e-mail or SMS when we have your address or phone number.",
  unreadCount: "Unread: {{unread}}",
  empty: "Your inbox is empty. You will find news here when a trader makes an offer, when an offer is answered, or when a listing's deadline is near.",
  unread: "New",
  open: "Open",
  markRead: "Mark as read",
  markAllRead: "Mark all as read",
  receivedAt: "Received {{date}}",
  pagination: "Inbox pages",
  page: "Page {{page}} of {{pages}}",
  newer: "Newer",
  older: "Older",
  email: {
    footer: "You can read this and your other messages in the Inbox of the Soum Son Seun Jai market portal.",
  },
  unknown: {
    title: "Message",
    body: "This message cannot be shown any more.",
  },
  kinds: {
    offer_received: {
      title: "New offer: {{listing}}",
      body: "{{company}} offers {{price}} per kg for your listing {{listing}}. Compare it with the other offers before you answer.",
    },
    offer_countered: {
      title: "Counter-offer: {{listing}}",
      body: "{{by}} made a counter-offer of {{price}} per kg for {{listing}}. You can accept it, counter again or let it lapse.",
    },
    counter_accepted: {
      title: "Counter-offer accepted: {{listing}}",
      body: "{{company}} accepted your counter-offer of {{price}} per kg for {{listing}}. The contract comes next.",
    },
    offer_accepted: {
      title: "Offer accepted: {{listing}}",
      body: "{{organisation}} accepted your offer of {{price}} per kg for {{listing}}. The contract comes next.",
    },
    offer_rejected: {
      title: "Offer not accepted: {{listing}}",
      body: "Your offer for {{listing}} was not accepted: the farmers' organisation chose another offer, declined it or withdrew the listing.",
    },
    offer_withdrawn: {
      title: "Offer withdrawn: {{listing}}",
      body: "{{company}} withdrew its offer for {{listing}}.",
    },
    listing_expiring: {
      title: "Offers close soon: {{listing}}",
      body: "Your listing {{listing}} takes offers until {{deadline}}. Compare the offers and answer before then.",
    },
    contract_ready: {
      title: "Contract {{number}} is ready to sign",
      body: "The contract for {{listing}} is written. Read its summary and full text, then sign it in the portal.",
    },
    contract_signed: {
      title: "Contract {{number}} was signed by {{by}}",
      body: "{{by}} signed contract {{number}}. Open it to see who still has to sign.",
    },
    contract_active: {
      title: "Contract {{number}} is in force",
      body: "Every signature is in: contract {{number}} is now in force and can no longer be changed.",
    },
    contract_witness_needed: {
      title: "Contract {{number}} needs a witness",
      body: "The contract for {{listing}} is above the value that needs a facilitator as witness. Check it and sign as witness.",
    },
    dispute_raised: {
      title: "Dispute on contract {{number}}: {{category}}",
      body: "{{by}} raised a dispute ({{category}}) on contract {{number}}. Read the statement and give your side in the portal; a facilitator of the district will mediate.",
    },
    dispute_answered: {
      title: "Dispute on contract {{number}} answered",
      body: "{{by}} gave its side of the dispute on contract {{number}}. Open the dispute to read the answer.",
    },
    dispute_mediation_note: {
      title: "Mediation note on contract {{number}}",
      body: "A facilitator added a note to the mediation log of a dispute on contract {{number}}. Open the dispute to read it.",
    },
    dispute_resolved: {
      title: "Dispute on contract {{number}} settled",
      body: "A facilitator recorded the outcome of the dispute ({{category}}) on contract {{number}}. Open the dispute to read it.",
    },
    delivery_recorded: {
      title: "Delivery recorded on contract {{number}}",
      body: "{{by}} recorded a delivery under contract {{number}}: amount due {{amount}}. Check the grade sheet (weight, moisture, grade, who measured and with what) and confirm or contest it.",
    },
    delivery_confirmed: {
      title: "Delivery confirmed on contract {{number}}",
      body: "{{by}} confirmed the grade sheet of your delivery under contract {{number}}.",
    },
    delivery_contested: {
      title: "Delivery contested on contract {{number}}",
      body: "{{by}} contested the grade sheet of your delivery under contract {{number}}: {{reason}}",
    },
    payment_recorded: {
      title: "Payment recorded on contract {{number}}",
      body: "{{company}} recorded a payment of {{amount}} under contract {{number}}. Confirm it when the money has arrived, or contest it.",
    },
    payment_confirmed: {
      title: "Payment confirmed on contract {{number}}",
      body: "The farmers' organisation confirmed that your payment of {{amount}} under contract {{number}} arrived.",
    },
    payment_contested: {
      title: "Payment contested on contract {{number}}",
      body: "The farmers' organisation contested your payment of {{amount}} under contract {{number}}: {{reason}}",
    },
    contract_completed: {
      title: "Contract {{number}} is completed",
      body: "Everything under contract {{number}} is delivered and paid. The farmers' organisation can now print the member payout sheet.",
    },
    framework_proposed: {
      title: "Framework contract {{number}} waits for your answer",
      body: "{{by}} proposed framework contract {{number}}: the terms of your signed contract for several seasons. Read it and accept or decline it in the portal.",
    },
    framework_accepted: {
      title: "Framework contract {{number}} is accepted",
      body: "{{by}} accepted framework contract {{number}}. Either party may now propose a season's call-off.",
    },
    framework_declined: {
      title: "Framework contract {{number}} is declined",
      body: "{{by}} declined framework contract {{number}}.",
    },
    call_off_proposed: {
      title: "A call-off for the {{season}} season waits for your answer",
      body: "{{by}} proposed the call-off for the {{season}} season under framework contract {{number}}. Accept or decline it in the portal.",
    },
    call_off_declined: {
      title: "The call-off for the {{season}} season is declined",
      body: "{{by}} declined the call-off for the {{season}} season under framework contract {{number}}.",
    },
    framework_notice: {
      title: "Notice given on framework contract {{number}}",
      body: "{{by}} gave notice to end framework contract {{number}}. It stays in force until {{lastDay}}; no call-off can be made for delivery after that day. Call-offs already signed are carried out.",
    },
  },
} as const;
