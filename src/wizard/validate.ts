import { TERMINAL_KINDS, type WizardGraph } from "./model";

export type WizardIssue =
  | { readonly kind: "unknown-target"; readonly step: string; readonly target: string }
  | { readonly kind: "dead-end"; readonly step: string }
  | { readonly kind: "empty-label"; readonly step: string }
  | { readonly kind: "duplicate-key"; readonly step: string; readonly key: string }
  | { readonly kind: "unreachable"; readonly step: string }
  | { readonly kind: "cycle"; readonly steps: readonly string[] };

/**
 * Checks a whole wizard graph: every option leads to a step that exists, every step that is not
 * an end has a way forward, option keys are distinct, every step can be reached from a start,
 * and no path comes back on itself (so every walk ends).
 */
export function validateWizardGraph(graph: WizardGraph): WizardIssue[] {
  const issues: WizardIssue[] = [];
  for (const step of graph.steps.values()) {
    if (step.options.length === 0 && !TERMINAL_KINDS.has(step.kind)) issues.push({ kind: "dead-end", step: step.id });
    const keys = new Set<string>();
    for (const option of step.options) {
      if (!graph.steps.has(option.target)) issues.push({ kind: "unknown-target", step: step.id, target: option.target });
      if (option.label.trim() === "") issues.push({ kind: "empty-label", step: step.id });
      if (keys.has(option.key)) issues.push({ kind: "duplicate-key", step: step.id, key: option.key });
      keys.add(option.key);
    }
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string) => {
    const seen = state.get(id);
    if (seen === "open") {
      issues.push({ kind: "cycle", steps: [...stack.slice(stack.indexOf(id)), id] });
      return;
    }
    if (seen === "done") return;
    state.set(id, "open");
    stack.push(id);
    for (const option of graph.steps.get(id)?.options ?? []) visit(option.target);
    stack.pop();
    state.set(id, "done");
  };
  for (const start of graph.starts.values()) visit(start);
  for (const id of graph.steps.keys()) if (!state.has(id)) issues.push({ kind: "unreachable", step: id });
  return issues;
}
