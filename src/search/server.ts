import { getKnowledgeGraph } from "@/content";
import { buildSearchIndex } from "./build-index";
import type { SearchIndexData } from "./index-data";
import { createSearchPool, type SearchPool } from "./pool";
import type { PreparedQuery } from "./query";
import type { SearchResponse } from "./rank";

let index: Promise<SearchIndexData> | null = null;
let pool: Promise<SearchPool> | null = null;

/** The search index of the bundled content, built once per process (at build time for static output). */
export function getSearchIndex(): Promise<SearchIndexData> {
  index ??= getKnowledgeGraph().then(buildSearchIndex);
  return index;
}

function getSearchPool(): Promise<SearchPool> {
  pool ??= getSearchIndex().then((data) => createSearchPool(data));
  return pool;
}

/** Builds the index and starts the search workers, so that the first visitor does not wait for them. */
export async function warmSearch(): Promise<void> {
  (await getSearchPool()).warm();
}

/**
 * Searches a prepared (cut and masked) query in the worker pool, off the thread that serves
 * pages. Rejects with `SearchUnavailableError` when the pool is saturated or a search overruns.
 */
export async function searchPrepared(query: PreparedQuery, options: { limit?: number } = {}): Promise<SearchResponse> {
  const response = await (await getSearchPool()).search(query.text, options);
  return query.truncated ? { ...response, truncated: true } : response;
}
