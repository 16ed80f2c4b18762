/**
 * fast-check for mutation runs (vitest.mutation.config.ts aliases `fast-check` here): the same
 * library, with every property run at most MUTATION_FUZZ_RUNS times (default 50). A fuzz test that
 * runs the whole pipeline 3,000 times takes ~17 s, and StrykerJS runs it again for every mutant
 * it covers; a few dozen runs still kill the mutants that any input kills.
 */
import * as fc from "../../node_modules/fast-check/lib/fast-check.js";

export * from "../../node_modules/fast-check/lib/fast-check.js";

const CAP = Number(process.env.MUTATION_FUZZ_RUNS ?? 50);

// One implementation behind fast-check's overloads (sync and async properties).
export const assert = ((property: Parameters<typeof fc.assert>[0], params?: fc.Parameters<unknown>) =>
  fc.assert(property, { ...params, numRuns: Math.min(params?.numRuns ?? CAP, CAP) })) as typeof fc.assert;

const capped = { ...fc.default, assert };
export default capped;
