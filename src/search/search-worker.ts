import { parentPort, workerData } from "node:worker_threads";
import type { SearchIndexData } from "./index-data";
import { createSearcher, type SearchOptions, type SearchResponse } from "./rank";

/** One thread of the search pool (./pool.ts): a searcher over the index it was started with. */
export interface SearchTask {
  readonly id: number;
  readonly query: string;
  readonly options: SearchOptions;
}

export type SearchTaskResult = { readonly id: number; readonly response: SearchResponse } | { readonly id: number; readonly error: string };

if (parentPort) {
  const port = parentPort;
  const searcher = createSearcher(workerData as SearchIndexData);
  port.on("message", ({ id, query, options }: SearchTask) => {
    let result: SearchTaskResult;
    try {
      result = { id, response: searcher.search(query, options) };
    } catch (error) {
      result = { id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(result);
  });
}
