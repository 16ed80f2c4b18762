import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../src/content";
import { buildSearchIndex, confidenceOf } from "../src/search/build-index";
import { FEATURE_DIRECTIONS, FEATURES, fitLogistic, probability, reliabilityOf, WORDING_MIN_QUERIES, wordingOf, wordOdds, type ConfidenceModel, type FeatureName, type FeatureVector, type ReliabilityTable, type StoredConfidenceModel, type WordingTable } from "../src/search/confidence";
import { productRun } from "../src/search/contenders";
import { evaluate, parseEvalFile, partOf, type EvalCase } from "../src/search/eval";
import { createSearcher } from "../src/search/rank";

/**
 * `npm run fit:confidence`: fits the confidence model on the tuning part of the real-user
 * development set. The question it learns is "is the first-ranked entry right?" (an out-of-scope
 * query never is). A fit whose weights go against a feature's stated direction is refused. The
 * operating point is the lowest threshold at which the product's search (every line of a log
 * judged, as the eval does) leaves at least 85% of the check part's out-of-scope queries unanswered.
 * The per-entry reliability table and the per-word wording table are counted on the tuning part
 * too; while fitting, each tuning query sees them without itself, or the features would simply
 * repeat its label.
 * Writes src/search/confidence-model.json and prints both parts at every threshold.
 */
const FILE = "tests/evals/real-dev.jsonl";
const MODEL = "src/search/confidence-model.json";
const OOS_TARGET = 0.85;
/** Under cross-validation on the tuning part, strengths from 1 to 20 came within a point of each other at the operating point. */
const RELIABILITY_STRENGTH = 5;

const cases = parseEvalFile(readFileSync(FILE, "utf8"));
const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors; run npm run content:check");
const graph = content.graph;
const upstreamOf = new Map(graph.entries.map((e) => [e.id, e.upstream]));
const index = buildSearchIndex(graph);
const searcher = createSearcher(index);

interface Row {
  readonly id: string;
  readonly features: FeatureVector;
  readonly right: boolean;
  readonly inScope: boolean;
  /** A recognised neighbouring problem keeps this first result from being an answer whatever the model says. */
  readonly blocked: boolean;
  readonly words: readonly string[];
}
/** One row per query; a query that ranks nothing is never answered, so it only counts in the totals. */
function rowsOf(set: readonly EvalCase[]): Row[] {
  return set.flatMap((c) => {
    const first = searcher.first(c.q);
    if (!first) return [];
    return [{ id: first.id, features: first.features, right: (upstreamOf.get(first.id) ?? []).some((id) => c.expect.includes(id)), inScope: c.expect.length > 0, blocked: first.neighbour, words: first.words }];
  });
}

const tune = cases.filter((c) => partOf(c) === "tune");
const check = cases.filter((c) => partOf(c) === "check");
// Rows a neighbour blocks are never decided by the model, so they neither teach it nor count in
// an entry's record.
const firstOfTune = rowsOf(tune);
const decidedTune = firstOfTune.filter((r) => !r.blocked);
const table = reliabilityTable(decidedTune);
const wording = wordingTable(decidedTune);
// The tune columns printed below see each entry's whole record and every word's, their own query included.
const withTables = (r: Row) => withFeatures(r, reliabilityOf(table, r.id), wordingOf((w) => odds(wording, w), r.words));
const tuneRows = firstOfTune.map(withTables);
const checkRows = rowsOf(check).map(withTables);
const decided = decidedTune.map((r) => withFeatures(r, leaveOneOut(table, r), wordingOf((w) => odds(wording, w, r), r.words)));
const counts = (set: readonly EvalCase[]) => ({ inScope: set.filter((c) => c.expect.length > 0).length, oos: set.filter((c) => c.expect.length === 0).length });

/** Shown@1 over in-scope queries and the share of out-of-scope ones left unanswered, at a threshold. */
function at(rows: readonly Row[], p: readonly number[], total: { inScope: number; oos: number }, threshold: number) {
  let shown = 0;
  let oosAnswered = 0;
  let answered = 0;
  let rankedRight = 0;
  rows.forEach((r, i) => {
    const yes = !r.blocked && (p[i] ?? 0) >= threshold;
    if (r.right) rankedRight++;
    if (yes) answered++;
    if (yes && r.right) shown++;
    if (yes && !r.inScope) oosAnswered++;
  });
  return { shown: shown / total.inScope, oos: 1 - oosAnswered / Math.max(1, total.oos), precision: answered ? shown / answered : 1, recall: rankedRight ? shown / rankedRight : 1 };
}

function fit(rows: readonly Row[], names: readonly FeatureName[]): ConfidenceModel {
  const { weights, bias } = fitLogistic(
    rows.map((r) => names.map((n) => r.features[n])),
    rows.map((r) => (r.right ? 1 : 0)),
    { steps: 1500 },
  );
  return { features: [...names], weights, bias, threshold: 0.5 };
}

// Sign-constrained: a feature whose fitted weight goes against its stated direction is left out
// and the rest refitted (an active-set step), and the run says which; a weight near zero that
// flips with small content changes then drops out instead of stopping the fit.
let chosen: FeatureName[] = [...FEATURES];
let draft = fit(decided, chosen);
for (;;) {
  const against = chosen.filter((name, i) => Math.sign(draft.weights[i] ?? 0) !== FEATURE_DIRECTIONS[name]);
  if (against.length === 0) break;
  console.log(`left out (fitted weight against its direction): ${against.join(", ")}`);
  chosen = chosen.filter((name) => !against.includes(name));
  if (chosen.length === 0) throw new Error("every feature's weight went against its direction: check the features before using the model");
  draft = fit(decided, chosen);
}
const pTune = tuneRows.map((r) => probability(draft, r.features));
const pCheck = checkRows.map((r) => probability(draft, r.features));
// The operating point is searched in steps of 0.005; the table prints every 0.025 and the chosen one.
const fine = Array.from({ length: 181 }, (_, i) => Math.round((0.05 + i * 0.005) * 1000) / 1000);
/**
 * The check part as the eval scores it at a threshold: the table above judges only each query's
 * first result, but in a log every line's best match is judged too, so a log can be answered
 * through a line the first result does not come from.
 */
