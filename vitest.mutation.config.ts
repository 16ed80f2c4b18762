import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config";

/**
 * The unit tests as `npm run mutation` runs them, once per mutant: fuzz tests capped (see
 * tests/helpers/fast-check-capped.ts), and without the tests that start a child process — the
 * mutated code is switched on inside the test process only, so a child never runs a mutant.
 */
export default mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL("./tests/helpers/fast-check-capped.ts", import.meta.url)) }],
    },
    test: {
      // MUTATION_TESTS=tests/wizard (comma-separated folders) runs only those tests: code that every
      // test file reaches while loading (the real content's graph) makes Stryker run all tests for
      // each of its mutants, and a folder's own tests are what its score should be about.
      ...(process.env.MUTATION_TESTS
        ? { include: process.env.MUTATION_TESTS.split(",").flatMap((dir) => [`${dir.replace(/\/$/, "")}/**/*.test.ts`, `${dir.replace(/\/$/, "")}/**/*.test.tsx`]) }
        : {}),
      // Instrumented code under a loaded machine is several times slower than a plain run.
      testTimeout: 120_000,
      exclude: ["**/node_modules/**", "tests/content/check-cli.test.ts", "tests/content/new-command.test.ts"],
    },
  }),
);
