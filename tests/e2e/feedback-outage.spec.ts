import { spawn, type ChildProcess } from "node:child_process";
import { expect, test } from "@playwright/test";
import { freePort, startPostgres, type PostgresServer } from "../../scripts/postgres-server";

/**
 * The database is never in the way of reading: a production server on a PostgreSQL server of its
 * own, which this test stops in the middle of the run. Pages and search keep answering 200,
 * feedback answers 503 JSON and health says "degraded"; once PostgreSQL is back, writes succeed.
 */
test.describe.configure({ mode: "serial", timeout: 240_000 });

let postgres: PostgresServer;
let server: ChildProcess;
let base: string;
const TOKEN = "outage-token-0123456789";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await startPostgres();
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [".next/standalone/front.mjs"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: postgres.url, ADMIN_TOKEN: TOKEN, FEEDBACK_RATE: "0", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  await expect.poll(async () => (await health())?.feedback?.status, { timeout: 120_000 }).toBe("ok");
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  postgres?.destroy();
});

async function health(): Promise<{ status: string; reason?: string; feedback?: { status: string } } | null> {
  try {
    return (await (await fetch(`${base}/api/health`)).json()) as { status: string; reason?: string; feedback?: { status: string } };
  } catch {
    return null;
  }
}

const vote = () =>
  fetch(`${base}/api/feedback`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ entry: "gptlink-docker-server-error", helpful: true }) });

async function stored(): Promise<number> {
  const report = (await (await fetch(`${base}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { totals: { votes: { yes: number } } };
  return report.totals.votes.yes;
}

test("PostgreSQL stops mid-run: reading goes on, feedback says 503, and writes succeed after a restart", async () => {
  expect((await vote()).status).toBe(202);

  postgres.stop();
  // The outage is noticed within a few probes; until then a vote is still queued, not lost.
  await expect.poll(async () => (await vote()).status, { timeout: 60_000 }).toBe(503);
  const refused = await vote();
  expect(refused.status).toBe(503);
  expect(refused.headers.get("content-type")).toContain("application/json");
  expect(await refused.json()).toMatchObject({ error: { code: "storage_unavailable" } });
  const degraded = await health();
  expect(degraded).toMatchObject({ status: "degraded", feedback: { status: "down" } });
  expect(degraded?.reason).toMatch(/^feedback database down: /);
  expect(degraded?.reason).not.toContain("postgres://");

  for (const path of ["/", "/entry/gptlink-docker-server-error", "/search?q=errcode%2040001", "/api/search?q=errcode%2040001", "/wizard/gptlink-docker-server-error"]) {
    expect((await fetch(`${base}${path}`)).status, path).toBe(200);
  }
  const insights = await fetch(`${base}/api/insights`, { headers: { authorization: `Bearer ${TOKEN}` } });
  expect(insights.status).toBe(503);

  postgres.start();
  await expect.poll(async () => (await vote()).status, { timeout: 60_000 }).toBe(202);
  await expect.poll(async () => (await health())?.status, { timeout: 30_000 }).toBe("ok");
  // Every vote answered 202, including any queued while the outage went unnoticed, is stored.
  await expect.poll(stored, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
});
