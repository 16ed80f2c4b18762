import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", ".reports/**", ".stryker-tmp/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" }],
      // Every package the code imports is declared in package.json: one that only arrives as some
      // other package's dependency (lowlight did, through rehype-highlight) can vanish or change
      // major version with that package. The app may use only `dependencies`; the files below may
      // also use `devDependencies`. eslint-config-next already registers eslint-plugin-import and
      // its TypeScript resolver, so this needs no plugin of its own. Type-only imports are exempt.
      "import/no-extraneous-dependencies": ["error", { devDependencies: false, optionalDependencies: false, peerDependencies: false }],
    },
  },
  {
    files: ["tests/**", "scripts/**", "*.config.{ts,mjs}", "playwright.config.ts", "stryker.config.mjs"],
    rules: {
      "import/no-extraneous-dependencies": ["error", { devDependencies: true, optionalDependencies: false, peerDependencies: false }],
    },
  },
];

export default config;
