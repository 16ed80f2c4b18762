import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { CspManifestSchema } from "../src/serve/csp-manifest";
import { parseEntryUrl, wizardUrl } from "../src/urls";
import { resolve, type WizardState } from "../src/wizard/engine";
import { getWizardGraph } from "../src/wizard/server";
import { startPostgres } from "./postgres-server";
import { startProductionServer, waitFor } from "./production-server";

/**
 * `npm run load`: drives the production server (the front and the Next.js server behind it, as
 * `npm start` runs them) on loopback with autocannon — entry pages, the search API with a mix of
 * real queries (50-line logs included), and wizard steps — and, as the ceiling, one prerendered
 * entry page from a bare Node `http` server, in the same run. A last row renders wizard steps with
 * the page cache bypassed, to show what a first visit costs. Prints requests/s, p50/p99 latency,
 * non-2xx, errors, the cache's hits and misses, and the memory of both server processes. Run
 * `npm run build` first. LOAD_SECONDS and LOAD_CONNECTIONS override 30 s and 50 connections.
 *
 * Then the vote scenario, twice: POST /api/feedback against the embedded database (PGlite) and
 * against a throwaway PostgreSQL server, with the rate limit off. Besides req/s and p99 it counts
 * the votes in the database once the queue has drained, which must equal the votes accepted (202).
 */
const BARE_SERVER = `
const html = require("node:fs").readFileSync(process.argv[1]);
require("node:http")
  .createServer((_req, res) => res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": html.length }).end(html))
  .listen(Number(process.argv[2]), "127.0.0.1");
`;
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORT = 3300;
const ROOT = path.resolve(".");

// The prerendered pages the build recorded; the entry pages among them are the ones loaded.
const manifest = CspManifestSchema.parse(JSON.parse(readFileSync(path.join(ROOT, ".next/csp-hashes.json"), "utf8")));
const entryPaths = Object.keys(manifest.pages).filter((p) => parseEntryUrl(p) !== null);
if (entryPaths.length === 0) throw new Error("load: the build recorded no entry pages (.next/csp-hashes.json); run `npm run build` first");
const queries = [
  ...readFileSync(path.join(ROOT, "tests/evals/search-dev.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q),
  fiftyLineLog(),
  fiftyLineLog(),
];
const wizardPaths = await wizardSample(300);

// Every server here records into a fresh embedded database, takes as many votes as it is sent,
// and lets this script read its insights (to count what was stored).
const ADMIN_TOKEN = "load-test-token-0123456789";
const dataDir = mkdtempSync(path.join(os.tmpdir(), "kb-load-"));
Object.assign(process.env, { DATA_DIR: dataDir, FEEDBACK_RATE: "0", ADMIN_TOKEN });
process.on("exit", () => rmSync(dataDir, { recursive: true, force: true }));

const server = await startProductionServer(PORT);
let stats = "";
server.stdout.on("data", (chunk: Buffer) => {
  for (const line of chunk.toString("utf8").split("\n")) if (line.startsWith('{"front"')) stats = line;
});
const stop = () => server.kill("SIGTERM");

try {
  const get = (paths: readonly string[]): autocannon.Request[] => paths.map((p) => ({ method: "GET", path: p }));
  const scenarios: [string, autocannon.Request[]][] = [
    [`entry pages (${entryPaths.length})`, get(entryPaths)],
    [
      `search API (POST, ${queries.length} queries incl. 50-line logs)`,
      queries.map((q) => ({ method: "POST", path: "/api/search", headers: { "content-type": "application/json" }, body: JSON.stringify({ q }) })),
    ],
    [`wizard steps (${wizardPaths.length})`, get(wizardPaths)],
  ];
  // Warm-up at full concurrency: one-time work (JIT, first renders into the page cache, V8 sizing
  // its heap for 50 connections) is not growth under load; what grows after it is.
  for (const [, requests] of scenarios) await autocannon({ url: `http://127.0.0.1:${PORT}`, connections: CONNECTIONS, duration: 5, requests });
  const rssBefore = rssMb(server.pid);
  const rows = [];
  for (const [name, requests] of scenarios) {
    const row = await run(name, requests);
    row.memory = rssMb(server.pid);
    rows.push(row);
  }
  const rssAfter = rssMb(server.pid);
  server.kill("SIGUSR2");
  await new Promise((resolve) => setTimeout(resolve, 300));
  const cacheStats = stats;
  // For reference, not a target: what a first visit costs, with the page cache bypassed by a query string.
  rows.push(await run("wizard steps, page cache bypassed (first visits)", get(wizardPaths.map((p) => `${p}?load=uncached`))));
  const votes = [await voteScenario("votes, POST /api/feedback, PGlite", PORT)];
  stop();

  const postgres = await startPostgres();
  try {
    const pgPort = PORT + 2;
    process.env.DATABASE_URL = postgres.url;
    const pgServer = await startProductionServer(pgPort);
    votes.push(await voteScenario("votes, POST /api/feedback, PostgreSQL 15", pgPort));
    pgServer.kill("SIGTERM");
  } finally {
    delete process.env.DATABASE_URL;
    postgres.destroy();
  }
  rows.push(...votes.map((v) => v.row));

  // The ceiling runs in its own process, as the server does: in this one it would share a thread with autocannon.
  const barePort = PORT + 1;
  const bare = spawn(process.execPath, ["-e", BARE_SERVER, path.join(ROOT, ".next/server/app/entry/gptlink-docker-server-error.html"), String(barePort)], { stdio: "ignore" });
  await waitFor(`http://127.0.0.1:${barePort}/`);
  rows.push(await run("ceiling: same entry HTML from bare node:http", [{ method: "GET", path: "/" }], barePort));
  bare.kill("SIGTERM");

  console.log(`\n${SECONDS} s per scenario, ${CONNECTIONS} connections, loopback\n`);
  console.log(`${"scenario".padEnd(52)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)} ${"errors".padStart(7)} ${"RSS MB".padStart(7)}`);
  for (const r of rows) {
    const memory = r.memory === undefined ? "" : r.memory.toFixed(0);
    console.log(`${r.name.padEnd(52)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)} ${memory.padStart(7)}`);
  }
  console.log(`\nserver memory (RSS of the front and the Next.js server, after a 5 s warm-up per scenario): ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after (growth ${(rssAfter - rssBefore).toFixed(0)} MB)`);
  console.log(`page cache after the three scenarios: ${cacheStats || "(no statistics received)"}`);
  for (const v of votes) {
    console.log(
      `${v.row.name}: the server accepted ${v.accepted} (${v.answered} answered 202 within the run), refused ${v.refused}; ` +
        `${v.stored} stored in the database after the queue drained: ${v.stored === v.accepted ? "stored = accepted, nothing lost" : `MISMATCH (${v.accepted - v.stored} missing)`}`,
    );
  }
} finally {
  stop();
}

async function run(name: string, requests: autocannon.Request[], port = PORT) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: SECONDS, requests });
  const row: { name: string; rps: number; p50: number; p99: number; non2xx: number; errors: number; memory?: number } = {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  return row;
}

