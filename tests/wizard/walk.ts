import { resolve, type Walk, type WizardState } from "@/wizard/engine";
import type { WizardGraph } from "@/wizard/model";

/**
 * Every path from a state to its end, depth first, each step replayed by the engine (so this walks
 * exactly what the page links to). `visit` sees every step; returning false stops going deeper.
 */
export function walkAll(graph: WizardGraph, from: WizardState, visit: (walk: Walk) => boolean | void, maxAnswers = 40): number {
  let steps = 0;
  const go = (state: WizardState) => {
    const walk = resolve(graph, state);
    if (!walk.ok) throw new Error(`${state.start}/${state.answers.join("/")}: ${walk.reason}`);
    steps++;
    if (visit(walk) === false || state.answers.length >= maxAnswers) return;
    for (const option of walk.options) go({ ...state, answers: [...state.answers, option.key] });
  };
  go(from);
  return steps;
}
