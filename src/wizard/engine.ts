import type { WizardLocation } from "@/urls";
import type { Option, Step, WizardGraph } from "./model";

/**
 * The wizard engine: a state is where a walk started and the answers given since, nothing else,
 * so it fits in a URL and every step is an ordinary link. Pure functions, no React.
 */
/** `start` is a key of `WizardGraph.starts`; `answers` are option keys, one per step passed. */
export type WizardState = WizardLocation;

export interface TrailItem {
  readonly step: Step;
  readonly option: Option;
  /** The state that shows this step (for a link back to it). */
  readonly state: WizardState;
}

export type Resolved =
  | { readonly ok: true; readonly step: Step; readonly trail: readonly TrailItem[]; readonly state: WizardState }
  | { readonly ok: false; readonly reason: "unknown-start" | "unknown-answer" | "past-the-end"; readonly validUpTo: WizardState | null };

/** Replays a state: the step it shows and the trail of questions and answers that led there. */
export function resolve(graph: WizardGraph, state: WizardState): Resolved {
  const startId = graph.starts.get(state.start);
  const first = startId ? graph.steps.get(startId) : undefined;
  if (!first) return { ok: false, reason: "unknown-start", validUpTo: null };
  let step: Step = first;
  const trail: TrailItem[] = [];
  for (const [index, answer] of state.answers.entries()) {
    const here: WizardState = { start: state.start, answers: state.answers.slice(0, index) };
    if (step.options.length === 0) return { ok: false, reason: "past-the-end", validUpTo: here };
    const option: Option | undefined = step.options.find((o) => o.key === answer);
    const target: Step | undefined = option ? graph.steps.get(option.target) : undefined;
    if (!option || !target) return { ok: false, reason: "unknown-answer", validUpTo: here };
    trail.push({ step, option, state: here });
    step = target;
  }
  return { ok: true, step, trail, state };
}

/** `(graph, state, answer) → state`: the state after answering, or null when the answer does not fit. */
export function next(graph: WizardGraph, state: WizardState, answer: string): WizardState | null {
  const current = resolve(graph, state);
  if (!current.ok || !current.step.options.some((o) => o.key === answer)) return null;
  return { start: state.start, answers: [...state.answers, answer] };
}

/**
 * The most steps still ahead of a step on any path (0 for a final step). Wizards are acyclic
 * (content validation rejects cycles), and results are memoised per graph.
 */
const remainingCache = new WeakMap<WizardGraph, Map<string, number>>();
export function stepsAhead(graph: WizardGraph, step: Step): number {
  let cache = remainingCache.get(graph);
  if (!cache) remainingCache.set(graph, (cache = new Map()));
  const memo = cache;
  const visit = (s: Step, depth: number): number => {
    const known = memo.get(s.id);
    if (known !== undefined) return known;
    if (depth > graph.steps.size) return 0;
    let most = 0;
    for (const option of s.options) {
      const target = graph.steps.get(option.target);
      if (target) most = Math.max(most, 1 + visit(target, depth + 1));
    }
    memo.set(s.id, most);
    return most;
  };
  return visit(step, 0);
}
