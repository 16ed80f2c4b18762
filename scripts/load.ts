import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import autocannon from "autocannon";

/**
 * `npm run load`: drives the production (standalone) server on loopback with autocannon — entry
 * pages, the search API with a mix of real queries (50-line logs included) and wizard steps —
 * and, as the ceiling, one prerendered entry page from a bare Node `http` server, in the same
 * run. Prints requests/s, p50/p99 latency, non-2xx, errors and the server's memory. Run
 * `npm run build` first. LOAD_SECONDS and LOAD_CONNECTIONS override 30 s and 50 connections.
 */
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 50);
const PORT = 3300;
const ROOT = path.resolve(".");
const SERVER = path.join(ROOT, ".next/standalone/server.js");
if (!existsSync(SERVER)) {
  console.error("No standalone build: run `npm run build` first.");
  process.exit(1);
}

const hashes = JSON.parse(readFileSync(path.join(ROOT, ".next/csp-hashes.json"), "utf8")) as Record<string, string[]>;
const entryPaths = Object.keys(hashes).filter((p) => p.startsWith("/entry/"));
const queries = [
  ...readFileSync(path.join(ROOT, "tests/evals/search-dev.jsonl"), "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { q: string }).q),
  fiftyLineLog(),
  fiftyLineLog(),
];
const wizardPaths = ["/wizard", "/wizard/triage/docker", "/wizard/gptlink-docker-server-error/n/y", "/wizard/gptlink-docker-server-error/n/n/n", "/wizard/miniprogram-request-fails/error-text"];

const server = spawn(process.execPath, [SERVER], {
  env: { ...process.env, PORT: String(PORT), HOSTNAME: "127.0.0.1", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

try {
  await waitFor(`http://127.0.0.1:${PORT}/api/health`);
  const scenarios: [string, autocannon.Request[]][] = [
    ["entry pages", entryPaths.map((p) => ({ method: "GET", path: p }))],
    [
      "search API (POST, real queries + 50-line logs)",
      queries.map((q) => ({ method: "POST", path: "/api/search", headers: { "content-type": "application/json" }, body: JSON.stringify({ q }) })),
    ],
    ["wizard steps", wizardPaths.map((p) => ({ method: "GET", path: p }))],
  ];
  // Warm-up: one-time work (JIT, caches filled on first use) is not growth under load.
  for (const [, requests] of scenarios) await autocannon({ url: `http://127.0.0.1:${PORT}`, connections: 4, duration: 3, requests });
  const rssBefore = rssMb(server.pid);
  const rows = [];
  for (const [name, requests] of scenarios) rows.push(await run(name, requests));
  const rssAfter = rssMb(server.pid);
  stop();

  const entryHtml = readFileSync(path.join(ROOT, ".next/server/app/entry/gptlink-docker-server-error.html"));
  const bare = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(entryHtml);
  });
  await new Promise<void>((resolve) => bare.listen(0, "127.0.0.1", resolve));
  const barePort = (bare.address() as AddressInfo).port;
  rows.push(await run("ceiling: same entry HTML from bare node:http", [{ method: "GET", path: "/" }], barePort));
  bare.close();

  console.log(`\n${SECONDS} s per scenario, ${CONNECTIONS} connections, loopback\n`);
  console.log(`${"scenario".padEnd(48)} ${"req/s".padStart(8)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"non-2xx".padStart(8)} ${"errors".padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.name.padEnd(48)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}`);
  }
  console.log(`\nserver memory (RSS, after a 3 s warm-up per scenario): ${rssBefore.toFixed(0)} MB before, ${rssAfter.toFixed(0)} MB after (growth ${(rssAfter - rssBefore).toFixed(0)} MB)`);
} finally {
  stop();
}

async function run(name: string, requests: autocannon.Request[], port = PORT) {
  const result = await autocannon({ url: `http://127.0.0.1:${port}`, connections: CONNECTIONS, duration: SECONDS, requests });
  return { name, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors + result.timeouts };
}

async function waitFor(url: string) {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server did not answer ${url}`);
}

function rssMb(pid: number | undefined): number {
  const status = pid ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

function fiftyLineLog(): string {
  return Array.from({ length: 50 }, (_, i) =>
    i === 37
      ? `2024-06-01 10:${String(i).padStart(2, "0")}:00 ERROR wechat api returned {"errcode":42001,"errmsg":"access_token expired rid: 665a1b2c-${i}"}`
      : `2024-06-01 10:${String(i).padStart(2, "0")}:00 INFO worker#${i % 4} GET /api/chat/${1000 + i} 200 in ${i * 3}ms from 10.0.${i}.7`,
  ).join("\n");
}
