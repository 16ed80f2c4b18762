import { readFileSync } from "node:fs";
import path from "node:path";
import { buildContent } from "../src/content";
import { contenders } from "../src/search/contenders";
import { evaluate, parseEvalFile, partOf, type EvalCase, type EvalMetrics } from "../src/search/eval";

/**
 * `npm run eval:search -- FILE.jsonl [--part tune|check] [--ours] [--verbose]` (`--ours` skips the two yardsticks): the product's search, MiniSearch
 * and fuse.js on the same queries. A file whose queries carry `src` is reported per part (tuning,
 * check) as well as whole. Ranking (ignoring confidence) and what is presented as the answer are
 * separate rows, and the confidence gate gets its own precision and recall.
 */
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.includes("--part") ? args[args.indexOf("--part") + 1] : undefined;
const file = args.find((a, i) => !a.startsWith("--") && args[i - 1] !== "--part") ?? "../shared/evals/search-public.jsonl";
const cases = parseEvalFile(readFileSync(file, "utf8"));
const content = await buildContent(path.resolve("content"));
if (!content.graph) throw new Error("content has errors; run npm run content:check");
const runners = contenders(content.graph).filter((c) => !args.includes("--ours") || c.name === "ours");

const hasParts = cases.some((c) => c.src);
const sets: [string, EvalCase[]][] = hasParts
  ? [
      ["tune", cases.filter((c) => partOf(c) === "tune")],
      ["check", cases.filter((c) => partOf(c) === "check")],
      ["all", cases],
    ]
  : [["all", cases]];

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
console.log(`${file}: ${cases.length} queries`);
console.log(
  `${"set".padEnd(6)} ${"search".padEnd(11)} ${"n".padStart(4)} │ ${"rank@1".padStart(7)} ${"rank@3".padStart(7)} ${"MRR".padStart(6)} │ ${"shown@1".padStart(7)} ${"shown@3".padStart(7)} │ ${"OOS".padStart(7)} │ ${"prec".padStart(7)} ${"recall".padStart(7)}`,
);
let oursMisses: EvalMetrics["misses"] = [];
for (const [name, set] of sets) {
  if (only && name !== only) continue;
  for (const runner of runners) {
    const m = evaluate(set, runner.run);
    if (runner.name === "ours" && (only ? name === only : name === "all")) oursMisses = m.misses;
    console.log(
      `${name.padEnd(6)} ${runner.name.padEnd(11)} ${String(set.length).padStart(4)} │ ${pct(m.ranking.top1)} ${pct(m.ranking.top3)} ${m.ranking.mrr.toFixed(3).padStart(6)} │ ${pct(m.presented.top1)} ${pct(m.presented.top3)} │ ${pct(m.outOfScope)} │ ${pct(m.confidence.precision)} ${pct(m.confidence.recall)}`,
    );
  }
}
console.log("rank@k: right entry among the first k ranked; shown@k: …among the first k presented as answers; OOS: out-of-scope queries left unanswered.");
if (verbose) {
  console.log(`\nmisses of ours (${oursMisses.length}):`);
  for (const miss of oursMisses) {
    const expected = miss.expect.length > 0 ? miss.expect.join(",") : "no confident match";
    const q = miss.q.replace(/\s+/g, " ");
    console.log(`- ${JSON.stringify(q.length > 140 ? q.slice(0, 137) + "…" : q)}\n    expected ${expected}; first: ${miss.got ?? "(nothing)"}${miss.rank ? ` (right answer at ${miss.rank})` : ""}${miss.presented ? "" : " [not presented]"}`);
  }
}
