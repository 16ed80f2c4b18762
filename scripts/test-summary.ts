import { readFileSync } from "node:fs";

/**
 * Prints one closing line, `tests: N passed, N failed`, over the vitest and Playwright JSON
 * reports, so that whoever reads the end of the log sees the whole count at once.
 */
interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function read(path: string): unknown {
  return JSON.parse(readFileSync(path, "utf8")) as unknown;
}

function vitestCounts(report: unknown): Counts {
  const r = report as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests };
}

function playwrightCounts(report: unknown): Counts {
  const s = (report as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } }).stats;
  return { passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped };
}

const [unitPath, e2ePath] = process.argv.slice(2);
const parts = [unitPath ? vitestCounts(read(unitPath)) : null, e2ePath ? playwrightCounts(read(e2ePath)) : null].filter(
  (c): c is Counts => c !== null,
);
const total = parts.reduce((a, c) => ({ passed: a.passed + c.passed, failed: a.failed + c.failed, skipped: a.skipped + c.skipped }), {
  passed: 0,
  failed: 0,
  skipped: 0,
});
console.log(`tests: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = total.failed > 0 ? 1 : 0;
