import path from "node:path";
import { performance } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { gzipSync } from "node:zlib";
import { buildContent } from "../src/content";
import { createGraph, type KnowledgeGraph } from "../src/content/graph";
import type { Entry } from "../src/content/schema";
import { readFileSync } from "node:fs";
import { baselineRecords, createBaseline, createMiniSearch } from "../src/search/baseline";
import { parseEvalFile } from "../src/search/eval";
import { buildSearchIndex, forBrowser } from "../src/search/build-index";
import { createSearchPool } from "../src/search/pool";
import { toPublicResponse } from "../src/search/public";
import { prepareQuery } from "../src/search/query";
import { createSearcher, type Searcher } from "../src/search/rank";
import { MAX_REQUEST_BYTES, parseSearchRequest, SearchBodySchema } from "../src/search/request";

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

const sizes = (process.argv[2] ?? "real,1000,10000,hostile").split(",");
for (const size of sizes) {
  if (size === "hostile") continue;
  const graph = size === "real" ? base : generate(base, Number(size));
  report(size === "real" ? `real corpus (${graph.entries.length} entries)` : `generated corpus (${graph.entries.length} entries)`, graph);
}
if (sizes.includes("hostile")) await hostile(base);

function report(label: string, graph: KnowledgeGraph) {
  console.log(`\n## ${label}`);
  const t0 = performance.now();
  const data = buildSearchIndex(graph);
  const buildMs = performance.now() - t0;
  const json = JSON.stringify(data);
  const browser = JSON.stringify(forBrowser(data));
  console.log(
    `index build ${buildMs.toFixed(0)} ms; serialised ${kb(Buffer.byteLength(json))} raw; as the browser loads it ${kb(Buffer.byteLength(browser))} raw, ${kb(gzipSync(browser).byteLength)} gzip`,
  );
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
 * Hostile input on the real corpus: every adversarial shape cut to 20 KB against an ordinary
 * 20 KB log, through what the server does (cut, mask, search), and a 256 KB POST body through the
 * API route's steps (parse, cut, mask, search in the worker pool, JSON) without HTTP.
 * Targets (printed, not asserted): worst shape within 5× the ordinary log and under 50 ms;
 * the 256 KB POST answered in under 100 ms.
 */
async function hostile(graph: KnowledgeGraph) {
  console.log("\n## hostile input (real corpus)");
  const data = buildSearchIndex(graph);
  const searcher = createSearcher(data);
  const served = (searcher: Searcher, raw: string) => searcher.search(prepareQuery(raw).text);
  const normal = time(() => served(searcher, ordinaryLog(20 * 1024)), 50, 10_000);
  console.log(`${"input (20 KB)".padEnd(28)} ${"p50".padStart(10)} ${"p99".padStart(10)} ${"× log".padStart(8)}`);
  console.log(`${"ordinary 20 KB log".padEnd(28)} ${ms(normal.p50)} ${ms(normal.p99)} ${"1.0×".padStart(8)}`);
  let worst = { name: "", p50: 0 };
  for (const [name, text] of Object.entries(hostileShapes(20 * 1024))) {
    const t = time(() => served(searcher, text), 30, 5_000);
    if (t.p50 > worst.p50) worst = { name, p50: t.p50 };
    console.log(`${name.padEnd(28)} ${ms(t.p50)} ${ms(t.p99)} ${`${(t.p50 / normal.p50).toFixed(1)}×`.padStart(8)}`);
  }
  const ratio = worst.p50 / normal.p50;
  console.log(`worst: ${worst.name} ${worst.p50.toFixed(1)} ms p50, ${ratio.toFixed(1)}× the ordinary log (targets: ≤ 5×, < 50 ms): ${ratio <= 5 && worst.p50 < 50 ? "met" : "NOT met"}`);

  const pool = createSearchPool(data, { size: 1, spawn: (workerData) => new Worker(new URL("./search-worker-from-source.mjs", import.meta.url), { workerData }) });
  const body = JSON.stringify({ q: "a.".repeat(MAX_REQUEST_BYTES / 2 - 16) });
  const answer = async () => {
    const parsed = SearchBodySchema.parse(JSON.parse(body));
    const request = parseSearchRequest(parsed.q, parsed.limit);
    if (!request.ok) throw new Error(request.message);
    const query = prepareQuery(request.query);
    const response = await pool.search(query.text, { limit: request.limit });
    return JSON.stringify(toPublicResponse({ ...response, truncated: query.truncated }));
  };
  await answer(); // starts the worker
  const samples: number[] = [];
  for (let i = 0; i < 30; i++) {
    const t = performance.now();
    await answer();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[15] ?? 0;
  console.log(`256 KB POST body ("a." repeated) through the route's steps and the worker pool: p50 ${p50.toFixed(1)} ms, max ${(samples.at(-1) ?? 0).toFixed(1)} ms (target < 100 ms): ${p50 < 100 ? "met" : "NOT met"}`);
  await pool.close();
}

/** The probe's shapes and their neighbours, each repeated to `bytes`, plus the worst kinds of log. */
function hostileShapes(bytes: number): Record<string, string> {
  const repeat = (unit: string) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit))).slice(0, bytes);
  const shapes: Record<string, string> = {};
  for (const unit of ["a.", "a-", "A.", "1%", "a@", "a:", "a=", "1.", "a1", "-", "/", "日志", "错误连接超时", "wx ", "mysql -p", "password=", '"a":"']) {
    shapes[`${JSON.stringify(unit)} repeated`] = repeat(unit);
  }
  shapes["a. on 400+ lines"] = repeat("a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a\n");
  const distinct: string[] = [];
  for (let i = 0; Buffer.byteLength(distinct.join("\n")) < bytes; i++) distinct.push(`error ${"abcdefghij"[i % 10]}${"klmnopqrst"[Math.floor(i / 10) % 10]}${"uvwxyzabcd"[Math.floor(i / 100) % 10]} failed ${i}`);
  shapes["distinct error lines"] = distinct.join("\n");
  shapes["one 20 KB Han run"] = "错误连接超时证书域名端口容器镜像网络".repeat(400).slice(0, Math.floor(bytes / 3));
  return shapes;
}

/** An ordinary application log of about `bytes`: varied lines, a few warnings and errors. */
function ordinaryLog(bytes: number): string {
  const templates = [
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:${String((i * 7) % 60).padStart(2, "0")} INFO  http: GET /api/chat/${1000 + i} 200 in ${i % 90}ms from 10.0.${i % 250}.${(i * 3) % 250}`,
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:11 DEBUG worker-${i % 8} picked job ${(i * 7919).toString(16)} queue=default attempts=1`,
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:12 INFO  redis: cache hit user:${i} ttl=3600`,
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:13 WARN  wechat api slow response ${200 + i}ms for /cgi-bin/message/custom/send`,
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:14 INFO  mysql: query ok rows=${i % 17} took ${i % 40}ms`,
    (i: number) => `[2024-06-01 10:${String(i % 60).padStart(2, "0")}:15] local.ERROR: SQLSTATE[HY000] [2002] Connection refused (SQL: select * from users where id = ${i})`,
    (i: number) => `2024-06-01 10:${String(i % 60).padStart(2, "0")}:16 ERROR wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-${i}"}`,
  ];
  const lines: string[] = [];
  for (let i = 0; Buffer.byteLength(lines.join("\n")) < bytes; i++) lines.push((templates[i % templates.length] ?? templates[0]!)(i));
  return lines.join("\n");
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
