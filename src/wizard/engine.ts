import type { Cause, Problem } from "@/content/schema";
import type { LogEvidence, WizardLocation } from "@/urls";
import { acceptEvidence } from "./evidence";
import { ANSWER, type Article, type ChoiceNode, type Go, type Scope, type WizardGraph } from "./model";
import { nodeIds } from "./build";

/**
 * The wizard engine: a state is where a walk started, the answers given since, and the log lines
 * it was started from; nothing else, so it fits in a URL and every step is an ordinary link.
 * `resolve` replays the answers and says which step they lead to. Pure functions, no React.
 */
export type WizardState = WizardLocation;

export type Position =
  | { readonly kind: "choice"; readonly node: ChoiceNode }
  | { readonly kind: "check"; readonly problem: Problem; readonly cause: Cause; readonly again: boolean }
  | { readonly kind: "fix"; readonly problem: Problem; readonly cause: Cause }
  | { readonly kind: "solved"; readonly problem: Problem; readonly cause: Cause }
  | { readonly kind: "unsolved"; readonly problem: Problem }
  | { readonly kind: "article"; readonly entry: Article }
  | { readonly kind: "support" };

export type PositionKind = Position["kind"];

/** What a path has established about one cause. */
export type CauseState = "confirmed" | "ruled-out" | "fix-failed" | "unconfirmed" | "solved";
export interface CauseStatus {
  readonly state: CauseState;
  /** Who settled it: the user's answer to its check, an answer in an authored flow, or the log. */
  readonly by: "check" | "flow" | "log";
}

export interface Answer {
  readonly key: string;
  readonly label: string;
  readonly group: string | null;
}

export interface TrailItem {
  readonly position: Position;
  readonly answer: Answer;
  /** The state that shows this step again; null for a check answered from the log. */
  readonly state: WizardState | null;
  readonly fromLog: LogEvidence | null;
}

export interface Walk {
  readonly position: Position;
  readonly trail: readonly TrailItem[];
  readonly state: WizardState;
  readonly options: readonly Answer[];
  /** Keyed `entry#cause`. */
  readonly statuses: ReadonlyMap<string, CauseStatus>;
  /** The area or system the walk is in, for "都不是" and the summary. */
  readonly scope: Scope | null;
  /** Entries opened on this path (problems diagnosed, articles shown), in order. */
  readonly visited: readonly string[];
}

export type Resolved =
  | ({ readonly ok: true } & Walk)
  | { readonly ok: false; readonly reason: "unknown-start" | "unknown-answer" | "past-the-end"; readonly validUpTo: WizardState | null };

export const causeKey = (entry: string, cause: string) => `${entry}#${cause}`;

interface Choice extends Answer {
  readonly next: () => Position;
}

