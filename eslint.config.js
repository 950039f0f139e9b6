// The guard rails: TypeScript's recommended rules, React's hooks rules, no
// import cycles, and the layers kept apart: domain modules import neither
// routes nor components; utilities import no domain module but the contract
// freeze (the database client guards frozen contracts, ~/utils/db.server).
import js from "@eslint/js";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "app/generated/", "node_modules/", ".react-router/", "test-results/", "playwright-report/", "data/", "coverage/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { "react-hooks": reactHooks, "import-x": importX },
    settings: { "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/no-unused-expressions": ["error", { allowShortCircuit: true, allowTernary: true }],
      "import-x/no-cycle": ["error", { maxDepth: 10, ignoreExternal: true }],
    },
  },
  {
    files: ["app/**/*.tsx"],
    ignores: ["app/components/ui/link.tsx"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "react-router",
              importNames: ["Link", "NavLink"],
              message: "Use ~/components/ui/link: pages are not hydrated, and React Router's Link costs CPU on every page for nothing.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ["app/domain/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/routes/*", "~/components/*", "../routes/*", "../components/*"], message: "Domain modules import neither routes nor components." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/utils/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ regex: "^(~|\\.\\.)/domain/(?!contracts/frozen$)", message: "Utilities import no domain module but the contract freeze." }] },
      ],
    },
  },
);
