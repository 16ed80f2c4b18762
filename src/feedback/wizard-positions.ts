import { parseWizardPath, parseWizardQuery, WIZARD_HOME, wizardUrl, type WizardLocation } from "@/urls";
import { questionOf, resolve, wizardTitle, type Position, type Walk } from "@/wizard/engine";
import type { WizardGraph } from "@/wizard/model";
import type { Outcome } from "./schema";

/**
 * Wizard positions as the records name them. The engine works a problem's steps out as it replays
 * a walk, so they have no ids of their own; these are stable, readable ids for the exit points and
 * paths that insights group by (a choice step keeps its node id).
 */
export function positionId(position: Position): string {
  switch (position.kind) {
    case "choice":
      return position.node.id;
    case "check":
    case "fix":
    case "solved":
      return `problem/${position.problem.id}/${position.kind}/${position.cause.id}`;
    case "unsolved":
      return `problem/${position.problem.id}/unsolved`;
    case "article":
      return `entry/${position.entry.id}`;
    case "support":
      return "support";
  }
}

const PROBLEM_ID = /^problem\/([^/]+)\/(?:(check|fix|solved)\/([^/]+)|unsolved)$/;

/** The position an id names in the current wizards (for showing an exit point), or null when it is gone. */
export function positionById(wizards: WizardGraph, id: string): Position | null {
  const node = wizards.nodes.get(id);
  if (node) return { kind: "choice", node };
  if (id === "support") return { kind: "support" };
  if (id.startsWith("entry/")) {
    const entry = wizards.articles.get(id.slice("entry/".length));
    return entry ? { kind: "article", entry } : null;
  }
  const match = PROBLEM_ID.exec(id);
  const problem = match?.[1] ? wizards.problems.get(match[1]) : undefined;
  if (!match || !problem) return null;
  if (!match[2]) return { kind: "unsolved", problem };
  const cause = problem.causes.find((c) => c.id === match[3]);
  if (!cause) return null;
  return match[2] === "check" ? { kind: "check", problem, cause, again: false } : { kind: match[2] as "fix" | "solved", problem, cause };
}

/** What an exit point shows in insights: the question asked there and the wizard it belongs to. */
export function describePosition(position: Position): { question: string; wizard: string } {
  return { question: questionOf(position), wizard: wizardTitle(position) };
}

/**
 * Which ending a position is. Solved at a cause; unsolved when a problem's causes are all ruled
 * out, or when the walk asked for the summary for support; any other step can only be left.
 */
export function endingOf(position: Position): Outcome {
  if (position.kind === "solved") return "solved";
  return position.kind === "unsolved" || position.kind === "support" ? "unsolved" : "abandoned";
}

/** The ending an answer leads to, for the answers that end a walk (they are forms that record it); else null. */
export function endingAfter(wizards: WizardGraph, state: WizardLocation, key: string): "solved" | "unsolved" | null {
  const after = resolve(wizards, { ...state, answers: [...state.answers, key] });
  if (!after.ok) return null;
  const ending = endingOf(after.position);
  return ending === "abandoned" ? null : ending;
}

/**
 * The walk a wizard URL of this site shows (path and the log evidence in its query), or null when
 * it is not one of the current content. `url` is its canonical form, for sending the browser on.
 */
export function wizardWalkAt(href: string, wizards: WizardGraph): (Walk & { readonly url: string }) | null {
  // A path on this site only: the form endpoint redirects to it.
  if (!href.startsWith("/") || href.startsWith("//") || href.includes("\\")) return null;
  let url: URL;
  try {
    url = new URL(href, "http://localhost");
  } catch {
    return null;
  }
  if (url.pathname !== WIZARD_HOME && !url.pathname.startsWith(`${WIZARD_HOME}/`)) return null;
  const location = parseWizardPath(url.pathname.slice(WIZARD_HOME.length).split("/").filter(Boolean));
  if (!location) return null;
  const query: Record<string, string[]> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key);
  const { evidence } = parseWizardQuery(query);
  const state: WizardLocation = evidence.length > 0 ? { ...location, evidence } : location;
  const walk = resolve(wizards, state);
  return walk.ok ? { ...walk, url: wizardUrl(walk.state) } : null;
}
