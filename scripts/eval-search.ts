import { readFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../src/content";
import { baselineRecords, createBaseline } from "../src/search/baseline";
import { buildSearchIndex } from "../src/search/build-index";
import { evaluate, parseEvalFile, type EvalMetrics } from "../src/search/eval";
import { prepareQuery } from "../src/search/query";
import { createSearcher } from "../src/search/rank";

/** `npm run eval:search -- FILE.jsonl [--verbose]`: our ranking and the fuse.js baseline, side by side. */
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const file = args.find((a) => !a.startsWith("--")) ?? "../shared/evals/search-public.jsonl";
const cases = parseEvalFile(readFileSync(file, "utf8"));
const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors; run npm run content:check");
const graph = content.graph;
const upstreamOf = new Map(graph.entries.map((e) => [e.id, e.upstream]));

const searcher = createSearcher(buildSearchIndex(graph));
// Measured on what the product searches: the query cut and masked.
const ours = evaluate(cases, (q) => {
  const response = searcher.search(prepareQuery(q).text);
  return { answers: response.results.map((r) => upstreamOf.get(r.id) ?? []), confident: response.confident, firstId: (response.results[0] ?? response.suggestions[0])?.id };
});
const baselineSearch = createBaseline(baselineRecords(graph));
const baseline = evaluate(cases, (q) => {
  const ids = baselineSearch(q);
  return { answers: ids.map((id) => upstreamOf.get(id) ?? []), confident: ids.length > 0, firstId: ids[0] };
});

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
const row = (name: string, m: EvalMetrics) => `${name.padEnd(10)} ${pct(m.top1)} ${pct(m.top3)} ${m.mrr.toFixed(3).padStart(7)} ${pct(m.outOfScope)}`;
console.log(`${file}: ${cases.length} queries (${ours.inScope} in scope, ${ours.outOfScopeCount} out of scope)`);
console.log(`${"".padEnd(10)} ${"top-1".padStart(7)} ${"top-3".padStart(7)} ${"MRR".padStart(7)} ${"OOS".padStart(7)}`);
console.log(row("ours", ours));
console.log(row("baseline", baseline));
if (verbose) {
  console.log(`\nmisses (${ours.misses.length}):`);
  for (const miss of ours.misses) {
    const expected = miss.expect.length > 0 ? miss.expect.join(",") : "no confident match";
    console.log(`- ${JSON.stringify(miss.q.length > 120 ? miss.q.slice(0, 117) + "…" : miss.q)}\n    expected ${expected}; first: ${miss.got ?? "(nothing)"}${miss.rank ? ` (right answer at ${miss.rank})` : ""}`);
  }
}
