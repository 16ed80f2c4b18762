import { getKnowledgeGraph, perGraph } from "@/content";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";
import { validateWizardGraph } from "./validate";

const wizardsOf = perGraph((graph) => {
  const wizards = buildWizardGraph(graph);
  const issues = validateWizardGraph(wizards);
  if (issues.length > 0) throw new Error(`The wizard graph has ${issues.length} problem(s):\n${issues.map((i) => JSON.stringify(i)).join("\n")}`);
  return wizards;
});

/** The wizards of the app's content, built and checked once per graph; a broken graph fails the build. */
export async function getWizardGraph(): Promise<WizardGraph> {
  return wizardsOf(await getKnowledgeGraph());
}
