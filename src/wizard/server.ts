import { getKnowledgeGraph } from "@/content";
import { buildWizardGraph } from "./build";
import type { WizardGraph } from "./model";

let cached: Promise<WizardGraph> | null = null;

/** The wizards of the bundled content, built once per process. */
export function getWizardGraph(): Promise<WizardGraph> {
  cached ??= getKnowledgeGraph().then(buildWizardGraph);
  return cached;
}
