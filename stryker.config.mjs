// @ts-check
/**
 * Mutation testing (`npm run mutation`): StrykerJS changes the code of src/content, src/search,
 * src/wizard and src/urls.ts one small edit at a time (a `<` for a `<=`, a branch removed, a
 * string emptied) and runs the vitest tests that cover the edit; a change that no test notices is
 * a "survivor", a bug the tests would let through. It is a report for people, not a gate: it
 * takes tens of minutes on two cores, so `npm test` does not run it.
 *
 * Stryker 9.6 is the last line that runs on Node 20 (10.x needs Node 22); its vitest runner
 * works with vitest 4.1.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  testRunner: "vitest",
  vitest: { configFile: "vitest.mutation.config.ts" },
  // `MUTATE=src/search` (or any glob) narrows a run to one folder.
  mutate: process.env.MUTATE
    ? process.env.MUTATE.split(",").map((p) => (p.endsWith(".ts") ? p : `${p.replace(/\/$/, "")}/**/*.ts`))
    : ["src/content/**/*.ts", "src/search/**/*.ts", "src/wizard/**/*.ts", "src/urls.ts"],
  // Only the tests that ran through a mutated line run for it.
  coverageAnalysis: "perTest",
  // Mutants in code that runs once at import (constant tables) would need every test re-run for
  // each of them; they are counted as ignored instead. The other mutants are switched on only once
  // a test file has loaded (in a beforeAll), so what a file computes while loading (at its top
  // level, in a describe body or its own beforeAll) never sees one: a test must compute what it checks.
  ignoreStatic: true,
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 2),
  // MUTATION_ALL_KILLERS=1 runs every covering test of a mutant, not just up to the first that
  // fails, so the JSON report says which tests kill what (slower).
  disableBail: process.env.MUTATION_ALL_KILLERS === "1",
  timeoutMS: 15_000,
  ignorePatterns: [".next", ".reports", "test-results", "playwright-report", ".stryker-tmp", "public/search-index.json"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  reporters: ["clear-text", "progress", "html", "json"],
  clearTextReporter: { allowColor: false, logTests: false, reportTests: false, reportMutants: false, reportScoreTable: true },
  htmlReporter: { fileName: ".reports/mutation/index.html" },
  jsonReporter: { fileName: ".reports/mutation/mutation.json" },
};

export default config;
