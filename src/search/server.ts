import { getKnowledgeGraph, perGraph } from "@/content";
import { buildSearchIndex } from "./build-index";
import type { SearchIndexData } from "./index-data";
import { createSearcher, type Searcher } from "./rank";

const indexOf = perGraph(buildSearchIndex);
const searcherOf = perGraph((graph) => createSearcher(indexOf(graph)));

/** The search index of the app's content, built once per graph (at build time for static output). */
export async function getSearchIndex(): Promise<SearchIndexData> {
  return indexOf(await getKnowledgeGraph());
}

export async function getSearcher(): Promise<Searcher> {
  return searcherOf(await getKnowledgeGraph());
}
