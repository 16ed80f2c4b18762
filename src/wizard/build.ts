import { TRIAGE_START, wizardKey } from "@/urls";
import { optionEffect } from "@/content/flow-semantics";
import type { KnowledgeGraph } from "@/content/graph";
import type { Cause, Entry, Flow, FlowOption, FlowStep, Problem, TaxonomyItem } from "@/content/schema";
import type { Article, ChoiceNode, ChoiceOption, Go, NodeId, Scope, Start, WizardGraph } from "./model";

/** Node ids, readable in logs and tests. */
export const nodeIds = {
  triage: "triage",
  menu: (scope: Pick<Scope, "by" | "slug">) => `${scope.by}/${scope.slug}`,
  none: (scope: Pick<Scope, "by" | "slug">) => `none/${scope.by}/${scope.slug}`,
  flow: (flow: string, step: string) => `flow/${flow}/${step}`,
};

export const TRIAGE_KEY = TRIAGE_START;
export const TRIAGE_TITLE = "引导式排查";
/** The key of "都不是" in a menu, and of a system in the first screen: a dot never occurs in an id. */
export const NONE_KEY = "x.none";
export const systemKey = (slug: string) => `sys.${slug}`;

export const GROUP = { byArea: "按出问题的地方", bySystem: "按系统", problems: "排查问题", articles: "问答和操作指南" } as const;

export interface BuildOptions {
  /**
   * The order a problem's causes are asked in; the engine asks the first open cause of
   * `problem.causes`, so this is the order of that list. Default: the author's
   * (src/feedback/cause-order.ts supplies the order learned from use).
   */
  readonly causeOrder?: (problem: Problem) => readonly Cause[];
}

/**
 * Derives every wizard from the knowledge graph. Pure: the same graph and order give the same wizards.
 * Every entry is an option of its area's menu and of its system's menu, two answers from the
 * first screen; questions and guides are final steps that show their answer inside the wizard.
 */
export function buildWizardGraph(graph: KnowledgeGraph, options: BuildOptions = {}): WizardGraph {
  const nodes = new Map<NodeId, ChoiceNode>();
  const starts = new Map<string, Start>();
  const problems = new Map<string, Problem>();
  const articles = new Map<string, Article>();
  const areaOf = new Map<string, Scope>();
  const add = (node: ChoiceNode) => nodes.set(node.id, node);
  const triage = { key: TRIAGE_KEY, title: TRIAGE_TITLE };

  for (const entry of graph.entries) {
    if (entry.kind === "problem") problems.set(entry.id, inOrder(entry, options.causeOrder));
    else articles.set(entry.id, entry);
    starts.set(entry.id, entry.kind === "problem" ? { to: "problem", entry: entry.id, cause: null } : { to: "article", entry: entry.id });
    if (entry.kind === "problem") for (const cause of entry.causes) starts.set(wizardKey(entry.id, cause.id), { to: "problem", entry: entry.id, cause: cause.id });
  }
  for (const flow of graph.flows) addFlow(flow, graph, add, starts);

  const scopes: { scope: Scope; entries: Entry[]; flows: Flow[] }[] = [
    ...graph.taxonomy.areas.map((area) => scopeOf("area", area, graph)),
    ...graph.taxonomy.systems.map((system) => scopeOf("system", system, graph)),
  ].filter((s) => s.entries.length + s.flows.length > 0);
  for (const { scope, entries, flows } of scopes) {
    if (scope.by === "area") for (const entry of entries) areaOf.set(entry.id, scope);
    const wizard = { key: TRIAGE_KEY, title: scope.label };
    const entryOption = (entry: Entry, group: string): ChoiceOption => ({
      key: entry.id,
      label: entry.title,
      group,
      go: entry.kind === "problem" ? { to: "problem", entry: entry.id, cause: null, mode: "start" } : { to: "article", entry: entry.id },
      rulesOut: [],
    });
    add({
      id: nodeIds.menu(scope),
      kind: "menu",
      wizard,
      question: `${scope.label}：具体是哪种情况？`,
      body: null,
      scope,
      flow: null,
      options: [
        ...flows.map((f): ChoiceOption => ({ key: f.id, label: f.title, group: GROUP.problems, go: { to: "node", id: nodeIds.flow(f.id, f.steps[0]?.id ?? "") }, rulesOut: [] })),
        ...entries.filter((e) => e.kind === "problem").map((e) => entryOption(e, GROUP.problems)),
        ...entries.filter((e) => e.kind !== "problem").map((e) => entryOption(e, GROUP.articles)),
        { key: NONE_KEY, label: "都不是", group: null, go: { to: "node", id: nodeIds.none(scope) }, rulesOut: [] },
      ],
    });
    add(noneNode(scope, wizard));
  }
  add({
    id: nodeIds.triage,
    kind: "triage",
    wizard: triage,
    question: "你遇到了什么问题？",
    body: null,
    scope: null,
    flow: null,
    options: scopes.map(({ scope }) => ({
      key: scope.by === "area" ? scope.slug : systemKey(scope.slug),
      label: scope.label,
      group: scope.by === "area" ? GROUP.byArea : GROUP.bySystem,
      go: { to: "node", id: nodeIds.menu(scope) },
      rulesOut: [],
    })),
  });
  starts.set(TRIAGE_KEY, { to: "node", id: nodeIds.triage });
  return { nodes, starts, problems, articles, areaOf };
}

