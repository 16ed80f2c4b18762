import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildContent } from "@/content";
import { buildSearchIndex } from "@/search/build-index";
import type { SearchIndexData } from "@/search/index-data";
import { createSearchPool, SearchUnavailableError, type SearchPool } from "@/search/pool";
import { createSearcher } from "@/search/rank";

// The workers run the TypeScript sources, compiled on the fly.
const spawn = (workerData: SearchIndexData) => new Worker(new URL("../../scripts/search-worker-from-source.mjs", import.meta.url), { workerData });

let data: SearchIndexData;
let pool: SearchPool;

beforeAll(async () => {
  const content = await buildContent(path.resolve("content"));
  if (!content.graph) throw new Error("content has errors");
  data = buildSearchIndex(content.graph);
  pool = createSearchPool(data, { size: 2, spawn });
});
afterAll(() => pool.close());

describe("search pool", () => {
  it("answers what the searcher answers on this thread", async () => {
    const searcher = createSearcher(data);
    for (const query of ["errcode 40001", "企微 回调出错", "2024-06-01 ERROR sql.ERROR: SQLSTATE[HY000] [2002] Connection refused\nnext line"]) {
      expect(await pool.search(query, { limit: 3 })).toEqual(searcher.search(query, { limit: 3 }));
    }
  });

  it("runs searches side by side and keeps answering after many", async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_v, i) => pool.search(`errcode 4000${i % 10}`)));
    expect(answers).toHaveLength(20);
    expect(answers[1]?.query).toBe("errcode 40001");
  });

  it("refuses work beyond its queue instead of piling it up", async () => {
    const small = createSearchPool(data, { size: 1, maxQueue: 1, spawn });
    try {
      const first = small.search("errcode 40001");
      const second = small.search("errcode 40001");
      await expect(small.search("errcode 40001")).rejects.toEqual(new SearchUnavailableError("busy"));
      await Promise.all([first, second]);
    } finally {
      await small.close();
    }
  });

  it("gives up on a search that overruns its deadline and replaces the worker", async () => {
    // A deadline no search can meet (the worker is still starting): the caller is not kept waiting.
    const hasty = createSearchPool(data, { size: 1, timeoutMs: 1, spawn });
    try {
      await expect(hasty.search("errcode 40001")).rejects.toEqual(new SearchUnavailableError("timeout"));
    } finally {
      await hasty.close();
    }
  });
});
