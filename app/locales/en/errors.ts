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
  generic: { title: "Error {{status}}", text: "The request could not be completed." },
  backHome: "Back to the home page",
} as const;
