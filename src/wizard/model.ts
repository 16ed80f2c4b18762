import type { CauseRef } from "@/content/flow-semantics";
import type { Blocks, Guide, Problem, Question } from "@/content/schema";

/**
 * The wizard graph. Two kinds of place:
 *
 * - choice nodes, fixed in advance: the first screen (by area and by system), each area's and
 *   system's menu, each "都不是" page, and every step of an authored flow;
 * - a problem's diagnosis, which is not fixed in advance: which cause comes next depends on what
 *   the path has already settled (a flow's answers, the pasted log, earlier checks), so the engine
 *   works it out as it replays the answers.
 */
export type NodeId = string;

export interface Scope {
  readonly by: "area" | "system";
  readonly slug: string;
  readonly label: string;
}

/** Where choosing an option goes. */
export type Go =
  | { readonly to: "node"; readonly id: NodeId }
  /**
   * Into a problem: `start` asks its checks from `cause` (or the first open one), `confirm`
   * takes `cause` as established and shows its fix, `ask-again` asks `cause` with how to find out.
   */
  | { readonly to: "problem"; readonly entry: string; readonly cause: string | null; readonly mode: "start" | "confirm" | "ask-again" }
  | { readonly to: "article"; readonly entry: string }
  | { readonly to: "support" };

export interface ChoiceOption {
  /** The URL segment that chooses this option; unique within its node. */
  readonly key: string;
  readonly label: string;
  /** Options are shown in groups where a node has them ("按出问题的地方", "按系统"). */
  readonly group: string | null;
  readonly go: Go;
  /** Causes this answer rules out, so the problem's wizard does not ask them again. */
  readonly rulesOut: readonly CauseRef[];
}

export interface ChoiceNode {
  readonly id: NodeId;
  readonly kind: "triage" | "menu" | "none" | "flow";
  /** The wizard the node belongs to, for headings and summaries. */
  readonly wizard: { readonly key: string; readonly title: string };
  readonly question: string;
  readonly body: Blocks | null;
  readonly options: readonly ChoiceOption[];
  /** The area or system the node is about, for "都不是" and the summary. */
  readonly scope: Scope | null;
  /** For a flow step: its flow and line, to draw the flow. */
  readonly flow: { readonly id: string; readonly step: string } | null;
}

export type Article = Question | Guide;

/** Where a wizard URL may start (`/wizard/<start>`). */
export type Start =
  | { readonly to: "node"; readonly id: NodeId }
  | { readonly to: "problem"; readonly entry: string; readonly cause: string | null }
  | { readonly to: "article"; readonly entry: string };

export interface WizardGraph {
  readonly nodes: ReadonlyMap<NodeId, ChoiceNode>;
  readonly starts: ReadonlyMap<string, Start>;
  readonly problems: ReadonlyMap<string, Problem>;
  readonly articles: ReadonlyMap<string, Article>;
  /** The scope of each entry's area, for "都不是" after a problem or an article. */
  readonly areaOf: ReadonlyMap<string, Scope>;
}

/** The answer keys of a problem's steps. */
export const ANSWER = { yes: "y", no: "n", unsure: "u", support: "s" } as const;