/**
 * The problem with its causes in the given order (the same object when the order is the author's).
 * An order is only an order: a cause it leaves out is still asked, after the ones it names and in
 * the author's order, and a cause it names twice or that is not the problem's is not asked again.
 */
function inOrder(problem: Problem, causeOrder: BuildOptions["causeOrder"]): Problem {
  const given = causeOrder?.(problem);
  if (!given) return problem;
  const causes = [...new Set([...given.filter((cause) => problem.causes.includes(cause)), ...problem.causes])];
  if (causes.every((cause, i) => cause === problem.causes[i])) return problem;
  return { ...problem, causes };
}

/**
 * "都不是": the page offers search (prefilled with what the user told the wizard) and the
 * scope's other entries as links; its one option leads on to the summary for support.
 */
function noneNode(scope: Scope, wizard: ChoiceNode["wizard"]): ChoiceNode {
  return {
    id: nodeIds.none(scope),
    kind: "none",
    wizard,
    question: "没有符合的情况？换个方式找找",
    body: null,
    scope,
    flow: null,
    options: [{ key: "s", label: "还是没找到，整理信息交给技术支持", group: null, go: { to: "support" }, rulesOut: [] }],
  };
}

/**
 * A system's menu also offers the flows whose every entry belongs to that system, so "my
 * wechat-api is broken" finds the same guided diagnosis as "Docker is broken".
 */
function scopeOf(by: Scope["by"], item: TaxonomyItem, graph: KnowledgeGraph): { scope: Scope; entries: Entry[]; flows: Flow[] } {
  const scope: Scope = { by, slug: item.slug, label: item.label };
  const entries = graph.entries.filter((e) => e[by] === item.slug);
  const flows =
    by === "area"
      ? graph.flows.filter((f) => f.area === item.slug)
      : graph.flows.filter((f) => {
          const targets = f.steps.flatMap((s) => s.options.flatMap((o) => (o.target.kind === "entry" ? [o.target.entry] : [])));
          return targets.length > 0 && targets.every((id) => graph.byId.get(id)?.system === item.slug);
        });
  return { scope, entries, flows };
}

function addFlow(flow: Flow, graph: KnowledgeGraph, add: (node: ChoiceNode) => void, starts: Map<string, Start>): void {
  const wizard = { key: flow.id, title: flow.title };
  const area = graph.taxonomy.areas.find((a) => a.slug === flow.area);
  const scope: Scope | null = area ? { by: "area", slug: area.slug, label: area.label } : null;
  for (const step of flow.steps) {
    const options = step.options.map((option): ChoiceOption => {
      const effect = optionEffect(step, option);
      return { key: optionKey(option), label: option.label, group: null, go: goOf(flow, step, option, graph), rulesOut: effect.rulesOut };
    });
    add({ id: nodeIds.flow(flow.id, step.id), kind: "flow", wizard, question: step.question, body: step.body, scope, flow: { id: flow.id, step: step.id }, options: dedupeKeys(options) });
  }
  const first = flow.steps[0];
  if (first) starts.set(flow.id, { to: "node", id: nodeIds.flow(flow.id, first.id) });
}

function goOf(flow: Flow, step: FlowStep, option: FlowOption, graph: KnowledgeGraph): Go {
  const target = option.target;
  if (target.kind === "step") return { to: "node", id: nodeIds.flow(flow.id, target.step) };
  if (graph.byId.get(target.entry)?.kind !== "problem") return { to: "article", entry: target.entry };
  const effect = optionEffect(step, option);
  const mode = effect.confirms ? "confirm" : effect.asksAgain ? "ask-again" : "start";
  return { to: "problem", entry: target.entry, cause: target.cause, mode };
}

function optionKey(option: FlowOption): string {
  const target = option.target;
  return target.kind === "step" ? target.step : wizardKey(target.entry, target.cause);
}

/** A confirming and an unsure answer may point at the same cause; their URL keys must still differ. */
function dedupeKeys(options: readonly ChoiceOption[]): ChoiceOption[] {
  const seen = new Map<string, number>();
  return options.map((option) => {
    const count = seen.get(option.key) ?? 0;
    seen.set(option.key, count + 1);
    return count === 0 ? option : { ...option, key: `${option.key}.${count + 1}` };
  });
}
