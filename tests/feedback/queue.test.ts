import { describe, expect, it } from "vitest";
import { WriteQueue, type PendingRecord } from "@/feedback/queue";

const vote = (entry: string): PendingRecord => ({ table: "votes", row: { entry, helpful: true } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

function queue(write: (batch: readonly PendingRecord[]) => Promise<void>, cap = 10) {
  return new WriteQueue({ cap, batchSize: 2, retryMinMs: 1, retryMaxMs: 4, write });
}

describe("the write queue", () => {
  it("holds records until resumed, then writes them in order, in batches", async () => {
    const batches: string[][] = [];
    const q = queue(async (batch) => {
      batches.push(batch.map((r) => (r.table === "votes" ? r.row.entry : "")));
    });
    for (const e of ["a", "b", "c"]) expect(q.offer(vote(e))).toBe(true);
    await tick();
    expect(batches).toEqual([]);
    q.resume();
    await q.drained();
    expect(batches).toEqual([["a", "b"], ["c"]]);
    expect(q.stats).toMatchObject({ accepted: 3, stored: 3, waiting: 0, rejected: 0 });
  });

  it("refuses records past its cap", () => {
    const q = queue(async () => undefined, 2);
    expect([q.offer(vote("a")), q.offer(vote("b")), q.offer(vote("c"))]).toEqual([true, true, false]);
    expect(q.full).toBe(true);
    expect(q.stats).toMatchObject({ accepted: 2, rejected: 1 });
  });

  it("keeps a failed batch at the head and tries it again, so nothing accepted is lost", async () => {
    let failures = 2;
    const written: string[] = [];
    const results: unknown[] = [];
    const q = new WriteQueue({
      cap: 10,
      batchSize: 5,
      retryMinMs: 1,
      retryMaxMs: 4,
      write: async (batch) => {
        if (failures-- > 0) throw new Error("database down");
        written.push(...batch.map((r) => (r.table === "votes" ? r.row.entry : "")));
      },
      onResult: (error) => results.push(error === null ? "ok" : (error as Error).message),
    });
    q.resume();
    q.offer(vote("a"));
    q.offer(vote("b"));
    await q.drained();
    expect(written).toEqual(["a", "b"]);
    expect(results).toEqual(["database down", "database down", "ok"]);
    expect(q.stats).toMatchObject({ accepted: 2, stored: 2, waiting: 0 });
  });
});
