import path from "node:path";
import { performance } from "node:perf_hooks";
import { gzipSync } from "node:zlib";
import { buildContent } from "../src/content";
import { createGraph, type KnowledgeGraph } from "../src/content/graph";
import type { Entry } from "../src/content/schema";
import { readFileSync } from "node:fs";
import { baselineRecords, createBaseline, createMiniSearch } from "../src/search/baseline";
import { parseEvalFile } from "../src/search/eval";
import { buildSearchIndex } from "../src/search/build-index";
import { createSearcher } from "../src/search/rank";

/**
 * `npm run bench:search`: index build time, serialised size, and query latency per query type on
 * the real corpus and on generated 1,000- and 10,000-entry corpora, with plain fuse.js over all
 * entry text (default options) as the baseline, in the same run. Figures are printed, not asserted.
 */
const real = await buildContent(path.resolve("content"));
if (!real.graph) throw new Error("content has errors; run npm run content:check");
const base = real.graph;

const QUERIES = {
  "short Chinese phrase": "企微 回调出错",
  "error code": "errcode 40001",
  "English log line": "2024-06-01 10:05:12 ERROR request failed: net::ERR_CONNECTION_CLOSED at https://photogooo.com/api/user/visit",
  "50-line log": fiftyLineLog(),
};

const sizes = (process.argv[2] ?? "real,1000,10000").split(",");
for (const size of sizes) {
  const graph = size === "real" ? base : generate(base, Number(size));
  report(size === "real" ? `real corpus (${graph.entries.length} entries)` : `generated corpus (${graph.entries.length} entries)`, graph);
}

function report(label: string, graph: KnowledgeGraph) {
  console.log(`\n## ${label}`);
  const t0 = performance.now();
  const data = buildSearchIndex(graph);
  const buildMs = performance.now() - t0;
  const json = JSON.stringify(data);
  console.log(`index build ${buildMs.toFixed(0)} ms; serialised ${kb(Buffer.byteLength(json))} raw, ${kb(gzipSync(json).byteLength)} gzip`);
  const t1 = performance.now();
  const searcher = createSearcher(JSON.parse(json));
  console.log(`index load (parse + prepare) ${(performance.now() - t1).toFixed(0)} ms`);
  const records = baselineRecords(graph);
  const baseline = createBaseline(records);
  // Plain fuse.js is linear in the corpus; where one run would take minutes it is timed on a
  // 1,000-entry slice and scaled, and the line says so.
  const slice = records.length > 2_000 ? createBaseline(records.slice(0, 1_000)) : null;
  const scale = records.length / 1_000;

  console.log(`${"query type".padEnd(22)} ${"ours p50".padStart(10)} ${"ours p99".padStart(10)} ${"fuse p50".padStart(10)} ${"fuse p99".padStart(10)} ${"p99 ratio".padStart(10)}`);
  for (const [name, query] of Object.entries(QUERIES)) {
    const ours = time(() => searcher.search(query), 200, 5_000);
    const estimated = slice !== null && name === "50-line log";
    const measured = estimated ? time(() => slice(query), 3, 20_000) : time(() => baseline(query), 30, 20_000);
    const fuse = estimated ? { p50: measured.p50 * scale, p99: measured.p99 * scale, runs: measured.runs } : measured;
    const ratio = fuse.p99 / Math.max(ours.p99, 0.001);
    const note = estimated ? `  (fuse: scaled from a 1,000-entry slice, ${fuse.runs} runs)` : fuse.runs < 30 ? `  (fuse: ${fuse.runs} runs)` : "";
    console.log(`${name.padEnd(22)} ${ms(ours.p50)} ${ms(ours.p99)} ${ms(fuse.p50)} ${ms(fuse.p99)} ${`${ratio.toFixed(0)}×`.padStart(10)}${note}`);
  }
  devQueries(searcher, createMiniSearch(records));
}

