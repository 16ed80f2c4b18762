import { getKnowledgeGraph, perGraph } from "@/content";
import type { KnowledgeGraph } from "@/content/graph";
import { orderedCauses, rankingVersion } from "@/feedback/cause-order";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";
import { validateWizardGraph } from "./validate";

const wizardsOf = perGraph((graph) => {
  const wizards = buildWizardGraph(graph);
  const issues = validateWizardGraph(wizards);
  if (issues.length > 0) throw new Error(`The wizard graph has ${issues.length} problem(s):\n${issues.map((i) => JSON.stringify(i)).join("\n")}`);
  return wizards;
});

// The order learned from use changes at most once a day (src/feedback/cause-order.ts): the
// wizards asked in that order are built again when it does. Order changes no step's existence,
// so the check above, on the author's order, holds for them too.
const ordered = new WeakMap<KnowledgeGraph, { readonly version: string; readonly wizards: WizardGraph }>();

/** The wizards of the app's content, built and checked once per graph; a broken graph fails the build. */
export async function getWizardGraph(): Promise<WizardGraph> {
  const graph = await getKnowledgeGraph();
  const authored = wizardsOf(graph);
  const version = rankingVersion();
  if (version === "off" || version === "none") return authored;
  const kept = ordered.get(graph);
  if (kept?.version === version) return kept.wizards;
  const wizards = buildWizardGraph(graph, { causeOrder: orderedCauses });
  ordered.set(graph, { version, wizards });
  return wizards;
}
