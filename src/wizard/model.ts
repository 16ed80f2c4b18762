import type { Blocks } from "@/content/schema";

/**
 * The wizard graph: every step of every wizard (triage, authored flows, and the wizard derived
 * from each problem entry) as one set of nodes, so that a path can run from triage through a flow
 * into a problem and end in a fix or in "not solved".
 */
export type StepId = string;

export interface Option {
  /** The URL segment that chooses this option; unique within its step. */
  readonly key: string;
  readonly label: string;
  readonly target: StepId;
}

interface Base {
  readonly id: StepId;
  /** The wizard this step belongs to, for headings, diagrams and summaries. */
  readonly wizard: { readonly key: string; readonly title: string };
  readonly question: string;
  readonly options: readonly Option[];
}

export type Step =
  | (Base & { readonly kind: "choice"; readonly body: Blocks | null })
  | (Base & { readonly kind: "check"; readonly entryId: string; readonly causeId: string; readonly causeTitle: string; readonly body: Blocks | null })
  | (Base & { readonly kind: "fix"; readonly entryId: string; readonly causeId: string; readonly causeTitle: string; readonly fix: Blocks })
  | (Base & { readonly kind: "solved"; readonly entryId: string; readonly causeId: string })
  | (Base & { readonly kind: "article"; readonly entryId: string })
  | (Base & { readonly kind: "unsolved"; readonly entryId: string | null });

export type StepKind = Step["kind"];

export interface WizardGraph {
  readonly steps: ReadonlyMap<StepId, Step>;
  /** URL start key (`triage`, a problem id, `problem~cause`, a flow id) → its first step. */
  readonly starts: ReadonlyMap<string, StepId>;
}

export const TERMINAL_KINDS: ReadonlySet<StepKind> = new Set(["solved", "article", "unsolved"]);

export const ANSWER = { yes: "y", no: "n", unsure: "u" } as const;