/**
 * Every query of the real-user development set, each timed once after a warm-up pass: real
 * queries are long stories and pasted logs, which the four types above do not cover. MiniSearch
 * (same tokenizer) is timed on the same queries.
 */
function devQueries(searcher: ReturnType<typeof createSearcher>, mini: (q: string) => string[]) {
  const queries = parseEvalFile(readFileSync("tests/evals/real-dev.jsonl", "utf8")).map((c) => c.q);
  const sample = (fn: (q: string) => unknown) => {
    for (const q of queries.slice(0, 20)) fn(q);
    const samples = queries.map((q) => {
      const t = performance.now();
      fn(q);
      return { q, ms: performance.now() - t };
    });
    samples.sort((a, b) => a.ms - b.ms);
    const at = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]?.ms ?? 0;
    return { p50: at(0.5), p99: at(0.99), max: samples.at(-1) };
  };
  const ours = sample((q) => searcher.search(q));
  const stock = sample(mini);
  console.log(`${`development queries (${queries.length})`.padEnd(22)} ${ms(ours.p50)} ${ms(ours.p99)}   slowest ${ms(ours.max?.ms ?? 0).trim()} (${JSON.stringify((ours.max?.q ?? "").slice(0, 40))}…)`);
  console.log(`${"  MiniSearch, same".padEnd(22)} ${ms(stock.p50)} ${ms(stock.p99)}`);
}

/**
 * Runs `fn` up to `runs` times or until `budgetMs` is spent (at least once), after one warm-up
 * unless a single run is already slow enough that warming up is noise.
 */
function time(fn: () => unknown, runs: number, budgetMs: number) {
  const samples: number[] = [];
  const first = performance.now();
  fn();
  const firstMs = performance.now() - first;
  if (firstMs > budgetMs / 4) samples.push(firstMs);
  const start = performance.now();
  while (samples.length < runs && (samples.length < 1 || performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), runs: samples.length };
}

/**
 * Copies of the real entries, each renamed and given words from a synthetic vocabulary, so that
 * the corpus has many distinct terms as a real large knowledge base would, not 200 identical copies.
 */
function generate(graph: KnowledgeGraph, target: number): KnowledgeGraph {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const han = "错误连接超时证书域名端口容器镜像网络服务器配置权限日志数据库缓存回调支付登录消息应用接口代理防火墙安全组部署重启";
  const pick = () => (random() < 0.5 ? `${han[Math.floor(random() * han.length)]}${han[Math.floor(random() * han.length)]}${Math.floor(random() * 90)}` : `term${Math.floor(random() * 20000)}`);
  const entries: Entry[] = [];
  for (let i = 0; entries.length < target; i++) {
    const source = graph.entries[i % graph.entries.length];
    if (!source) break;
    const copy = structuredClone(source);
    const words = Array.from({ length: 12 }, pick).join(" ");
    copy.id = `${source.id}-g${i}`;
    copy.title = `${source.title} ${pick()}`;
    copy.summary = `${source.summary} ${words}`;
    copy.signatures = source.signatures.map((s) => `${s} ${pick()}`);
    copy.tags = [...source.tags, pick(), pick()];
    entries.push(copy);
  }
  return createGraph(entries, graph.taxonomy, graph.upstream, `generated-${target}`);
}

function fiftyLineLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < 50; i++) {
    const ts = `2024-06-01 10:${String(i).padStart(2, "0")}:0${i % 10}`;
    if (i === 31) lines.push(`${ts} ERROR wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-${i}"}`);
    else if (i === 44) lines.push(`${ts} ERROR sql.ERROR: SQLSTATE[HY000] [2002] Connection refused`);
    else lines.push(`${ts} INFO worker#${i % 4} handled GET /api/chat/${1000 + i} 200 in ${i * 3}ms from 10.0.${i}.7`);
  }
  return lines.join("\n");
}

function kb(bytes: number) {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024).toFixed(1)} KB`;
}

function ms(value: number) {
  return `${value.toFixed(2)} ms`.padStart(10);
}