/** Replays a state: the step it shows, the trail that led there, and what the path settled. */
export function resolve(graph: WizardGraph, claimed: WizardState): Resolved {
  const start = graph.starts.get(claimed.start);
  if (!start) return { ok: false, reason: "unknown-start", validUpTo: null };
  const statuses = new Map<string, CauseStatus>();
  const trail: TrailItem[] = [];
  const visited: string[] = [];
  let scope: Scope | null = null;
  const startProblem = start.to === "problem" ? graph.problems.get(start.entry) : undefined;
  const evidence = startProblem ? acceptEvidence(startProblem, claimed.evidence ?? []) : new Map<string, LogEvidence>();
  // Every link from here on carries only the evidence accepted, as it is quoted (masked): a URL may
  // claim any text, and the walk's links and its summary for support repeat the state.
  const { evidence: _claimed, ...rest } = claimed;
  const state: WizardState = evidence.size > 0 ? { ...rest, evidence: [...evidence.values()] } : _claimed ? rest : claimed;

  const isOpen = (problem: Problem, cause: Cause) => !statuses.has(causeKey(problem.id, cause.id));
  const settle = (problem: Problem, cause: Cause, status: CauseStatus) => statuses.set(causeKey(problem.id, cause.id), status);
  const visit = (id: string) => {
    if (!visited.includes(id)) visited.push(id);
  };

  // The next cause to look at: one the log already shows, else the preferred one, else the first still open.
  const advance = (problem: Problem, preferred: Cause | null): Position => {
    for (const cause of problem.causes) {
      const line = problem.id === startProblem?.id ? evidence.get(cause.id) : undefined;
      if (!line || !isOpen(problem, cause)) continue;
      settle(problem, cause, { state: "confirmed", by: "log" });
      trail.push({ position: { kind: "check", problem, cause, again: false }, answer: { key: ANSWER.yes, label: "是", group: null }, state: null, fromLog: line });
      return { kind: "fix", problem, cause };
    }
    if (preferred && isOpen(problem, preferred)) return { kind: "check", problem, cause: preferred, again: false };
    const cause = problem.causes.find((c) => isOpen(problem, c));
    return cause ? { kind: "check", problem, cause, again: false } : { kind: "unsolved", problem };
  };

  const enter = (entryId: string, causeId: string | null, mode: "start" | "confirm" | "ask-again"): Position | null => {
    const problem = graph.problems.get(entryId);
    if (!problem) return null;
    visit(problem.id);
    scope = graph.areaOf.get(problem.id) ?? scope;
    const cause = causeId === null ? null : (problem.causes.find((c) => c.id === causeId) ?? null);
    if (cause && mode === "confirm") {
      settle(problem, cause, { state: "confirmed", by: "flow" });
      return { kind: "fix", problem, cause };
    }
    if (cause && mode === "ask-again" && isOpen(problem, cause)) return { kind: "check", problem, cause, again: true };
    return advance(problem, cause);
  };

  const go = (target: Go): Position | null => {
    switch (target.to) {
      case "node": {
        const node = graph.nodes.get(target.id);
        if (!node) return null;
        scope = node.scope ?? scope;
        return { kind: "choice", node };
      }
      case "problem":
        return enter(target.entry, target.cause, target.mode);
      case "article": {
        const entry = graph.articles.get(target.entry);
        if (!entry) return null;
        visit(entry.id);
        scope = graph.areaOf.get(entry.id) ?? scope;
        return { kind: "article", entry };
      }
      case "support":
        return { kind: "support" };
    }
  };

  const choicesAt = (position: Position): Choice[] => {
    switch (position.kind) {
      case "choice":
        return position.node.options.map((option) => ({
          key: option.key,
          label: option.label,
          group: option.group,
          next: () => {
            for (const ref of option.rulesOut) {
              const problem = graph.problems.get(ref.entry);
              const cause = problem?.causes.find((c) => c.id === ref.cause);
              if (problem && cause && isOpen(problem, cause)) settle(problem, cause, { state: "ruled-out", by: "flow" });
            }
            return go(option.go) ?? position;
          },
        }));
      case "check": {
        const { problem, cause, again } = position;
        return [
          { key: ANSWER.yes, label: "是", group: null, next: () => (settle(problem, cause, { state: "confirmed", by: "check" }), { kind: "fix", problem, cause }) },
          { key: ANSWER.no, label: "否", group: null, next: () => (settle(problem, cause, { state: "ruled-out", by: "check" }), advance(problem, null)) },
          again
            ? { key: ANSWER.unsure, label: "还是确定不了，先看其他原因", group: null, next: () => (settle(problem, cause, { state: "unconfirmed", by: "check" }), advance(problem, null)) }
            : { key: ANSWER.unsure, label: "不确定", group: null, next: () => ({ kind: "check", problem, cause, again: true }) },
        ];
      }
      case "fix": {
        const { problem, cause } = position;
        const othersOpen = problem.causes.some((c) => c !== cause && isOpen(problem, c));
        return [
          { key: ANSWER.yes, label: "解决了", group: null, next: () => (settle(problem, cause, { state: "solved", by: "check" }), { kind: "solved", problem, cause }) },
          {
            key: ANSWER.no,
            label: othersOpen ? "没有解决，继续排查其他原因" : "没有解决",
            group: null,
            next: () => (settle(problem, cause, { state: "fix-failed", by: "check" }), advance(problem, null)),
          },
        ];
      }
      case "unsolved":
        return [{ key: ANSWER.support, label: "整理信息交给技术支持", group: null, next: () => ({ kind: "support" }) }];
      case "article": {
        const area = graph.areaOf.get(position.entry.id);
        const none = area ? graph.nodes.get(nodeIds.none(area)) : undefined;
        return none ? [{ key: ANSWER.no, label: "没有解决我的问题", group: null, next: () => ({ kind: "choice", node: none }) }] : [];
      }
      case "solved":
      case "support":
        return [];
    }
  };

  let position: Position | null = go(start.to === "problem" ? { to: "problem", entry: start.entry, cause: start.cause, mode: "start" } : start);
  if (!position) return { ok: false, reason: "unknown-start", validUpTo: null };
  for (const [index, key] of state.answers.entries()) {
    const here: WizardState = { ...state, answers: state.answers.slice(0, index) };
    const choices = choicesAt(position);
    if (choices.length === 0) return { ok: false, reason: "past-the-end", validUpTo: here };
    const choice = choices.find((c) => c.key === key);
    if (!choice) return { ok: false, reason: "unknown-answer", validUpTo: here };
    trail.push({ position, answer: { key: choice.key, label: choice.label, group: choice.group }, state: here, fromLog: null });
    position = choice.next();
  }
  const options = choicesAt(position).map(({ key, label, group }) => ({ key, label, group }));
  return { ok: true, position, trail, state, options, statuses, scope, visited };
}

/** `(graph, state, answer) → state`: the state after answering, or null when the answer does not fit. */
export function next(graph: WizardGraph, state: WizardState, answer: string): WizardState | null {
  const current = resolve(graph, state);
  if (!current.ok || !current.options.some((o) => o.key === answer)) return null;
  return { ...state, answers: [...state.answers, answer] };
}

/** The causes of a problem this path has not ruled out, failed or given up on: "还剩 k 个可能原因". */
export function causesLeft(walk: Pick<Walk, "statuses">, problem: Problem): number {
  return problem.causes.filter((c) => {
    const state = walk.statuses.get(causeKey(problem.id, c.id))?.state;
    return state === undefined || state === "confirmed" || state === "solved";
  }).length;
}

/** The wizard a position belongs to, for headings and the page title. */
export function wizardTitle(position: Position): string {
  switch (position.kind) {
    case "choice":
      return position.node.wizard.title;
    case "article":
      return position.entry.title;
    case "support":
      return "整理给技术支持的信息";
    default:
      return position.problem.title;
  }
}

/** The question a step asks, as the trail and the summary repeat it. */
export function questionOf(position: Position): string {
  switch (position.kind) {
    case "choice":
      return position.node.question;
    case "check":
      return position.cause.check.question;
    case "fix":
      return `按「${position.cause.title}」的解决办法处理后，问题解决了吗？`;
    case "solved":
      return "问题已解决";
    case "unsolved":
      return `「${position.problem.title}」的原因都看过了`;
    case "article":
      return `「${position.entry.title}」解决你的问题了吗？`;
    case "support":
      return "整理给技术支持的信息";
  }
}
