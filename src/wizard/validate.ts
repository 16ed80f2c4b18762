import type { Go, WizardGraph } from "./model";

export type WizardIssue =
  | { readonly kind: "unknown-target"; readonly node: string; readonly target: string }
  | { readonly kind: "dead-end"; readonly node: string }
  | { readonly kind: "empty-label"; readonly node: string }
  | { readonly kind: "duplicate-key"; readonly node: string; readonly key: string }
  | { readonly kind: "unreachable"; readonly node: string }
  | { readonly kind: "cycle"; readonly nodes: readonly string[] };

function targetExists(graph: WizardGraph, go: Go): string | null {
  switch (go.to) {
    case "node":
      return graph.nodes.has(go.id) ? null : go.id;
    case "article":
      return graph.articles.has(go.entry) ? null : go.entry;
    case "support":
      return null;
    case "problem": {
      const problem = graph.problems.get(go.entry);
      if (!problem) return go.entry;
      return go.cause === null || problem.causes.some((c) => c.id === go.cause) ? null : `${go.entry}#${go.cause}`;
    }
  }
}

/**
 * Checks the fixed part of the wizard graph: every option leads somewhere that exists, every
 * node has a way forward, option keys are distinct, every node can be reached from a start, and
 * no chain of choices comes back on itself. A problem's own steps always move on to a cause not
 * yet settled, so they end by construction; tests walk every path to show it.
 */
export function validateWizardGraph(graph: WizardGraph): WizardIssue[] {
  const issues: WizardIssue[] = [];
  for (const node of graph.nodes.values()) {
    if (node.options.length === 0) issues.push({ kind: "dead-end", node: node.id });
    const keys = new Set<string>();
    for (const option of node.options) {
      const missing = targetExists(graph, option.go);
      if (missing) issues.push({ kind: "unknown-target", node: node.id, target: missing });
      if (option.label.trim() === "") issues.push({ kind: "empty-label", node: node.id });
      if (keys.has(option.key)) issues.push({ kind: "duplicate-key", node: node.id, key: option.key });
      keys.add(option.key);
    }
  }
  for (const [key, start] of graph.starts) {
    const missing = targetExists(graph, start.to === "problem" ? { ...start, mode: "start" } : start);
    if (missing) issues.push({ kind: "unknown-target", node: `start:${key}`, target: missing });
  }
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (id: string) => {
    const seen = state.get(id);
    if (seen === "open") {
      issues.push({ kind: "cycle", nodes: [...stack.slice(stack.indexOf(id)), id] });
      return;
    }
    if (seen === "done" || !graph.nodes.has(id)) return;
    state.set(id, "open");
    stack.push(id);
    for (const option of graph.nodes.get(id)?.options ?? []) if (option.go.to === "node") visit(option.go.id);
    stack.pop();
    state.set(id, "done");
  };
  for (const start of graph.starts.values()) if (start.to === "node") visit(start.id);
  // "都不是" after an article is reached from the article's step, not from a menu.
  for (const scope of graph.areaOf.values()) visit(`none/${scope.by}/${scope.slug}`);
  for (const id of graph.nodes.keys()) if (!state.has(id)) issues.push({ kind: "unreachable", node: id });
  return issues;
}
