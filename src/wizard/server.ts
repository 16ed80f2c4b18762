import { getKnowledgeGraph } from "@/content";
import { orderedCauses, rankingVersion } from "@/feedback/cause-order";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";

let cached: { version: string; graph: Promise<WizardGraph> } | null = null;

/**
 * The wizards of the bundled content, built once per process and again when the cause order
 * learned from use changes (at most once a day, see src/feedback/cause-order.ts).
 */
export function getWizardGraph(): Promise<WizardGraph> {
  const version = rankingVersion();
  if (cached?.version !== version) cached = { version, graph: getKnowledgeGraph().then((graph) => buildWizardGraph(graph, { causeOrder: orderedCauses })) };
  return cached.graph;
}
