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
      // Instrumented code under a loaded machine is several times slower than a plain run.
      testTimeout: 120_000,
      exclude: ["**/node_modules/**", "tests/content/check-cli.test.ts", "tests/content/new-command.test.ts"],
    },
  }),
);
