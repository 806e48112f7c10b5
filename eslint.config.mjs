// ESLint: Microsoft's Office add-in rules (eslint-plugin-office-addins, its React config:
// Office.js load/sync discipline, isNullObject, no eval) plus Prettier as a lint rule, so that
// `npm run lint` fails on both. Type-level checks are `tsc --noEmit` (npm run typecheck).
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

// the TypeScript parser the add-in config itself uses (so the versions always match)
const tsParser = officeAddins.configs.recommended.find((c) => c.languageOptions?.parser)?.languageOptions.parser;

export default [
  {
    ignores: ["dist/**", "dist-cli/**", "coverage/**", "test-artifacts/**", "node_modules/**", "**/*.d.ts"],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    languageOptions: {
      // the add-in config parses .ts but not .tsx, and pins ecmaVersion 6 (no object spread)
      parser: tsParser,
      ecmaVersion: "latest",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: { ...globals.browser, ...globals.node, Office: "readonly", Excel: "readonly", OfficeExtension: "readonly", CustomFunctions: "readonly" },
    },
    rules: {
      // TypeScript already reports undefined names, and knows type-only globals eslint does not.
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    files: ["**/*.test.{ts,tsx}", "test/**/*.{ts,js}"],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ["**/*.{js,cjs}", "scripts/**/*.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
];
