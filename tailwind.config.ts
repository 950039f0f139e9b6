import type { Config } from "tailwindcss";

// Design tokens: a rice-field green for actions, a warm earth tone for the
// header, and colours for statuses that stay distinct when printed in grey.
export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: {
          50: "#f0f7ee",
          100: "#dcecd6",
          500: "#3f7d32",
          600: "#336a28",
          700: "#285420",
          900: "#163012",
        },
        earth: { 50: "#faf6f0", 100: "#f1e8da", 700: "#6b4f2a", 900: "#3b2b16" },
        status: {
          pending: "#b7791f",
          verified: "#2f855a",
          rejected: "#c53030",
          suspended: "#4a5568",
        },
      },
      fontFamily: {
        sans: ['"Noto Sans Lao"', "system-ui", "sans-serif"],
      },
    },
  },
} satisfies Config;
