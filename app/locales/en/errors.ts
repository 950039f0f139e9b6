export const errors = {
  403: {
    title: "Not allowed",
    text: "Your account does not have permission to open this page.",
  },
  404: {
    title: "Page not found",
    text: "This page does not exist, or you cannot see it.",
  },
  500: {
    title: "Something went wrong",
    text: "The portal could not finish this request. Nothing was changed. Please try again.",
  },
  413: {
    title: "Too much sent at once",
    text: "What you sent is larger than the portal accepts here ({{limit}} at most). Nothing was saved. Go back and send a smaller file or less text.",
  },
  503: {
    title: "The portal is busy",
    text: "Too many people are using the portal at this moment. Nothing was changed. Please try again in a few seconds.",
  },
  crossSite: {
    title: "Form refused",
    text: "This form was sent from another website, so the portal did not act on it. Nothing was changed. If you meant to do this, open the portal and use its own page.",
  },
  generic: { title: "Error {{status}}", text: "The request could not be completed." },
  backHome: "Back to the home page",
} as const;
