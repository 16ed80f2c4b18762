import { spawn } from "node:child_process";
import http from "node:http";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { freePort, startPostgres, type PostgresServer } from "../../scripts/postgres-server";

/**
 * Stopping loses no vote: SIGTERM reaches the front while votes are still arriving; the front lets
 * the requests in flight finish, then tells Next.js to stop, which first writes what its queue
 * still holds (src/serve/before-exit.ts). Every vote answered 202 is in the database afterwards.
 */
test.describe.configure({ timeout: 240_000 });

let postgres: PostgresServer | null = null;

test.afterAll(() => postgres?.destroy());

test("SIGTERM while votes arrive: every vote answered 202 is stored", async () => {
  postgres = await startPostgres();
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, [".next/standalone/front.mjs"], {
    env: { ...process.env, PORT: String(port), HOSTNAME: "127.0.0.1", DATABASE_URL: postgres.url, FEEDBACK_RATE: "0", SHUTDOWN_TIMEOUT: "60", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  server.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => server.once("exit", (code) => resolve(code)));
  try {
    await expect.poll(async () => (await fetch(`${base}/api/health?ready=feedback`).catch(() => null))?.status, { timeout: 180_000 }).toBe(200);

    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const body = JSON.stringify({ entry: "gptlink-docker-server-error", helpful: true });
    const vote = () =>
      new Promise<number>((resolve) => {
        const req = http.request(`${base}/api/feedback`, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        });
        req.on("error", () => resolve(0));
        req.end(body);
      });
    let answered = 0;
    const votes = Array.from({ length: 600 }, () =>
      vote().then((status) => {
        // Signal with votes still arriving: the last ones accepted are still in the write queue.
        if (++answered === 300) server.kill("SIGTERM");
        return status;
      }),
    );
    const statuses = await Promise.all(votes);
    agent.destroy();
    expect(await exited).toBe(0);
    const accepted = statuses.filter((s) => s === 202).length;
    expect(accepted).toBeGreaterThanOrEqual(300);
    expect(errors).not.toContain("not written before closing");

    const client = new pg.Client({ connectionString: postgres.url });
    await client.connect();
    const { rows } = await client.query<{ n: string }>("select count(*) as n from votes");
    await client.end();
    console.log(`SIGTERM while voting: ${accepted} of ${statuses.length} votes accepted, ${rows[0]?.n} stored`);
    expect(Number(rows[0]?.n)).toBe(accepted);
  } finally {
    server.kill("SIGKILL");
  }
});
