import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The unit tests as `npm run mutation` runs them, once per mutant: fuzz tests capped (see
 * tests/helpers/fast-check-capped.ts), and without the tests that start a child process — the
 * mutated code is switched on inside the test process only, so a child never runs a mutant.
 */
const config = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL("./tests/helpers/fast-check-capped.ts", import.meta.url)) }],
    },
    test: {
      // Instrumented code under a loaded machine is several times slower than a plain run.
      testTimeout: 120_000,
      // patterns.test.ts reads src/ as text to check its regular expressions; in Stryker's sandbox that
      // text is the instrumented code, whose unknown patterns it sends to recheck one by one, for
      // longer than the initial test run may take. It checks the source, so it kills no mutant.
      exclude: ["**/node_modules/**", "tests/content/check-cli.test.ts", "tests/content/new-command.test.ts", "tests/search/patterns.test.ts"],
    },
  }),
);

// MUTATION_TESTS=tests/wizard (comma-separated folders) runs only those tests, replacing the list
// (mergeConfig would add to it): code that every test file reaches while loading (the real
// content's graph) makes Stryker run all tests for each of its mutants, and a folder's score
// should be about its own tests.
const only = process.env.MUTATION_TESTS?.split(",").map((dir) => dir.replace(/\/$/, ""));
if (only) config.test = { ...config.test, include: only.flatMap((dir) => (dir.endsWith(".ts") || dir.endsWith(".tsx") ? [dir] : [`${dir}/**/*.test.ts`, `${dir}/**/*.test.tsx`])) };

export default config;
