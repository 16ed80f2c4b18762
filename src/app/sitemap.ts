import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/config/env";
import { getKnowledgeGraph } from "@/content";
import { entriesIn } from "@/content/graph";
import { areaUrl, entryUrl, systemUrl, WIZARD_HOME } from "@/urls";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const graph = await getKnowledgeGraph();
  const latest = graph.entries.map((e) => e.updated).sort().at(-1);
  return [
    { url: absoluteUrl("/"), lastModified: latest, priority: 1 },
    { url: absoluteUrl(WIZARD_HOME), priority: 0.8 },
    ...graph.taxonomy.areas.filter((a) => entriesIn(graph, "area", a.slug).length > 0).map((a) => ({ url: absoluteUrl(areaUrl(a.slug)), priority: 0.6 })),
    ...graph.taxonomy.systems.filter((s) => entriesIn(graph, "system", s.slug).length > 0).map((s) => ({ url: absoluteUrl(systemUrl(s.slug)), priority: 0.5 })),
    ...graph.entries.map((e) => ({ url: absoluteUrl(entryUrl(e.id)), lastModified: e.updated, priority: 0.9 })),
  ];
}
