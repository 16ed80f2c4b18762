import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../src/content";
import { buildSearchIndex } from "../src/search/build-index";
import { FEATURES, fitLogistic, probability, vector, type ConfidenceModel } from "../src/search/confidence";
import { parseEvalFile, partOf, type EvalCase } from "../src/search/eval";
import { createSearcher } from "../src/search/rank";

/**
 * `npm run fit:confidence`: fits the confidence model on the tuning part of the real-user
 * development set (is the first-ranked entry right?), then picks the operating point — the lowest
 * threshold that leaves at least 85% of the out-of-scope queries unanswered on both parts — and
 * writes src/search/confidence-model.json. Prints the precision/recall curve of both parts.
 */
const FILE = "tests/evals/real-dev.jsonl";
const MODEL = "src/search/confidence-model.json";
const OOS_TARGET = 0.85;

const cases = parseEvalFile(readFileSync(FILE, "utf8"));
const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors; run npm run content:check");
const graph = content.graph;
const upstreamOf = new Map(graph.entries.map((e) => [e.id, e.upstream]));
const searcher = createSearcher(buildSearchIndex(graph));

interface Row {
  readonly x: number[];
  readonly right: boolean;
  readonly inScope: boolean;
  readonly features: Parameters<typeof probability>[1];
}
const rowsOf = (set: readonly EvalCase[]): Row[] =>
  set.flatMap((c) => {
    const first = searcher.first(c.q);
    if (!first) return [];
    const right = (upstreamOf.get(first.id) ?? []).some((id) => c.expect.includes(id));
    return [{ x: vector(first.features), right, inScope: c.expect.length > 0, features: first.features }];
  });

const tune = cases.filter((c) => partOf(c) === "tune");
const check = cases.filter((c) => partOf(c) === "check");
const tuneRows = rowsOf(tune);
const checkRows = rowsOf(check);
const fitted = fitLogistic(
  tuneRows.map((r) => r.x),
  tuneRows.map((r) => (r.right ? 1 : 0)),
);
const draft: ConfidenceModel = { features: [...FEATURES], weights: fitted.weights.map(round), bias: round(fitted.bias), threshold: 0.5 };

/** At a threshold: shown@1 over in-scope, OOS left unanswered, precision and recall of the gate. */
function at(rows: readonly Row[], set: readonly EvalCase[], threshold: number) {
  const inScope = set.filter((c) => c.expect.length > 0).length;
  const oos = set.length - inScope;
  let shownRight = 0;
  let answered = 0;
  let oosAnswered = 0;
  let rankedRight = 0;
  for (const r of rows) {
    const yes = probability(draft, r.features) >= threshold;
    if (r.right) rankedRight++;
    if (yes) answered++;
    if (yes && r.right) shownRight++;
    if (yes && !r.inScope) oosAnswered++;
  }
  return { shown: shownRight / inScope, oos: 1 - oosAnswered / Math.max(1, oos), precision: answered ? shownRight / answered : 1, recall: rankedRight ? shownRight / rankedRight : 1 };
}

const thresholds = Array.from({ length: 39 }, (_, i) => 0.05 + i * 0.025);
let chosen = thresholds.at(-1) ?? 0.9;
for (const t of thresholds) {
  if (at(tuneRows, tune, t).oos >= OOS_TARGET && at(checkRows, check, t).oos >= OOS_TARGET) {
    chosen = t;
    break;
  }
}
const model: ConfidenceModel = { ...draft, threshold: round(chosen) };
writeFileSync(MODEL, `${JSON.stringify(model, null, 2)}\n`);

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
console.log(`fitted on ${tuneRows.length} tuning queries; weights: ${FEATURES.map((f, i) => `${f} ${draft.weights[i]}`).join(", ")}; bias ${draft.bias}`);
console.log(`${"threshold".padEnd(10)} │ ${"tune: shown@1".padStart(13)} ${"OOS".padStart(7)} ${"prec".padStart(7)} ${"recall".padStart(7)} │ ${"check: shown@1".padStart(14)} ${"OOS".padStart(7)} ${"prec".padStart(7)} ${"recall".padStart(7)}`);
for (const t of thresholds.filter((_, i) => i % 2 === 0 || thresholds[i] === chosen)) {
  const a = at(tuneRows, tune, t);
  const b = at(checkRows, check, t);
  console.log(`${(t === chosen ? `→ ${t.toFixed(3)}` : `  ${t.toFixed(3)}`).padEnd(10)} │ ${pct(a.shown).padStart(13)} ${pct(a.oos)} ${pct(a.precision)} ${pct(a.recall)} │ ${pct(b.shown).padStart(14)} ${pct(b.oos)} ${pct(b.precision)} ${pct(b.recall)}`);
}
console.log(`wrote ${MODEL} (threshold ${model.threshold})`);

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
