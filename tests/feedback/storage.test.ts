import { writeFileSync } from "node:fs";
import path from "node:path";
import { asc, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteExpired, retentionCutoff } from "@/feedback/retention";
import { searches, searchOpens, votes, wizardOutcomes } from "@/feedback/schema";
import { openStorage, selectRows, StorageBusyError, type Storage } from "@/feedback/storage";
import { writeBatch } from "@/feedback/write";
import { pgliteDirectory, postgresDatabase } from "../helpers/database";

/** The same storage tests against the embedded database and a real PostgreSQL server. */
const DRIVERS = ["pglite", "postgres"] as const;

describe.each(DRIVERS)("storage on %s", (driver) => {
  let storage: Storage;
  let cleanup: () => Promise<void> | void;
  let open: () => Promise<Storage>;

  beforeAll(async () => {
    if (driver === "pglite") {
      const tmp = pgliteDirectory();
      open = () => openStorage({ dataDir: tmp.dir });
      cleanup = tmp.cleanup;
    } else {
      const database = await postgresDatabase();
      open = () => openStorage({ dataDir: "unused", databaseUrl: database.url });
      cleanup = database.cleanup;
    }
    storage = await open();
  }, 180_000);

  afterAll(async () => {
    await storage?.close();
    await cleanup?.();
  }, 60_000);

  it("migrates an empty database to every table, once", async () => {
    expect(storage.kind).toBe(driver);
    const tables = await selectRows<{ table_name: string }>(
      storage.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(["search_opens", "searches", "settings", "votes", "wizard_outcomes"]);
    const applied = await selectRows<{ n: string | number }>(storage.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(Number(applied[0]?.n)).toBe(1);

    // Opening again (a restart, or a second instance) applies nothing twice.
    await storage.close();
    storage = await open();
    const again = await selectRows<{ n: string | number }>(storage.db, sql`select count(*) as n from drizzle.__drizzle_migrations`);
    expect(Number(again[0]?.n)).toBe(1);
  }, 120_000);

  it("stores votes; a session's second vote on the same target replaces its first", async () => {
    await writeBatch(storage, [
      { table: "votes", row: { entry: "e1", helpful: true } },
      { table: "votes", row: { entry: "e1", helpful: true } },
      { table: "votes", row: { session: "s1", entry: "e1", helpful: false, reason: "没用" } },
      { table: "votes", row: { session: "s1", entry: "e1", cause: "c1", helpful: true } },
    ]);
    // Later batch: s1 changes its mind on the entry (same target), and votes twice in one batch on c2.
    await writeBatch(storage, [
      { table: "votes", row: { session: "s1", entry: "e1", helpful: true } },
      { table: "votes", row: { session: "s1", entry: "e1", cause: "c2", helpful: true } },
      { table: "votes", row: { session: "s1", entry: "e1", cause: "c2", helpful: false } },
    ]);
    const rows = await storage.db
      .select({ session: votes.session, cause: votes.cause, helpful: votes.helpful, reason: votes.reason })
      .from(votes)
      .orderBy(asc(votes.id));
    expect(rows).toEqual([
      { session: null, cause: "", helpful: true, reason: null },
      { session: null, cause: "", helpful: true, reason: null },
      { session: "s1", cause: "", helpful: true, reason: null },
      { session: "s1", cause: "c1", helpful: true, reason: null },
      { session: "s1", cause: "c2", helpful: false, reason: null },
    ]);
  });

  it("refuses a reason over 500 characters even if a caller forgets to check", async () => {
    await expect(writeBatch(storage, [{ table: "votes", row: { entry: "e1", helpful: false, reason: "长".repeat(501) } }])).rejects.toThrow();
  });

  it("stores wizard outcomes; a walk's ending replaces 'abandoned' but is never replaced by it", async () => {
    const base = { start: "p1", entry: "p1", answers: 2, path: ["problem/p1/check/a", "problem/p1/fix/a"] };
    await writeBatch(storage, [
      { table: "wizardOutcomes", row: { ...base, run: "r1", outcome: "abandoned", step: "problem/p1/fix/a", cause: "a" } },
      { table: "wizardOutcomes", row: { ...base, run: "r2", outcome: "solved", step: "problem/p1/solved/a", cause: "a" } },
      { table: "wizardOutcomes", row: { ...base, outcome: "unsolved", step: "problem/p1/unsolved" } },
    ]);
    await writeBatch(storage, [
      { table: "wizardOutcomes", row: { ...base, run: "r1", outcome: "solved", step: "problem/p1/solved/a", cause: "a", answers: 3 } },
      { table: "wizardOutcomes", row: { ...base, run: "r2", outcome: "abandoned", step: "problem/p1/check/b", cause: "b" } },
    ]);
    const rows = await storage.db
      .select({ run: wizardOutcomes.run, outcome: wizardOutcomes.outcome, answers: wizardOutcomes.answers, path: wizardOutcomes.path })
      .from(wizardOutcomes)
      .orderBy(sql`run nulls last`);
    expect(rows).toEqual([
      { run: "r1", outcome: "solved", answers: 3, path: base.path },
      { run: "r2", outcome: "solved", answers: 2, path: base.path },
      { run: null, outcome: "unsolved", answers: 2, path: base.path },
    ]);
  });

  it("stores searches and the results opened from them, in either order", async () => {
    const id = "5b7d2c1e-8f3a-4d6b-9c0e-1a2b3c4d5e6f";
    await writeBatch(storage, [{ table: "searchOpens", row: { search: id, entry: "e1", rank: 0 } }]);
    const search = { id, source: "page" as const, query: "errcode 40001", template: "errcode 40001", confident: true, shown: ["e1", "e2"] };
    await writeBatch(storage, [{ table: "searches", row: search }]);
    // The same search sent twice (a retried batch) is kept once.
    await writeBatch(storage, [{ table: "searches", row: search }]);
    expect(await storage.db.select({ id: searches.id, shown: searches.shown, confident: searches.confident }).from(searches)).toEqual([
      { id, shown: ["e1", "e2"], confident: true },
    ]);
    expect(await storage.db.select({ entry: searchOpens.entry, rank: searchOpens.rank }).from(searchOpens)).toEqual([{ entry: "e1", rank: 0 }]);
  });

  it("deletes rows older than the retention period, at a day boundary, from every table", async () => {
    const now = new Date("2026-11-22T15:30:00Z");
    const old = new Date("2026-05-25T23:59:59Z"); // the day before the cutoff
    const kept = new Date("2026-05-26T00:00:00Z"); // the cutoff itself
    expect(retentionCutoff(now, 180)).toEqual(kept);
    await storage.db.delete(votes);
    await storage.db.delete(wizardOutcomes);
    await storage.db.delete(searches);
    await storage.db.delete(searchOpens);
    await writeBatch(storage, [
      { table: "votes", row: { entry: "old", helpful: true, createdAt: old } },
      { table: "votes", row: { entry: "kept", helpful: true, createdAt: kept } },
      { table: "wizardOutcomes", row: { start: "p", outcome: "unsolved", step: "s", answers: 1, path: [], createdAt: old } },
      { table: "searches", row: { id: "00000000-0000-4000-8000-000000000001", source: "page", query: "q", template: "q", confident: false, shown: [], createdAt: old } },
      { table: "searchOpens", row: { search: "00000000-0000-4000-8000-000000000001", entry: "e", rank: 0, createdAt: kept } },
    ]);
    const result = await deleteExpired(storage.db, 180, now);
    expect(result.deleted).toEqual({ votes: 1, wizardOutcomes: 1, searches: 1, searchOpens: 0 });
    expect(await storage.db.select({ entry: votes.entry }).from(votes)).toEqual([{ entry: "kept" }]);
    expect(await storage.db.select({ entry: searchOpens.entry }).from(searchOpens)).toEqual([{ entry: "e" }]);
  });
});

describe("the embedded database's lock", () => {
  it("refuses a data directory that a live process holds", async () => {
    const tmp = pgliteDirectory();
    // Process 1 is always alive.
    writeFileSync(path.join(tmp.dir, "pglite.lock"), "1\n");
    await expect(openStorage({ dataDir: tmp.dir })).rejects.toBeInstanceOf(StorageBusyError);
    tmp.cleanup();
  });
});