function searchedAt(set: readonly EvalCase[], threshold: number) {
  const s = createSearcher({ ...index, ...confidenceOf(index.docs, { ...draft, threshold, reliability: table, wording }) });
  return evaluate(set, productRun(s, (id) => upstreamOf.get(id) ?? []));
}
// Fewer queries are answered as the threshold rises, so the lowest one that meets the target is
// found by bisection over the grid.
let lo = 0;
let hi = fine.length - 1;
while (lo < hi) {
  const mid = Math.floor((lo + hi) / 2);
  if (searchedAt(check, fine[mid] ?? 0.95).outOfScope >= OOS_TARGET) hi = mid;
  else lo = mid + 1;
}
const threshold = fine[lo] ?? 0.95;
const thresholds = fine.filter((t, i) => i % 5 === 0 || t === threshold);
const model: StoredConfidenceModel = { features: draft.features, weights: draft.weights.map(round), bias: round(draft.bias), threshold: round(threshold), reliability: table, wording };
// One line per entry's [right, ranked] pair and per word's [right, wrong], so the tables read as tables.
writeFileSync(MODEL, `${JSON.stringify(model, null, 2).replace(/\[\s+(\d+),\s+(\d+)\s+\]/g, "[$1, $2]")}\n`);

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
console.log(`\nfitted on ${tuneRows.length} tuning queries: ${model.features.map((f, i) => `${f} ${model.weights[i]}`).join(", ")}; bias ${model.bias}`);
console.log(`${"threshold".padEnd(10)} │ ${"tune shown@1".padStart(12)} ${"OOS".padStart(7)} ${"prec".padStart(7)} ${"recall".padStart(7)} │ ${"check shown@1".padStart(13)} ${"OOS".padStart(7)} ${"prec".padStart(7)} ${"recall".padStart(7)}`);
for (const t of thresholds) {
  const a = at(tuneRows, pTune, counts(tune), t);
  const b = at(checkRows, pCheck, counts(check), t);
  console.log(`${(t === threshold ? `→ ${t.toFixed(3)}` : `  ${t.toFixed(3)}`).padEnd(10)} │ ${pct(a.shown).padStart(12)} ${pct(a.oos)} ${pct(a.precision)} ${pct(a.recall)} │ ${pct(b.shown).padStart(13)} ${pct(b.oos)} ${pct(b.precision)} ${pct(b.recall)}`);
}
for (const [name, set] of [["tune", tune], ["check", check]] as const) {
  const m = searchedAt(set, threshold);
  console.log(`searched at ${threshold.toFixed(3)}, ${name}: shown@1 ${pct(m.presented.top1)}, OOS ${pct(m.outOfScope)}`);
}
console.log(`wrote ${MODEL} (threshold ${model.threshold})`);

function reliabilityTable(rows: readonly Row[]): ReliabilityTable {
  const entries: Record<string, [number, number]> = {};
  for (const r of [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const record = (entries[r.id] ??= [0, 0]);
    if (r.right) record[0]++;
    record[1]++;
  }
  return { prior: round(rows.filter((r) => r.right).length / Math.max(1, rows.length)), strength: RELIABILITY_STRENGTH, entries };
}

function leaveOneOut(t: ReliabilityTable, r: Row): number {
  const [right, ranked] = t.entries[r.id] ?? [0, 0];
  return reliabilityOf({ ...t, entries: { [r.id]: [right - (r.right ? 1 : 0), ranked - 1] } }, r.id);
}

/** Each word's count among the queries, kept for the words at least WORDING_MIN_QUERIES of them used. */
function wordingTable(rows: readonly Row[]): WordingTable {
  const counts = new Map<string, [number, number]>();
  for (const r of rows) {
    for (const word of new Set(r.words)) {
      const count = counts.get(word) ?? [0, 0];
      count[r.right ? 0 : 1]++;
      counts.set(word, count);
    }
  }
  const words = [...counts].filter(([, [right, wrong]]) => right + wrong >= WORDING_MIN_QUERIES).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { right: rows.filter((r) => r.right).length, wrong: rows.filter((r) => !r.right).length, words: Object.fromEntries(words) };
}

/** A word's odds, or, given a query of the table, what they would be had it not been counted. */
function odds(t: WordingTable, word: string, without?: Row): number | undefined {
  const counts = Object.hasOwn(t.words, word) ? t.words[word] : undefined;
  if (!counts) return undefined;
  if (!without) return wordOdds(t, counts);
  const own = without.words.includes(word);
  const right = counts[0] - (own && without.right ? 1 : 0);
  const wrong = counts[1] - (own && !without.right ? 1 : 0);
  if (right + wrong < WORDING_MIN_QUERIES) return undefined;
  return wordOdds({ right: t.right - (without.right ? 1 : 0), wrong: t.wrong - (without.right ? 0 : 1) }, [right, wrong]);
}

function withFeatures(r: Row, reliability: number, wording: number): Row {
  return { ...r, features: { ...r.features, reliability, wording } };
}

function round(n: number): number {
  return Math.round(n * 1e4) / 1e4;
}
