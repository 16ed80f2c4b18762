import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { votes } from "@/feedback/schema";
import { startFeedbackService, type FeedbackService } from "@/feedback/service";
import { openStorage } from "@/feedback/storage";
import { startPostgres, type PostgresServer } from "../../scripts/postgres-server";
import { pgliteDirectory } from "../helpers/database";

const FAST = { probeMs: 100, pingTimeoutMs: 500, retryMinMs: 20, retryMaxMs: 200, slowMs: 2_000 };
const vote = (entry = "e") => ({ table: "votes" as const, row: { entry, helpful: true, createdAt: new Date() } });

async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function storedVotes(service: FeedbackService): Promise<number> {
  const [row] = await service.storage()!.db.select({ n: count() }).from(votes);
  return row?.n ?? 0;
}

describe("the recording service on the embedded database", () => {
  let service: FeedbackService;
  let tmp: ReturnType<typeof pgliteDirectory>;

  beforeAll(async () => {
    tmp = pgliteDirectory();
    service = startFeedbackService({ storage: { dataDir: tmp.dir }, retentionDays: 180, ratePerMinute: 5, config: { ...FAST, queueCap: 8 } });
    await until(() => service.state().status === "ok", "the database to open", 120_000);
  }, 150_000);

  afterAll(async () => {
    await service?.close();
    tmp?.cleanup();
  });

  it("stores what it accepts, and limits each client's rate", async () => {
    const results = Array.from({ length: 6 }, () => service.offer(vote(), "a:1"));
    expect(results.slice(0, 5).every((r) => r.ok)).toBe(true);
    expect(results[5]).toEqual({ ok: false, status: 429, code: "rate_limited", message: "提交太频繁，请稍后再试。" });
    expect(service.offer(vote(), "a:2").ok).toBe(true);
    await service.drained();
    expect(await storedVotes(service)).toBe(6);
    expect(service.stats()).toMatchObject({ accepted: 6, stored: 6, waiting: 0 });
  });

  it("signs sessions with a key kept in the database", () => {
    const sessions = service.sessions()!;
    const { id, cookie } = sessions.issue();
    expect(sessions.verify(cookie)).toBe(id);
  });
});

describe("closing the recording service at shutdown", () => {
  it("writes every record it accepted before it closes the database", async () => {
    const tmp = pgliteDirectory();
    try {
      const service = startFeedbackService({ storage: { dataDir: tmp.dir }, retentionDays: 180, ratePerMinute: 0, config: FAST });
      await until(() => service.state().status === "ok", "the database to open", 120_000);
      const accepted = Array.from({ length: 1500 }, () => service.offer(vote(), "a:1")).filter((r) => r.ok).length;
      expect(accepted).toBe(1500);
      expect(service.stats().waiting).toBeGreaterThan(0);
      await service.close({ flushMs: 60_000 });
      expect(service.offer(vote(), "a:1")).toMatchObject({ ok: false, status: 503 });
      const storage = await openStorage({ dataDir: tmp.dir });
      const [row] = await storage.db.select({ n: count() }).from(votes);
      await storage.close();
      expect(row?.n).toBe(1500);
    } finally {
      tmp.cleanup();
    }
  }, 180_000);
});

describe("the recording service when PostgreSQL stops and comes back", () => {
  let server: PostgresServer;
  let service: FeedbackService;

  beforeAll(async () => {
    server = await startPostgres();
    service = startFeedbackService({ storage: { dataDir: "unused", databaseUrl: server.url }, retentionDays: 180, ratePerMinute: 0, config: FAST });
    await until(() => service.state().status === "ok", "the database to open");
  }, 120_000);

  afterAll(async () => {
    // Bounded, so that the server is stopped even if closing hangs.
    await Promise.race([service?.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
    server?.destroy();
  }, 60_000);

  it("answers 503 while the server is down, and stores again, losing nothing it accepted, once it is back", async () => {
    for (let i = 0; i < 5; i++) expect(service.offer(vote(), "c").ok).toBe(true);
    await service.drained();

    server.stop();
    // A write in the moment before anyone notices is still accepted and kept in memory.
    const racing = service.offer(vote("during"), "c");
    await until(() => service.state().status === "down", "the outage to be noticed");
    const state = service.state();
    expect(state.status === "down" && state.reason.length > 0).toBe(true);
    expect(service.offer(vote(), "c")).toMatchObject({ ok: false, status: 503, code: "storage_unavailable" });

    server.start();
    await until(() => service.state().status === "ok", "the database to answer again");
    expect(service.offer(vote("after"), "c").ok).toBe(true);
    await service.drained();
    expect(await storedVotes(service)).toBe(5 + (racing.ok ? 1 : 0) + 1);
    expect(service.stats().accepted).toBe(service.stats().stored);
  }, 120_000);
});
