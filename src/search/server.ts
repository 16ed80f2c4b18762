import { getKnowledgeGraph, perGraph, type KnowledgeGraph } from "@/content";
import { buildSearchIndex } from "./build-index";
import type { SearchIndexData } from "./index-data";
import { createSearchPool, type SearchPool } from "./pool";
import type { PreparedQuery } from "./query";
import type { SearchOptions, SearchResponse } from "./rank";

const indexOf = perGraph(buildSearchIndex);

/** The search index of the app's content, built once per graph (at build time for static output). */
export async function getSearchIndex(): Promise<SearchIndexData> {
  return indexOf(await getKnowledgeGraph());
}

/**
 * One pool for the current graph. A new graph (content reloaded under `next dev`) gets a new pool
 * and the old one is closed, so that reloads do not pile up worker threads.
 */
let current: { readonly graph: KnowledgeGraph; readonly pool: SearchPool } | null = null;
async function getSearchPool(): Promise<SearchPool> {
  const graph = await getKnowledgeGraph();
  if (current?.graph !== graph) {
    void current?.pool.close();
    current = { graph, pool: createSearchPool(indexOf(graph)) };
  }
  return current.pool;
}

/** Builds the index and starts the search workers, so that the first visitor does not wait for them. */
export async function warmSearch(): Promise<void> {
  (await getSearchPool()).warm();
}

/**
 * Searches a prepared (cut and masked) query in the worker pool, off the thread that serves
 * pages. Rejects with `SearchUnavailableError` when the pool is saturated or a search overruns.
 */
export async function searchPrepared(query: PreparedQuery, options: SearchOptions = {}): Promise<SearchResponse> {
  const response = await (await getSearchPool()).search(query.text, options);
  return query.truncated ? { ...response, truncated: true } : response;
}
