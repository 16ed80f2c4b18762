import { EventEmitter } from "node:events";
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SearchIndexData } from "@/search/index-data";
import { createSearchPool, SearchUnavailableError, type SearchPoolOptions } from "@/search/pool";
import type { SearchResponse } from "@/search/rank";
import type { SearchTask } from "@/search/search-worker";

/**
 * The pool's queueing, deadlines and worker replacement, with stand-in workers that answer only
 * when a test tells them to (pool.test.ts runs real workers; these decide every step themselves).
 */
class FakeWorker extends EventEmitter {
  readonly posted: SearchTask[] = [];
  /** Whether the worker keeps the process alive (ref) or not (unref). */
  referenced = true;
  terminated = false;

  postMessage(task: SearchTask) {
    this.posted.push(task);
  }
  ref() {
    this.referenced = true;
  }
  unref() {
    this.referenced = false;
  }
  /** As a real worker does, says it exited before the promise settles. */
  terminate() {
    this.terminated = true;
    this.emit("exit", 1);
    return Promise.resolve(1);
  }
  /** Answers the last task it was given. */
  answer(id = this.last().id) {
    this.emit("message", { id, response: { query: this.last().query } as SearchResponse });
  }
  fail() {
    this.emit("message", { id: this.last().id, error: "boom" });
  }
  last(): SearchTask {
    const task = this.posted.at(-1);
    if (!task) throw new Error("no task posted");
    return task;
  }
}

const data = {} as SearchIndexData;

function fakePool(options: Omit<SearchPoolOptions, "spawn"> = {}) {
  const workers: FakeWorker[] = [];
  const spawn = () => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  };
  return { pool: createSearchPool(data, { ...options, spawn }), workers };
}