/**
 * Votes from 50 connections on every entry, half "helpful"; then waits for the queue to drain and
 * counts the votes the database holds, through the insights API (a COUNT in the database).
 */
async function voteScenario(name: string, port: number) {
  const base = `http://127.0.0.1:${port}`;
  const before = await storedVotes(base);
  const acceptedBefore = (await health(base)).accepted;
  const ids = entryPaths.flatMap((p) => parseEntryUrl(p)?.id ?? []);
  const requests = ids.flatMap((entry) =>
    [true, false].map((helpful) => ({ method: "POST" as const, path: "/api/feedback", headers: { "content-type": "application/json" }, body: JSON.stringify({ entry, helpful }) })),
  );
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SECONDS, requests });
  const answered = result.statusCodeStats?.["202"]?.count ?? 0;
  // Requests still in flight when the clock ran out are answered after it: wait until the server
  // has stopped accepting and its queue is empty, then compare its count with the database's.
  let now = await health(base);
  for (let i = 0; i < 600; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    const later = await health(base);
    const settled = later.queued === 0 && later.accepted === now.accepted;
    now = later;
    if (settled) break;
  }
  const accepted = now.accepted - acceptedBefore;
  const stored = (await storedVotes(base)) - before;
  const row: Awaited<ReturnType<typeof run>> = {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
  return { row, accepted, answered, refused: result.non2xx, stored };
}

async function health(base: string): Promise<{ accepted: number; queued: number }> {
  const body = (await (await fetch(`${base}/api/health`)).json()) as { feedback: { accepted: number; queued: number } };
  return body.feedback;
}

async function storedVotes(base: string): Promise<number> {
  for (let i = 0; i < 600; i++) {
    const response = await fetch(`${base}/api/insights`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    if (response.ok) {
      const report = (await response.json()) as { totals: { votes: { yes: number; no: number } } };
      return report.totals.votes.yes + report.totals.votes.no;
    }
    await new Promise((resolve) => setTimeout(resolve, 100)); // the database may still be opening
  }
  throw new Error(`${base}/api/insights did not answer`);
}

/** Resident memory of a process and its children (the front and the Next.js server it starts). */
function rssMb(pid: number | undefined): number {
  if (!pid) return 0;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const own = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
  const children = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent; the name before it is in parentheses.
        return readFileSync(`/proc/${name}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
  return own + children.reduce((sum, child) => sum + rssMb(child), 0);
}

/** Wizard URLs as people reach them: every start, then breadth-first along the answers. */
async function wizardSample(limit: number): Promise<string[]> {
  const graph = await getWizardGraph();
  const queue: WizardState[] = [...graph.starts.keys()].map((start) => ({ start, answers: [] }));
  const paths: string[] = [];
  for (let state = queue.shift(); state && paths.length < limit; state = queue.shift()) {
    const resolved = resolve(graph, state);
    if (!resolved.ok) continue;
    paths.push(wizardUrl(state));
    for (const option of resolved.options) queue.push({ start: state.start, answers: [...state.answers, option.key] });
  }
  return paths;
}

function fiftyLineLog(): string {
  return Array.from({ length: 50 }, (_, i) =>
    i === 37
      ? `2024-06-01 10:${String(i).padStart(2, "0")}:00 ERROR wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-${i}"}`
      : `2024-06-01 10:${String(i).padStart(2, "0")}:00 INFO worker#${i % 4} GET /api/chat/${1000 + i} 200 in ${i * 3}ms from 10.0.${i}.7`,
  ).join("\n");
}
