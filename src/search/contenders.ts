import type { KnowledgeGraph } from "@/content/graph";
import { baselineRecords, createBaseline, createMiniSearch } from "./baseline";
import { buildSearchIndex } from "./build-index";
import type { Ranked } from "./eval";
import { prepareQuery } from "./query";
import { createSearcher, type Searcher } from "./rank";

/** The product's search and the two stock yardsticks, each as a function from a query to what the eval scores. */
export interface Contender {
  readonly name: string;
  readonly run: (q: string) => Ranked;
}

export function contenders(graph: KnowledgeGraph): Contender[] {
  const upstreamOf = new Map(graph.entries.map((e) => [e.id, e.upstream]));
  const upstream = (id: string) => upstreamOf.get(id) ?? [];
  const searcher = createSearcher(buildSearchIndex(graph));
  const records = baselineRecords(graph);
  // Stock libraries never abstain: whatever they rank is what a user would be shown.
  const stock = (name: string, search: (q: string) => string[]): Contender => ({
    name,
    run: (q) => {
      const ids = search(q);
      return { ranked: ids.map(upstream), presented: ids.length, ...(ids[0] ? { firstId: ids[0] } : {}) };
    },
  });
  return [
    { name: "ours", run: productRun(searcher, upstream) },
    stock("minisearch", createMiniSearch(records)),
    stock("fuse.js", createBaseline(records)),
  ];
}

/** What the product answers, as the eval scores it: the query cut and masked (masking changes no eval result). */
export function productRun(searcher: Searcher, upstream: (id: string) => readonly string[]): (q: string) => Ranked {
  return (q) => {
    const response = searcher.search(prepareQuery(q).text);
    const ranked = [...response.results, ...response.suggestions];
    return { ranked: ranked.map((r) => upstream(r.id)), presented: response.results.length, ...(ranked[0] ? { firstId: ranked[0].id } : {}) };
  };
}
