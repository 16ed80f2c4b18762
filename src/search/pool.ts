import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { SearchIndexData } from "./index-data";
import type { SearchOptions, SearchResponse } from "./rank";
import type { SearchTask, SearchTaskResult } from "./search-worker";

/**
 * Searches run in worker threads, so that a big paste keeps a worker busy, not the thread that
 * answers every page, the API and the health check. A small pool of long-lived workers, each
 * holding its own searcher built from the same index; requests wait in a bounded queue, a
 * search that overruns its deadline costs its worker (terminated and replaced), and the caller
 * gets an error it can answer with 503 instead of waiting.
 *
 * Written on `node:worker_threads` rather than a pool library: the bundler (Turbopack) compiles
 * a worker only when it sees `new Worker(new URL("./file.ts", import.meta.url))` itself, and the
 * pool libraries take a file name.
 */
export class SearchUnavailableError extends Error {
  constructor(readonly reason: "busy" | "timeout" | "failed") {
    super(`search ${reason}`);
    this.name = "SearchUnavailableError";
  }
}

export interface SearchPoolOptions {
  /** Worker threads; default: one per core beyond the first, at least 1, at most 4. */
  readonly size?: number;
  /** A search still running after this long is abandoned and its worker replaced. */
  readonly timeoutMs?: number;
  /** Searches allowed to wait for a worker; more are refused at once. */
  readonly maxQueue?: number;
  /**
   * Starts one worker. Code run from TypeScript sources (tests, `npm run bench:search`) starts
   * scripts/search-worker-from-source.mjs, which compiles ./search-worker.ts on the fly; built
   * code starts the worker the bundler compiled.
   */
  readonly spawn?: (data: SearchIndexData) => Worker;
}

export interface SearchPool {
  search(query: string, options?: SearchOptions): Promise<SearchResponse>;
  /** Starts every worker now rather than on the first searches. */
  warm(): void;
  close(): Promise<void>;
}

interface Task {
  readonly message: SearchTask;
  readonly resolve: (response: SearchResponse) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

const DEFAULTS = { timeoutMs: 10_000, maxQueue: 256 } as const;

/** In exactly this form (a literal `new URL`), so that the bundler compiles the worker and points here at the result. */
const spawnBuilt = (data: SearchIndexData) => new Worker(new URL("./search-worker.ts", import.meta.url), { workerData: data });

export function createSearchPool(data: SearchIndexData, options: SearchPoolOptions = {}): SearchPool {
  const size = options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const maxQueue = options.maxQueue ?? DEFAULTS.maxQueue;
  const slots = new Set<Slot>();
  const queue: Task[] = [];
  let nextId = 0;
  let closed = false;

  function spawn(): Slot {
    const worker = (options.spawn ?? spawnBuilt)(data);
    // Only a busy worker keeps the process alive (see run and finish), not an idle one.
    worker.unref();
    const slot: Slot = { worker, task: null, timer: null };
    worker.on("message", (result: SearchTaskResult) => {
      const task = slot.task;
      if (!task || task.message.id !== result.id) return;
      finish(slot);
      if ("response" in result) task.resolve(result.response);
      else task.reject(new SearchUnavailableError("failed"));
      next();
    });
    const lost = () => {
      if (!slots.delete(slot)) return;
      const task = slot.task;
      finish(slot);
      task?.reject(new SearchUnavailableError("failed"));
      next();
    };
    worker.on("error", lost);
    worker.on("exit", lost);
    slots.add(slot);
    return slot;
  }

  function finish(slot: Slot) {
    slot.worker.unref();
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
  }

  function run(slot: Slot, task: Task) {
    slot.task = task;
    slot.worker.ref();
    slot.timer = setTimeout(() => {
      slots.delete(slot);
      finish(slot);
      void slot.worker.terminate();
      task.reject(new SearchUnavailableError("timeout"));
      next();
    }, timeoutMs);
    slot.timer.unref();
    slot.worker.postMessage(task.message);
  }

  function next() {
    while (!closed && queue.length > 0) {
      const idle = [...slots].find((slot) => slot.task === null) ?? (slots.size < size ? spawn() : null);
      const task = idle ? queue.shift() : undefined;
      if (!idle || !task) return;
      run(idle, task);
    }
  }

  return {
    search(query, searchOptions = {}) {
      if (closed) return Promise.reject(new SearchUnavailableError("failed"));
      if (queue.length >= maxQueue) return Promise.reject(new SearchUnavailableError("busy"));
      return new Promise<SearchResponse>((resolve, reject) => {
        queue.push({ message: { id: nextId++, query, options: searchOptions }, resolve, reject });
        next();
      });
    },
    warm() {
      while (!closed && slots.size < size) spawn();
    },
    async close() {
      closed = true;
      for (const task of queue.splice(0)) task.reject(new SearchUnavailableError("failed"));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
      slots.clear();
    },
  };
}
