/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/src", "<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", isolatedModules: true }],
  },
  moduleNameMapper: {
    // office-addin-manifest pulls in an ESM-only dependency that jest cannot load; the tests
    // only need its manifest reader, which test/stubs replaces with a small XML parse.
    "^office-addin-manifest$": "<rootDir>/test/stubs/office-addin-manifest.js",
    "\\.(css)$": "<rootDir>/test/stubs/style.js",
  },
  testTimeout: 60000,
  reporters: ["default", "<rootDir>/test/reporters/summary-line.js"],
};
