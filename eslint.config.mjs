// ESLint: Microsoft's Office add-in rules (eslint-plugin-office-addins, its React config:
// Office.js load/sync discipline, isNullObject, no eval) plus Prettier as a lint rule, so that
// `npm run lint` fails on both. Type-level checks are `tsc --noEmit` (npm run typecheck).
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";
// eslint-plugin-office-addins 4 names @typescript-eslint/parser but its bundled import resolves to
// undefined (so .ts files would be parsed as plain JavaScript): the parser is given here.
import tseslint from "typescript-eslint";

export default [
  {
    ignores: ["dist/**", "dist-cli/**", "dist-wps/**", "coverage/**", "test-artifacts/**", "node_modules/**", "**/*.d.ts"],
  },
  ...officeAddins.configs.react,
  {
    files: ["**/*.{js,cjs,mjs,ts,tsx}"],
    languageOptions: {
      // the add-in config parses .ts but not .tsx, and pins ecmaVersion 6 (no object spread)
      parser: tseslint.parser,
      ecmaVersion: "latest",
      parserOptions: { ecmaFeatures: { jsx: true } },
      globals: {
        ...globals.browser,
        ...globals.node,
        Office: "readonly",
        Excel: "readonly",
        OfficeExtension: "readonly",
        CustomFunctions: "readonly",
      },
    },
    rules: {
      // TypeScript already reports undefined names, and knows type-only globals eslint does not.
      "no-undef": "off",
      // the base rule counts the parameter names of function types; the TypeScript one does not
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // the command line aligns its Chinese columns with ideographic spaces (U+3000) inside strings
      "no-irregular-whitespace": ["error", { skipStrings: true, skipTemplates: true, skipComments: true }],
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
    },
  },
  {
    // the add-in config registers the TypeScript rules for .ts only; .tsx gets the same plugin
    files: ["**/*.tsx"],
    plugins: {
      "@typescript-eslint": officeAddins.configs.recommended.find((c) => c.plugins?.["@typescript-eslint"]).plugins["@typescript-eslint"],
    },
  },
  {
    // The batch's reads run in result() callbacks after ctx.sync() (src/excel/read.ts), which these
    // two rules cannot follow (they also look for a variable named `context`): every queued read is
    // held to its sync by the tests on the batch-faithful fake (test/excel-fake.ts) instead.
    files: ["src/excel/**"],
    rules: { "office-addins/call-sync-before-read": "off", "office-addins/call-sync-after-load": "off" },
  },
  {
    // The Office.js rules pattern-match any .load() and property read; they are for the code that
    // talks to Excel. Elsewhere (.xlsx, ExcelJS in tests, the fake of Excel itself) they misfire.
    ignores: ["src/excel/**", "src/functions/number-format.ts", "src/taskpane/index.ts", "src/commands/**"],
    rules: {
      "office-addins/call-sync-after-load": "off",
      "office-addins/call-sync-before-read": "off",
      "office-addins/load-object-before-read": "off",
      "office-addins/no-empty-load": "off",
      "office-addins/no-navigational-load": "off",
      "office-addins/test-for-null-using-isNullObject": "off",
      "office-addins/no-context-sync-in-loop": "off",
    },
  },
  {
    files: ["**/*.test.{ts,tsx}", "test/**/*.{ts,js}"],
    languageOptions: { globals: { ...globals.jest } },
  },
  {
    files: ["**/*.{js,cjs}", "scripts/**/*.js", "bin/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    // `const crypto = require("crypto")` is Node's module, not a second definition of the global
    rules: { "@typescript-eslint/no-require-imports": "off", "no-redeclare": ["error", { builtinGlobals: false }] },
  },
];
