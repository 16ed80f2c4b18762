import { getKnowledgeGraph } from "@/content";
import type { SearchResponse } from "@/search/rank";
import { wizardUrl } from "@/urls";
import { startFromHit } from "@/wizard/evidence";

/**
 * Where each result opens the wizard (in the order of `response.results`): where the hit points,
 * with the log lines that already answer a check. Worked out on the server, where the graph is,
 * for the page and for the log box's action alike; the lines are those of the prepared query.
 */
export async function wizardHrefs(response: SearchResponse): Promise<string[]> {
  const graph = await getKnowledgeGraph();
  return response.results.map((hit) =>
    wizardUrl(startFromHit(graph, hit, hit.line !== undefined ? [{ line: hit.line, text: hit.lineText ?? "" }] : [{ line: 1, text: response.query }])),
  );
}
