import { ENTRY_KINDS, type Entry, type Flow, type Neighbour, type Taxonomy, type TaxonomyItem, type UpstreamList } from "./schema";

/** The typed knowledge graph: everything routes, search and wizards read, built once from `content/`. */
export interface KnowledgeGraph {
  readonly entries: readonly Entry[];
  readonly taxonomy: Taxonomy;
  readonly upstream: UpstreamList;
  /** A hash of the content files, to tell deployments and caches apart. */
  readonly version: string;
  readonly byId: ReadonlyMap<string, Entry>;
  /** Authored diagnostic flows (`content/wizards/`). */
  readonly flows: readonly Flow[];
  /** Problems that look like covered ones but are not (`content/neighbours.yml`), for search to recognise. */
  readonly neighbours: readonly Neighbour[];
}


export function createGraph(
  entries: readonly Entry[],
  taxonomy: Taxonomy,
  upstream: UpstreamList,
  version: string,
  flows: readonly Flow[] = [],
  neighbours: readonly Neighbour[] = [],
): KnowledgeGraph {
  const sorted = [...entries].sort(
    (a, b) => ENTRY_KINDS.indexOf(a.kind) - ENTRY_KINDS.indexOf(b.kind) || a.title.localeCompare(b.title, "zh-CN") || a.id.localeCompare(b.id),
  );
  return { entries: sorted, taxonomy, upstream, version, byId: new Map(sorted.map((e) => [e.id, e])), flows, neighbours };
}

export function getEntry(graph: KnowledgeGraph, id: string): Entry | undefined {
  return graph.byId.get(id);
}

export function getArea(graph: KnowledgeGraph, slug: string): TaxonomyItem | undefined {
  return graph.taxonomy.areas.find((a) => a.slug === slug);
}

export function getSystem(graph: KnowledgeGraph, slug: string): Taxonomy["systems"][number] | undefined {
  return graph.taxonomy.systems.find((s) => s.slug === slug);
}

/** Entries in one area (or system), problems first, as the graph orders them. */
export function entriesIn(graph: KnowledgeGraph, by: "area" | "system", slug: string): Entry[] {
  return graph.entries.filter((e) => e[by] === slug);
}

/** For each upstream problem id, the ids of the entries that cover it (in list order). */
export function coverage(graph: KnowledgeGraph): Map<string, string[]> {
  const result = new Map<string, string[]>(graph.upstream.problems.map((p) => [p.id, []]));
  for (const entry of graph.entries) {
    for (const id of entry.upstream) result.get(id)?.push(entry.id);
  }
  return result;
}

/**
 * The upstream documents an entry came from, each with the problem ids it covers there (for tools;
 * pages show readers the title, linked where the document is public, never the ids).
 */
export function upstreamSources(
  graph: KnowledgeGraph,
  entry: Entry,
): { title: string; slug: string; url: string | null; ids: string[] }[] {
  return graph.upstream.documents
    .map((doc) => ({ title: doc.title, slug: doc.slug, url: doc.url ?? null, ids: entry.upstream.filter((id) => id.startsWith(`${doc.prefix}-`)) }))
    .filter((source) => source.ids.length > 0);
}
