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
  },
} as const;