/** Lets the pool's promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

afterEach(() => {
  vi.useRealTimers();
});

describe("search pool, step by step", () => {
  it("starts a worker on the first search only, hands it the query and resolves with its answer", async () => {
    const { pool, workers } = fakePool({ size: 2 });
    expect(workers).toHaveLength(0);
    const answer = pool.search("errcode 40001", { limit: 3 });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted).toEqual([{ id: 0, query: "errcode 40001", options: { limit: 3 } }]);
    workers[0]!.answer();
    await expect(answer).resolves.toEqual({ query: "errcode 40001" });
  });

  it("keeps the process alive only while a worker is busy", async () => {
    const { pool, workers } = fakePool({ size: 1 });
    pool.warm();
    expect(workers[0]!.referenced).toBe(false);
    const answer = pool.search("a");
    expect(workers[0]!.referenced).toBe(true);
    workers[0]!.answer();
    await answer;
    expect(workers[0]!.referenced).toBe(false);
  });

  it("starts at most `size` workers, reuses an idle one, and queues the rest in order", async () => {
    const { pool, workers } = fakePool({ size: 2 });
    const answers = ["a", "b", "c", "d"].map((q) => pool.search(q));
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.last().query)).toEqual(["a", "b"]);
    workers[1]!.answer();
    await expect(answers[1]).resolves.toEqual({ query: "b" });
    // The freed worker takes the oldest waiting search; no third worker is started.
    expect(workers[1]!.last().query).toBe("c");
    workers[0]!.answer();
    expect(workers[0]!.last().query).toBe("d");
    expect(workers).toHaveLength(2);
  });

  it("ignores an answer to a search the worker is not running", async () => {
    const { pool, workers } = fakePool({ size: 1 });
    let settled = false;
    void pool.search("a").then(() => (settled = true));
    workers[0]!.answer(99);
    await settle();
    expect(settled).toBe(false);
    workers[0]!.answer();
    await settle();
    expect(settled).toBe(true);
    // An idle worker's stray message is ignored too, and the worker is still used.
    workers[0]!.answer(0);
    const next = pool.search("b");
    workers[0]!.answer();
    await expect(next).resolves.toEqual({ query: "b" });
  });

  it("rejects a search the worker failed and goes on with the next", async () => {
    const { pool, workers } = fakePool({ size: 1 });
    const first = pool.search("a");
    const second = pool.search("b");
    workers[0]!.fail();
    await expect(first).rejects.toEqual(new SearchUnavailableError("failed"));
    expect(workers[0]!.last().query).toBe("b");
    workers[0]!.answer();
    await expect(second).resolves.toEqual({ query: "b" });
  });

  it("replaces a lost worker only when a search needs one", async () => {
    const { pool, workers } = fakePool({ size: 1 });
    const lost = pool.search("a");
    workers[0]!.emit("exit", 1);
    await expect(lost).rejects.toEqual(new SearchUnavailableError("failed"));
    expect(workers).toHaveLength(1);
    const next = pool.search("b");
    expect(workers).toHaveLength(2);
    workers[1]!.answer();
    await expect(next).resolves.toEqual({ query: "b" });
  });

  it.each(["error", "exit"])("rejects the search of a worker lost by %s, and replaces that worker", async (event) => {
    const { pool, workers } = fakePool({ size: 1 });
    const first = pool.search("a");
    const second = pool.search("b");
    workers[0]!.emit(event, new Error("gone"));
    await expect(first).rejects.toEqual(new SearchUnavailableError("failed"));
    expect(workers).toHaveLength(2);
    expect(workers[1]!.last().query).toBe("b");
    // A worker lost twice (an error, then its exit) is counted once.
    workers[0]!.emit(event === "error" ? "exit" : "error");
    workers[1]!.answer();
    await expect(second).resolves.toEqual({ query: "b" });
    expect(workers).toHaveLength(2);
  });

  it("abandons a search at its deadline: the worker is terminated and replaced, the next search goes on", async () => {
    vi.useFakeTimers();
    const { pool, workers } = fakePool({ size: 1, timeoutMs: 1000 });
    const first = pool.search("a");
    const second = pool.search("b");
    const rejected = expect(first).rejects.toEqual(new SearchUnavailableError("timeout"));
    vi.advanceTimersByTime(999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await rejected;
    expect(workers[0]!.terminated).toBe(true);
    expect(workers[0]!.referenced).toBe(false);
    expect(workers[1]!.last().query).toBe("b");
    workers[1]!.answer();
    await expect(second).resolves.toEqual({ query: "b" });
  });

  it("clears the deadline of a search that was answered in time", async () => {
    vi.useFakeTimers();
    const { pool, workers } = fakePool({ size: 1, timeoutMs: 1000 });
    const first = pool.search("a");
    workers[0]!.answer();
    await first;
    vi.advanceTimersByTime(5000);
    expect(workers[0]!.terminated).toBe(false);
    const second = pool.search("b");
    expect(workers).toHaveLength(1);
    workers[0]!.answer();
    await expect(second).resolves.toEqual({ query: "b" });
  });

  it("waits 10 seconds by default before abandoning a search", async () => {
    vi.useFakeTimers();
    const { pool, workers } = fakePool({ size: 1 });
    const answer = pool.search("a");
    const rejected = expect(answer).rejects.toEqual(new SearchUnavailableError("timeout"));
    vi.advanceTimersByTime(9999);
    expect(workers[0]!.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    await rejected;
  });

  it("refuses a search once `maxQueue` are waiting, and takes one again when the queue moves", async () => {
    const { pool, workers } = fakePool({ size: 1, maxQueue: 2 });
    const running = pool.search("a");
    const waiting = [pool.search("b"), pool.search("c")];
    await expect(pool.search("d")).rejects.toEqual(new SearchUnavailableError("busy"));
    workers[0]!.answer();
    await running;
    const accepted = pool.search("e");
    await pool.close();
    for (const p of [...waiting, accepted]) await expect(p).rejects.toEqual(new SearchUnavailableError("failed"));
  });

  it("lets 256 searches wait by default", async () => {
    const { pool } = fakePool({ size: 1 });
    const accepted = Array.from({ length: 257 }, (_v, i) => pool.search(`q${i}`));
    await expect(pool.search("one too many")).rejects.toEqual(new SearchUnavailableError("busy"));
    await pool.close();
    await Promise.allSettled(accepted);
  });

  it("warms up to `size` workers, one per core beyond the first (1 to 4) by default", async () => {
    const sized = fakePool({ size: 3 });
    sized.pool.warm();
    sized.pool.warm();
    expect(sized.workers).toHaveLength(3);
    const byDefault = fakePool();
    byDefault.pool.warm();
    expect(byDefault.workers).toHaveLength(Math.min(4, Math.max(1, availableParallelism() - 1)));
    await Promise.all([sized.pool.close(), byDefault.pool.close()]);
  });

  it("once closed, terminates its workers, rejects what waited and refuses new searches", async () => {
    const { pool, workers } = fakePool({ size: 1 });
    const running = pool.search("a");
    const waiting = pool.search("b");
    await pool.close();
    expect(workers[0]!.terminated).toBe(true);
    // The running search's worker exited: it is rejected like any lost worker's, and not replaced.
    await expect(running).rejects.toEqual(new SearchUnavailableError("failed"));
    await expect(waiting).rejects.toEqual(new SearchUnavailableError("failed"));
    await expect(pool.search("c")).rejects.toEqual(new SearchUnavailableError("failed"));
    pool.warm();
    expect(workers).toHaveLength(1);
  });

  it("names its error and says why", () => {
    const error = new SearchUnavailableError("busy");
    expect(error.name).toBe("SearchUnavailableError");
    expect(error.message).toBe("search busy");
    expect(error.reason).toBe("busy");
  });
});
