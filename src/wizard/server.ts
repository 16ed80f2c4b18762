import { getKnowledgeGraph } from "@/content";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";
import { validateWizardGraph } from "./validate";

let cached: Promise<WizardGraph> | null = null;

/** The wizards of the bundled content, built and checked once per process; a broken graph fails the build. */
export function getWizardGraph(): Promise<WizardGraph> {
  cached ??= getKnowledgeGraph().then((graph) => {
    const wizards = buildWizardGraph(graph);
    const issues = validateWizardGraph(wizards);
    if (issues.length > 0) throw new Error(`The wizard graph has ${issues.length} problem(s):\n${issues.map((i) => JSON.stringify(i)).join("\n")}`);
    return wizards;
  });
  return cached;
}
