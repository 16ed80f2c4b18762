import { getKnowledgeGraph, perGraph } from "@/content";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";

const wizardsOf = perGraph(buildWizardGraph);

/** The wizards of the app's content, built once per graph. */
export async function getWizardGraph(): Promise<WizardGraph> {
  return wizardsOf(await getKnowledgeGraph());
}
