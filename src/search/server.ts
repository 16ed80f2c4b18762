import { getKnowledgeGraph } from "@/content";
import { buildSearchIndex } from "./build-index";
import type { SearchIndexData } from "./index-data";
import { createSearcher, type Searcher } from "./rank";

let index: Promise<SearchIndexData> | null = null;
let searcher: Promise<Searcher> | null = null;

/** The search index of the bundled content, built once per process (at build time for static output). */
export function getSearchIndex(): Promise<SearchIndexData> {
  index ??= getKnowledgeGraph().then(buildSearchIndex);
  return index;
}

export function getSearcher(): Promise<Searcher> {
  searcher ??= getSearchIndex().then(createSearcher);
  return searcher;
}
